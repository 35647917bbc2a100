import * as fs from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { applyPatch, type Hunk } from '../../../src/tools/patch/index.js';
import { makeGuard, tempDir } from './helpers.js';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A hunk cut from `lines` at `at`: `ctx` context lines each side, `del` removed, `add` added. */
function cut(
  lines: string[],
  at: number,
  ctx: number,
  del: number,
  add: string[],
): { hunk: Hunk; end: number } {
  const start = Math.max(0, at - ctx);
  const delEnd = Math.min(lines.length, at + del);
  const end = Math.min(lines.length, delEnd + ctx);
  const hunk: Hunk = {
    endOfFile: false,
    lines: [
      ...lines.slice(start, at).map((text) => ({ op: ' ' as const, text })),
      ...lines.slice(at, delEnd).map((text) => ({ op: '-' as const, text })),
      ...add.map((text) => ({ op: '+' as const, text })),
      ...lines.slice(delEnd, end).map((text) => ({ op: ' ' as const, text })),
    ],
  };
  return { hunk, end: delEnd };
}

describe('applyPatch on files full of repeated lines', () => {
  it('applies where the hunk was cut, or refuses and leaves the file alone', async () => {
    const line = fc.constantFrom('a', 'b', 'c', '  a', 'a  ', '}', '');
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 3, maxLength: 30 }),
        fc.array(
          fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })),
          { minLength: 1, maxLength: 2 },
        ),
        async (lines, picks) => {
          const file = lines.join('\n') + '\n';
          const abs = `${dir}/f.txt`;
          fs.writeFileSync(abs, file);
          const hunks: Hunk[] = [];
          const expected: string[] = [...lines];
          let min = 0;
          let shift = 0;
          for (const [n, ctx, del] of picks) {
            if (min >= lines.length) break;
            const at = min + (n % (lines.length - min));
            const add = [`new${hunks.length}`];
            const { hunk, end } = cut(lines, at, ctx, del, add);
            if (Math.max(0, at - ctx) < min) continue;
            // Only '+' lines and no anchor means "append" by definition: not a placement to test.
            if (hunk.lines.every((l) => l.op === '+')) continue;
            hunks.push(hunk);
            expected.splice(at + shift, end - at, ...add);
            shift += add.length - (end - at);
            min = Math.min(lines.length, end + ctx) + 1;
          }
          if (hunks.length === 0) return;
          const result = await applyPatch(
            [{ kind: 'update', path: 'f.txt', hunks }],
            makeGuard(dir),
          );
          const after = fs.readFileSync(abs, 'utf8');
          if (result.ok) expect(after).toBe(expected.join('\n') + '\n');
          else expect(after).toBe(file);
        },
      ),
      { numRuns: 300 },
    );
  });
});
