/** Splits text into lines that keep their own endings, so joining them gives the text back. */
export function splitLines(text: string): string[] {
  return text === '' ? [] : (text.match(/[^\n]*\n|[^\n]+$/g) ?? []);
}
