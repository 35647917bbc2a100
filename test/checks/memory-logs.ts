/**
 * Large logs for the digest's memory test, written straight to a file (never held whole): many
 * passing tests with their output, a few failures in the middle and at the end, in the line
 * formats of the real corpus (test/fixtures/logs/real: pytest -v, jest, go test -v, cargo test
 * --nocapture, TAP 13) plus a plain log no runner prints. What matters is volume and shape (long
 * runs of passing tests and output the parsers must not keep), not a faithful story.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

export const LOG_SHAPES = ['pytest', 'jest', 'go', 'cargo', 'tap', 'plain'] as const;
export type LogShape = (typeof LOG_SHAPES)[number];

/** Failing tests every shape prints (ids differ per shape; the count is what tests check). */
export const FAILURES = 3;

interface Shape {
  head: string[];
  /** Lines for passing test number n. */
  pass: (n: number) => string[];
  /** Lines for failing test number i (0 ≤ i < FAILURES), printed where it ran. */
  fail: (i: number) => string[];
  /** Closing lines, given how many tests passed. */
  tail: (passed: number) => string[];
}

const pad = (n: number): string => String(n).padStart(6, '0');

const SHAPES: Record<LogShape, Shape> = {
  pytest: {
    head: [
      '============================= test session starts ==============================',
      'platform linux -- Python 3.11.7, pytest-9.0.3, pluggy-1.6.0 -- /usr/bin/python3',
      'rootdir: /home/runner/work/app/app',
      'collecting ... collected many items',
      '',
    ],
    pass: (n) => [
      `tests/test_mod_${n % 97}.py::test_case_${pad(n)}[param-${n % 7}] PASSED       [ 50%]`,
    ],
    fail: (i) => [`tests/test_bad.py::test_broken_${i} FAILED                          [ 50%]`],
    tail: (passed) => [
      '',
      '=================================== FAILURES ===================================',
      ...[0, 1, 2].flatMap((i) => [
        `_______________________________ test_broken_${i} ________________________________`,
        '',
        `    def test_broken_${i}():`,
        `>       assert compute(${i}) == ${i + 10}`,
        `E       assert ${i} == ${i + 10}`,
        '',
        `tests/test_bad.py:${10 + i}: AssertionError`,
      ]),
      '=========================== short test summary info ============================',
      ...[0, 1, 2].map(
        (i) => `FAILED tests/test_bad.py::test_broken_${i} - assert ${i} == ${i + 10}`,
      ),
      `================= ${FAILURES} failed, ${passed} passed in 812.34s (0:13:32) =================`,
    ],
  },
  jest: {
    head: [],
    pass: (n) =>
      n % 40 === 0
        ? [
            `PASS src/module${n}.test.js`,
            '  ● Console',
            '',
            '    console.log',
            `      processing record ${n} of the fixture set with a long enough payload to matter`,
            '',
            `      at Object.log (src/module${n}.test.js:12:13)`,
            '',
          ]
        : [`PASS src/module${n}.test.js (${n % 9}.${n % 100} s)`],
    fail: (i) => [
      `FAIL src/broken${i}.test.js`,
      `  ● broken › case ${i}`,
      '',
      '    expect(received).toBe(expected) // Object.is equality',
      '',
      `    Expected: ${i + 10}`,
      `    Received: ${i}`,
      '',
      `      at Object.toBe (src/broken${i}.test.js:${5 + i}:21)`,
      '',
    ],
    tail: (passed) => [
      `Test Suites: ${FAILURES} failed, ${passed} passed, ${passed + FAILURES} total`,
      `Tests:       ${FAILURES} failed, ${passed} passed, ${passed + FAILURES} total`,
      'Snapshots:   0 total',
      'Time:        812.3 s',
      'Ran all test suites.',
    ],
  },
  go: {
    head: [],
    pass: (n) => [
      `=== RUN   TestLedger/account_${pad(n)}`,
      `    ledger_test.go:20: journal ${pad(n)} line 000: posted ${n % 5000} cents`,
      `    ledger_test.go:20: journal ${pad(n)} line 001: posted ${n % 3000} cents`,
      `--- PASS: TestLedger/account_${pad(n)} (0.00s)`,
    ],
    fail: (i) => [
      `=== RUN   TestBroken${i}`,
      `    broken_test.go:${10 + i}: balance ${i}, want ${i + 10}`,
      `--- FAIL: TestBroken${i} (0.00s)`,
    ],
    tail: () => ['FAIL', 'FAIL\texample.com/ledger/ledger\t812.407s', 'FAIL'],
  },
  cargo: {
    head: [
      '   Compiling ledger v0.1.0 (/home/runner/work/app/app)',
      '    Finished `test` profile [unoptimized + debuginfo] target(s) in 15.14s',
      '     Running unittests src/lib.rs (target/debug/deps/ledger-bf81a5bd34752332)',
      '',
      'running many tests',
    ],
    pass: (n) => [`checking block ${pad(n)}`, `test generated::case_${pad(n)} ... ok`],
    fail: (i) => [
      `thread 'generated::broken_${i}' (${1000 + i}) panicked at src/lib.rs:${40 + i}:9:`,
      `assertion \`left == right\` failed: block ${i}`,
      `test generated::broken_${i} ... FAILED`,
    ],
    tail: (passed) => [
      '',
      'failures:',
      '',
      'failures:',
      ...[0, 1, 2].map((i) => `    generated::broken_${i}`),
      '',
      `test result: FAILED. ${passed} passed; ${FAILURES} failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.06s`,
      '',
      'error: test failed, to rerun pass `--lib`',
    ],
  },
  tap: {
    head: ['TAP version 13'],
    pass: (n) => [`ok ${n + 1} - records entry ${pad(n)} in the ledger`],
    fail: (i) => [
      `not ok ${1_000_000_000 + i} - broken ${i}`,
      '  ---',
      `  found: ${i}`,
      `  wanted: ${i + 10}`,
      '  at:',
      `    line: ${10 + i}`,
      '    column: 7',
      '    file: test/broken.js',
      '  ...',
    ],
    tail: (passed) => [
      `1..${passed + FAILURES}`,
      `# failed ${FAILURES} of ${passed + FAILURES} tests`,
      '# time=812.3ms',
    ],
  },
  plain: {
    head: ['make: entering directory /home/runner/work/app/app'],
    pass: (n) => [
      `[info] request ${n} handled in ${n % 90}ms`,
      `  {"level":"info","msg":"retrying connection","attempt":${n % 5},"errors":0}`,
    ],
    fail: (i) => [`ERROR: step ${i} failed: connection refused`],
    tail: () => ['make: *** [Makefile:12: test] Error 1'],
  },
};

