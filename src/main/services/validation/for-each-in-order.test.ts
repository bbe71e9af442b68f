import { describe, expect, it } from 'vitest';
import { forEachInOrder } from './for-each-in-order';

describe('forEachInOrder', () => {
  it('consumes results in item order while reads finish out of order, never more than the limit in flight', async () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    let inFlight = 0;
    let most = 0;
    const consumed: number[] = [];
    await forEachInOrder(
      items,
      4,
      async (item) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        // Later items often finish first.
        await new Promise((resolve) => setTimeout(resolve, (item * 7) % 5));
        inFlight -= 1;
        return item * 10;
      },
      (result, item, index) => {
        expect(result).toBe(item * 10);
        expect(index).toBe(item);
        consumed.push(item);
      },
    );
    expect(consumed).toEqual(items);
    expect(most).toBeLessThanOrEqual(4);
    expect(most).toBeGreaterThan(1);
  });
});
