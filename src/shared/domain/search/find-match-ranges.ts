import { forEachWord } from './tokenize';
import type { SearchTerm } from './parse-search-query';

/** A highlighted span in a text: [start, end) UTF-16 offsets. */
export interface MatchRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Where the search terms occur in one text, for highlighting. Computed for visible rows only:
 * doing it for every match of every keystroke would cost more than the search itself.
 */
export function findMatchRanges(text: string, terms: readonly SearchTerm[]): MatchRange[] {
  const ranges: MatchRange[] = [];
  if (terms.length === 0) return ranges;
  forEachWord(text, (folded, start, end) => {
    for (const term of terms) {
      if (term.prefix ? folded.startsWith(term.text) : folded === term.text) {
        // A prefix match highlights only the typed part when folding kept the length.
        const length = term.prefix && folded.length === end - start ? term.text.length : end - start;
        ranges.push({ start, end: start + length });
        return;
      }
    }
  });
  return ranges;
}