/**
 * Writes a log of `shape` of at least `bytes` bytes to `file`; returns how many tests passed.
 * Failures sit at a quarter, half and three quarters of the log.
 */
export function writeLargeLog(
  file: string,
  shape: LogShape,
  bytes: number,
  append = false,
): number {
  const s = SHAPES[shape];
  const fd = openSync(file, append ? 'a' : 'w');
  try {
    let chunk: string[] = [...s.head];
    let size = 0;
    let pending = 0;
    const flush = (): void => {
      const text = `${chunk.join('\n')}\n`;
      writeSync(fd, text);
      size += Buffer.byteLength(text);
      chunk = [];
      pending = 0;
    };
    let passed = 0;
    let failed = 0;
    while (size + pending < bytes) {
      if (failed < FAILURES && size + pending >= ((failed + 1) * bytes) / (FAILURES + 1)) {
        chunk.push(...s.fail(failed));
        failed++;
      }
      for (const l of s.pass(passed)) {
        chunk.push(l);
        pending += l.length + 1;
      }
      passed++;
      if (pending > 1 << 20) flush();
    }
    while (failed < FAILURES) chunk.push(...s.fail(failed++));
    chunk.push(...s.tail(passed));
    flush();
    return passed;
  } finally {
    closeSync(fd);
  }
}

/** One log of every shape in turn (a monorepo's runs one after another), `bytes` in all. */
export function writeMixedLog(file: string, bytes: number): { passed: number; failed: number } {
  let passed = 0;
  let failed = 0;
  LOG_SHAPES.forEach((shape, i) => {
    const n = writeLargeLog(file, shape, bytes / LOG_SHAPES.length, i > 0);
    if (shape !== 'plain') {
      passed += n;
      failed += FAILURES;
    }
  });
  return { passed, failed };
}
