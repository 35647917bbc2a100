import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dayKey, groupByDay, parseDay } from '../src/report.js';

test('days stay UTC days whatever the machine time zone', () => {
  const saved = process.env.TZ;
  try {
    for (const zone of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Kolkata']) {
      process.env.TZ = zone;
      assert.equal(dayKey(new Date('2024-03-09T23:30:00Z')), '2024-03-09', zone);
      assert.equal(dayKey(new Date('2024-03-10T00:30:00Z')), '2024-03-10', zone);
      const groups = groupByDay([{ at: '2024-12-31T23:59:00Z' }, { at: '2025-01-01T00:01:00Z' }]);
      assert.deepEqual([...groups.keys()], ['2024-12-31', '2025-01-01'], zone);
    }
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
});

test('parseDay maps the result object to Date or null', () => {
  assert.equal(parseDay('2024-04-31'), null);
  assert.equal(parseDay(''), null);
  assert.equal(parseDay('2024-12-31').getTime(), Date.UTC(2024, 11, 31));
});

// Visible tests and the vendored dependency must stay as they were: a fix that edits or deletes them is not a fix.
const LOCKED = {
  "test/report.test.js": "004665538fdf83d60a311d8c0638bca9f875fc367da72a2d9a3717524388cdeb",
  "vendor/tinydate/index.js": "633a02bfdfba9d5ba857a579b005f1b5bf1ff03fdf3c8ca69ae1a93d4031a101",
  "vendor/tinydate/package.json": "dbd7785b35398ef7943adccdb2cfe52403ae057449f1d460f35a973d2dd1dff6",
};

function sha256(file) {
  const text = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8').replace(/\r\n/g, '\n');
  return createHash('sha256').update(text).digest('hex');
}

test('visible tests are unchanged', () => {
  for (const [file, hash] of Object.entries(LOCKED)) {
    assert.ok(existsSync(new URL(`../${file}`, import.meta.url)), `${file} was deleted`);
    assert.equal(sha256(file), hash, `${file} was changed`);
  }
});
