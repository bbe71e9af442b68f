/** Longest body text kept for search: a huge body would cost memory for little recall. */
export const MAX_BODY_TEXT_LENGTH = 100_000;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/**
 * Reduces a Markdown/HTML body to plain words for search: tags, comments, code fences, link
 * targets and Markdown punctuation go; link and image text stay. Not a renderer: it only has to
 * keep the words a curator would search for.
 */
export function toSearchText(body: string, maxLength = MAX_BODY_TEXT_LENGTH): string {
  let text = body.length > maxLength * 2 ? body.slice(0, maxLength * 2) : body;
  // Each pass only when its lead character occurs: most bodies have no HTML, entities or links,
  // and a scan runs this on every item.
  if (text.includes('<')) {
    text = text
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<[^>]*>/g, ' ');
  }
  if (text.includes('&')) text = text.replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_m, name: string) => ENTITIES[name] ?? ' ');
  if (text.includes('](')) text = text.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
  text = text
    .replace(/^\s{0,3}(?:#{1,6}|>+|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/```|~~~|[*_`~|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > maxLength ? text.slice(0, maxLength) : text;
}
