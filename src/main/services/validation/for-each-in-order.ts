/**
 * Reads `items` with up to `limit` reads in flight but hands each result to `consume` in the
 * items' order, one at a time: inference must see a folder's files in path order, and a window
 * of reads ahead keeps the disk busy without holding more than `limit` results at once.
 * `read` must not reject (readers report failures as values).
 */
export async function forEachInOrder<T, R>(items: readonly T[], limit: number, read: (item: T, index: number) => Promise<R>, consume: (result: R, item: T, index: number) => void): Promise<void> {
  const window: Promise<R>[] = [];
  let next = 0;
  for (let i = 0; i < items.length; i += 1) {
    while (next < items.length && next < i + Math.max(1, limit)) {
      window.push(read(items[next] as T, next));
      next += 1;
    }
    consume(await (window.shift() as Promise<R>), items[i] as T, i);
  }
}
