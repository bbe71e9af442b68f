// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../../shared/domain/markdown';
import { sanitizePreviewHtml } from './sanitize-preview-html';

/** Threats rows 2-4: every payload goes through the real pipeline, Markdown render then sanitise. */
const payloads: Record<string, string> = {
  script: '<script>window.__pwned=1</script>',
  imgOnerror: '<img src=x onerror="window.__pwned=1">',
  svgOnload: '<svg onload="window.__pwned=1"><circle r="1"/></svg>',
  svgScript: '<svg><script>window.__pwned=1</script></svg>',
  iframeSrcdoc: '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  javascriptHref: '<a href="javascript:window.__pwned=1">x</a>',
  spacedJavascript: '<a href="  JaVaScRiPt:window.__pwned=1">x</a>',
  tabbedJavascript: '<a href="java\tscript:window.__pwned=1">x</a>',
  entityJavascript: '<a href="&#106;avascript:window.__pwned=1">x</a>',
  vbscript: '<a href="vbscript:msgbox(1)">x</a>',
  dataHtml: '<a href="data:text/html,<script>window.__pwned=1</script>">x</a>',
  dataHtmlImg: '<img src="data:text/html;base64,PHNjcmlwdD4=">',
  svgDataImg: '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
  file: '<a href="file:///etc/passwd">x</a><img src="file:///etc/passwd">',
  customScheme: '<a href="folio://open">x</a><a href="ms-settings:">y</a>',
  metaRefresh: '<meta http-equiv="refresh" content="0;url=https://canary.test/">',
  form: '<form action="https://canary.test/"><input name=q><button>go</button></form>',
  base: '<base href="https://canary.test/">',
  object: '<object data="https://canary.test/x.swf"></object>',
  embed: '<embed src="https://canary.test/x.swf">',
  styleImport: '<style>@import url(https://canary.test/x.css);</style>',
  styleAttr: '<div style="background:url(https://canary.test/bg.png)">bg</div>',
  linkStylesheet: '<link rel="stylesheet" href="https://canary.test/x.css">',
  tdBackground: '<table><tr><td background="https://canary.test/td.png">x</td></tr></table>',
  srcset: '<img src="a.png" srcset="https://canary.test/2x.png 2x">',
  videoPoster: '<video poster="https://canary.test/p.png" src="https://canary.test/v.mp4"></video>',
  pictureSource: '<picture><source srcset="https://canary.test/p.webp"><img src="https://canary.test/p.png"></picture>',
  remoteImg: '<img src="https://canary.test/pixel.png">',
  protocolRelativeImg: '<img src="//canary.test/pixel.png"><img src="/\\canary.test/pixel.png">',
  targetBlank: '<a href="https://example.com" target="_blank">x</a>',
  fenceInfo: '```"><img src=x onerror=alert(1)>\ncode\n```',
  mdJavascript: '[x](javascript:alert(1))',
  mdJavascriptRef: '[x][r]\n\n[r]: javascript:alert(1)',
  mdRemoteImage: '![pixel](https://canary.test/pixel.png)',
  autolinks: '<javascript:alert(1)> <https://example.com> <mailto:a@b.c> <vbscript:x>',
  mathml: '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  mutation: '<noscript><p title="</noscript><img src=x onerror=window.__pwned=1>">',
  domClobber: '<img name="getElementById"><form id="root"></form><a id="cookie">c</a>',
  templateScript: '<template><script>window.__pwned=1</script></template>',
  shortcodeHtml: '{{< youtube "<img src=x onerror=window.__pwned=1>" >}}',
};
const allPayloads = Object.values(payloads).join('\n\n');

function pipeline(body: string, allowRemote = false): string {
  return sanitizePreviewHtml(renderMarkdown(body, { allowRemote }).html, { allowRemote });
}

function assertSafe(html: string, allowRemote: boolean): void {
  const host = document.createElement('div');
  host.innerHTML = html;
  expect(host.querySelector('script, iframe, object, embed, form, input, button, base, meta, link, style, svg, math, video, audio, source')).toBeNull();
  for (const element of host.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      expect(attribute.name, `${element.localName} ${attribute.name}`).not.toMatch(/^on/i);
      expect(['style', 'srcdoc', 'srcset', 'target', 'background', 'poster']).not.toContain(attribute.name);
    }
    for (const name of ['href', 'src']) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      expect(value, `${element.localName} ${name}`).not.toMatch(/^\s*(javascript|vbscript|file|data:text|data:image\/svg|folio|ms-settings)/i);
      if (name === 'src' && !allowRemote) expect(value).not.toMatch(/^(https?:)?[/\\]{2}/i);
    }
    if (element.localName === 'a' && element.hasAttribute('href')) expect(element.getAttribute('rel')).toBe('noopener noreferrer');
  }
  // Inside tags only: escaped text such as `[x](javascript:alert(1))` shown literally is harmless.
  if (!allowRemote) expect(html).not.toMatch(/<[^>]*canary\.test/);
  expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/<[^>]*(javascript|vbscript|file):/i);
}

