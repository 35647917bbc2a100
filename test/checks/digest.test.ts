import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DigestBuilder as Builder,
  detectRunner,
  digestFile as digestFileWith,
  digestJson,
  digestText as digestTextWith,
  type DigestOptions,
  type FullDigest,
} from '../../src/checks/index.js';
import {
  MAX_DETAIL_LINES,
  MAX_FAILURES,
  MAX_LINE_CHARS,
  MAX_NAMED_TESTS,
} from '../../src/checks/parsers/base.js';
import {
  GenericParser,
  MAX_SNIPPETS,
  RingBuffer,
  TAIL_LINES,
} from '../../src/checks/parsers/generic.js';
import { generateLog } from './generate.js';
import { loadTokenizer, o200k } from '../../src/model/tokens.js';

// Exact o200k counts (the model layer's counter, with its tables loaded).
await loadTokenizer();
const digestText = (text: string, o: Omit<DigestOptions, 'counter'> = {}): FullDigest =>
  digestTextWith(text, { counter: o200k, ...o });
const digestFile = (file: string, o: Omit<DigestOptions, 'counter'> = {}): Promise<FullDigest> =>
  digestFileWith(file, { counter: o200k, ...o });
class DigestBuilder extends Builder {
  constructor(o: Omit<DigestOptions, 'counter'> = {}) {
    super({ counter: o200k, ...o });
  }
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-'));
  dirs.push(d);
  return d;
}

describe('detectRunner', () => {
  const table: [string, string][] = [
    [' RUN  v4.1.12 /repo\n', 'vitest'],
    ['PASS src/a.test.js\nTests:       1 passed, 1 total\n', 'jest'],
    ['  3 passing (20ms)\n', 'mocha'],
    ['TAP version 13\nok 1 - a\n  ---\n  duration_ms: 1.2\n  ...\n', 'node-test'],
    ['TAP version 13\nok 1 - a # time=2ms\n', 'tap'],
    ['  ✘ [fail]: a › b\n', 'ava'],
    [
      '============================= test session starts ==============================\n',
      'pytest',
    ],
    ['test_a (tests.test_x.T.test_a) ... ok\n', 'unittest'],
    ['running 3 tests\n', 'cargo'],
    ['--- FAIL: TestX (0.00s)\n', 'go'],
    ['<?xml version="1.0"?>\n<testsuites>\n', 'junit'],
    ['\u001b[31mℹ tests 3\u001b[39m\n', 'node-test'],
    ['hello world\n', 'generic'],
  ];
  for (const [text, want] of table) {
    it(want, () => {
      expect(detectRunner(text)).toBe(want);
    });
  }
});

