import { splitFrontMatter } from './split-front-matter';

/**
 * Replaces a file's body and keeps everything before it (BOM, fences, front matter) byte for
 * byte, whether or not the front matter parses: a curator can fix the body of a file whose YAML
 * is broken without Folio touching the broken part.
 */
export function replaceBody(text: string, body: string): string {
  const split = splitFrontMatter(text);
  return text.slice(0, split.bodyOffset) + body;
}
