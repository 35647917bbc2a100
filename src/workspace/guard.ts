/**
 * The workspace guard: every path the model names goes through `resolve`
 * before anything reads or writes it.
 *
 * - Relative paths are taken from the root; absolute paths must lie inside it.
 * - Symlinks are followed for the longest existing prefix (and for dangling
 *   links, their target), so a link pointing outside the root is refused even
 *   when the file behind it does not exist yet.
 * - Writes are refused under any component named `.git` (case-insensitively on
 *   every platform: `.GIT` is `.git` on Windows and macOS, and refusing it on
 *   Linux costs nothing) and for paths matching a protected glob
 *   (picomatch, `dot: true`).
 */
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { PathRefusedError, type WorkspaceGuard } from './types.js';

const MAX_LINK_DEPTH = 40;
const caseInsensitiveFs = process.platform === 'win32' || process.platform === 'darwin';

/** Real path of `p`, resolving symlinks on the longest existing prefix and dangling links. */
export function realpathLoose(p: string, depth = 0): string {
  if (depth > MAX_LINK_DEPTH) throw new Error('too many levels of symbolic links');
  try {
    return fs.realpathSync.native(p);
  } catch {
    // falls through: part of the path does not exist (or is a dangling link)
  }
  const parent = path.dirname(p);
  if (parent === p) return p;
  const realParent = realpathLoose(parent, depth);
  const joined = path.join(realParent, path.basename(p));
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(joined);
  } catch {
    return joined;
  }
  if (stat.isSymbolicLink()) {
    const target = fs.readlinkSync(joined);
    return realpathLoose(path.resolve(realParent, target), depth + 1);
  }
  return joined;
}

/** Whether `candidate` is `root` or below it (both absolute, normalised). */
export function isInside(root: string, candidate: string): boolean {
  const a = caseInsensitiveFs ? root.toLowerCase() : root;
  const b = caseInsensitiveFs ? candidate.toLowerCase() : candidate;
  const rel = path.relative(a, b);
  if (rel === '') return true;
  if (path.isAbsolute(rel)) return false; // another drive on Windows
  return rel !== '..' && !rel.startsWith('..' + path.sep);
}

function toSlash(p: string): string {
  return p.split(path.sep).join('/');
}

export function createGuard(root: string, protectedGlobs: readonly string[]): WorkspaceGuard {
  const realRoot = fs.realpathSync.native(path.resolve(root));
  const matchers = protectedGlobs.map((g) =>
    picomatch(g, { dot: true, nocase: caseInsensitiveFs }),
  );

  function isProtected(relativePath: string): boolean {
    const rel = relativePath.replace(/\\/g, '/').replace(/^\.\/+/, '');
    const parts = rel.split('/');
    if (parts.some((part) => part.toLowerCase() === '.git')) return true;
    return matchers.some((m) => m(rel));
  }

  function relative(absolute: string): string {
    return toSlash(path.relative(realRoot, absolute));
  }

  function resolve(input: string, access: 'read' | 'write'): string {
    if (typeof input !== 'string' || input.trim() === '') {
      throw new PathRefusedError(String(input), 'empty path');
    }
    if (input.includes('\0')) throw new PathRefusedError(input, 'path contains a NUL byte');
    // Accept forward slashes from the model on Windows too.
    const native = process.platform === 'win32' ? input.replace(/\//g, '\\') : input;
    const lexical = path.resolve(realRoot, native);
    if (!isInside(realRoot, lexical)) {
      throw new PathRefusedError(input, `outside the workspace (${realRoot})`);
    }
    let real: string;
    try {
      real = realpathLoose(lexical);
    } catch (error) {
      throw new PathRefusedError(input, (error as Error).message);
    }
    if (!isInside(realRoot, real)) {
      throw new PathRefusedError(input, 'a symbolic link leads outside the workspace');
    }
    if (access === 'write') {
      const lexicalRel = toSlash(path.relative(realRoot, lexical));
      const realRel = relative(real);
      if (isProtected(lexicalRel) || isProtected(realRel)) {
        const what = [lexicalRel, realRel].some((r) =>
          r.split('/').some((part) => part.toLowerCase() === '.git'),
        )
          ? 'writes inside .git/ are not allowed'
          : 'the path is protected (protected-paths); it cannot be changed in this run';
        throw new PathRefusedError(input, what);
      }
    }
    return real;
  }

  return { root: realRoot, resolve, relative, isProtected };
}
