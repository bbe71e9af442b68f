/** A URL-bearing attribute found in raw HTML. */
export interface HtmlReference {
  readonly tag: string;
  readonly attribute: 'href' | 'src';
  /** The attribute value as written (entities not yet decoded). */
  readonly value: string;
  /** Offset of the tag in the scanned text, to compute its line. */
  readonly offset: number;
}

const TAGS = new Set(['a', 'area', 'img', 'source', 'video', 'audio', 'iframe', 'embed', 'script', 'link']);
const ATTRIBUTE = /\s(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

/**
 * Finds `href` and `src` targets in raw HTML without a DOM (src/shared has none), so the
 * validator can flag broken links and missing images in curated HTML too. One pass: each tag
 * runs to its first `>`, as in a browser, which keeps hostile input like `<a<a<a...` linear.
 */
export function extractHtmlReferences(html: string): HtmlReference[] {
  const found: HtmlReference[] = [];
  let i = html.indexOf('<');
  while (i !== -1) {
    const end = html.indexOf('>', i + 1);
    if (end === -1) break;
    const tag = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(i, Math.min(end, i + 40)))?.[1]?.toLowerCase();
    if (tag !== undefined && TAGS.has(tag)) {
      const text = html.slice(i, end);
      for (const m of text.matchAll(ATTRIBUTE)) {
        const attribute = m[1]?.toLowerCase() === 'href' ? 'href' : 'src';
        found.push({ tag, attribute, value: m[2] ?? m[3] ?? m[4] ?? '', offset: i });
      }
      i = html.indexOf('<', end + 1);
    } else {
      i = html.indexOf('<', i + 1);
    }
  }
  return found;
}
