/**
 * Synthetic test-runner logs with known ground truth, for the digest tests and the benchmark.
 * Shapes: large noisy output, ANSI colour, retries and flaky tests, timeouts, load / collect /
 * compile errors, a crash mid-run, and monorepos (several runners in one log). Deterministic
 * for a given seed.
 */

export type GenRunner =
  | 'vitest'
  | 'jest'
  | 'mocha'
  | 'node-test'
  | 'ava'
  | 'tap'
  | 'pytest'
  | 'unittest'
  | 'cargo'
  | 'go';

export const GEN_RUNNERS: readonly GenRunner[] = [
  'vitest',
  'jest',
  'mocha',
  'node-test',
  'ava',
  'tap',
  'pytest',
  'unittest',
  'cargo',
  'go',
];

export interface GenerateOptions {
  /** One runner, or several for a monorepo log (segments one after the other). */
  readonly runner: GenRunner | readonly GenRunner[];
  /** Approximate size of the log. */
  readonly sizeBytes?: number;
  /** Failing tests (per runner). */
  readonly failures?: number;
  readonly colour?: boolean;
  /** Print failures more than once (retried attempts / summaries). */
  readonly retries?: boolean;
  /** Tests that fail once then pass on retry (runners that print retries). */
  readonly flaky?: number;
  /** How many of the failures are timeouts. */
  readonly timeouts?: number;
  /** Add a file/collection/compile error (per runner). */
  readonly loadError?: boolean;
  /** End the log with a crash (OOM / segfault). */
  readonly crash?: boolean;
  readonly seed?: number;
}

export interface GeneratedLog {
  readonly text: string;
  readonly truth: {
    readonly failing: { readonly id: string; readonly message: string }[];
    readonly flaky: string[];
    /** Crash lines the digest must show (not failures: the interrupted tests never ran). */
    readonly crashes: string[];
  };
}

