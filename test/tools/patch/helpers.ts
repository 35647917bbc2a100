import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PathRefusedError, type WorkspaceGuard } from '../../../src/workspace/types.js';

/** A small test-local guard: confines paths to `root` and refuses writes under `.git/`. */
export function makeGuard(rootDir: string): WorkspaceGuard {
  const root = fs.realpathSync(rootDir);
  const relative = (abs: string): string => path.relative(root, abs).split(path.sep).join('/');
  const isProtected = (rel: string): boolean => rel === '.git' || rel.startsWith('.git/');
  return {
    root,
    relative,
    isProtected,
    resolve(p: string, access: 'read' | 'write'): string {
      const abs = path.resolve(root, p);
      const rel = path.relative(root, abs);
      if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
        throw new PathRefusedError(p, 'outside the workspace');
      }
      if (access === 'write' && isProtected(rel.split(path.sep).join('/'))) {
        throw new PathRefusedError(p, 'protected path');
      }
      return abs;
    },
  };
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'gl-'));
}

export interface TreeFile {
  readonly content: string;
  readonly exec: boolean;
}

/** Every file under `dir` (relative, forward slashes) with its content and exec bit. */
export function readTree(dir: string): Record<string, TreeFile> {
  const out: Record<string, TreeFile> = {};
  const walk = (d: string): void => {
    for (const ent of fs.readdirSync(d, { withFileTypes: true })) {
      const abs = path.join(d, ent.name);
      if (ent.isDirectory()) walk(abs);
      else {
        const rel = path.relative(dir, abs).split(path.sep).join('/');
        const exec = process.platform !== 'win32' && (fs.statSync(abs).mode & 0o111) !== 0;
        out[rel] = { content: fs.readFileSync(abs, 'latin1'), exec };
      }
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

/** Plain path → content map of a tree (utf8). */
export function readContents(dir: string): Record<string, string> {
  const t = readTree(dir);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(t))
    out[k] = Buffer.from(v.content, 'latin1').toString('utf8');
  return out;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, ...rel.split('/'));
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
}
