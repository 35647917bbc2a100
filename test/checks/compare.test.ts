import { describe, expect, it } from 'vitest';
import { compareRuns, integrityProblem } from '../../src/checks/index.js';

const ids = (...xs: string[]): { id: string }[] => xs.map((id) => ({ id }));

describe('compareRuns', () => {
  const table: [
    string,
    string[],
    string[],
    { fixed: string[]; stillFailing: string[]; newlyFailing: string[] },
  ][] = [
    ['all fixed', ['a', 'b'], [], { fixed: ['a', 'b'], stillFailing: [], newlyFailing: [] }],
    ['nothing changed', ['a'], ['a'], { fixed: [], stillFailing: ['a'], newlyFailing: [] }],
    [
      'one fixed, one new',
      ['a', 'b'],
      ['b', 'c'],
      { fixed: ['a'], stillFailing: ['b'], newlyFailing: ['c'] },
    ],
    ['from green to red', [], ['x'], { fixed: [], stillFailing: [], newlyFailing: ['x'] }],
    [
      'duplicates count once',
      ['a', 'a'],
      ['a', 'a'],
      { fixed: [], stillFailing: ['a'], newlyFailing: [] },
    ],
  ];
  for (const [name, before, after, want] of table) {
    it(name, () => {
      expect(compareRuns(ids(...before), ids(...after))).toEqual(want);
    });
  }
});

describe('integrityProblem', () => {
  const base = { passed: 10, failed: 2, skipped: 1 };
  const table: [string, { passed: number; failed: number; skipped: number }, RegExp | undefined][] =
    [
      ['same counts', { passed: 10, failed: 2, skipped: 1 }, undefined],
      ['failures fixed', { passed: 12, failed: 0, skipped: 1 }, undefined],
      ['tests added', { passed: 14, failed: 0, skipped: 1 }, undefined],
      [
        'a test deleted',
        { passed: 11, failed: 0, skipped: 1 },
        /12 tests in total, fewer than the 13/,
      ],
      [
        'a failing test skipped',
        { passed: 10, failed: 1, skipped: 2 },
        /skips 2 tests, more than the 1/,
      ],
    ];
  for (const [name, now, want] of table) {
    it(name, () => {
      const p = integrityProblem(base, now);
      if (want) expect(p).toMatch(want);
      else expect(p).toBeUndefined();
      if (p) expect(p).toMatch(/rejected/);
    });
  }
});
