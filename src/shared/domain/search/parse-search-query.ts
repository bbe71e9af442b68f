import { tokenize } from './tokenize';

/** One word of a search: matched exactly, or as a prefix for the word still being typed. */
export interface SearchTerm {
  readonly text: string;
  readonly prefix: boolean;
}

/**
 * Splits a search box value into terms. The last word is a prefix unless the query ends with a
 * space, so `clin` already finds `clinical` while typing; repeated words count once.
 */
export function parseSearchQuery(query: string): SearchTerm[] {
  const words = tokenize(query);
  const endsWithWord = /[\p{L}\p{N}]$/u.test(query);
  const terms = new Map<string, boolean>();
  words.forEach((word, i) => {
    const prefix = endsWithWord && i === words.length - 1;
    terms.set(word, (terms.get(word) ?? false) || prefix);
  });
  // A prefix term also covers an exact term of the same text, so the exact one is dropped.
  return [...terms].map(([text, prefix]) => ({ text, prefix }));
}
