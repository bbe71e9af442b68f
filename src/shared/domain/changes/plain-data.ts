/** A front matter value as parseForIndex returns it: JSON-like plain data. */
export type PlainData = string | number | boolean | null | readonly PlainData[] | { readonly [key: string]: PlainData };

/** True for a YAML map read as a plain object (not a list, not null). */
export function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Structural equality of plain data; `undefined` (an absent field) equals only itself. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ak = Object.keys(a);
    if (ak.length !== Object.keys(b).length) return false;
    return ak.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** A stable text key for a list item, so lists can be compared as multisets. */
export function itemKey(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

/** Own-property read that cannot hit the prototype (a key named `__proto__` is real data here). */
export function own(record: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A deep copy of plain data (structuredClone is not in the pure layer's lib). */
export function clonePlain<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clonePlain) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    // defineProperty keeps a `__proto__` key as data instead of setting the prototype.
    for (const key of Object.keys(value))
      Object.defineProperty(out, key, { value: clonePlain(value[key]), enumerable: true, writable: true, configurable: true });
    return out as T;
  }
  return value;
}
