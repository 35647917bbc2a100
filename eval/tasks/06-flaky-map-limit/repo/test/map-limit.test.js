import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapLimit } from '../src/map-limit.js';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Small deterministic generator, so a failing order reproduces on every run.
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

test('maps every item', async () => {
  assert.deepEqual(await mapLimit([1, 2, 3], 2, async (x) => x * 10), [10, 20, 30]);
});

test('never runs more than limit calls at once', async () => {
  let running = 0;
  let peak = 0;
  await mapLimit([...Array(8).keys()], 3, async () => {
    running++;
    peak = Math.max(peak, running);
    await sleep(2);
    running--;
  });
  assert.equal(peak, 3);
});

test('results keep the input order', async () => {
  const random = seeded(7);
  const delays = Array.from({ length: 6 }, () => Math.floor(random() * 20));
  const results = await mapLimit(delays, 3, async (delay, index) => {
    await sleep(delay);
    return index;
  });
  assert.deepEqual(results, [0, 1, 2, 3, 4, 5]);
});

test('rejects with the error of a failing call', async () => {
  await assert.rejects(
    mapLimit([1, 2, 3], 2, async (x) => {
      if (x === 2) throw new Error('boom 2');
      return x;
    }),
    /boom 2/,
  );
});
