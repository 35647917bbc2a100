/** Hand-built RunRecords for the report tests. */
import type { IterationRecord, RunRecord, TestSummary } from '../../src/core/record.js';

export function testSummary(over: Partial<TestSummary> = {}): TestSummary {
  return {
    exitCode: 1,
    timedOut: false,
    counts: { passed: 10, failed: 3, skipped: 0 },
    failures: [
      { id: 'test/a.test.ts > adds', message: 'expected 3 to be 4' },
      { id: 'test/a.test.ts > subtracts', message: 'expected 1 to be 0' },
      { id: 'test/b.test.ts > parses', message: 'SyntaxError: Unexpected token' },
    ],
    runner: 'vitest',
    logPath: '/tmp/none.log',
    ...over,
  };
}

export function iteration(index: number, over: Partial<IterationRecord> = {}): IterationRecord {
  return {
    index,
    turns: 4,
    inputTokens: 12_000,
    cachedInputTokens: 6_000,
    outputTokens: 1_500,
    costUsd: 0.05,
    durationMs: 62_000,
    failing: 1,
    passed: 12,
    exitCode: 1,
    rolledBack: false,
    compactions: 0,
    ...over,
  };
}

const DIFF = [
  'diff --git a/src/math.ts b/src/math.ts',
  'index 111..222 100644',
  '--- a/src/math.ts',
  '+++ b/src/math.ts',
  '@@ -1,3 +1,3 @@',
  ' export function add(a: number, b: number) {',
  '-  return a - b;',
  '+  return a + b;',
  ' }',
  '',
].join('\n');

/** A run that fixed everything in two iterations. */
export function successRecord(over: Partial<RunRecord> = {}): RunRecord {
  return {
    schemaVersion: 1,
    status: 'success',
    stopReason: 'all tests pass',
    startedAt: '2026-11-25T10:00:00.000Z',
    finishedAt: '2026-11-25T10:04:05.000Z',
    durationMs: 245_000,
    config: { model: 'gpt-5.1-codex-max', maxIterations: 5, apiKey: 'sk-should-not-appear' },
    model: 'gpt-5.1-codex-max',
    api: 'responses',
    sandbox: { mode: 'bwrap', reason: 'bubblewrap available' },
    testCommand: 'npm test',
    task: '',
    baseline: testSummary(),
    final: testSummary({
      exitCode: 0,
      counts: { passed: 13, failed: 0, skipped: 0 },
      failures: [],
    }),
    comparison: {
      fixed: ['test/a.test.ts > adds', 'test/a.test.ts > subtracts', 'test/b.test.ts > parses'],
      stillFailing: [],
      newlyFailing: [],
    },
    flaky: [],
    iterations: [
      iteration(1, { failing: 1 }),
      iteration(2, { failing: 0, passed: 13, exitCode: 0 }),
    ],
    totals: {
      iterations: 2,
      turns: 8,
      inputTokens: 24_000,
      cachedInputTokens: 12_000,
      outputTokens: 3_000,
      reasoningTokens: 1_000,
      tokens: 27_000,
      costUsd: 0.1,
      compactions: 0,
    },
    filesChanged: [
      { path: 'src/math.ts', added: 1, removed: 1, status: 'modified', binary: false },
    ],
    dropped: [],
    plan: [
      { step: 'Read the failing tests', status: 'completed' },
      { step: 'Fix add()', status: 'completed' },
    ],
    explanation: 'Fixed the sign in add().',
    diff: DIFF,
    warnings: [],
    ...over,
  };
}

/** Stopped by the iteration budget; iteration 2 made things worse and was rolled back. */
export function budgetRecord(over: Partial<RunRecord> = {}): RunRecord {
  return successRecord({
    status: 'budget-iterations',
    stopReason: 'reached max-iterations (3) with 1 test still failing',
    final: testSummary({
      counts: { passed: 12, failed: 1, skipped: 0 },
      failures: [{ id: 'test/b.test.ts > parses', message: 'SyntaxError: Unexpected token' }],
    }),
    comparison: {
      fixed: ['test/a.test.ts > adds', 'test/a.test.ts > subtracts'],
      stillFailing: ['test/b.test.ts > parses'],
      newlyFailing: [],
    },
    flaky: ['test/c.test.ts > sometimes'],
    iterations: [
      iteration(1, { failing: 1 }),
      iteration(2, { failing: 5, passed: 8, rolledBack: true, note: 'more tests failed (5 > 1)' }),
      iteration(3, { failing: 1, compactions: 1, costUsd: 0.12 }),
    ],
    totals: {
      iterations: 3,
      turns: 12,
      inputTokens: 36_000,
      cachedInputTokens: 9_000,
      outputTokens: 4_500,
      reasoningTokens: 1_500,
      tokens: 40_500,
      costUsd: 0.22,
      compactions: 1,
    },
    plan: [
      { step: 'Fix add()', status: 'completed' },
      { step: 'Fix the parser', status: 'in_progress' },
      { step: 'Run the whole suite', status: 'pending' },
    ],
    dropped: [{ path: 'test/b.test.ts', reason: 'test files are protected' }],
    ...over,
  });
}

/** The model failed before the first iteration finished. */
export function modelErrorRecord(over: Partial<RunRecord> = {}): RunRecord {
  return successRecord({
    status: 'model-error',
    stopReason: 'the model endpoint returned 500 three times',
    final: undefined,
    comparison: { fixed: [], stillFailing: [], newlyFailing: [] },
    iterations: [],
    totals: {
      iterations: 0,
      turns: 0,
      inputTokens: 0,
      cachedInputTokens: 0,
      outputTokens: 0,
      reasoningTokens: 0,
      tokens: 0,
      costUsd: 0,
      compactions: 0,
    },
    filesChanged: [],
    plan: [],
    explanation: '',
    diff: '',
    sandbox: { mode: 'none', reason: 'sandbox: none requested' },
    ...over,
  });
}

/** Tests already passed; nothing to do. */
export function alreadyGreenRecord(over: Partial<RunRecord> = {}): RunRecord {
  const green = testSummary({
    exitCode: 0,
    counts: { passed: 13, failed: 0, skipped: 1 },
    failures: [],
  });
  return modelErrorRecord({
    status: 'already-green',
    stopReason: 'tests already pass',
    baseline: green,
    final: green,
    sandbox: { mode: 'bwrap', reason: 'bubblewrap available' },
    ...over,
  });
}
