import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyDiscount, subtotal } from '../src/cart.js';

test('subtotal adds every line', () => {
  assert.equal(
    subtotal([
      { price: 5, quantity: 2 },
      { price: 1, quantity: 3 },
    ]),
    13,
  );
});

test('subtotal of an empty cart is 0', () => {
  assert.equal(subtotal([]), 0);
});

test('applyDiscount takes a percentage off', () => {
  assert.equal(applyDiscount(200, 25), 150);
});

test('applyDiscount refuses a percentage above 100', () => {
  assert.throws(() => applyDiscount(10, 120), RangeError);
});
