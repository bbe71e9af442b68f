/**
 * The next numeric id of a folder: one more than the largest existing id, or null when ids are
 * not numeric (any id that is not a whole number, written as a number or as digits) or there are
 * none, in which case Folio leaves ids to the curator.
 */
export function nextId(existingIds: readonly unknown[]): number | null {
  let max: number | null = null;
  for (const id of existingIds) {
    if (id === undefined || id === null || id === '') continue;
    const n = typeof id === 'number' ? id : typeof id === 'string' && /^\d{1,15}$/.test(id) ? Number(id) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < 0) return null;
    max = max === null ? n : Math.max(max, n);
  }
  return max === null ? null : max + 1;
}
