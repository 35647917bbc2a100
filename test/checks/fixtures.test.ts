import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { digestFile } from '../../src/checks/index.js';
import { o200k } from '../../src/model/tokens.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'digest');
const cases = fs
  .readdirSync(root)
  .filter((d) => /^\d{3}_/.test(d))
  .sort();

describe('digest scenario folders (NNN_name/{log.txt, expected.json})', () => {
  for (const name of cases) {
    it(name, async () => {
      const dir = path.join(root, name);
      const expected: unknown = JSON.parse(
        fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'),
      );
      const d = await digestFile(path.join(dir, 'log.txt'), { counter: o200k });
      const actual = {
        runner: d.runner,
        counts: d.counts,
        failures: d.failures.map((f) => ({
          id: f.id,
          ...(f.file ? { file: f.file } : {}),
          ...(f.line !== undefined ? { line: f.line } : {}),
          message: f.message,
          kind: f.kind,
        })),
        flaky: d.flaky,
      };
      expect(actual).toEqual(expected);
      expect(d.tokens).toBeLessThanOrEqual(2000);
      for (const f of d.failures) expect(d.text).toContain(f.message);
    });
  }
});
