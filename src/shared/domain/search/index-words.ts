import type { IndexText } from './index-entry';
import { foldText, tokenize } from './tokenize';

/** Which field a word was found in, as bits (a word in the title and the body carries both). */
export const WORD_IN_TITLE = 1;
export const WORD_IN_DESCRIPTION = 2;
export const WORD_IN_BODY = 4;

/**
 * An item's searchable words, tokenised once: the folded title (for quick open) and each distinct
 * word with the fields it appears in. Plain strings, so the words can be made on one thread and
 * indexed on another for the cost of copying two strings, not of tokenising again.
 */
export interface IndexWords {
  readonly title: string;
  /**
   * Space-separated `<bits><word>`: one digit (1-7) of field bits, then the folded word. Words are
   * letters and digits only, so a space never occurs inside one and the first character is always
   * the bits.
   */
  readonly words: string;
}

/** Tokenises an item's text into `IndexWords`. */
export function indexWords(text: IndexText): IndexWords {
  const fields = new Map<string, number>();
  const add = (value: string, bit: number): void => {
    if (value === '') return;
    for (const word of tokenize(value)) fields.set(word, (fields.get(word) ?? 0) | bit);
  };
  add(text.title, WORD_IN_TITLE);
  add(text.description, WORD_IN_DESCRIPTION);
  add(text.body, WORD_IN_BODY);
  let words = '';
  for (const [word, bits] of fields) words += words === '' ? `${bits}${word}` : ` ${bits}${word}`;
  return { title: foldText(text.title), words };
}

/** Calls `visit` with each word of `IndexWords.words` and its field bits. */
export function forEachIndexWord(words: string, visit: (word: string, bits: number) => void): void {
  let start = 0;
  while (start < words.length) {
    let end = words.indexOf(' ', start);
    if (end === -1) end = words.length;
    if (end > start + 1) visit(words.slice(start + 1, end), words.charCodeAt(start) - 48);
    start = end + 1;
  }
}