describe('digest options and output', () => {
  it('a forced runner wins over detection', () => {
    const log = generateLog({ runner: 'jest', failures: 2, seed: 2 }).text;
    expect(digestText(log, { runner: 'generic' }).failures).toHaveLength(0);
    expect(digestText(log, { runner: 'jest' }).failures).toHaveLength(2);
  });

  it('shows the exit code and a timeout in the counts line', () => {
    const d = digestText('PASS a.test.js\nTests:       1 passed, 1 total\n', {
      exitCode: 137,
      timedOut: true,
    });
    expect(d.text.split('\n')[0]).toBe(
      'jest: 0 failed, 1 passed, 0 skipped, exit code 137, killed by timeout',
    );
  });

  it('one JSON shape: the Digest the loop holds, as `greenloop digest --json` prints it', () => {
    const j = digestJson(
      digestText('--- FAIL: TestX (0.00s)\n    x_test.go:3: boom\nFAIL\tex.com/m\t0.1s\n'),
    );
    expect(j).toEqual({
      runner: 'go',
      counts: { passed: 0, failed: 1, skipped: 0 },
      failures: [
        {
          id: 'ex.com/m > TestX',
          file: 'x_test.go',
          line: 3,
          message: 'x_test.go:3: boom',
          kind: 'test',
          detail: undefined,
        },
      ],
      flaky: [],
      text: expect.stringContaining('ex.com/m > TestX') as unknown as string,
      tokens: expect.any(Number) as unknown as number,
    });
  });

  it('reads a code excerpt from the project for the first project frame', () => {
    const root = tmp();
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(
      path.join(root, 'src', 'sum.js'),
      'export function sum(a, b) {\n  return a - b;\n}\n',
    );
    const log = [
      'FAIL src/sum.test.js',
      '  ● sum › adds',
      '',
      '    expect(received).toBe(expected) // Object.is equality',
      '',
      '      at sum (src/sum.js:2:3)',
      '      at Object.<anonymous> (node_modules/x/index.js:1:1)',
      '',
      'Tests:       1 failed, 1 total',
    ].join('\n');
    const d = digestText(log, { projectRoot: root });
    expect(d.text).toContain('at src/sum.js:2:3');
    expect(d.text).toContain('>    2 |   return a - b;');
  });

  it('makes absolute paths under projectRoot relative', () => {
    const d = digestText(
      'FAIL src/a.test.js\n  ● a\n\n    Error: x\n\n      at f (/work/proj/src/a.js:3:1)\nTests:       1 failed, 1 total\n',
      { projectRoot: '/work/proj' },
    );
    expect(d.failures[0]?.frames[0]).toBe('src/a.js:3:1');
  });

  it('handles carriage-return progress lines and CRLF', () => {
    const d = digestText(
      'progress 10%\rprogress 100%\r\n--- FAIL: TestA (0.00s)\r\n    a_test.go:1: bad\r\nFAIL\tm/p\t0.1s\r\n',
    );
    expect(d.failures.map((f) => f.message)).toEqual(['a_test.go:1: bad']);
  });

  it('reads JUnit reports from reportGlob', async () => {
    const root = tmp();
    fs.mkdirSync(path.join(root, 'reports'));
    fs.writeFileSync(
      path.join(root, 'reports', 'junit.xml'),
      '<testsuites><testsuite name="s" file="t/a.test.js"><testcase name="ok"/><testcase name="bad"><failure message="boom">Error: boom</failure></testcase></testsuite></testsuites>\n',
    );
    const log = path.join(root, 'log.txt');
    fs.writeFileSync(log, 'some unparseable output\n');
    const d = await digestFile(log, { projectRoot: root, reportGlob: 'reports/*.xml' });
    expect(d.runner).toBe('junit');
    expect(d.failures.map((f) => f.id)).toEqual(['t/a.test.js > bad']);
    expect(d.counts).toEqual({ passed: 1, failed: 1, skipped: 0 });
  });
});

describe('bounded memory (structural)', () => {
  it('caps detail lines and line length per failure', () => {
    const long = 'x'.repeat(5000);
    const lines = ['FAIL a.test.js', '  ● a', '', '    Error: boom', ''];
    for (let i = 0; i < 1000; i++) lines.push(`    detail ${i} ${long}`);
    lines.push('Tests:       1 failed, 1 total');
    const d = digestText(lines.join('\n'), { tokens: 100_000 });
    const detail = d.failures[0]?.detail?.split('\n') ?? [];
    expect(detail.length).toBeLessThanOrEqual(MAX_DETAIL_LINES);
    for (const l of detail) expect(l.length).toBeLessThanOrEqual(MAX_LINE_CHARS);
  });

  it('caps the number of stored failures', () => {
    const lines: string[] = [];
    for (let i = 0; i < MAX_FAILURES + 50; i++)
      lines.push(`--- FAIL: Test${i} (0.00s)`, `    x_test.go:${i}: bad ${i}`);
    lines.push('FAIL\tm/p\t0.1s');
    const d = digestText(lines.join('\n'));
    expect(d.failures.length).toBe(MAX_FAILURES);
    expect(d.counts.failed).toBe(MAX_FAILURES + 50);
    expect(d.tokens).toBeLessThanOrEqual(2000);
  });

  it('the tail is a fixed-size ring buffer', () => {
    const r = new RingBuffer(3);
    for (let i = 0; i < 10; i++) r.push(String(i));
    expect(r.toArray()).toEqual(['7', '8', '9']);
    const b = new DigestBuilder();
    for (let i = 0; i < 10_000; i++) b.push(`line ${i}`);
    const d = b.finish();
    expect(d.text).toContain('line 9999');
    expect(d.text).not.toContain('line 9000\n');
    expect(TAIL_LINES).toBeLessThan(100);
  });

  it('streams a multi-megabyte file and stays within budget', async () => {
    const file = path.join(tmp(), 'big.log');
    const log = generateLog({
      runner: 'pytest',
      sizeBytes: 3_000_000,
      failures: 12,
      colour: true,
      seed: 21,
    });
    fs.writeFileSync(file, log.text);
    const d = await digestFile(file);
    expect(d.failures.map((f) => f.id).sort()).toEqual(log.truth.failing.map((f) => f.id).sort());
    expect(d.tokens).toBeLessThanOrEqual(2000);
  });

  it('keeps a bounded number of error lines, however many follow each other', () => {
    // Every other line has an error word, so each snippet's context never closes.
    const g = new GenericParser();
    for (let i = 0; i < 100_000; i++)
      g.push(i % 2 === 0 ? `retrying after errors (${i})` : `ok ${i}`);
    const kept = g.snippets.reduce((n, s) => n + s.length, 0);
    expect(kept).toBeLessThanOrEqual(MAX_SNIPPETS * 12);
  });

  it('names at most MAX_NAMED_TESTS tests in one digest, over all its runs', () => {
    const run = (r: number): string[] => {
      const lines = ['TAP version 13'];
      for (let i = 1; i <= 8_000; i++) lines.push(`ok ${i} - run ${r} test ${i}`);
      lines.push('1..8000', '# pass 8000', '# fail 0');
      return lines;
    };
    const d = digestText([...run(1), ...run(2), ...run(3)].join('\n'));
    expect(d.counts.passed).toBe(24_000);
    expect(d.tests?.length ?? 0).toBeLessThanOrEqual(MAX_NAMED_TESTS);
  });

  it('truncates absurdly long lines before parsing', () => {
    const d = digestText(`${'a'.repeat(2_000_000)}\nerror: boom\n`, { tokens: 300 });
    expect(d.tokens).toBeLessThanOrEqual(300);
    expect(d.text).toContain('error: boom');
  });
});

