// Letters and digits of any script; everything else separates words.
const WORD = /[\p{L}\p{N}]+/gu;
const NON_ASCII = /[\u0080-\uffff]/;
const MARKS = /\p{M}+/gu;

/** Lower-cases and strips accents so `Café` matches `cafe`; ASCII text skips the costly normalisation. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(MARKS, '') : lower;
}

/** The folded words of a text, in order (duplicates kept). */
export function tokenize(text: string): string[] {
  return foldText(text).match(WORD) ?? [];
}

/** Calls `visit` with each word of the original text, its folded form and its offsets (for highlighting). */
export function forEachWord(text: string, visit: (folded: string, start: number, end: number) => void): void {
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) visit(foldText(m[0]), m.index, m.index + m[0].length);
}
