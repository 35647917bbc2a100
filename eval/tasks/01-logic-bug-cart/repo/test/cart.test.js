import { test } from 'node:test';
import assert from 'node:assert/strict';
import { discount, shipping, subtotal, total } from '../src/cart.js';

const book = { priceCents: 2600, qty: 2 };

test('subtotal multiplies price by quantity', () => {
  assert.equal(subtotal([book, { priceCents: 150, qty: 3 }]), 5650);
});

test('percent and fixed coupons', () => {
  assert.equal(discount(5200, { type: 'percent', value: 10 }), 520);
  assert.equal(discount(300, { type: 'fixed', value: 500 }), 300);
});

test('shipping is free from 50.00', () => {
  assert.equal(shipping(5000), 0);
  assert.equal(shipping(4999), 499);
});

test('total without coupon above the threshold ships free', () => {
  assert.equal(total([book]), 5200);
});

test('a coupon that drops the order below the threshold brings shipping back', () => {
  // 52.00 - 10% = 46.80, below 50.00, so shipping is charged.
  assert.equal(total([book], { type: 'percent', value: 10 }), 4680 + 499);
});
