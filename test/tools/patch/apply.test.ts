import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyPatch,
  applyPatchOperation,
  applyPatchText,
  EXACT_ONLY,
  patchMessage,
  type PatchResult,
} from '../../../src/tools/patch/index.js';
import { makeGuard, readContents, tempDir, writeFiles } from './helpers.js';

const env = (body: string): string => `*** Begin Patch\n${body}*** End Patch\n`;
let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function workspace(files: Record<string, string>): string {
  const d = tempDir();
  dirs.push(d);
  writeFiles(d, files);
  return d;
}

async function run(
  files: Record<string, string>,
  patch: string,
  opts = {},
): Promise<{ result: PatchResult; tree: Record<string, string> }> {
  const d = workspace(files);
  const result = await applyPatchText(patch, makeGuard(d), opts);
  return { result, tree: readContents(d) };
}

describe('applyPatch results', () => {
  it('lists added, modified, deleted and moved files', async () => {
    const { result, tree } = await run(
      { 'a.txt': 'a\n', 'b.txt': 'b\n', 'c.txt': 'c\n' },
      env(
        '*** Add File: n.txt\n+n\n*** Update File: a.txt\n-a\n+A\n*** Delete File: b.txt\n*** Update File: c.txt\n*** Move to: d/c.txt\n',
      ),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        added: ['n.txt'],
        modified: ['a.txt'],
        deleted: ['b.txt'],
        moved: [{ from: 'c.txt', to: 'd/c.txt' }],
        message: 'Applied patch:\nA n.txt\nM a.txt\nD b.txt\nR c.txt -> d/c.txt',
      },
    });
    expect(tree).toEqual({ 'a.txt': 'A\n', 'n.txt': 'n\n', 'd/c.txt': 'c\n' });
  });

  it('applies several ops on the same file in order', async () => {
    const { result, tree } = await run(
      { 'a.txt': 'one\ntwo\n' },
      env(
        '*** Update File: a.txt\n-one\n+ONE\n*** Update File: a.txt\n-two\n+TWO\n*** Add File: b.txt\n+x\n*** Update File: b.txt\n-x\n+y\n',
      ),
    );
    expect(result.ok, patchMessage(result)).toBe(true);
    expect(tree).toEqual({ 'a.txt': 'ONE\nTWO\n', 'b.txt': 'y\n' });
  });

  it('lets a deleted path be added again in the same patch', async () => {
    const { result, tree } = await run(
      { 'a.txt': 'old\n' },
      env('*** Delete File: a.txt\n*** Add File: a.txt\n+new\n'),
    );
    expect(result.ok, patchMessage(result)).toBe(true);
    expect(tree).toEqual({ 'a.txt': 'new\n' });
  });

  it('keeps the line ending of each untouched line in a mixed file', async () => {
    const { tree } = await run(
      { 'm.txt': 'a\r\nb\nc\r\nd\r\n' },
      env('*** Update File: m.txt\n b\n-c\n+C\n'),
    );
    expect(tree['m.txt']).toBe('a\r\nb\nC\r\nd\r\n');
  });

  it('re-indents added lines when the patch was indented differently', async () => {
    const { tree } = await run(
      { 'p.py': 'def f():\n    if x:\n        y()\n' },
      env('*** Update File: p.py\n if x:\n-    y()\n+    z()\n'),
    );
    expect(tree['p.py']).toBe('def f():\n    if x:\n        z()\n');
  });

  it('inserts a unified pure insertion after the hinted line', async () => {
    const { tree } = await run(
      { 'l.txt': 'a\nb\nc\n' },
      '--- a/l.txt\n+++ b/l.txt\n@@ -2,0 +3 @@\n+new\n',
    );
    expect(tree['l.txt']).toBe('a\nb\nnew\nc\n');
  });

  it('appends a hunk of only added lines without context at the end', async () => {
    const { tree } = await run({ 'l.txt': 'a\nb' }, env('*** Update File: l.txt\n+c\n'));
    expect(tree['l.txt']).toBe('a\nb\nc');
  });
});