describe('sanitizePreviewHtml', () => {
  it.each(Object.entries(payloads))('neutralises %s', (_name, body) => {
    assertSafe(pipeline(body), false);
  });

  it('neutralises the whole payload set at once, and nothing runs when inserted', async () => {
    const html = pipeline(allPayloads);
    assertSafe(html, false);
    // Vitest's jsdom runs no scripts at all, which would make this check vacuous: load the
    // output as a whole page in a jsdom that does run them, and prove it with a control.
    const pwned = async (page: string): Promise<unknown> => {
      const dom = new JSDOM(`<!doctype html><body>${page}</body>`, { runScripts: 'dangerously' });
      const { document: doc, Event: DomEvent } = dom.window;
      for (const element of doc.querySelectorAll('*')) {
        for (const type of ['error', 'load', 'click', 'mouseover', 'focus']) element.dispatchEvent(new DomEvent(type));
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
      const result = (dom.window as unknown as { __pwned?: unknown }).__pwned;
      dom.window.close();
      return result;
    };
    expect(await pwned(renderMarkdown(allPayloads, { allowRemote: false }).html)).toBe(1);
    expect(await pwned(html)).toBeUndefined();
  });

  it('replaces remote images by a placeholder unless remote content is allowed', () => {
    const blocked = pipeline('![pixel](https://canary.test/pixel.png)\n\n<img src="https://canary.test/raw.png" alt="raw">');
    expect(blocked).not.toContain('canary.test');
    expect(blocked.match(/class="blocked-remote"/g)).toHaveLength(2);
    const allowed = pipeline('![pixel](https://canary.test/pixel.png)\n\n<img src="https://canary.test/raw.png"><img src="http://canary.test/plain.png">', true);
    expect(allowed).toContain('src="https://canary.test/pixel.png"');
    expect(allowed).toContain('src="https://canary.test/raw.png"');
    // Plain http never loads, even when remote content is allowed.
    expect(allowed).not.toContain('http://canary.test');
    assertSafe(pipeline(allPayloads, true), true);
  });

  it('keeps safe links, relative and raster data images', () => {
    const html = pipeline(
      '[a](https://example.com/x) [m](mailto:a@b.c) [r](../other/item.md#part) [f](#intro) ' +
        '![i](img/a.png) ![d](data:image/png;base64,iVBORw0KGgo=)',
    );
    expect(html).toContain('href="https://example.com/x"');
    expect(html).toContain('href="mailto:a@b.c"');
    expect(html).toContain('href="../other/item.md#part"');
    expect(html).toContain('href="#intro"');
    expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
  });

  it('takes relative images out of src (no fetch from the app origin or file:) and defers them to data-folio-src', () => {
    const html = pipeline('![i](img/a%20b.png)\n\n<img src="./x.jpg" alt="x"><img src="/images/y.png"><img src="../../etc/passwd">');
    const host = document.createElement('div');
    host.innerHTML = html;
    const images = [...host.querySelectorAll('img')];
    expect(images.map((img) => img.getAttribute('data-folio-src'))).toEqual(['img/a b.png', './x.jpg', '/images/y.png', '../../etc/passwd']);
    for (const img of images) expect(img.hasAttribute('src')).toBe(false);
    expect(images[1]?.getAttribute('alt')).toBe('x');
  });

  it('never keeps a data-folio-src written by content', () => {
    const html = sanitizePreviewHtml('<img src="data:image/png;base64,iVBORw0KGgo=" data-folio-src="../../etc/passwd"><span data-folio-src="a.png">t</span>', { allowRemote: false });
    expect(html).not.toContain('data-folio-src');
    expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
  });

  it('resolves local images, raw HTML ones included, and marks missing ones', () => {
    const resolveLocal = (src: string) => (src === 'missing.png' ? null : `blob:folio/${src}`);
    const html = sanitizePreviewHtml('<img src="a.png"><img src="missing.png"><img src="blob:https://evil/x">', { allowRemote: false, resolveLocal });
    expect(html).toContain('src="blob:folio/a.png"');
    expect(html).toContain('class="missing-image"');
    // A blob: URL written in content is not one Folio made.
    expect(html).not.toContain('blob:https://evil');
  });

  it('prefixes content ids so they cannot clobber the app', () => {
    const html = pipeline('# Intro\n\n<a id="root">x</a>');
    expect(html).toContain('id="user-content-intro"');
    expect(html).toContain('id="user-content-root"');
  });

  it('keeps the preview structure: source lines, shortcodes, task lists, table alignment', () => {
    const html = pipeline('{{< youtube abc >}}\n\n- [x] done\n\n| a |\n|:-:|\n| 1 |\n');
    expect(html).toContain('<div class="shortcode" data-source-line="1" data-shortcode="youtube">');
    expect(html).toContain('class="task-checkbox"');
    expect(html).toContain('class="align-center"');
    expect(html).toContain('data-source-line="3"');
  });
});
