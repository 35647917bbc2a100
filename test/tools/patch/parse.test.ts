import { describe, expect, it } from 'vitest';
import {
  detectShape,
  parseOperation,
  parsePatch,
  PatchParseError,
  type PatchOp,
  type PatchOperation,
} from '../../../src/tools/patch/parse.js';

const env = (body: string): string => `*** Begin Patch\n${body}*** End Patch\n`;
const upd = (path: string, lines: [string, string][], extra: object = {}): PatchOp => ({
  kind: 'update',
  path,
  hunks: [
    {
      lines: lines.map(([op, text]) => ({ op: op as ' ' | '-' | '+', text })),
      endOfFile: false,
      ...extra,
    },
  ],
});

const accepted: { name: string; text: string; ops: PatchOp[] }[] = [
  {
    name: 'add file',
    text: env('*** Add File: a.txt\n+one\n+two\n'),
    ops: [{ kind: 'add', path: 'a.txt', content: 'one\ntwo\n' }],
  },
  {
    name: 'add empty file',
    text: env('*** Add File: e.txt\n'),
    ops: [{ kind: 'add', path: 'e.txt', content: '' }],
  },
  {
    name: 'add file with blank content line',
    text: env('*** Add File: a.txt\n+one\n\n+three\n'),
    ops: [{ kind: 'add', path: 'a.txt', content: 'one\n\nthree\n' }],
  },
  {
    name: 'delete file',
    text: env('*** Delete File: d.txt\n'),
    ops: [{ kind: 'delete', path: 'd.txt' }],
  },
  {
    name: 'update, first hunk without @@',
    text: env('*** Update File: u.txt\n a\n-b\n+c\n'),
    ops: [
      upd('u.txt', [
        [' ', 'a'],
        ['-', 'b'],
        ['+', 'c'],
      ]),
    ],
  },
  {
    name: 'update with @@ context',
    text: env('*** Update File: u.txt\n@@ def f():\n-b\n+c\n'),
    ops: [
      upd(
        'u.txt',
        [
          ['-', 'b'],
          ['+', 'c'],
        ],
        { context: 'def f():' },
      ),
    ],
  },
  {
    name: 'update with bare @@',
    text: env('*** Update File: u.txt\n@@\n-b\n+c\n'),
    ops: [
      upd('u.txt', [
        ['-', 'b'],
        ['+', 'c'],
      ]),
    ],
  },
  {
    name: 'unified range header inside envelope',
    text: env('*** Update File: u.txt\n@@ -12,3 +12,3 @@ class A\n-b\n+c\n'),
    ops: [
      upd(
        'u.txt',
        [
          ['-', 'b'],
          ['+', 'c'],
        ],
        { lineHint: 12, context: 'class A' },
      ),
    ],
  },
  {
    name: 'end of file marker',
    text: env('*** Update File: u.txt\n x\n+y\n*** End of File\n'),
    ops: [
      upd(
        'u.txt',
        [
          [' ', 'x'],
          ['+', 'y'],
        ],
        { endOfFile: true },
      ),
    ],
  },
  {
    name: 'blank line in hunk is empty context',
    text: env('*** Update File: u.txt\n a\n\n-b\n+c\n'),
    ops: [
      upd('u.txt', [
        [' ', 'a'],
        [' ', ''],
        ['-', 'b'],
        ['+', 'c'],
      ]),
    ],
  },
  {
    name: 'trailing blank lines of a hunk dropped',
    text: env('*** Update File: u.txt\n-b\n+c\n\n\n'),
    ops: [
      upd('u.txt', [
        ['-', 'b'],
        ['+', 'c'],
      ]),
    ],
  },
  {
    name: 'move to',
    text: env('*** Update File: a.txt\n*** Move to: b.txt\n-x\n+y\n'),
    ops: [
      {
        kind: 'update',
        path: 'a.txt',
        moveTo: 'b.txt',
        hunks: [
          {
            lines: [
              { op: '-', text: 'x' },
              { op: '+', text: 'y' },
            ],
            endOfFile: false,
          },
        ],
      },
    ],
  },
  {
    name: 'pure move',
    text: env('*** Update File: a.txt\n*** Move to: b.txt\n'),
    ops: [{ kind: 'update', path: 'a.txt', moveTo: 'b.txt', hunks: [] }],
  },
  {
    name: 'two hunks',
    text: env('*** Update File: u.txt\n@@ one\n-a\n+b\n@@ two\n-c\n+d\n'),
    ops: [
      {
        kind: 'update',
        path: 'u.txt',
        hunks: [
          {
            context: 'one',
            lines: [
              { op: '-', text: 'a' },
              { op: '+', text: 'b' },
            ],
            endOfFile: false,
          },
          {
            context: 'two',
            lines: [
              { op: '-', text: 'c' },
              { op: '+', text: 'd' },
            ],
            endOfFile: false,
          },
        ],
      },
    ],
  },
  {
    name: 'consecutive @@ headers: inner wins',
    text: env('*** Update File: u.txt\n@@ class A\n@@ def f\n-a\n+b\n'),
    ops: [
      upd(
        'u.txt',
        [
          ['-', 'a'],
          ['+', 'b'],
        ],
        { context: 'def f' },
      ),
    ],
  },
  {
    name: 'several files',
    text: env('*** Add File: a\n+x\n*** Delete File: b\n*** Update File: c\n-y\n+z\n'),
    ops: [
      { kind: 'add', path: 'a', content: 'x\n' },
      { kind: 'delete', path: 'b' },
      upd('c', [
        ['-', 'y'],
        ['+', 'z'],
      ]),
    ],
  },
  {
    name: 'missing End Patch',
    text: '*** Begin Patch\n*** Delete File: d\n',
    ops: [{ kind: 'delete', path: 'd' }],
  },
  {
    name: 'missing Begin Patch',
    text: '*** Delete File: d\n*** End Patch\n',
    ops: [{ kind: 'delete', path: 'd' }],
  },
  {
    name: 'blank lines around',
    text: '\n\n' + env('*** Delete File: d\n') + '\n\n',
    ops: [{ kind: 'delete', path: 'd' }],
  },
  {
    name: 'fenced',
    text: '```\n' + env('*** Delete File: d\n') + '```\n',
    ops: [{ kind: 'delete', path: 'd' }],
  },
  {
    name: 'fenced with language',
    text: '```patch\n' + env('*** Delete File: d\n') + '```',
    ops: [{ kind: 'delete', path: 'd' }],
  },
  {
    name: 'heredoc',
    text: "apply_patch <<'EOF'\n" + env('*** Delete File: d\n') + 'EOF\n',
    ops: [{ kind: 'delete', path: 'd' }],
  },
  {
    name: 'fence followed by prose',
    text: '```diff\n' + env('*** Delete File: d\n') + '```\nThis deletes d.\n',
    ops: [{ kind: 'delete', path: 'd' }],
  },
  {
    name: 'heredoc inside a fence, command after the heredoc',
    text: "```bash\napply_patch <<'EOF'\n" + env('*** Delete File: d\n') + 'EOF\necho done\n```\n',
    ops: [{ kind: 'delete', path: 'd' }],
  },
  {
    name: 'a fence line inside a hunk is content',
    text: env('*** Update File: r.md\n ```\n-old\n+new\n ```\n'),
    ops: [
      upd('r.md', [
        [' ', '```'],
        ['-', 'old'],
        ['+', 'new'],
        [' ', '```'],
      ]),
    ],
  },
  {
    name: 'heredoc with double quotes',
    text: 'apply_patch <<"PATCH"\n' + env('*** Delete File: d\n') + 'PATCH\n',
    ops: [{ kind: 'delete', path: 'd' }],
  },
  {
    name: 'CRLF patch text',
    text: env('*** Update File: u\n-a\n+b\n').replace(/\n/g, '\r\n'),
    ops: [
      upd('u', [
        ['-', 'a'],
        ['+', 'b'],
      ]),
    ],
  },
  {
    name: 'path with spaces',
    text: env('*** Delete File: my dir/a file.txt\n'),
    ops: [{ kind: 'delete', path: 'my dir/a file.txt' }],
  },
  {
    name: 'unified git diff',
    text: 'diff --git a/x.ts b/x.ts\nindex 123..456 100644\n--- a/x.ts\n+++ b/x.ts\n@@ -3,2 +3,2 @@ function f() {\n a\n-b\n+c\n',
    ops: [
      upd(
        'x.ts',
        [
          [' ', 'a'],
          ['-', 'b'],
          ['+', 'c'],
        ],
        { lineHint: 3, context: 'function f() {' },
      ),
    ],
  },
  {
    name: 'plain unified, no git header, timestamps',
    text: '--- x.txt\t2024-01-01\n+++ x.txt\t2024-01-02\n@@ -1 +1 @@\n-a\n+b\n',
    ops: [
      upd(
        'x.txt',
        [
          ['-', 'a'],
          ['+', 'b'],
        ],
        { lineHint: 1 },
      ),
    ],
  },
  {
    name: 'unified add',
    text: '--- /dev/null\n+++ b/n.txt\n@@ -0,0 +1,2 @@\n+a\n+b\n',
    ops: [{ kind: 'add', path: 'n.txt', content: 'a\nb\n' }],
  },
  {
    name: 'unified add without final newline',
    text: '--- /dev/null\n+++ b/n.txt\n@@ -0,0 +1 @@\n+a\n\\ No newline at end of file\n',
    ops: [{ kind: 'add', path: 'n.txt', content: 'a' }],
  },
  {
    name: 'unified delete',
    text: 'diff --git a/d b/d\ndeleted file mode 100644\n--- a/d\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n',
    ops: [{ kind: 'delete', path: 'd' }],
  },
  {
    name: 'unified empty file delete (no hunks)',
    text: 'diff --git a/d b/d\ndeleted file mode 100644\n',
    ops: [{ kind: 'delete', path: 'd' }],
  },
  {
    name: 'unified pure rename',
    text: 'diff --git a/o.txt b/n.txt\nsimilarity index 100%\nrename from o.txt\nrename to n.txt\n',
    ops: [{ kind: 'update', path: 'o.txt', moveTo: 'n.txt', hunks: [] }],
  },
  {
    name: 'unified removal of final newline',
    text: '--- a/z\n+++ b/z\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n\\ No newline at end of file\n',
    ops: [
      {
        ...(upd(
          'z',
          [
            [' ', 'a'],
            ['-', 'b'],
            ['+', 'c'],
          ],
          { lineHint: 1 },
        ) as object),
        finalNewline: false,
      } as PatchOp,
    ],
  },
  {
    name: 'unified adding the final newline',
    text: '--- a/z\n+++ b/z\n@@ -1 +1 @@\n-b\n\\ No newline at end of file\n+b\n',
    ops: [
      {
        kind: 'update',
        path: 'z',
        finalNewline: true,
        hunks: [
          {
            lineHint: 1,
            endOfFile: true,
            lines: [
              { op: '-', text: 'b' },
              { op: '+', text: 'b' },
            ],
          },
        ],
      },
    ],
  },
  {
    name: 'unified insertion hint is the line after',
    text: '--- a/z\n+++ b/z\n@@ -4,0 +5 @@\n+new\n',
    ops: [upd('z', [['+', 'new']], { lineHint: 5 })],
  },
  {
    name: 'unified hunk counts: a removed line that looks like a header',
    text: '--- a/z\n+++ b/z\n@@ -1,2 +1,1 @@\n keep\n---- old\n',
    ops: [
      upd(
        'z',
        [
          [' ', 'keep'],
          ['-', '--- old'],
        ],
        { lineHint: 1 },
      ),
    ],
  },
  {
    name: 'unified two files with commit message first',
    text: 'Fix things\n\ndiff --git a/a b/a\n--- a/a\n+++ b/a\n@@ -1 +1 @@\n-x\n+y\ndiff --git a/b b/b\n--- a/b\n+++ b/b\n@@ -1 +1 @@\n-p\n+q\n',
    ops: [
      upd(
        'a',
        [
          ['-', 'x'],
          ['+', 'y'],
        ],
        { lineHint: 1 },
      ),
      upd(
        'b',
        [
          ['-', 'p'],
          ['+', 'q'],
        ],
        { lineHint: 1 },
      ),
    ],
  },
  {
    name: 'unified with count-less @@ headers (model style)',
    text: '--- a/z\n+++ b/z\n@@ def f():\n a\n-b\n+c\n@@\n-d\n+e\n\n',
    ops: [
      {
        kind: 'update',
        path: 'z',
        hunks: [
          {
            context: 'def f():',
            endOfFile: false,
            lines: [
              { op: ' ', text: 'a' },
              { op: '-', text: 'b' },
              { op: '+', text: 'c' },
            ],
          },
          {
            endOfFile: false,
            lines: [
              { op: '-', text: 'd' },
              { op: '+', text: 'e' },
            ],
          },
        ],
      },
    ],
  },
  {
    name: 'unified mode-only change yields nothing plus next file',
    text: 'diff --git a/s b/s\nold mode 100644\nnew mode 100755\ndiff --git a/d b/d\ndeleted file mode 100644\n',
    ops: [{ kind: 'delete', path: 'd' }],
  },
];

