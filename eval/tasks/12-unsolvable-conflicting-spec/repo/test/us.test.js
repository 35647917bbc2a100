import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateLabel } from '../src/date-label.js';

test('US invoices show month/day/year', () => {
  assert.equal(dateLabel(new Date(Date.UTC(2024, 0, 2))), '01/02/2024');
  assert.equal(dateLabel(new Date(Date.UTC(2024, 11, 25))), '12/25/2024');
});
