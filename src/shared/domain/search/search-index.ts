import { flatString } from '../../lib/flat-string';
import { forEachFacetValue, type FacetSelection } from './facet-counts';
import { getPathValue } from './get-path-value';
import type { IndexEntry, IndexText } from './index-entry';
import { parseSearchQuery, type SearchTerm } from './parse-search-query';
import { charMask, fuzzyMatch, fuzzyScore } from './fuzzy-match';
import { forEachIndexWord, indexWords, WORD_IN_DESCRIPTION as DESCRIPTION, WORD_IN_TITLE as TITLE, type IndexWords } from './index-words';
import { foldText } from './tokenize';

/** Which field a word was found in, as bits in each posting (`IndexWords`' bits). */
const FIELD_BITS = 3;
const FIELD_MASK = (1 << FIELD_BITS) - 1;

/** Growable list of postings: `slot << 3 | fields`, in one typed array to keep 50,000 items compact. */
interface Posting {
  ids: Int32Array;
  length: number;
}

/** Per-entry data for quick open, folded once. */
interface QuickFields {
  readonly title: string;
  readonly path: string;
  readonly titleMask: number;
  readonly pathMask: number;
}

/** An entry's facet labels for a key, when the caller knows them (undefined: read the front matter). */
export type FacetLabelSource = (entry: IndexEntry, key: string) => readonly string[] | undefined;

/** A list query: facet values (AND across keys, OR within one) and a search text. */
export interface ListQuery {
  readonly facets?: FacetSelection;
  readonly text?: string;
}

/** One full-text hit: the entry, its relevance (title > description > body) and the terms to highlight. */
export interface SearchHit {
  readonly entry: IndexEntry;
  readonly score: number;
}

/** One quick-open result: which field matched and the matched character offsets in it. */
export interface QuickOpenHit {
  readonly entry: IndexEntry;
  readonly score: number;
  readonly field: 'title' | 'path';
  readonly positions: readonly number[];
}

/** Default number of quick-open results. */
export const QUICK_OPEN_LIMIT = 50;

function push(posting: Posting, value: number): void {
  if (posting.length === posting.ids.length) {
    const grown = new Int32Array(posting.ids.length * 2);
    grown.set(posting.ids);
    posting.ids = grown;
  }
  posting.ids[posting.length++] = value;
}

/**
 * An incremental inverted index over title, description and body words, plus folded titles and
 * paths for quick open. Each entry is tokenised once, when added; a keystroke then only walks the
 * postings of its few terms (the typed prefix through a sorted word array and binary search), so
 * a query stays in the low milliseconds at 50,000 entries.
 *
 * Replacing or removing an entry leaves its old postings behind as dead slots, skipped by queries;
 * the index rebuilds itself once dead slots outnumber live ones, which keeps updates O(words).
 */
export class SearchIndex {
  private slots: (IndexEntry | undefined)[] = [];
  private quick: (QuickFields | undefined)[] = [];
  private readonly slotByPath = new Map<string, number>();
  private readonly postings = new Map<string, Posting>();
  private sortedWords: string[] | null = null;
  private dead = 0;
  // Facet labels per slot, per key, filled lazily: slots only ever get appended.
  private readonly facetLabels = new Map<string, (readonly string[] | undefined)[]>();
  // Slot of each row of the last list filtered: re-filtering the same sorted list on every
  // keystroke then costs typed-array reads instead of 50,000 map lookups.
  private order: { entries: readonly IndexEntry[]; slots: Int32Array } | null = null;
  // Scores of the last search text: a keystroke's list and its facet counts filter by the same
  // text, and scoring a one-letter prefix walks most postings, so it is done once, not twice.
  private lastScores: { text: string; scores: Float32Array | null } | null = null;
  // Slots the last quick-open query matched: a query that extends it (the next keystroke) can only
  // match a subset, so it scores those instead of every title and path again.
  private lastQuick: { query: string; slots: Int32Array } | null = null;
  private facetLabelSource: FacetLabelSource | null = null;
  private scratch: { readonly matched: Uint8Array; readonly best: Uint8Array } | null = null;

  /** Builds the index over `entries` (later entries with the same path replace earlier ones). */
  constructor(entries: Iterable<IndexEntry> = []) {
    for (const entry of entries) this.upsert(entry);
  }

  /** Number of live entries. */
  get size(): number {
    return this.slotByPath.size;
  }

  /** The live entry at a path. */
  get(path: string): IndexEntry | undefined {
    const slot = this.slotByPath.get(path);
    return slot === undefined ? undefined : this.slots[slot];
  }

  /** Every live entry, in insertion order of their current version. */
  entries(): IndexEntry[] {
    return this.slots.filter((e): e is IndexEntry => e !== undefined);
  }

