import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articlePath } from '../src/index.js';

test('article paths use the year and the slug', () => {
  assert.equal(articlePath({ title: 'Shipping v2', published: '2025-06-01' }), '/blog/2025/shipping-v2');
});

test('accented titles keep their letters', () => {
  assert.equal(articlePath({ title: 'Crème brûlée à Noël', published: '2024-12-24' }), '/blog/2024/creme-brulee-a-noel');
});
