import { describe, expect, it } from 'vitest';
import { digestText } from '../../src/checks/index.js';
import { GEN_RUNNERS, generateLog, type GenerateOptions } from './generate.js';
import { loadTokenizer } from '../../src/model/tokens.js';

// Exact o200k counts, as the loop and digestFile have (they load the tokenizer first).
await loadTokenizer();

function check(o: GenerateOptions): void {
  const log = generateLog(o);
  const d = digestText(log.text);
  const ids = d.failures.map((f) => f.id);
  for (const t of log.truth.failing) {
    expect(ids, `${t.id}`).toContain(t.id);
    expect(d.text, t.message).toContain(t.message);
    const f = d.failures.find((x) => x.id === t.id);
    expect(f?.message).toBe(t.message);
  }
  expect(d.failures).toHaveLength(log.truth.failing.length);
  for (const id of log.truth.flaky) {
    expect(d.flaky).toContain(id);
    expect(ids).not.toContain(id);
  }
  for (const line of log.truth.crashes)
    expect(d.text).toContain(`The test process crashed: ${line}`);
  expect(d.tokens).toBeLessThanOrEqual(2000);
}

describe('generated logs', () => {
  for (const runner of GEN_RUNNERS) {
    it(`${runner}: noisy, coloured, with timeouts and retries`, () => {
      check({
        runner,
        sizeBytes: 60_000,
        failures: 4,
        colour: true,
        timeouts: 1,
        retries: true,
        flaky: 1,
        seed: 7,
      });
    });
    it(`${runner}: load / collect / compile error`, () => {
      check({ runner, sizeBytes: 10_000, failures: 2, loadError: true, seed: 3 });
    });
  }

  it('a 1 MB coloured vitest log with many failures stays within budget and keeps every id', () => {
    check({ runner: 'vitest', sizeBytes: 1_000_000, failures: 40, colour: true, seed: 11 });
  });

  it('a large pytest log with a crash at the end shows the crash without inventing a failure', () => {
    check({ runner: 'pytest', sizeBytes: 300_000, failures: 5, crash: true, seed: 5 });
  });

  it('a monorepo log with several runners merges every segment', () => {
    const o: GenerateOptions = {
      runner: ['jest', 'pytest', 'go', 'vitest', 'cargo'],
      sizeBytes: 200_000,
      failures: 3,
      seed: 9,
    };
    check(o);
    const d = digestText(generateLog(o).text);
    expect(d.runner.split('+').sort()).toEqual(['cargo', 'go', 'jest', 'pytest', 'vitest']);
  });

  it('a monorepo log with interleaved turbo prefixes routes lines per package', () => {
    const a = generateLog({ runner: 'jest', sizeBytes: 5000, failures: 2, seed: 1 }).text.split(
      '\n',
    );
    const b = generateLog({ runner: 'mocha', sizeBytes: 5000, failures: 2, seed: 2 }).text.split(
      '\n',
    );
    const lines: string[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i < a.length) lines.push(`@app/web:test: ${a[i]}`);
      if (i < b.length) lines.push(`@app/api:test: ${b[i]}`);
    }
    const d = digestText(lines.join('\n'));
    expect(d.failures.map((f) => f.id)).toHaveLength(4);
    expect(d.runner).toBe('jest+mocha');
  });

  it('sixty failures: every id and a shortened message fit the budget', () => {
    const log = generateLog({ runner: 'jest', sizeBytes: 50_000, failures: 60, seed: 4 });
    const d = digestText(log.text);
    expect(d.failures).toHaveLength(60);
    expect(d.tokens).toBeLessThanOrEqual(2000);
    for (const t of log.truth.failing) expect(d.text).toContain(t.id);
    // Messages are shortened evenly: each still starts the same way.
    for (const t of log.truth.failing) expect(d.text).toContain(t.message.slice(0, 12));
  });

  it('hundreds of failures: ids are shortened, none dropped before the budget forces it', () => {
    const log = generateLog({ runner: 'jest', sizeBytes: 50_000, failures: 150, seed: 4 });
    const d = digestText(log.text);
    expect(d.failures).toHaveLength(150);
    expect(d.tokens).toBeLessThanOrEqual(2000);
    for (const t of log.truth.failing) expect(d.text).toContain(t.id.slice(0, 12));
  });
});