const refused: { name: string; text: string; error: string }[] = [
  { name: 'empty', text: '', error: "expected '*** Begin Patch'" },
  {
    name: 'unknown header',
    text: env('foo\n'),
    error: "line 2: expected '*** Add File:', '*** Delete File:' or '*** Update File:', got 'foo'",
  },
  {
    name: 'garbage first line',
    text: 'hello world\n',
    error: "line 1: expected '*** Begin Patch', got 'hello world'",
  },
  {
    name: 'unprefixed line in an added file',
    text: env('*** Add File: a\n+x\n y\n'),
    error:
      "line 4: expected '*** Add File:', '*** Delete File:' or '*** Update File:', got ' y' (every line of an added file starts with '+')",
  },
  {
    name: 'update without hunks',
    text: env('*** Update File: u\n'),
    error: "line 3: '*** Update File: u' has no hunks",
  },
  {
    name: 'bad hunk line',
    text: env('*** Update File: u\n-a\n+b\n?c\n'),
    error: "line 5: in 'u': expected a hunk line starting with ' ', '-' or '+'",
  },
  {
    name: 'hunk that changes nothing',
    text: env('*** Update File: u\n a\n b\n'),
    error: 'changes nothing',
  },
  {
    name: 'unknown *** marker inside hunk',
    text: env('*** Update File: u\n-a\n*** Frob\n'),
    error: "line 4: expected '*** Add File:'",
  },
  {
    name: 'add without path',
    text: env('*** Add File: \n+x\n'),
    error: "line 2: '*** Add File:' needs a path",
  },
  {
    name: 'text after End Patch',
    text: env('*** Delete File: d\n') + 'trailing junk\n',
    error: "line 4: unexpected text after '*** End Patch'",
  },
  {
    name: 'second hunk needs @@',
    text: env('*** Update File: u\n@@\n-a\n+b\n*** End of File\n-c\n'),
    error: "line 7: expected '@@'",
  },
  {
    name: 'unified hunk without headers',
    text: '@@ -1 +1 @@\n-a\n+b\n',
    error: 'hunk without file headers',
  },
  {
    name: 'unified binary',
    text: 'diff --git a/p.png b/p.png\nBinary files a/p.png and b/p.png differ\n',
    error: 'binary patches are not supported',
  },
  {
    name: 'unified stray line after hunk',
    text: '--- a/z\n+++ b/z\n@@ -1 +1 @@\n-a\n+b\n+c\n',
    error: 'line 6: hunk line outside a hunk',
  },
  {
    name: 'unified --- without +++',
    text: '--- a/z\nfoo\n',
    error: "must be followed by '+++ <path>'",
  },
];

