/**
 * Property tests of the digest: random interleavings of real runner logs (the corpus in
 * test/fixtures/logs/real, truth from the runners), and generated logs over random options.
 */
import fs from 'node:fs';
import fc from 'fast-check';
import stripAnsi from 'strip-ansi';
import { describe, expect, it } from 'vitest';
import {
  digestText as digestTextWith,
  loadXml,
  type DigestOptions,
  type FullDigest,
} from '../../src/checks/index.js';
import { GEN_RUNNERS, generateLog, type GenerateOptions } from './generate.js';
import { loadTokenizer, o200k } from '../../src/model/tokens.js';
import { realCases, score, type RealCase } from './real-corpus.js';

// Exact o200k counts (the model layer's counter, with its tables loaded).
await loadTokenizer();
// The corpus holds JUnit XML logs: digestText is synchronous, so the XML parser loads first.
await loadXml();
const digestText = (text: string, o: Omit<DigestOptions, 'counter'> = {}): FullDigest =>
  digestTextWith(text, { counter: o200k, ...o });

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

// Real logs small enough to interleave many times (the 11 MB one is tested on its own).
const fragments: readonly RealCase[] = realCases().filter((c) => fs.statSync(c.log).size < 60_000);

function linesOf(c: RealCase): string[] {
  return fs.readFileSync(c.log, 'utf8').replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
}

describe('random interleavings of real logs', () => {
  it('packages of a monorepo run (turbo-prefixed lines, any interleaving): every package keeps its failures', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: fragments.length - 1 }), {
          minLength: 2,
          maxLength: 3,
        }),
        fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
        (picked, schedule) => {
          const parts = picked.map((i) => fragments[i]!);
          const queues = parts.map((c, i) => linesOf(c).map((l) => `pkg${i}:test: ${l}`));
          const out: string[] = [];
          let k = 0;
          while (queues.some((q) => q.length > 0)) {
            const open = queues.filter((q) => q.length > 0);
            const q = open[(schedule[k++ % schedule.length] ?? 0) % open.length]!;
            // a burst of 1-8 lines, as a task's output arrives in chunks
            for (let n = 1 + ((schedule[k % schedule.length] ?? 0) % 8); n > 0 && q.length; n--)
              out.push(q.shift()!);
          }
          const d = digestText(out.join('\n'));
          for (const c of parts)
            for (const t of c.truth.failing) {
              const f = d.failures.find((x) => x.id === t.id && x.message.includes(t.message));
              expect(f, `${c.name}: ${t.id}`).toBeDefined();
            }
          const want = parts.reduce((n, c) => n + c.truth.failing.length, 0);
          expect(d.failures.length).toBeLessThanOrEqual(want);
          expect(d.tokens).toBeLessThanOrEqual(2000);
        },
      ),
      { numRuns: 25, seed: 19 },
    );
  });

  it('Windows line endings, colour stripped or kept, GitHub timestamps: the same digest', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: fragments.length - 1 }),
        fc.boolean(),
        fc.boolean(),
        (i, crlf, stamps) => {
          const c = fragments[i]!;
          const plain = linesOf(c).map((l) => stripAnsi(l));
          const text = plain
            .map((l) => (stamps ? `2026-11-30T17:00:00.1234567Z ${l}` : l))
            .join(crlf ? '\r\n' : '\n');
          const s = score(digestText(text), c.truth);
          expect(s.ids, c.name).toBe(c.truth.failing.length);
          expect(s.messages, c.name).toBe(c.truth.failing.length);
        },
      ),
      { numRuns: 30, seed: 23 },
    );
  });
});

describe('generated logs (random options)', () => {
  it('every runner: noisy, coloured, timeouts, retries, load errors', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...GEN_RUNNERS),
        fc.record({
          sizeBytes: fc.integer({ min: 2_000, max: 60_000 }),
          failures: fc.integer({ min: 1, max: 6 }),
          colour: fc.boolean(),
          retries: fc.boolean(),
          loadError: fc.boolean(),
          seed: fc.integer({ min: 1, max: 1_000_000 }),
        }),
        (runner, o) => {
          check({ runner, ...o, timeouts: o.failures > 2 ? 1 : 0, flaky: o.retries ? 1 : 0 });
        },
      ),
      { numRuns: 40, seed: 7 },
    );
  });

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
