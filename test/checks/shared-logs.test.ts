import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { digestFile } from '../../src/checks/index.js';
import { loadTokenizer, o200k } from '../../src/model/tokens.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const logsDir = path.resolve(repoRoot, '..', 'shared', 'test-logs');
const present = fs.existsSync(logsDir);
const cases = present
  ? fs
      .readdirSync(logsDir)
      .filter((d) => fs.existsSync(path.join(logsDir, d, 'truth.json')))
      .sort()
  : [];

interface Truth {
  failing: { id: string; message: string; file: string }[];
  passing_count: number;
  skipped_count: number;
}

describe.skipIf(!present)(
  `shared test logs (${present ? logsDir : 'skipped: ../shared/test-logs is absent'})`,
  () => {
    it('finds the cases', () => {
      expect(cases.length).toBeGreaterThanOrEqual(10);
    });

    for (const name of cases) {
      it(name, async () => {
        const dir = path.join(logsDir, name);
        const truth = JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Truth;
        const d = await digestFile(path.join(dir, 'log.txt'), {
          counter: o200k,
          projectRoot: path.join(dir, 'project'),
        });
        expect(d.failures).toHaveLength(truth.failing.length);
        const ids = d.failures.map((f) => f.id);
        for (const t of truth.failing) {
          const testName = t.id.split(' > ').pop() ?? t.id;
          const match = ids.find((id) => id.endsWith(testName));
          expect(match, `${t.id} in ${JSON.stringify(ids)}`).toBeDefined();
          // The ids relate: same path segments (the truth file or package leads both).
          expect(match).toBe(t.id);
          expect(d.text).toContain(t.message);
        }
        expect(d.tokens).toBeLessThanOrEqual(2000);
        expect(d.counts.failed).toBeGreaterThanOrEqual(truth.failing.length);
        if (!name.startsWith('go-')) {
          expect(d.counts.passed).toBe(truth.passing_count);
          expect(d.counts.skipped).toBe(truth.skipped_count);
        }
      });
    }

    // Exact counts: before the tokenizer's tables load, the counter is an upper bound (estimate
    // / 0.72, src/model/tokens.ts), which leaves a 120-token budget too little room for every id.
    it('keeps every shared case within a tiny budget without dropping ids', async () => {
      await loadTokenizer();
      for (const name of cases) {
        const truth = JSON.parse(
          fs.readFileSync(path.join(logsDir, name, 'truth.json'), 'utf8'),
        ) as Truth;
        const d = await digestFile(path.join(logsDir, name, 'log.txt'), {
          tokens: 120,
          counter: o200k,
        });
        expect(d.tokens).toBeLessThanOrEqual(120);
        for (const t of truth.failing)
          expect(d.text).toContain(t.id.split(' > ').pop()?.slice(0, 10));
      }
    });
  },
);