describe('applyPatch refusals', () => {
  const cases: {
    name: string;
    files: Record<string, string>;
    patch: string;
    error: string;
    opts?: object;
  }[] = [
    {
      name: 'too large',
      files: { 'a.txt': 'x'.repeat(100) + '\n' },
      patch: env('*** Update File: a.txt\n-x\n+y\n'),
      error: "'a.txt' is too large to patch (101 bytes, limit 50)",
      opts: { maxFileBytes: 50 },
    },
    {
      name: 'exact-only refuses drift',
      files: { 'a.txt': 'a  \nb\n' },
      patch: env('*** Update File: a.txt\n a\n-b\n+c\n'),
      error: "'a.txt' hunk 1 (first old line 'a') was not found",
      opts: { strategies: EXACT_ONLY },
    },
    {
      name: 'overlapping hunks',
      files: { 'a.txt': 'a\nb\nc\n' },
      patch: env('*** Update File: a.txt\n@@\n a\n-b\n@@\n-a\n+z\n'),
      error: 'overlap',
    },
    {
      name: 'equidistant hints',
      files: { 'd.txt': 'x\nsame\ny\nsame\nz\n' },
      patch: '--- a/d.txt\n+++ b/d.txt\n@@ -3,1 +3,1 @@\n-same\n+other\n',
      error: 'matches 2 places (lines 2, 4)',
    },
    {
      name: 'more places than identical hunks',
      files: { 'd.txt': 's\ns\ns\n' },
      patch: env('*** Update File: d.txt\n@@\n-s\n+t\n@@\n-s\n+t\n'),
      error: 'matches 3 places',
    },
    {
      name: 'absolute path outside',
      files: { 'a.txt': 'a\n' },
      patch: env('*** Delete File: /etc/passwd\n'),
      error: 'outside the workspace',
    },
    {
      name: 'update a directory',
      files: { 'd/a.txt': 'a\n' },
      patch: env('*** Update File: d\n-a\n+b\n'),
      error: "'d' is a directory",
    },
    {
      name: 'context line missing for insertion',
      files: { 'a.txt': 'a\n' },
      patch: env('*** Update File: a.txt\n@@ def nothing_like_it\n+x\n'),
      error: "the '@@' line was not found",
    },
    {
      name: 'parse error as value',
      files: { 'a.txt': 'a\n' },
      patch: 'garbage\n',
      error: "Invalid patch (no files were changed): line 1: expected '*** Begin Patch'",
    },
    {
      name: 'empty ops',
      files: { 'a.txt': 'a\n' },
      patch: '*** Begin Patch\n*** End Patch\n',
      error: 'no file operations',
    },
  ];
  it.each(cases)('$name', async ({ files, patch, error, opts }) => {
    const { result, tree } = await run(files, patch, opts);
    expect(result.ok).toBe(false);
    expect(patchMessage(result)).toContain(error);
    expect(tree).toEqual(files);
  });

  it('shows the closest lines with line numbers', async () => {
    const body =
      Array.from({ length: 20 }, (_, i) => `value_${i} = compute(${i})`).join('\n') + '\n';
    const { result } = await run(
      { 'v.py': body },
      env('*** Update File: v.py\n-value_12 = compute(13)\n+value_12 = 0\n'),
    );
    expect(patchMessage(result)).toContain(
      "'v.py' hunk 1 (first old line 'value_12 = compute(13)') was not found",
    );
    expect(patchMessage(result)).toContain('13 | value_12 = compute(12)');
  });
});

describe('binary and large files', () => {
  it('moves a binary file and deletes a large one without reading them as text', async () => {
    const { result, tree } = await run(
      { 'img.bin': 'a\u0000b', 'big.log': 'x'.repeat(200) },
      env('*** Update File: img.bin\n*** Move to: assets/img.bin\n*** Delete File: big.log\n'),
      { maxFileBytes: 100 },
    );
    expect(result.ok, patchMessage(result)).toBe(true);
    expect(tree).toEqual({ 'assets/img.bin': 'a\u0000b' });
  });
});

describe('all or nothing', () => {
  it('restores files already written when a later write fails', async () => {
    const d = workspace({ 'a.txt': 'a\n', blocker: 'i am a file\n', 'gone.txt': 'g\n' });
    const ops = [
      {
        kind: 'update' as const,
        path: 'a.txt',
        hunks: [
          {
            lines: [
              { op: '-' as const, text: 'a' },
              { op: '+' as const, text: 'A' },
            ],
            endOfFile: false,
          },
        ],
      },
      { kind: 'delete' as const, path: 'gone.txt' },
      { kind: 'add' as const, path: 'new/dir/x.txt', content: 'x\n' },
      { kind: 'add' as const, path: 'blocker/x.txt', content: 'x\n' },
    ];
    const result = await applyPatch(ops, makeGuard(d));
    expect(result.ok).toBe(false);
    expect(patchMessage(result)).toContain('writing failed');
    expect(readContents(d)).toEqual({
      'a.txt': 'a\n',
      blocker: 'i am a file\n',
      'gone.txt': 'g\n',
    });
    expect(fs.existsSync(path.join(d, 'new'))).toBe(false);
  });
});

describe('applyPatchOperation', () => {
  it('reports a malformed native operation as a value', async () => {
    const d = workspace({ 'a.txt': 'a\n' });
    const result = await applyPatchOperation(
      { type: 'create_file', path: 'b.txt', diff: 'no plus\n' },
      makeGuard(d),
    );
    expect(result.ok).toBe(false);
    expect(patchMessage(result)).toContain("Invalid create_file operation for 'b.txt'");
    expect(readContents(d)).toEqual({ 'a.txt': 'a\n' });
  });
});
