import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render-markdown';

// The shared tsconfig has neither DOM nor Node types, but Vitest runs this under Node, where both
// globals exist: declare just what the budget test uses.
declare const performance: { now(): number };
declare const console: { info(message: string): void };

const render = (body: string, allowRemote = false) => renderMarkdown(body, { allowRemote });

describe('renderMarkdown', () => {
  it('renders CommonMark with GFM tables, strikethrough and raw HTML (unsanitised here)', () => {
    const { html } = render('| a | b |\n|:-|-:|\n| 1 | 2 |\n\n~~gone~~ *em*\n\n<p class="raw">raw</p>\n');
    expect(html).toContain('<table data-source-line="1">');
    expect(html).toContain('<th class="align-left">a</th>');
    expect(html).toContain('<td class="align-right">2</td>');
    expect(html).not.toContain('style=');
    expect(html).toContain('<s>gone</s>');
    expect(html).toContain('<p class="raw">raw</p>');
  });

  it('does not linkify or apply typography', () => {
    const { html } = render('see https://example.com -- "quoted"');
    expect(html).not.toContain('<a');
    expect(html).toContain('-- &quot;quoted&quot;');
  });

  it('renders task lists with read-only boxes', () => {
    const { html } = render('- [ ] todo\n- [x] done\n- [X] also\n- plain [ ] not a task\n');
    expect(html).toContain('<ul class="contains-task-list" data-source-line="1">');
    expect(html.match(/class="task-list-item"/g)).toHaveLength(3);
    expect(html.match(/data-checked="true"/g)).toHaveLength(2);
    expect(html).toContain('Not done');
    expect(html).toContain('plain [ ] not a task');
    expect(html).not.toContain('<input');
  });

  describe('Hugo shortcodes', () => {
    it('shows a block shortcode as a labelled opaque block', () => {
      const { html } = render('{{< youtube abc >}}\n');
      expect(html).toBe(
        '<div class="shortcode" data-source-line="1" data-shortcode="youtube"><span class="shortcode-label">youtube abc</span></div>\n',
      );
    });

    it('handles % shortcodes, inline ones and paired ones with their inner text kept opaque', () => {
      const { html } = render('Watch {{< vimeo 42 >}} now.\n\n{{% notice tip %}}\n**not rendered** <b>x</b>\n{{% /notice %}}\n\nAfter\n');
      expect(html).toContain('<span class="shortcode" data-shortcode="vimeo"><span class="shortcode-label">vimeo 42</span></span>');
      expect(html).toContain('data-shortcode="notice"><span class="shortcode-label">notice tip</span><pre class="shortcode-inner">**not rendered** &lt;b&gt;x&lt;/b&gt;</pre></div>');
      expect(html).toContain('<p data-source-line="7">After</p>');
    });

    it('escapes markup in shortcode arguments and prints escaped shortcodes literally', () => {
      const { html } = render('{{< x "<img src=1 onerror=alert(1)>" >}}\n\n{{</* figure src="a" */>}}\n');
      expect(html).not.toContain('<img');
      expect(html).toContain('{{&lt; figure src=&quot;a&quot; &gt;}}');
    });

    it('leaves unclosed or code-fenced shortcodes as text', () => {
      const { html } = render('{{< never closed\n\n```\n{{< youtube abc >}}\n```\n');
      expect(html).toContain('<p data-source-line="1">{{&lt; never closed</p>');
      expect(html).toContain('{{&lt; youtube abc &gt;}}\n</code>');
    });
  });

  it('marks every block with its 1-based body line', () => {
    const { html, sourceMap } = render('# Title\n\npara\nmore\n\n> quote\n\n```js\ncode\n```\n\n---\n\n<div>raw</div>\n');
    expect(html).toContain('<h1 data-source-line="1" id="title">');
    expect(html).toContain('<p data-source-line="3">para\nmore</p>');
    expect(html).toContain('<blockquote data-source-line="6">');
    expect(html).toContain('data-source-line="8" class="language-js"');
    expect(html).toContain('<hr data-source-line="12" />');
    expect(html).toContain('<div class="source-line-marker" data-source-line="14" aria-hidden="true"></div><div>raw</div>');
    expect(sourceMap.find((entry) => entry.tag === 'p')).toEqual({ line: 3, endLine: 4, tag: 'p' });
  });

  it('escapes markup in a code fence info string', () => {
    const { html } = render('```"><img src=x onerror=alert(1)>\ncode\n```\n');
    expect(html).not.toContain('<img');
  });

  it('refuses dangerous Markdown link targets', () => {
    const { html } = render('[a](javascript:alert(1)) [b](vbscript:x) [c](file:///etc/passwd) [d](data:text/html,x) <javascript:alert(1)>');
    expect(html).not.toContain('href');
  });

  it('extracts headings with unique ids, links and images with lines, raw HTML included', () => {
    const result = render('# Intro\n\n## Intro\n\n[a](other.md) and\n[b](https://x.test) ![pic](img/a.png)\n\n<p><a href="raw.md">r</a>\n<img src="raw.png"></p>\n');
    expect(result.headings).toEqual([
      { level: 1, text: 'Intro', id: 'intro', line: 1 },
      { level: 2, text: 'Intro', id: 'intro-1', line: 3 },
    ]);
    expect(result.links).toEqual([
      { href: 'other.md', kind: 'relative', line: 5, origin: 'markdown' },
      { href: 'https://x.test', kind: 'https', line: 6, origin: 'markdown' },
      { href: 'raw.md', kind: 'relative', line: 8, origin: 'html' },
    ]);
    expect(result.images).toEqual([
      { src: 'img/a.png', alt: 'pic', kind: 'relative', line: 6, origin: 'markdown' },
      { src: 'raw.png', alt: '', kind: 'relative', line: 9, origin: 'html' },
    ]);
  });

  it('blocks remote Markdown images unless allowed, and resolves local ones', () => {
    expect(render('![p](https://canary.test/p.png)').html).not.toContain('canary');
    expect(render('![p](https://canary.test/p.png)', true).html).toContain('src="https://canary.test/p.png"');
    const resolveLocal = (src: string) => (src === 'a b.png' ? 'blob:folio/1' : null);
    const { html } = renderMarkdown('![a](a%20b.png) ![m](missing.png)', { allowRemote: false, resolveLocal });
    expect(html).toContain('src="blob:folio/1"');
    expect(html).toContain('<span class="missing-image" role="img" aria-label="Missing image: missing.png">');
  });

  it('renders only the first maxChars of a huge body, with a note', () => {
    const body = 'line\n\n'.repeat(1000);
    const result = renderMarkdown(body, { allowRemote: false, limits: { maxChars: 100 } });
    expect(result.truncated).toBe(true);
    expect(result.html).toContain('class="preview-truncated"');
    expect(result.html.match(/<p data-source-line/g)?.length).toBeLessThan(20);
  });

  describe('pathological input (threats row 17) stays within budget', () => {
    const cases: Record<string, string> = {
      "'*'.repeat(60000)": '*'.repeat(60000),
      '10,000-deep > nesting': `${'>'.repeat(10000)} x`,
      '10,000 lines of ever deeper >': Array.from({ length: 10000 }, (_, i) => `${'>'.repeat(i + 1)} x`).join('\n'),
      '5,000 nested lists (compact)': `${'- '.repeat(5000)}x`,
      '5,000 nested lists (indented)': Array.from({ length: 5000 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n'),
      '5,000 nested ordered lists': Array.from({ length: 5000 }, (_, i) => `${'   '.repeat(i)}1. x`).join('\n'),
      "'[a'.repeat(130000)": '[a'.repeat(130000),
      "'*a **'.repeat(50000)": '*a **'.repeat(50000),
      "'{{<'.repeat(80000)": '{{<'.repeat(80000),
      "'<a'.repeat(120000)": '<a'.repeat(120000),
      '5,000-column table': `|${'a|'.repeat(5000)}\n|${'-|'.repeat(5000)}\n${`|${'b|'.repeat(5000)}\n`.repeat(100)}`,
    };
    it.each(Object.entries(cases))('%s', (name, body) => {
      renderMarkdown(body.slice(0, 1000), { allowRemote: false });
      const start = performance.now();
      const result = renderMarkdown(body, { allowRemote: false });
      const ms = performance.now() - start;
      console.info(`[markdown budget] ${name}: ${(body.length / 1024).toFixed(0)} KB -> ${ms.toFixed(1)} ms${result.truncated ? ' (truncated)' : ''}`);
      expect(ms).toBeLessThan(1000);
    });
  });
});
