import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuard, isInside, realpathLoose } from '../../src/workspace/guard.js';
import { PathRefusedError, type WorkspaceGuard } from '../../src/workspace/types.js';

let base: string;
let root: string;
let outside: string;
let guard: WorkspaceGuard;

beforeAll(() => {
  base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gl-')));
  root = path.join(base, 'ws');
  outside = path.join(base, 'outside');
  fs.mkdirSync(path.join(root, 'src'), { recursive: true });
  fs.mkdirSync(path.join(root, '.git'));
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'secret');
  fs.writeFileSync(path.join(root, 'src', 'a.ts'), 'a');
  fs.symlinkSync(outside, path.join(root, 'linkdir'));
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'linkfile'));
  fs.symlinkSync(path.join(outside, 'new.txt'), path.join(root, 'dangling'));
  fs.symlinkSync(path.join(root, 'src'), path.join(root, 'inside-link'));
  fs.symlinkSync('.git', path.join(root, 'gitlink'));
  guard = createGuard(root, ['.github/workflows/**', 'secrets/*.env']);
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

function refusal(p: string, access: 'read' | 'write'): string | undefined {
  try {
    guard.resolve(p, access);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(PathRefusedError);
    return (error as PathRefusedError).reason;
  }
}

describe('createGuard', () => {
  it.each([
    ['src/a.ts', 'read', ['src', 'a.ts']],
    ['./src/../src/a.ts', 'write', ['src', 'a.ts']],
    ['src/new/deep/file.ts', 'write', ['src', 'new', 'deep', 'file.ts']],
    ['inside-link/a.ts', 'write', ['src', 'a.ts']],
    ['.', 'read', []],
    ['.github/README.md', 'write', ['.github', 'README.md']],
    ['.gitignore', 'write', ['.gitignore']],
    ['.git/config', 'read', ['.git', 'config']],
  ] as const)('allows %s (%s)', (p, access, parts) => {
    expect(guard.resolve(p, access)).toBe(path.join(root, ...parts));
  });

  it('accepts absolute paths inside the root', () => {
    expect(guard.resolve(path.join(root, 'src', 'a.ts'), 'write')).toBe(
      path.join(root, 'src', 'a.ts'),
    );
  });

  it.each([
    ['../outside/secret.txt', 'read', /outside the workspace/],
    ['src/../../outside/x', 'write', /outside the workspace/],
    ['/etc/passwd', 'read', /outside the workspace/],
    ['linkdir/secret.txt', 'read', /symbolic link/],
    ['linkdir/new-file.txt', 'write', /symbolic link/],
    ['linkfile', 'read', /symbolic link/],
    ['dangling', 'write', /symbolic link/],
    ['.git/config', 'write', /\.git/],
    ['.git/hooks/pre-commit', 'write', /\.git/],
    ['.GIT/x', 'write', /\.git/],
    ['sub/.git/HEAD', 'write', /\.git/],
    ['.git', 'write', /\.git/],
    ['gitlink/config', 'write', /\.git/],
    ['.github/workflows/ci.yml', 'write', /protected/],
    ['secrets/prod.env', 'write', /protected/],
    ['', 'read', /empty/],
    ['a\0b', 'read', /NUL/],
  ] as const)('refuses %j (%s)', (p, access, reason) => {
    expect(refusal(p, access)).toMatch(reason);
  });

  it('absolute outside paths name the workspace in the message', () => {
    expect(() => guard.resolve(path.join(outside, 'secret.txt'), 'read')).toThrow(
      /Refused .*outside the workspace/,
    );
  });

  it('relative() uses forward slashes', () => {
    expect(guard.relative(path.join(root, 'src', 'a.ts'))).toBe('src/a.ts');
  });

  it.each([
    ['.git/config', true],
    ['a/.Git/b', true],
    ['.github/workflows/x.yml', true],
    ['.github/dependabot.yml', false],
    ['src/gitx', false],
  ])('isProtected(%s) = %s', (p, expected) => {
    expect(guard.isProtected(p)).toBe(expected);
  });
});

describe('helpers', () => {
  it('isInside', () => {
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/b', '/a/b/c')).toBe(true);
    expect(isInside('/a/b', '/a/bc')).toBe(false);
    expect(isInside('/a/b', '/a')).toBe(false);
  });

  it('realpathLoose follows links for missing tails', () => {
    expect(realpathLoose(path.join(root, 'linkdir', 'x', 'y'))).toBe(path.join(outside, 'x', 'y'));
  });
});
