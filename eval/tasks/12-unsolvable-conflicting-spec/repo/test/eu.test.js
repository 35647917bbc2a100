import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateLabel } from '../src/date-label.js';

test('EU invoices show day/month/year', () => {
  assert.equal(dateLabel(new Date(Date.UTC(2024, 0, 2))), '02/01/2024');
  assert.equal(dateLabel(new Date(Date.UTC(2024, 11, 25))), '25/12/2024');
});