describe('per-digest state', () => {
  /** A project whose JUnit report names its test file by absolute path, and a log of `lines`. */
  function project(name: string, lines: number): { root: string; log: string } {
    const root = path.join(tmp(), name);
    fs.mkdirSync(path.join(root, 'reports'), { recursive: true });
    const file = path.join(root, 'test', `${name}.test.js`);
    fs.writeFileSync(
      path.join(root, 'reports', 'junit.xml'),
      `<testsuites><testsuite name="s"><testcase name="bad" file="${file}"><failure message="boom">Error: boom\n    at ${file}:3:7</failure></testcase></testsuite></testsuites>\n`,
    );
    const log = path.join(root, 'log.txt');
    fs.writeFileSync(log, Array.from({ length: lines }, (_, i) => `output ${i}`).join('\n'));
    return { root, log };
  }

  it('two concurrent digests of different projects each make paths relative to their own root', async () => {
    const a = project('alpha', 10);
    const b = project('beta', 200_000);
    const digest = (p: { root: string; log: string }): ReturnType<typeof digestFile> =>
      digestFile(p.log, { projectRoot: p.root, reportGlob: 'reports/*.xml' });
    const [da, db] = await Promise.all([digest(a), digest(b)]);
    expect(da.failures.map((f) => [f.id, f.frames[0]])).toEqual([
      ['test/alpha.test.js > bad', 'test/alpha.test.js:3:7'],
    ]);
    expect(db.failures.map((f) => [f.id, f.frames[0]])).toEqual([
      ['test/beta.test.js > bad', 'test/beta.test.js:3:7'],
    ]);
  });
});

