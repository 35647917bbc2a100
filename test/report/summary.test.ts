import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/core/record.js';
import { headline, renderSummary, truncateBytes } from '../../src/report/summary.js';
import {
  alreadyGreenRecord,
  budgetRecord,
  iteration,
  modelErrorRecord,
  successRecord,
  testSummary,
} from './fixtures.js';

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');
const firstLine = (s: string): string => s.split('\n')[0] ?? '';
/** `|` not escaped with a backslash. */
const rawPipes = (line: string): number => (line.match(/(?<!\\)\|/g) ?? []).length;

describe('renderSummary: first line', () => {
  it.each<[string, RunRecord, string]>([
    ['success', successRecord(), '## ✅ greenloop: success — all tests pass'],
    [
      'budget',
      budgetRecord(),
      '## ⚠️ greenloop: budget-iterations — reached max-iterations \\(3\\) with 1 test still failing',
    ],
    [
      'model-error',
      modelErrorRecord(),
      '## ❌ greenloop: model-error — the model endpoint returned 500 three times',
    ],
    ['already-green', alreadyGreenRecord(), '## ✅ greenloop: already-green — tests already pass'],
    ['no reason', successRecord({ stopReason: '' }), '## ✅ greenloop: success'],
  ])('%s', (_name, record, expected) => {
    expect(firstLine(renderSummary(record))).toBe(expected);
    expect(headline(record)).toBe(expected);
  });
});

