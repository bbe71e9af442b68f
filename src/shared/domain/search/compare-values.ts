/** Sort direction for list columns. */
export type SortDirection = 'asc' | 'desc';

// ISO dates and date-times as YAML front matter writes them (the CORE schema keeps them strings).
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** True when the `YYYY-MM-DD` start of a string names a day that exists (no 30 February). */
function isRealDay(value: string): boolean {
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** A value reduced once to what sorting needs, so a 50,000-row sort does no parsing per comparison. */
export interface SortKey {
  /** 0 number, 1 date, 2 text, 3 boolean, 4 anything else, 5 empty (always last). */
  readonly rank: number;
  readonly num: number;
  readonly str: string;
}

/** True for values a column shows as blank: they sort last in both directions. */
export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Reduces a front matter value to its sort key: dates as times, numbers as numbers, lists by their text. */
export function toSortKey(value: unknown): SortKey {
  if (isEmptyValue(value)) return { rank: 5, num: 0, str: '' };
  if (typeof value === 'number') return Number.isNaN(value) ? { rank: 5, num: 0, str: '' } : { rank: 0, num: value, str: '' };
  if (typeof value === 'string') {
    // Date.parse rolls 2023-02-30 over to 2 March; an impossible date sorts as the text it is.
    if (ISO_DATE.test(value) && isRealDay(value)) {
      const time = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
      if (!Number.isNaN(time)) return { rank: 1, num: time, str: value };
    }
    return { rank: 2, num: 0, str: value };
  }
  if (typeof value === 'boolean') return { rank: 3, num: value ? 1 : 0, str: '' };
  if (Array.isArray(value)) return { rank: 2, num: 0, str: value.map((v) => (typeof v === 'object' && v !== null ? '' : String(v))).join(', ') };
  return { rank: 4, num: 0, str: JSON.stringify(value) };
}

/** Compares two sort keys; empties stay last whatever the direction. */
export function compareSortKeys(a: SortKey, b: SortKey, direction: SortDirection = 'asc'): number {
  if (a.rank === 5 || b.rank === 5) return a.rank === b.rank ? 0 : a.rank === 5 ? 1 : -1;
  const sign = direction === 'asc' ? 1 : -1;
  if (a.rank !== b.rank) return sign * (a.rank - b.rank);
  let result: number;
  if (a.rank === 0 || a.rank === 3) result = a.num - b.num;
  else if (a.rank === 1) result = a.num - b.num || (a.str < b.str ? -1 : a.str > b.str ? 1 : 0);
  else result = collator.compare(a.str, b.str);
  return sign * result;
}

/**
 * Compares two front matter values for a column sort: numbers as numbers, ISO dates as dates,
 * text in natural order (`item 2` before `item 10`, case-insensitive), empty values last.
 */
export function compareValues(a: unknown, b: unknown, direction: SortDirection = 'asc'): number {
  return compareSortKeys(toSortKey(a), toSortKey(b), direction);
}