describe('properties', () => {
  it('arbitrary text never throws and always fits the budget', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 2000 }),
        fc.integer({ min: 1, max: 400 }),
        (text, tokens) => {
          const d = digestText(text, { tokens });
          expect(d.tokens).toBeLessThanOrEqual(tokens);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('arbitrary runner-looking lines never throw and fit the budget', () => {
    const pieces = fc.constantFrom(
      'FAIL a.test.js',
      '  ● a › b',
      '    Error: x',
      ' FAIL  t.test.ts > a > b',
      'TAP version 13',
      'not ok 1 - x',
      '  ---',
      '  ...',
      '    # Subtest: y',
      '--- FAIL: TestX (0.00s)',
      'FAIL\tm/p\t0.1s',
      'panic: boom',
      '---- t stdout ----',
      "thread 't' panicked at src/a.rs:1:2:",
      '_____ test_x _____',
      'E   assert 1 == 2',
      'FAILED a.py::t - x',
      '  1) suite',
      '     test:',
      '  2 passing (3ms)',
      '  1 failing',
      '  ✘ [fail]: a › b',
      '  ─',
      'ERROR: t (a.B.t)',
      'Traceback (most recent call last):',
      '<testsuite name="x">',
      '<testcase name="y">',
      '<failure message="m">',
      '</testcase>',
      '▶ s',
      '✖ t (1.5ms)',
      'ℹ fail 1',
      '',
      'error[E1]: x',
      '  --> src/a.rs:1:2',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(pieces, fc.string({ maxLength: 40 })), { maxLength: 200 }),
        fc.integer({ min: 20, max: 600 }),
        (lines, tokens) => {
          const d = digestText(lines.join('\n'), { tokens });
          expect(d.tokens).toBeLessThanOrEqual(tokens);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('is deterministic', () => {
    const log = generateLog({
      runner: ['vitest', 'go'],
      sizeBytes: 50_000,
      failures: 5,
      colour: true,
      seed: 8,
    }).text;
    expect(digestText(log).text).toBe(digestText(log).text);
  });
});

describe('log decorations', () => {
  it('strips GitHub Actions timestamps from raw downloaded logs', () => {
    const log = generateLog({ runner: 'pytest', failures: 2, seed: 6 });
    const stamped = log.text
      .split('\n')
      .map((l) => `2026-01-02T03:04:05.1234567Z ${l}`)
      .join('\n');
    const d = digestText(stamped);
    expect(d.failures.map((f) => f.id)).toEqual(log.truth.failing.map((f) => f.id));
  });

  it('recognises jest files printed with a project displayName', () => {
    const d = digestText(
      [
        'FAIL  core  src/a.test.js',
        '  ● a › b',
        '',
        '    Error: nope',
        '',
        'Tests:       1 failed, 1 total',
      ].join('\n'),
    );
    expect(d.runner).toBe('jest');
    expect(d.failures.map((f) => f.id)).toEqual(['src/a.test.js > a > b']);
  });
});

describe('retries', () => {
  it('jest: a ● block for a test that the verbose tree shows passing is a retried attempt', () => {
    const log = [
      'FAIL src/a.test.js',
      '  net',
      '    ✓ reconnects (12 ms)',
      '    ✕ times out (5 ms)',
      '',
      '  ● net › reconnects',
      '',
      '    RETRY 1',
      '',
      '    Error: socket hang up',
      '',
      '  ● net › times out',
      '',
      '    Error: boom',
      '',
      'Tests:       1 failed, 1 passed, 2 total',
    ].join('\n');
    const d = digestText(log);
    expect(d.failures.map((f) => f.id)).toEqual(['src/a.test.js > net > times out']);
    expect(d.flaky).toEqual(['src/a.test.js > net > reconnects']);
  });

  it('go: a test that failed then passed on a rerun is flaky', () => {
    const d = digestText(
      [
        '=== RUN   TestNet',
        '    net_test.go:9: reset',
        '--- FAIL: TestNet (0.01s)',
        '=== RUN   TestNet',
        '--- PASS: TestNet (0.01s)',
        'ok  \tex.com/m\t0.1s',
      ].join('\n'),
    );
    expect(d.failures).toHaveLength(0);
    expect(d.flaky).toEqual(['ex.com/m > TestNet']);
  });
});

describe('runner variants', () => {
  it('node 22 spec reporter: suite end lines are not failures', () => {
    const log = [
      '▶ math',
      '  ✔ adds (0.5ms)',
      '  ✖ divides (1.2ms)',
      '    Error: boom',
      '✖ math (3.1ms)',
      'ℹ tests 2',
      'ℹ pass 1',
      'ℹ fail 1',
    ].join('\n');
    const d = digestText(log);
    expect(d.failures.map((f) => f.id)).toEqual(['math > divides']);
  });

  it('pytest -q: plain final counts line', () => {
    const log = [
      '..F',
      '=================================== FAILURES ===================================',
      '___________________________________ test_x ___________________________________',
      'E       assert 1 == 2',
      'tests/test_a.py:3: AssertionError',
      '=========================== short test summary info ============================',
      'FAILED tests/test_a.py::test_x - assert 1 == 2',
      '1 failed, 2 passed in 0.05s',
    ].join('\n');
    const d = digestText(log, { runner: 'pytest' });
    expect(d.counts).toEqual({ passed: 2, failed: 1, skipped: 0 });
    expect(d.failures.map((f) => f.id)).toEqual(['tests/test_a.py > test_x']);
  });

  it('ava: tests pending at a timeout are failures', () => {
    const log = [
      '  ✔ a › works',
      '  ✘ Timed out while running tests',
      '',
      '  1 tests were pending in test/b.js',
      '',
      '  ◌ b › waits forever',
      '',
      '  ─',
      '',
      '  1 test failed',
    ].join('\n');
    const d = digestText(log, { runner: 'ava' });
    expect(d.failures.map((f) => [f.id, f.kind, f.message])).toEqual([
      ['b > waits forever', 'timeout', 'Timed out while running tests'],
    ]);
  });
});

describe('forced runner names', () => {
  const table: [string, string][] = [
    ['tap (node-tap 16)', 'tap'],
    ['cargo test', 'cargo'],
    ['go test', 'go'],
    ['python unittest', 'unittest'],
    ['pytest', 'pytest'],
    ['Vitest', 'vitest'],
  ];
  for (const [name, family] of table) {
    it(`${name} → ${family}`, async () => {
      const { familyOf } = await import('../../src/checks/sniff.js');
      expect(familyOf(name)).toBe(family);
    });
  }

  it('node --test is left to detection (TAP or spec reporter)', () => {
    const spec = ['▶ s', '  ✖ t (1.5ms)', '    Error: x', 'ℹ fail 1'].join('\n');
    expect(digestText(spec, { runner: 'node --test' }).failures.map((f) => f.id)).toEqual([
      's > t',
    ]);
  });
});

describe('monorepo prefixes', () => {
  const jest = [
    'FAIL src/a.test.js',
    '  ● a › b',
    '',
    '    Error: nope',
    '',
    'Tests:       1 failed, 1 total',
  ];
  const go = ['--- FAIL: TestX (0.00s)', '    x_test.go:3: bad', 'FAIL\tex.com/m\t0.1s'];
  const table: [string, string, string][] = [
    ['turbo', 'web:test: ', 'api:test: '],
    ['pnpm -r', 'packages/web test: ', 'packages/api test: '],
    ['lerna --stream', '@app/web: ', '@app/api: '],
    ['yarn workspaces foreach', '[@app/web]: ', '[@app/api]: '],
  ];
  for (const [name, a, b] of table) {
    it(`${name}: interleaved packages are parsed separately`, () => {
      const lines: string[] = [];
      for (let i = 0; i < Math.max(jest.length, go.length); i++) {
        if (jest[i] !== undefined) lines.push(`${a}${jest[i]}`);
        if (go[i] !== undefined) lines.push(`${b}${go[i]}`);
      }
      const d = digestText(lines.join('\n'));
      expect(d.failures.map((f) => f.id).sort()).toEqual([
        'ex.com/m > TestX',
        'src/a.test.js > a > b',
      ]);
    });
  }
});

describe('go: verbose output printed before the result line', () => {
  it('keeps the message of a subtest that failed after many tests printed output without a result', () => {
    const noise: string[] = [];
    for (let i = 0; i < 800; i++)
      noise.push(`=== RUN   TestNoise${i}`, `    noise_test.go:5: log line ${i}`);
    const text = [
      ...noise,
      '=== RUN   TestCalc1',
      '=== RUN   TestCalc1/case_1',
      '    calc_test.go:21: Calc(1) = 2, want 4',
      '--- FAIL: TestCalc1 (0.00s)',
      '    --- FAIL: TestCalc1/case_1 (0.00s)',
      'FAIL',
      'FAIL\texample.com/app/pkg0\t0.01s',
    ].join('\n');
    const digest = digestText(text, { runner: 'go' });
    expect(digest.failures.map((f) => f.message)).toContain('calc_test.go:21: Calc(1) = 2, want 4');
  });
});

describe('pytest with CI=true (the loop sets it): the short summary repeats the assertion diff', () => {
  // pytest 9, `CI=true python3 -m pytest -q`: under CI the short test summary prints the whole
  // assertion message, diff lines included, after the FAILURES block already showed them.
  it('shows each diff line once', async () => {
    const log = path.join(
      import.meta.dirname,
      '..',
      'fixtures',
      'digest',
      'pytest-ci-short-summary.log',
    );
    const d = await digestFile(log);
    expect(d.failures.map((f) => f.id)).toEqual(['tests/test_s.py > test_ord[13-13th]']);
    expect(d.text.split('\n').filter((line) => line.trim() === '- 13th')).toHaveLength(1);
    expect(d.text.split('\n').filter((line) => line.trim() === '+ 13rd')).toHaveLength(1);
  });
});

describe('countsFromSummary: counts that two runs can be compared by', () => {
  it('a pytest run that deselected tests (--lf, -k) does not count all of them', () => {
    const d = digestText('.\n1 passed, 9 deselected in 0.10s\n');
    expect(d.runner).toBe('pytest');
    expect(d.countsFromSummary).toBeUndefined();
  });

  it('a log of several runs (a monorepo: cached packages may print nothing) is not compared by counts', async () => {
    const log = path.join(
      import.meta.dirname,
      '..',
      'fixtures',
      'digest',
      '010_pnpm_recursive_monorepo',
      'log.txt',
    );
    const d = await digestFile(log);
    expect(d.runner).toContain('+');
    expect(d.countsFromSummary).toBeUndefined();
  });

  it('one pytest run is', () => {
    const d = digestText('.....\n5 passed in 0.10s\n');
    expect(d.countsFromSummary).toBe(true);
  });
});
