/**
 * node --test with failing tests inside `describe` suites and `t.test` subtests: real logs made by
 * Node 20, 22 and 24 (test/fixtures/digest/node-suites/README.md says how). The digest's failed
 * count is the failing tests it lists: a suite or parent test that failed only because a child
 * did is no failure of its own (node's `# fail` counts such a parent test; it counts no suite),
 * a suite whose hook failed or whose body threw is one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareRuns, digestFile, integrityProblem } from '../../src/checks/index.js';
import { o200k } from '../../src/model/tokens.js';

const dir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'digest',
  'node-suites',
);

const projects = {
  // test/fixtures/real-projects/markdown-table with the centre bug, run in /tmp/dn-mt
  subtests: {
    root: '/tmp/dn-mt',
    passed: 10,
    failing: [
      'test.js > markdownTable() > should align center',
      'test.js > markdownTable() > should accept a single value',
      'test.js > markdownTable() > should accept multi-character values',
      'test.js > markdownTable() > should use `stringLength` to detect cell lengths',
    ],
  },
  // node-suites/describe-project, run in /tmp/dn-proj
  describe: {
    root: '/tmp/dn-proj',
    passed: 3,
    failing: [
      'test/suite.test.js > math > subtracts',
      'test/suite.test.js > math > nested > multiplies',
      'test/suite.test.js > strings > concats',
      'test/suite.test.js > with failing hook > never runs',
      'test/suite.test.js > with failing hook',
      'test/suite.test.js > throws in body > ok one',
      'test/suite.test.js > throws in body',
    ],
  },
} as const;

const logs = fs.readdirSync(dir).filter((f) => f.endsWith('.txt') && !f.startsWith('passing-'));

describe('node --test suites and subtests: failed = the failing tests listed', () => {
  it('has the logs of every project, Node version and reporter', () => {
    expect(logs.length).toBeGreaterThanOrEqual(16);
  });
  for (const log of logs) {
    const project = projects[log.startsWith('subtests-') ? 'subtests' : 'describe'];
    it(log, async () => {
      const d = await digestFile(path.join(dir, log), {
        projectRoot: project.root,
        counter: o200k,
      });
      expect(d.runner).toBe('node-test');
      expect(d.failures.map((f) => f.id).sort()).toEqual([...project.failing].sort());
      expect(d.counts).toEqual({
        passed: project.passed,
        failed: project.failing.length,
        skipped: 0,
      });
      expect(d.text).toContain(`${project.failing.length} failed`);
    });
  }
});

/** The same markdown-table, bug fixed: node counts the parent `markdownTable()` in its 15 passes. */
const passingLogs = ['passing-node20-default.txt', 'passing-node24-default.txt'];

describe("node --test parent tests: passed is node's count, the tests named are the leaves", () => {
  for (const log of passingLogs) {
    it(`${log}: 15 passed as node says (the parent included), the 14 tests named`, async () => {
      const d = await digestFile(path.join(dir, log), {
        projectRoot: '/tmp/dn-mt',
        counter: o200k,
      });
      // ../shared/test-logs: "passing_count follows the runner's own notion of a test" (node-test-small
      // counts its passing parent test), so `passed` is node's `# pass`.
      expect(d.counts).toEqual({ passed: 15, failed: 0, skipped: 0 });
      expect(d.tests).toHaveLength(14);
    });
  }

  it('the bug coming back is 4 failing tests of the same 14, not tests that went missing', async () => {
    for (const [good, bad] of [
      ['passing-node20-default.txt', 'subtests-node20-default.txt'],
      ['passing-node24-default.txt', 'subtests-node24-default.txt'],
    ] as const) {
      const run = async (log: string) => ({
        digest: await digestFile(path.join(dir, log), {
          projectRoot: '/tmp/dn-mt',
          counter: o200k,
        }),
        exitCode: log.startsWith('passing-') ? 0 : 1,
        timedOut: false,
      });
      const baseline = await run(good);
      const current = await run(bad);
      expect(current.digest.tests).toHaveLength(14);
      expect(integrityProblem(baseline, current)).toBeUndefined();
      expect(compareRuns(baseline.digest.failures, current.digest.failures).newlyFailing).toEqual(
        current.digest.failures.map((f) => f.id),
      );
    }
  });
});