describe('renderSummary: success', () => {
  const md = renderSummary(successRecord());

  it('shows failing before → after and totals', () => {
    expect(md).toContain('**Failing tests:** 3 → 0 · fixed 3 · still failing 0 · newly failing 0');
    expect(md).toContain('**2** iterations · **8** turns · **27k** tokens (50% of input cached)');
    expect(md).toContain('**$0.10** · **4m 05s** · model gpt-5.1-codex-max (responses)');
    expect(md).toContain('sandbox **bwrap**');
    expect(md).not.toContain('No sandbox');
  });

  it('says how many tests pass, unless the runner counted none (go test prints only failures)', () => {
    expect(md).toContain('newly failing 0 · passing 13');
    const go = testSummary({
      runner: 'go',
      exitCode: 0,
      counts: { passed: 0, failed: 0, skipped: 0 },
    });
    // go test without -v: the baseline names 3 failures, no run counts a passing test.
    const noPasses = { baseline: { ...go, exitCode: 1 }, final: { ...go, failures: [] } };
    const goMd = renderSummary(
      successRecord({ ...noPasses, iterations: [iteration(1, { failing: 0, passed: 0 })] }),
    );
    expect(goMd).toContain(
      '**Failing tests:** 3 → 0 · fixed 3 · still failing 0 · newly failing 0\n',
    );
    expect(goMd).toContain('| baseline | 3 | – |');
    expect(goMd).toContain('| 1 | 0 | – |');
  });

  it('has the iteration table with a baseline row', () => {
    expect(md).toContain('| # | failing | passed | turns | tokens | cost | duration | note |');
    expect(md).toContain('| baseline | 3 | 10 | | | | |  |');
    expect(md).toContain('| 1 | 1 | 12 | 4 | 14k | $0.05 | 1m 02s |  |');
    expect(md).toContain('| 2 | 0 | 13 | 4 | 14k | $0.05 | 1m 02s |  |');
  });

  it('has mermaid charts of failing tests and cost', () => {
    expect(md).toContain(
      [
        '```mermaid',
        'xychart-beta',
        '  title "Failing tests per iteration"',
        '  x-axis ["baseline", "1", "2"]',
        '  y-axis "failing tests" 0 --> 3',
        '  line [3, 1, 0]',
        '```',
      ].join('\n'),
    );
    expect(md).toContain('  bar [0.05, 0.05]');
  });

  it('lists fixed tests, files, plan and the explanation', () => {
    expect(md).toContain('**Fixed (3)**\n\n- test/a.test.ts &gt; adds');
    expect(md).toContain('### Files changed (1, +1 −1)');
    expect(md).toContain('| src/math.ts | modified | +1 | −1 |');
    expect(md).toContain('- [x] Read the failing tests');
    expect(md).toContain("### Model's explanation\n\n> Fixed the sign in add\\(\\).");
  });

  it('puts the diff in a collapsed block', () => {
    expect(md).toMatch(
      /<details>\n<summary>Diff: 1 file, \+1 −1, \d+ B<\/summary>\n\n```diff\ndiff --git/,
    );
    expect(md).toContain('+  return a + b;\n }\n```\n\n</details>');
    expect(md).not.toContain('Diff truncated');
  });
});

describe('renderSummary: budget stop with a rolled-back iteration', () => {
  const md = renderSummary(budgetRecord());

  it('marks the rolled-back iteration and compaction', () => {
    expect(md).toContain(
      '| 2 | 5 | 8 | 4 | 14k | $0.05 | 1m 02s | ↩️ rolled back: more tests failed \\(5 &gt; 1\\) |',
    );
    expect(md).toContain('| 3 | 1 | 12 | 4 | 14k | $0.12 | 1m 02s | compacted ×1 |');
    expect(md).toContain('line [3, 1, 5, 1]');
  });

  it('lists still failing with the message, flaky, dropped and the plan state', () => {
    expect(md).toContain(
      '**Still failing (1)**\n\n- test/b.test.ts &gt; parses — SyntaxError: Unexpected token',
    );
    expect(md).toContain('### Flaky tests (1)');
    expect(md).toContain('- test/c.test.ts &gt; sometimes');
    expect(md).toContain('- test/b.test.ts — test files are protected');
    expect(md).toContain('- [ ] Fix the parser _(in progress)_');
    expect(md).toContain('- [ ] Run the whole suite\n');
    expect(md).toContain('**Failing tests:** 3 → 1 · fixed 2 · still failing 1');
  });
});

describe('renderSummary: model error with no iterations', () => {
  const md = renderSummary(modelErrorRecord());

  it('warns loudly about the missing sandbox and has no chart or diff', () => {
    expect(md).toContain('> ⚠️ **No sandbox.**');
    expect(md).toContain('sandbox **none**');
    expect(md).toContain('### Iterations\n\nNo iteration ran.');
    expect(md).not.toContain('mermaid');
    expect(md).not.toContain('```diff');
    expect(md).toContain('**Failing tests:** 3 → ?');
    expect(md).toContain('### Files changed\n\nNone.');
  });
});

describe('renderSummary: already green', () => {
  it('shows 0 → 0 and no test lists', () => {
    const md = renderSummary(alreadyGreenRecord());
    expect(md).toContain('**Failing tests:** 0 → 0 · fixed 0');
    expect(md).not.toContain('### Tests');
    expect(md).not.toContain('No sandbox');
  });
});

describe('renderSummary: diff limit and byte cap', () => {
  const bigDiff = Array.from({ length: 5000 }, (_, i) => `+line ${i} ${'x'.repeat(40)}`).join('\n');

  it('truncates the diff past diffLimitBytes with a note', () => {
    const md = renderSummary(successRecord({ diff: bigDiff }), { diffLimitBytes: 10_000 });
    expect(md).toMatch(/Diff truncated: showing the first [\d.]+ KB of [\d.]+ KB/);
    expect(md).toContain('`greenloop.diff`');
    const fenced = /```diff\n([\s\S]*?)```/.exec(md)?.[1] ?? '';
    expect(bytes(fenced)).toBeLessThanOrEqual(10_000);
    expect(fenced.endsWith('\n')).toBe(true);
  });

  it('never exceeds maxBytes, dropping the diff first', () => {
    const record = successRecord({ diff: bigDiff });
    const md = renderSummary(record, { maxBytes: 20_000, diffLimitBytes: 1_000_000 });
    expect(bytes(md)).toBeLessThanOrEqual(20_000);
    expect(md).toContain('| 2 | 0 | 13 |');
    expect(md).toMatch(/Diff truncated|left out to fit/);
  });

  it('cuts iteration rows and lists when the diff is not enough', () => {
    const many = Array.from({ length: 400 }, (_, i) => iteration(i + 1, { note: 'n'.repeat(200) }));
    const ids = Array.from(
      { length: 3000 },
      (_, i) => `test/many.test.ts > case ${i} ${'y'.repeat(50)}`,
    );
    const record = budgetRecord({
      iterations: many,
      comparison: { fixed: ids, stillFailing: ids, newlyFailing: [] },
      explanation: 'z'.repeat(100_000),
      diff: bigDiff,
    });
    const md = renderSummary(record, { maxBytes: 30_000 });
    expect(bytes(md)).toBeLessThanOrEqual(30_000);
    expect(firstLine(md)).toContain('budget-iterations');
    expect(md).toContain('iterations not shown (see report.json)');
    expect(md).toMatch(/…and \d+ more \(see report\.json\)/);
    expect(md).toContain('left out to fit');
  });

  it('hard-cuts as a last resort and stays under the cap', () => {
    const record = successRecord({ warnings: Array.from({ length: 20 }, () => 'w'.repeat(5000)) });
    const md = renderSummary(record, { maxBytes: 8_000 });
    expect(bytes(md)).toBeLessThanOrEqual(8_000);
    expect(firstLine(md)).toBe('## ✅ greenloop: success — all tests pass');
  });

  it('stays under the default cap with a multi-megabyte diff', () => {
    const huge = 'é'.repeat(2_000_000);
    const md = renderSummary(successRecord({ diff: huge }));
    expect(bytes(md)).toBeLessThanOrEqual(900_000);
    expect(md).toContain('Diff truncated');
  });
});

describe('renderSummary: injection', () => {
  const evil = [
    '<script>alert(1)</script>',
    '::add-mask::secret',
    '::set-output name=x::y',
    '| a | b |',
    '![success](https://img.shields.io/badge/build-passing-green)',
    '**SUCCESS**',
    '##[error]legacy',
    '</details><details open>',
  ].join('\n');
  const flat = evil.replace(/\n/g, ' ');
  const record = budgetRecord({
    stopReason: flat,
    model: 'gpt | <b>x</b>',
    task: evil,
    explanation: evil,
    warnings: [evil],
    flaky: [flat],
    final: testSummary({
      counts: { passed: 1, failed: 1, skipped: 0 },
      failures: [{ id: flat, message: evil }],
    }),
    comparison: { fixed: [evil], stillFailing: [flat], newlyFailing: [] },
    iterations: [iteration(1, { rolledBack: true, note: evil })],
    filesChanged: [
      { path: '| evil | path |', added: 1, removed: 0, status: 'added', binary: false },
    ],
    dropped: [{ path: evil, reason: evil }],
    plan: [{ step: evil, status: 'pending' }],
    sandbox: { mode: 'none', reason: evil },
  });
  const md = renderSummary(record);
  const lines = md.split('\n');

  it('has no raw HTML from the inputs', () => {
    expect(md).not.toContain('<script');
    expect(md).not.toContain('<b>');
    expect(md).not.toContain('</details><details');
    expect(md).toContain('&lt;script&gt;');
  });

  it('has no line the runner would run as a workflow command', () => {
    for (const line of lines) {
      expect(line.trim().startsWith('::')).toBe(false);
      expect(line).not.toContain('##[');
    }
  });

  it('has no image or link syntax and no emphasis', () => {
    expect(md).not.toMatch(/(?<!\\)!\[/);
    expect(md).not.toMatch(/(?<!\\)\]\(/);
    expect(md).not.toMatch(/(?<!\\)\*\*SUCCESS/);
  });

  it('has no unescaped | inside table cells', () => {
    const iterationRows = lines.filter((l) => /^\| (baseline|\d+) \|/.test(l));
    expect(iterationRows.length).toBe(2);
    for (const row of iterationRows) expect(rawPipes(row)).toBe(9);
    const fileRow = lines.find((l) => l.includes('evil'));
    expect(fileRow).toBeDefined();
    expect(rawPipes(fileRow ?? '')).toBe(5);
  });

  it('keeps the headline a single line', () => {
    expect(firstLine(md).startsWith('## ⚠️ greenloop: budget-iterations — ')).toBe(true);
    expect(lines[1]).toBe('');
  });

  it('keeps a diff that holds fences and </details> inside its block', () => {
    const diff = '+```\n+</details>\n+````\n+<script>x</script>\n';
    const out = renderSummary(successRecord({ diff }));
    expect(out).toContain(`\`\`\`\`\`diff\n${diff}\`\`\`\`\`\n\n</details>`);
  });
});

describe('truncateBytes', () => {
  it.each([
    ['short', 10, 'short', false],
    ['ab\ncd\nef', 7, 'ab\ncd\n', true],
    ['ééé', 5, 'éé', true],
    ['no newline here', 5, 'no ne', true],
  ])('%j @%d', (text, max, expected, truncated) => {
    expect(truncateBytes(text, max)).toEqual({ text: expected, truncated });
  });
});
