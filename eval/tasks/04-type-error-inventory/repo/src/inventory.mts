import type { Item } from './types.mjs';

/** Value of one stock line (price times quantity). */
export function lineValue(item: Item): number {
  return item.price * item.quantity;
}

/** Total value of the stock. */
export function totalValue(items: readonly Item[]): number {
  return items.reduce((sum, item) => sum + lineValue(item), 0);
}

/** Items whose line value is at least `min`. */
export function valuable(items: readonly Item[], min: number): Item[] {
  return items.filter((item) => lineValue(item) >= min);
}
