import { describe, expect, it } from 'vitest';
import { lineValue, totalValue, valuable } from '../src/inventory.mjs';
import type { Item } from '../src/types.mjs';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

const stock: Item[] = [
  { sku: 'bolt', price: eur(25), quantity: 400 },
  { sku: 'drill', price: eur(8999), quantity: 3 },
];

describe('inventory', () => {
  it('values one line in the item currency', () => {
    expect(lineValue(stock[1]!)).toEqual(eur(26997));
  });

  it('totals the stock', () => {
    expect(totalValue(stock)).toEqual(eur(36997));
  });

  it('keeps valuable lines', () => {
    expect(valuable(stock, eur(20000)).map((i) => i.sku)).toEqual(['drill']);
  });

  it('refuses to add different currencies', () => {
    const mixed: Item[] = [...stock, { sku: 'saw', price: { amount: 1500, currency: 'USD' }, quantity: 1 }];
    expect(() => totalValue(mixed)).toThrow(/currenc/i);
  });
});