  /**
   * Adds an entry or replaces the one at the same path. `text` is what gets tokenised (the
   * entry's own by default): the index keeps postings, never the text, so a caller may store a
   * slimmer entry than the one it indexes.
   */
  upsert(entry: IndexEntry, text: IndexText = entry.text): void {
    this.upsertWords(entry, indexWords(text));
  }

  /** Adds or replaces an entry from words tokenised beforehand (perhaps on another thread). */
  upsertWords(entry: IndexEntry, words: IndexWords): void {
    this.removeSlot(entry.path);
    const slot = this.slots.length;
    this.slots.push(entry);
    const title = flatString(words.title);
    const lowerPath = entry.path.toLowerCase();
    this.quick.push({ title, path: lowerPath, titleMask: charMask(title), pathMask: charMask(lowerPath) });
    this.order = null;
    this.lastQuick = null;
    this.lastScores = null;
    this.slotByPath.set(entry.path, slot);
    forEachIndexWord(words.words, (word, bits) => {
      let posting = this.postings.get(word);
      if (posting === undefined) {
        posting = { ids: new Int32Array(4), length: 0 };
        // A flat copy: a long word sliced from the words string would keep that whole string alive.
        this.postings.set(flatString(word), posting);
        this.sortedWords = null;
      }
      push(posting, (slot << FIELD_BITS) | bits);
    });
  }

  /** Removes the entry at a path, if any. */
  remove(path: string): void {
    this.removeSlot(path);
    if (this.dead > 1000 && this.dead > this.slotByPath.size) this.rebuild();
  }

  private removeSlot(path: string): void {
    const slot = this.slotByPath.get(path);
    if (slot === undefined) return;
    this.slots[slot] = undefined;
    this.quick[slot] = undefined;
    this.slotByPath.delete(path);
    this.order = null;
    this.lastQuick = null;
    this.lastScores = null;
    this.dead++;
  }

  /**
   * Drops dead slots by renumbering the live ones in their postings (order kept), without
   * tokenising again: entries need not keep their text once indexed.
   */
  private rebuild(): void {
    const renumber = new Int32Array(this.slots.length).fill(-1);
    const slots: (IndexEntry | undefined)[] = [];
    const quick: (QuickFields | undefined)[] = [];
    this.slotByPath.clear();
    this.slots.forEach((entry, old) => {
      if (entry === undefined) return;
      renumber[old] = slots.length;
      this.slotByPath.set(entry.path, slots.length);
      slots.push(entry);
      quick.push(this.quick[old]);
    });
    this.slots = slots;
    this.quick = quick;
    for (const [word, posting] of this.postings) {
      let kept = 0;
      for (let i = 0; i < posting.length; i++) {
        const value = posting.ids[i] as number;
        const slot = renumber[value >>> FIELD_BITS] as number;
        if (slot >= 0) posting.ids[kept++] = (slot << FIELD_BITS) | (value & FIELD_MASK);
      }
      posting.length = kept;
      if (kept === 0) {
        this.postings.delete(word);
        this.sortedWords = null;
      }
    }
    this.facetLabels.clear();
    this.order = null;
    this.lastQuick = null;
    this.lastScores = null;
    this.dead = 0;
  }

  /**
   * Where facet filters read an entry's labels for a key before reading its front matter: a caller
   * that already holds them (say, as ids for facet counts) spares a pass over every entry's data.
   */
  setFacetLabelSource(source: FacetLabelSource | null): void {
    this.facetLabelSource = source;
  }

  /** Does now the lazy work the first search after a burst of new words would do (sorting the words). */
  prepare(): void {
    this.words();
  }

  /** The one-letter prefix whose search walks the most postings (the costliest first keystroke), or null when empty. */
  busiestInitial(): string | null {
    const walked = new Map<string, number>();
    for (const [word, posting] of this.postings) {
      const initial = word.charAt(0);
      walked.set(initial, (walked.get(initial) ?? 0) + posting.length);
    }
    let busiest: string | null = null;
    let most = 0;
    for (const [initial, count] of walked) {
      if (count > most) {
        most = count;
        busiest = initial;
      }
    }
    return busiest;
  }

  private words(): string[] {
    // Sorted lazily: a burst of new words (a scan, a checkout) costs one sort, not one per word.
    this.sortedWords ??= [...this.postings.keys()].sort();
    return this.sortedWords;
  }

