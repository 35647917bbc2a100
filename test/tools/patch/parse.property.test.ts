import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseOperation, parsePatch, PatchParseError } from '../../../src/tools/patch/parse.js';

const fragments = [
  '*** Begin Patch',
  '*** End Patch',
  '*** Add File: a',
  '*** Delete File: b',
  '*** Update File: c',
  '*** Move to: d',
  '*** End of File',
  '@@',
  '@@ ctx',
  '@@ -1,2 +1,3 @@',
  '@@ -0,0 +1 @@',
  '+x',
  '-y',
  ' z',
  '',
  'diff --git a/x b/x',
  '--- a/x',
  '+++ b/x',
  '--- /dev/null',
  '+++ /dev/null',
  '\\ No newline at end of file',
  '```',
  "apply_patch <<'EOF'",
  'EOF',
  'rename from q',
  'rename to r',
  'new file mode 100644',
  'Binary files a and b differ',
];

function onlyParseErrors(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    if (!(e instanceof PatchParseError)) throw e;
    expect(e.message.length).toBeGreaterThan(0);
  }
}

describe('parsePatch on arbitrary input', () => {
  it('never throws anything but a PatchParseError (random strings)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => onlyParseErrors(() => parsePatch(s))),
      { numRuns: 500 },
    );
  });

  it('never throws anything but a PatchParseError (patch-like line soup)', () => {
    const line = fc.oneof(
      fc.constantFrom(...fragments),
      fc.string({ maxLength: 20 }),
      fc.constantFrom(...fragments).chain((f) => fc.string({ maxLength: 8 }).map((s) => f + s)),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.boolean(), (lines, crlf) => {
        const text = lines.join(crlf ? '\r\n' : '\n');
        const started = performance.now();
        onlyParseErrors(() => parsePatch(text));
        expect(performance.now() - started).toBeLessThan(1000);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws anything but a PatchParseError for native operations', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('create_file', 'update_file', 'delete_file', 'bogus'),
        fc.string({ maxLength: 10 }),
        fc.array(fc.constantFrom(...fragments), { maxLength: 20 }),
        (type, p, lines) => {
          onlyParseErrors(() =>
            parseOperation({ type: type as 'create_file', path: p, diff: lines.join('\n') }),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
