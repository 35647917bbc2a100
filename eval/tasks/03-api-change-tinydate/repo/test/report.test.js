import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayKey, groupByDay, parseDay } from '../src/report.js';

test('dayKey formats the UTC day', () => {
  assert.equal(dayKey(new Date('2024-03-09T12:00:00Z')), '2024-03-09');
});

test('groupByDay groups and sorts by day', () => {
  const groups = groupByDay([
    { at: '2024-03-10T08:00:00Z', id: 'b' },
    { at: '2024-03-09T10:00:00Z', id: 'a' },
    { at: '2024-03-10T09:30:00Z', id: 'c' },
  ]);
  assert.deepEqual([...groups.keys()], ['2024-03-09', '2024-03-10']);
  assert.deepEqual(groups.get('2024-03-10').map((e) => e.id), ['b', 'c']);
});

test('parseDay returns a Date for a valid day', () => {
  const day = parseDay('2024-02-29');
  assert.ok(day instanceof Date);
  assert.equal(day.toISOString(), '2024-02-29T00:00:00.000Z');
});

test('parseDay returns null for an invalid day', () => {
  assert.equal(parseDay('2023-02-29'), null);
  assert.equal(parseDay('yesterday'), null);
});