describe('parsePatch accepts', () => {
  it.each(accepted)('$name', ({ text, ops }) => {
    expect(parsePatch(text)).toEqual(ops);
  });
});

describe('parsePatch refuses', () => {
  it.each(refused)('$name', ({ text, error }) => {
    let caught: unknown;
    try {
      parsePatch(text);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(PatchParseError);
    expect((caught as Error).message).toContain(error);
  });
});

describe('detectShape', () => {
  it.each([
    ['*** Begin Patch\n', 'envelope'],
    ['diff --git a/x b/x\n', 'unified'],
    ['--- a/x\n+++ b/x\n', 'unified'],
    ['@@ def f\n-a\n', 'hunks'],
    ['some text\ndiff --git a/x b/x\n', 'unified'],
    ['nonsense', 'envelope'],
  ])('%j is %s', (text, shape) => {
    expect(detectShape(text)).toBe(shape);
  });
});

describe('parseOperation', () => {
  const ok: { op: PatchOperation; want: PatchOp }[] = [
    {
      op: { type: 'create_file', path: 'a.ts', diff: '+x\n+y\n' },
      want: { kind: 'add', path: 'a.ts', content: 'x\ny\n' },
    },
    {
      op: { type: 'create_file', path: 'e.ts', diff: '' },
      want: { kind: 'add', path: 'e.ts', content: '' },
    },
    { op: { type: 'delete_file', path: 'a.ts' }, want: { kind: 'delete', path: 'a.ts' } },
    {
      op: { type: 'update_file', path: 'a.ts', diff: '@@ f\n-x\n+y\n' },
      want: upd(
        'a.ts',
        [
          ['-', 'x'],
          ['+', 'y'],
        ],
        { context: 'f' },
      ),
    },
    {
      op: { type: 'update_file', path: 'a.ts', diff: ' k\n-x\n+y\n*** End of File\n' },
      want: upd(
        'a.ts',
        [
          [' ', 'k'],
          ['-', 'x'],
          ['+', 'y'],
        ],
        { endOfFile: true },
      ),
    },
  ];
  it.each(ok)('$op.type $op.path', ({ op, want }) => {
    expect(parseOperation(op)).toEqual(want);
  });

  it.each([
    [{ type: 'create_file', path: 'a', diff: 'x\n' }, "create_file diff lines must start with '+'"],
    [{ type: 'update_file', path: 'a', diff: '' }, 'has an empty diff'],
    [{ type: 'update_file', path: 'a', diff: '-x\n+y\n*** Add File: b\n' }, 'expected a hunk line'],
    [{ type: 'update_file', path: 'a', diff: 'oops\n' }, "line 1: in 'a': expected a hunk line"],
    [{ type: 'rename_file', path: 'a' }, "unknown operation type 'rename_file'"],
    [{ type: 'delete_file', path: ' ' }, "needs a non-empty 'path'"],
  ])('refuses %j', (op, error) => {
    expect(() => parseOperation(op as PatchOperation)).toThrow(error);
  });
});
