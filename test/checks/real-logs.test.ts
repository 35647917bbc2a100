import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { digestFile } from '../../src/checks/index.js';
import { o200k } from '../../src/model/tokens.js';
import { realCases, score } from './real-corpus.js';

const cases = realCases();

describe('the digest on real runner logs (test/fixtures/logs/real, truth from the runners)', () => {
  for (const c of cases) {
    it(`${c.name}: every failing id, message, place and the exact counts`, async () => {
      const d = await digestFile(c.log, {
        projectRoot: path.join(c.dir, 'project'),
        counter: o200k,
      });
      const s = score(d, c.truth);
      expect(s.problems).toEqual([]);
      expect(d.tokens).toBeLessThanOrEqual(2000);
    });
  }
});