  /** The postings of every indexed word a term matches: itself, or all words it prefixes. */
  private postingsFor(term: SearchTerm): Posting[] {
    if (!term.prefix) {
      const posting = this.postings.get(term.text);
      return posting === undefined ? [] : [posting];
    }
    const words = this.words();
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((words[mid] as string) < term.text) lo = mid + 1;
      else hi = mid;
    }
    const result: Posting[] = [];
    for (let i = lo; i < words.length && (words[i] as string).startsWith(term.text); i++) {
      result.push(this.postings.get(words[i] as string) as Posting);
    }
    return result;
  }

  /**
   * Scores every slot against the terms (all must match) or returns null when there are no terms.
   * Score per term: 3 for a title hit, 2 description, 1 body, the best field counting.
   */
  private scoreSlots(terms: readonly SearchTerm[]): Float32Array | null {
    if (terms.length === 0) return null;
    const n = this.slots.length;
    // Per-slot working arrays are reused: allocating them per keystroke (100 KB at 50,000 slots)
    // only fed the garbage collector. The scores are kept (`lastScores`), so they are new.
    if (this.scratch?.matched.length !== n) this.scratch = { matched: new Uint8Array(n), best: new Uint8Array(n) };
    const { matched, best } = this.scratch;
    matched.fill(0);
    const score = new Float32Array(n);
    for (let t = 0; t < terms.length; t++) {
      const lists = this.postingsFor(terms[t] as SearchTerm);
      if (lists.length === 0) return new Float32Array(n);
      best.fill(0);
      for (const posting of lists) {
        const ids = posting.ids;
        for (let i = 0; i < posting.length; i++) {
          const value = ids[i] as number;
          const slot = value >>> FIELD_BITS;
          // Only slots that matched every earlier term can still match; each term counts once.
          if ((matched[slot] as number) < t) continue;
          matched[slot] = t + 1;
          const bits = value & FIELD_MASK;
          const weight = bits & TITLE ? 3 : bits & DESCRIPTION ? 2 : 1;
          if (weight > (best[slot] as number)) best[slot] = weight;
        }
      }
      for (let slot = 0; slot < n; slot++) {
        if (matched[slot] === t + 1) score[slot] = (score[slot] as number) + (best[slot] as number);
        else score[slot] = 0;
      }
    }
    return score;
  }

  private scoresFor(text: string): Float32Array | null {
    if (this.lastScores?.text !== text) this.lastScores = { text, scores: this.scoreSlots(parseSearchQuery(text)) };
    return this.lastScores.scores;
  }

  private slotsOf(entries: readonly IndexEntry[]): Int32Array {
    if (this.order?.entries === entries) return this.order.slots;
    const slots = new Int32Array(entries.length);
    entries.forEach((entry, i) => {
      const slot = this.slotByPath.get(entry.path);
      // An entry the index does not hold (or an older version of it) never matches.
      slots[i] = slot !== undefined && this.slots[slot] === entry ? slot : -1;
    });
    this.order = { entries, slots };
    return slots;
  }

  private labelsFor(key: string): (readonly string[] | undefined)[] {
    let labels = this.facetLabels.get(key);
    if (labels === undefined) {
      labels = [];
      this.facetLabels.set(key, labels);
    }
    for (let slot = labels.length; slot < this.slots.length; slot++) {
      const entry = this.slots[slot];
      const known = entry === undefined ? undefined : this.facetLabelSource?.(entry, key);
      if (known !== undefined) {
        labels.push(known);
        continue;
      }
      const found: string[] = [];
      if (entry !== undefined) forEachFacetValue(getPathValue(entry.frontmatter, key), (label) => found.push(label));
      labels.push(found);
    }
    return labels;
  }

  /** Slots passing the facet selection (AND across keys, OR within one), or null for no facet filter. */
  private facetMask(selection: FacetSelection): Uint8Array | null {
    const active = Object.entries(selection).filter(([, values]) => values.length > 0);
    if (active.length === 0) return null;
    const n = this.slots.length;
    const passed = new Uint8Array(n);
    active.forEach(([key, values], k) => {
      const wanted = new Set(values);
      const labels = this.labelsFor(key);
      for (let slot = 0; slot < n; slot++) {
        if (passed[slot] !== k) continue;
        const list = labels[slot];
        if (list !== undefined && list.some((label) => wanted.has(label))) passed[slot] = k + 1;
      }
    });
    for (let slot = 0; slot < n; slot++) passed[slot] = passed[slot] === active.length ? 1 : 0;
    return passed;
  }

  /**
   * Filters `entries` (already in the list's sort order, which is kept) by facets and full-text
   * search. Entries unknown to the index, or older versions of indexed ones, never match.
   */
  filter(entries: readonly IndexEntry[], query: ListQuery): IndexEntry[] {
    const facets = this.facetMask(query.facets ?? {});
    const scores = this.scoresFor(query.text ?? '');
    if (facets === null && scores === null) return entries.slice();
    const slots = this.slotsOf(entries);
    const result: IndexEntry[] = [];
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i] as number;
      if (slot < 0) continue;
      if (scores !== null && !((scores[slot] as number) > 0)) continue;
      if (facets !== null && facets[slot] !== 1) continue;
      result.push(entries[i] as IndexEntry);
    }
    return result;
  }

  /**
   * The entries matching `text`, best score first, keeping the given order (say, by path) among
   * equal scores. Scores are small integers (at most 3 per term), so this is a counting sort in
   * two passes instead of a comparison sort of every hit: a one-letter prefix matches most of a
   * 50,000-item folder, and sorting that many with a string tie-break took tens of milliseconds.
   */
  rankByScore(entries: readonly IndexEntry[], text: string): IndexEntry[] {
    const scores = this.scoresFor(text);
    if (scores === null) return [];
    const slots = this.slotsOf(entries);
    let top = 0;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i] as number;
      if (slot >= 0 && (scores[slot] as number) > top) top = scores[slot] as number;
    }
    if (top === 0) return [];
    // Scores are whole numbers: bucket i holds score top - i.
    const counts = new Int32Array(top + 1);
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i] as number;
      if (slot < 0 || !((scores[slot] as number) > 0)) continue;
      const bucket = top - (scores[slot] as number);
      counts[bucket] = (counts[bucket] as number) + 1;
    }
    const offsets = new Int32Array(top + 1);
    for (let b = 1; b <= top; b++) offsets[b] = (offsets[b - 1] as number) + (counts[b - 1] as number);
    const result = new Array<IndexEntry>(offsets[top] as number);
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i] as number;
      if (slot < 0) continue;
      const score = scores[slot] as number;
      if (score <= 0) continue;
      const at = offsets[top - score] as number;
      offsets[top - score] = at + 1;
      result[at] = entries[i] as IndexEntry;
    }
    return result;
  }

  /** Full-text search alone, best first (title hits before description before body), then by path. */
  search(text: string, limit = Infinity): SearchHit[] {
    const scores = this.scoresFor(text);
    if (scores === null) return [];
    const hits: SearchHit[] = [];
    for (let slot = 0; slot < scores.length; slot++) {
      const score = scores[slot] as number;
      const entry = this.slots[slot];
      if (score > 0 && entry !== undefined) hits.push({ entry, score });
    }
    hits.sort((a, b) => b.score - a.score || (a.entry.path < b.entry.path ? -1 : 1));
    return hits.length > limit ? hits.slice(0, limit) : hits;
  }

  /** Fuzzy quick open by title or path: subsequence scoring, best first, at most `limit` results. */
  quickOpen(query: string, limit = QUICK_OPEN_LIMIT): QuickOpenHit[] {
    const folded = foldText(query).replace(/\s+/g, '');
    if (folded === '' || limit <= 0) return [];
    const queryMask = charMask(folded);
    const previous = this.lastQuick !== null && folded.startsWith(this.lastQuick.query) ? this.lastQuick.slots : null;
    const candidates = previous?.length ?? this.quick.length;
    const matched = new Int32Array(candidates);
    let matchedCount = 0;
    // Scores only here; match positions are computed for the few winners at the end.
    const top: { slot: number; score: number; field: 'title' | 'path' }[] = [];
    for (let k = 0; k < candidates; k++) {
      const slot = previous === null ? k : (previous[k] as number);
      const fields = this.quick[slot];
      if (fields === undefined) continue;
      // Titles are what curators remember; a path match has to be clearly better to win.
      const title = (queryMask & ~fields.titleMask) === 0 ? fuzzyScore(folded, fields.title) * 1.2 : -Infinity;
      const path = (queryMask & ~fields.pathMask) === 0 ? fuzzyScore(folded, fields.path) : -Infinity;
      const score = Math.max(title, path);
      if (score === -Infinity) continue;
      matched[matchedCount++] = slot;
      if (top.length === limit && score <= (top[top.length - 1] as { score: number }).score) continue;
      let i = top.length;
      while (i > 0 && (top[i - 1] as { score: number }).score < score) i--;
      top.splice(i, 0, { slot, score, field: title >= path ? 'title' : 'path' });
      if (top.length > limit) top.pop();
    }
    this.lastQuick = { query: folded, slots: matched.slice(0, matchedCount) };
    return top.map(({ slot, score, field }) => {
      const fields = this.quick[slot] as QuickFields;
      const match = fuzzyMatch(folded, field === 'title' ? fields.title : fields.path);
      return { entry: this.slots[slot] as IndexEntry, score, field, positions: match?.positions ?? [] };
    });
  }
}
