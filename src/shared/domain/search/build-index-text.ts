import type { IndexText } from './index-entry';
import { toSearchText } from './to-search-text';

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** The searchable fields of an item from its front matter and Markdown body. */
export function buildIndexText(frontmatter: Readonly<Record<string, unknown>> | null, body: string): IndexText {
  return {
    title: text(frontmatter?.['title']).trim(),
    description: toSearchText(text(frontmatter?.['description'])),
    body: toSearchText(body),
  };
}
