/** Turns heading text into a GitHub-style anchor id (`Hello, World!` -> `hello-world`). */
export function slugifyHeading(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s+/g, '-');
}