function rng(seed: number): () => number {
  let a = seed >>> 0 || 1;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROOT = '/home/runner/work/app/app';
const WORDS = [
  'cart',
  'user',
  'order',
  'parser',
  'cache',
  'queue',
  'token',
  'router',
  'report',
  'ledger',
  'search',
  'mailer',
];

interface Ctx {
  readonly rand: () => number;
  readonly colour: boolean;
  readonly index: number;
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

function c(ctx: Ctx, code: number, s: string): string {
  return ctx.colour ? `\u001b[${code}m${s}\u001b[39m` : s;
}

function noise(ctx: Ctx, n: number): string {
  const kinds = [
    `[info] request ${n} handled in ${Math.floor(ctx.rand() * 90)}ms`,
    `debug: cache miss for key user:${n}`,
    `warning: deprecated option "legacyMode" used (${n})`,
    `  {"level":"info","msg":"retrying connection","attempt":${n % 5},"errors":0}`,
    `processing batch ${n} of 1000000 ......................................`,
  ];
  return pick(ctx.rand, kinds);
}

interface Spec {
  readonly failing: {
    file: string;
    suite: string;
    name: string;
    message: string;
    timeout: boolean;
  }[];
  readonly flaky: { file: string; suite: string; name: string; message: string }[];
  readonly load: { file: string; message: string } | undefined;
  readonly passFiles: number;
}

function makeSpec(
  o: GenerateOptions,
  ctx: Ctx,
  ext: string,
  dir: string,
  timeoutMsg: (i: number) => string,
): Spec {
  const nFail = o.failures ?? 3;
  const nTimeouts = Math.min(o.timeouts ?? 0, nFail);
  const failing = [];
  for (let i = 0; i < nFail; i++) {
    const w = WORDS[(i + ctx.index) % WORDS.length] ?? 'x';
    const timeout = i < nTimeouts;
    failing.push({
      file: `${dir}${w}${i}${ext}`,
      suite: `${w} service`,
      name: `handles case ${ctx.index}-${i}`,
      message: timeout
        ? timeoutMsg(i)
        : `AssertionError: expected ${1000 + i + ctx.index * 100} to equal ${5000 + i}`,
      timeout,
    });
  }
  const flaky = [];
  for (let i = 0; i < (o.flaky ?? 0); i++) {
    flaky.push({
      file: `${dir}flaky${i}${ext}`,
      suite: 'network',
      name: `retries request ${ctx.index}-${i}`,
      message: `Error: socket hang up ${i}`,
    });
  }
  const load = o.loadError
    ? {
        file: `${dir}broken${ctx.index}${ext}`,
        message: `SyntaxError: Unexpected token '}' (${ctx.index})`,
      }
    : undefined;
  return { failing, flaky, load, passFiles: 0 };
}

type Segment = {
  head: string[];
  body: (ctx: Ctx, n: number) => string[];
  tail: string[];
  truth: { id: string; message: string }[];
  flaky: string[];
};

function jsLike(runner: GenRunner, o: GenerateOptions, ctx: Ctx): Segment {
  const red = (s: string): string => c(ctx, 31, s);
  const green = (s: string): string => c(ctx, 32, s);
  const truth: { id: string; message: string }[] = [];
  const flakyIds: string[] = [];
  const head: string[] = [];
  const tail: string[] = [];
  let body: (ctx: Ctx, n: number) => string[];
  switch (runner) {
    case 'vitest': {
      const s = makeSpec(o, ctx, '.test.ts', 'test/', () => 'Error: Test timed out in 5000ms.');
      head.push(` ${c(ctx, 46, ' RUN ')} v4.1.12 ${ROOT}`, '');
      body = (x, n) => [
        ` ${green('✓')} test/pass${n}.test.ts (12 tests) ${n % 40}ms`,
        `stdout | test/pass${n}.test.ts > suite > logs`,
        noise(x, n),
      ];
      for (const f of s.flaky) {
        head.push(`     ${green('✓')} ${f.name} (retry x1) 12ms`);
        flakyIds.push(f.name);
      }
      tail.push(red(`⎯⎯⎯⎯⎯⎯⎯ Failed Tests ${s.failing.length} ⎯⎯⎯⎯⎯⎯⎯`), '');
      s.failing.forEach((f, i) => {
        const id = `${f.file} > ${f.suite} > ${f.name}`;
        truth.push({ id, message: f.message });
        tail.push(
          `${c(ctx, 41, ' FAIL ')} ${f.file} > ${f.suite} > ${f.name}`,
          red(f.message),
          '',
          `${green('- Expected')}`,
          `${red('+ Received')}`,
          '',
          ` ❯ ${f.file}:${10 + i}:5`,
          `    ${10 + i}|   expect(value).toBe(${i})`,
          '',
          red(`⎯⎯⎯[${i + 1}/${s.failing.length}]⎯`),
          '',
        );
      });
      if (s.load) {
        truth.push({ id: s.load.file, message: s.load.message });
        tail.push(
          red('⎯⎯⎯⎯ Failed Suites 1 ⎯⎯⎯⎯'),
          '',
          ` FAIL  ${s.load.file} [ ${s.load.file} ]`,
          s.load.message,
          ` ❯ ${s.load.file}:3:1`,
          '',
        );
      }
      tail.push(
        ` Test Files  ${s.failing.length} failed | 40 passed (41)`,
        `      Tests  ${s.failing.length} failed | 400 passed (${400 + s.failing.length})`,
        '   Duration  3.2s',
      );
      break;
    }
    case 'jest': {
      const s = makeSpec(
        o,
        ctx,
        '.test.js',
        'src/',
        () => 'thrown: "Exceeded timeout of 5000 ms for a test.',
      );
      body = (x, n) => [
        `${c(ctx, 42, 'PASS')} src/pass${n}.test.js`,
        '  console.log',
        `    ${noise(x, n)}`,
        '',
        `      at Object.log (src/pass${n}.test.js:3:11)`,
        '',
      ];
      for (const f of s.flaky) {
        head.push(
          `PASS ${f.file}`,
          `  ● ${f.suite} › ${f.name}`,
          '',
          '    RETRY 1',
          '',
          `    ${f.message}`,
          '',
          `      at Object.<anonymous> (${f.file}:4:9)`,
          '',
        );
        flakyIds.push(`${f.file} > ${f.suite} > ${f.name}`);
      }
      const blocks: string[] = [];
      s.failing.forEach((f, i) => {
        truth.push({ id: `${f.file} > ${f.suite} > ${f.name}`, message: f.message });
        blocks.push(
          `${c(ctx, 41, 'FAIL')} ${f.file}`,
          `  ● ${f.suite} › ${f.name}`,
          '',
          `    ${f.message}`,
          '',
          `      ${i + 10} |   expect(x).toBe(1);`,
          '',
          `      at Object.<anonymous> (${f.file}:${i + 10}:7)`,
          '',
        );
      });
      if (s.load) {
        truth.push({ id: s.load.file, message: s.load.message });
        blocks.push(
          `FAIL ${s.load.file}`,
          '  ● Test suite failed to run',
          '',
          `    ${s.load.message}`,
          '',
          `      at Runtime.createScriptFromCode (node_modules/jest-runtime/build/index.js:1505:14)`,
          '',
        );
      }
      tail.push(...blocks);
      if (o.retries) tail.push('Summary of all failing tests', ...blocks);
      tail.push(
        `Test Suites: ${s.failing.length} failed, 40 passed, 41 total`,
        `Tests:       ${s.failing.length} failed, 2 skipped, 400 passed, 402 total`,
        'Snapshots:   0 total',
        'Time:        3.2 s',
        'Ran all test suites.',
      );
      break;
    }
    case 'mocha': {
      const s = makeSpec(
        o,
        ctx,
        '.spec.js',
        'test/',
        () =>
          'Error: Timeout of 2000ms exceeded. For async tests and hooks, ensure "done()" is called; if returning a Promise, ensure it resolves.',
      );
      body = (x, n) => [`  suite ${n}`, `    ${green('✔')} works for input ${n}`, noise(x, n)];
      tail.push('', `  400 passing (3s)`, `  ${s.failing.length} failing`, '');
      s.failing.forEach((f, i) => {
        truth.push({ id: `${f.file} > ${f.suite} > ${f.name}`, message: f.message });
        tail.push(
          `  ${i + 1}) ${f.suite}`,
          `       ${f.name}:`,
          '',
          `      ${f.message}`,
          '      + expected - actual',
          '',
          `      at Context.<anonymous> (${f.file}:${i + 5}:14)`,
          '      at process.processImmediate (node:internal/timers:483:21)',
          '',
        );
      });
      break;
    }
    case 'node-test': {
      const s = makeSpec(o, ctx, '.test.js', 'test/', () => 'test timed out after 100ms');
      head.push('TAP version 13');
      body = (x, n) => [
        `# Subtest: passing ${n}`,
        `ok ${n} - passing ${n}`,
        '  ---',
        `  duration_ms: ${n}.5`,
        '  ...',
        `# ${noise(x, n)}`,
      ];
      s.failing.forEach((f, i) => {
        truth.push({ id: `${f.file} > ${f.suite} > ${f.name}`, message: f.message });
        tail.push(
          `# Subtest: ${f.suite}`,
          `    # Subtest: ${f.name}`,
          `    not ok 1 - ${f.name}`,
          '      ---',
          '      duration_ms: 2.4',
          `      location: '${ROOT}/${f.file}:${i + 3}:5'`,
          `      failureType: '${f.timeout ? 'testTimeoutFailure' : 'testCodeFailure'}'`,
        );
        if (f.timeout) tail.push(`      error: '${f.message}'`);
        else tail.push('      error: |-', `        ${f.message}`, '        ', '        1 !== 2');
        tail.push(
          '      stack: |-',
          `        TestContext.<anonymous> (file://${ROOT}/${f.file}:${i + 4}:14)`,
          '      ...',
          '    1..1',
          `not ok ${1000 + i} - ${f.suite}`,
          '  ---',
          "  type: 'suite'",
          `  location: '${ROOT}/${f.file}:${i + 2}:1'`,
          "  failureType: 'subtestsFailed'",
          "  error: '1 subtest failed'",
          '  ...',
        );
      });
      tail.push(
        '# tests 400',
        '# suites 10',
        `# pass ${400 - s.failing.length}`,
        `# fail ${s.failing.length}`,
        '# cancelled 0',
        '# skipped 0',
        '# todo 0',
      );
      break;
    }
    case 'tap': {
      const s = makeSpec(o, ctx, '.js', 'test/', () => 'timeout!');
      head.push('TAP version 13');
      body = (x, n) => [
        `# Subtest: test/pass${n}.js`,
        `    ok 1 - passes ${n}`,
        '    1..1',
        `ok ${n} - test/pass${n}.js # time=3ms`,
        `# ${noise(x, n)}`,
      ];
      s.failing.forEach((f) => {
        const name = f.timeout ? 'timeout!' : f.name;
        truth.push({
          id: `${f.file} > ${f.suite} > ${name}`,
          message: f.timeout ? 'timeout!' : f.name,
        });
        tail.push(
          `# Subtest: ${f.file}`,
          `    # Subtest: ${f.suite}`,
          `        not ok 1 - ${name}`,
          '          ---',
          f.timeout ? '          expired: TAP' : '          compare: ===',
          '          at:',
          '            line: 12',
          `            file: ${f.file}`,
          '          ...',
          '        1..1',
          `    not ok 1 - ${f.suite} # time=3ms`,
          '    1..1',
          `not ok 999 - ${f.file} # time=5ms`,
        );
      });
      tail.push('1..999', `# failed ${s.failing.length} of 999 tests`, '# time=3000ms');
      break;
    }
    default: {
      // ava
      const s = makeSpec(o, ctx, '.test.js', 'test/', () => 'unused');
      body = (x, n) => [`  ${green('✔')} pass${n} › works ${n}`, `  ${noise(x, n)}`];
      s.failing.forEach((f) => {
        const title = f.file.replace(/^test\//, '').replace(/\.test\.js$/, '');
        head.push(`  ${red('✘')} [fail]: ${title} › ${f.name}`);
        truth.push({ id: `${f.file} > ${f.name}`, message: f.message });
        tail.push(
          '  ─',
          '',
          `  ${title} › ${f.name}`,
          '',
          `  ${f.file}:11`,
          '',
          '   10: test(x, (t) => {',
          '   11:   t.is(a, b);',
          '',
          `  ${f.message}`,
          '',
          `  › file://${f.file}:11:5`,
          '',
        );
      });
      tail.push('  ─', '', `  ${s.failing.length} tests failed`);
      break;
    }
  }
  return { head, body, tail, truth, flaky: flakyIds };
}

function otherLike(runner: GenRunner, o: GenerateOptions, ctx: Ctx): Segment {
  const truth: { id: string; message: string }[] = [];
  const flakyIds: string[] = [];
  const head: string[] = [];
  const tail: string[] = [];
  let body: (ctx: Ctx, n: number) => string[];
  const nFail = o.failures ?? 3;
  const nTimeouts = Math.min(o.timeouts ?? 0, nFail);
  if (runner === 'pytest') {
    head.push(
      '============================= test session starts ==============================',
      'platform linux -- Python 3.11.7, pytest-9.0.3, pluggy-1.6.0',
      `rootdir: ${ROOT}`,
      'collected 999 items',
      '',
    );
    body = (x, n) => [
      `tests/test_pass${n}.py ${'.'.repeat(30)}${' '.repeat(20)}[ ${n % 100}%]`,
      ...(n % 7 === 0 ? [noise(x, n)] : []),
    ];
    for (let i = 0; i < (o.flaky ?? 0); i++) {
      head.push(
        `tests/test_flaky.py::test_net_${ctx.index}_${i} RERUN`,
        `tests/test_flaky.py::test_net_${ctx.index}_${i} PASSED`,
      );
      flakyIds.push(`tests/test_flaky.py > test_net_${ctx.index}_${i}`);
    }
    const blocks: string[] = [];
    const summary: string[] = [];
    if (o.loadError) {
      const msg = `ModuleNotFoundError: No module named 'missing_${ctx.index}'`;
      truth.push({ id: `tests/test_broken${ctx.index}.py`, message: msg });
      blocks.push(
        `_____________ ERROR collecting tests/test_broken${ctx.index}.py _____________`,
        `ImportError while importing test module '${ROOT}/tests/test_broken${ctx.index}.py'.`,
        `E   ${msg}`,
        '',
      );
      summary.push(`ERROR tests/test_broken${ctx.index}.py - ${msg}`);
    }
    for (let i = 0; i < nFail; i++) {
      const w = WORDS[i % WORDS.length] ?? 'x';
      const msg =
        i < nTimeouts
          ? 'Failed: Timeout >5.0s'
          : `AssertionError: assert ${100 + i} == ${200 + i + ctx.index}`;
      const file = `tests/test_${w}${i}.py`;
      truth.push({ id: `${file} > Test${w} > test_case_${ctx.index}_${i}`, message: msg });
      blocks.push(
        `_____________________ Test${w}.test_case_${ctx.index}_${i} ______________________`,
        '',
        '    def test_case(self):',
        `>       assert compute() == ${200 + i}`,
        `E       ${msg}`,
        '',
        `${file}:${10 + i}: AssertionError`,
      );
      summary.push(`FAILED ${file}::Test${w}::test_case_${ctx.index}_${i} - ${msg}`);
    }
    tail.push(
      '=================================== FAILURES ===================================',
      ...blocks,
      '=========================== short test summary info ============================',
      ...summary,
      `================== ${nFail} failed, 900 passed, 3 skipped in 12.3s ==================`,
    );
  } else if (runner === 'unittest') {
    body = (x, n) => [
      `test_ok_${n} (tests.test_pass${n}.PassTest.test_ok_${n}) ... ok`,
      ...(n % 5 === 0 ? [noise(x, n)] : []),
    ];
    for (let i = 0; i < nFail; i++) {
      const msg = `AssertionError: ${100 + i} != ${300 + i + ctx.index}`;
      head.push(`test_case_${i} (tests.test_mod${i}.ModTest.test_case_${i}) ... FAIL`);
      truth.push({ id: `tests/test_mod${i}.py > ModTest > test_case_${i}`, message: msg });
      tail.push(
        '======================================================================',
        `FAIL: test_case_${i} (tests.test_mod${i}.ModTest.test_case_${i})`,
        '----------------------------------------------------------------------',
        'Traceback (most recent call last):',
        `  File "${ROOT}/tests/test_mod${i}.py", line ${i + 4}, in test_case_${i}`,
        '    self.assertEqual(a, b)',
        msg,
        '',
      );
    }
    tail.push(
      '----------------------------------------------------------------------',
      'Ran 999 tests in 1.2s',
      '',
      `FAILED (failures=${nFail})`,
    );
  } else if (runner === 'cargo') {
    head.push(`   Compiling app${ctx.index} v0.1.0 (${ROOT})`);
    if (o.loadError) {
      const msg = `error[E0425]: cannot find value \`missing_${ctx.index}\` in this scope`;
      truth.push({ id: `app${ctx.index} (lib test) > src/lib.rs:10:5`, message: msg });
      head.push(
        msg,
        '  --> src/lib.rs:10:5',
        '   |',
        '10 |     missing',
        '   |     ^^^^^^^ not found in this scope',
        '',
        `error: could not compile \`app${ctx.index}\` (lib test) due to 1 previous error`,
      );
      return { head, body: () => [], tail, truth, flaky: flakyIds };
    }
    head.push(
      '    Finished `test` profile [unoptimized + debuginfo] target(s) in 1.55s',
      `     Running unittests src/lib.rs (target/debug/deps/app-64367f5c5876645a)`,
      '',
      'running 999 tests',
    );
    body = (x, n) => [
      `test module${n}::tests::passes_${n} ... ok`,
      ...(n % 9 === 0 ? [noise(x, n)] : []),
    ];
    tail.push('', 'failures:', '');
    for (let i = 0; i < nFail; i++) {
      const msg = `assertion \`left == right\` failed: value ${i} ${ctx.index}`;
      truth.push({ id: `src/lib.rs > failing::tests::case_${i}`, message: msg });
      head.push(`test failing::tests::case_${i} ... FAILED`);
      tail.push(
        `---- failing::tests::case_${i} stdout ----`,
        '',
        `thread 'failing::tests::case_${i}' (1234${i}) panicked at src/failing.rs:${10 + i}:9:`,
        msg,
        '  left: 1',
        ' right: 2',
        'note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace',
        '',
      );
    }
    tail.push(
      'failures:',
      ...Array.from({ length: nFail }, (_, i) => `    failing::tests::case_${i}`),
      '',
      `test result: FAILED. 900 passed; ${nFail} failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.50s`,
      '',
      'error: test failed, to rerun pass `--lib`',
    );
  } else {
    // go
    const pkg = `example.com/app/pkg${ctx.index}`;
    body = (x, n) => [
      `=== RUN   TestPass${n}`,
      `--- PASS: TestPass${n} (0.00s)`,
      ...(n % 4 === 0 ? [`    ${noise(x, n)}`] : []),
    ];
    for (let i = 0; i < (o.flaky ?? 0); i++) {
      head.push(
        `=== RUN   TestFlaky${i}`,
        `    flaky_test.go:9: connection reset ${i}`,
        `--- FAIL: TestFlaky${i} (0.01s)`,
        `=== RUN   TestFlaky${i}`,
        `--- PASS: TestFlaky${i} (0.01s)`,
      );
      flakyIds.push(`${pkg} > TestFlaky${i}`);
    }
    for (let i = 0; i < nFail - nTimeouts; i++) {
      const msg = `calc_test.go:${20 + i}: Calc(${i}) = ${i * 2}, want ${i * 3 + 1 + ctx.index}`;
      truth.push({ id: `${pkg} > TestCalc${i}/case_${i}`, message: msg });
      if (i % 2 === 0) {
        tail.push(
          `=== RUN   TestCalc${i}`,
          `=== RUN   TestCalc${i}/case_${i}`,
          `--- FAIL: TestCalc${i} (0.00s)`,
          `    --- FAIL: TestCalc${i}/case_${i} (0.00s)`,
          `        ${msg}`,
        );
      } else {
        // go test -v streams a test's output before its result lines.
        tail.push(
          `=== RUN   TestCalc${i}`,
          `=== RUN   TestCalc${i}/case_${i}`,
          // a test logs its context, then reports (go prints t.Log and t.Error alike)
          `    helper_test.go:9: more context ${i}`,
          `    ${msg}`,
          `--- FAIL: TestCalc${i} (0.00s)`,
          `    --- FAIL: TestCalc${i}/case_${i} (0.00s)`,
        );
      }
    }
    if (nTimeouts > 0) {
      truth.push({ id: `${pkg} > TestSlow`, message: 'panic: test timed out after 30s' });
      tail.push(
        '=== RUN   TestSlow',
        'panic: test timed out after 30s',
        'running tests:',
        '\tTestSlow (30s)',
        '',
        'goroutine 7 [running]:',
        'testing.(*M).startAlarm.func1()',
        '\t/usr/local/go/src/testing/testing.go:2241 +0x3b9',
      );
    }
    tail.push('FAIL', `FAIL\t${pkg}\t30.012s`);
    if (o.loadError) {
      const bpkg = `example.com/app/broken${ctx.index}`;
      const msg = `broken${ctx.index}/x.go:3:2: undefined: missingFunc`;
      truth.push({ id: bpkg, message: msg });
      tail.push(`# ${bpkg} [${bpkg}.test]`, msg, `FAIL\t${bpkg} [build failed]`);
    }
    tail.push('FAIL');
  }
  return { head, body, tail, truth, flaky: flakyIds };
}

function loadErrorJs(runner: GenRunner, seg: Segment, o: GenerateOptions, ctx: Ctx): void {
  if (!o.loadError) return;
  if (runner === 'node-test') {
    const file = `test/broken${ctx.index}.test.js`;
    const msg = `SyntaxError: Unexpected token '}' (${ctx.index})`;
    seg.truth.push({ id: file, message: msg });
    seg.tail.unshift(
      `# Subtest: ${ROOT}/${file}`,
      `not ok 900 - ${ROOT}/${file}`,
      '  ---',
      "  failureType: 'testCodeFailure'",
      '  error: |-',
      `    ${msg}`,
      '  ...',
    );
  }
}

/** Builds a log of roughly `sizeBytes` with its ground truth. */
export function generateLog(o: GenerateOptions): GeneratedLog {
  const runners =
    typeof o.runner === 'string'
      ? [o.runner as GenRunner]
      : [...(o.runner as readonly GenRunner[])];
  const rand = rng(o.seed ?? 1);
  const size = o.sizeBytes ?? 20_000;
  const per = Math.max(1, Math.floor(size / runners.length));
  const out: string[] = [];
  const failing: { id: string; message: string }[] = [];
  const flaky: string[] = [];
  const crashes: string[] = [];
  runners.forEach((runner, index) => {
    const ctx: Ctx = { rand, colour: o.colour === true, index };
    const isJs = ['vitest', 'jest', 'mocha', 'node-test', 'ava', 'tap'].includes(runner);
    const seg = isJs ? jsLike(runner, o, ctx) : otherLike(runner, o, ctx);
    loadErrorJs(runner, seg, o, ctx);
    if (runners.length > 1) out.push('', `> @app/pkg${index}@1.0.0 test`, `> ${runner}`, '');
    out.push(...seg.head);
    let bytes = [...seg.head, ...seg.tail].reduce((n, l) => n + l.length + 1, 0);
    let n = 1;
    while (bytes < per) {
      const lines = seg.body(ctx, n);
      if (lines.length === 0) break;
      for (const l of lines) {
        out.push(l);
        bytes += l.length + 1;
      }
      n++;
    }
    out.push(...seg.tail);
    failing.push(...seg.truth);
    flaky.push(...seg.flaky);
  });
  if (o.crash) {
    const line =
      'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory';
    out.push(
      '',
      '<--- Last few GCs --->',
      '',
      line,
      ' 1: 0xb090e0 node::Abort() [node]',
      'Aborted (core dumped)',
    );
    crashes.push(line);
  }
  return { text: `${out.join('\n')}\n`, truth: { failing, flaky, crashes } };
}
