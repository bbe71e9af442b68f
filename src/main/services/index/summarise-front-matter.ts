import { parseForIndex } from '../../../shared/domain/frontmatter/parse-for-index';

function asText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

/** The list's title and date for one file, from the fast index parser. */
export function summariseFrontMatter(text: string): { title: string | null; date: string | null } {
  const parsed = parseForIndex(text);
  const data = parsed.data ?? {};
  return { title: asText(data['title']), date: asText(data['date']) };
}
