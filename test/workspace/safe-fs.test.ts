import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendNoFollowSync,
  assertRealDirectory,
  openNewSync,
  writeNewFile,
} from '../../src/workspace/safe-fs.js';

let dir: string;
let victim: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-safefs-'));
  victim = path.join(dir, 'victim');
  fs.writeFileSync(victim, 'original');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('safe writes', () => {
  it('writeNewFile replaces a planted symlink, never its target', async () => {
    const link = path.join(dir, 'summary.md');
    fs.symlinkSync(victim, link);
    await writeNewFile(link, 'report');
    expect(fs.readFileSync(victim, 'utf8')).toBe('original');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(false);
    expect(fs.readFileSync(link, 'utf8')).toBe('report');
  });

  it('openNewSync does the same for streamed logs', () => {
    const link = path.join(dir, 'test-after.log');
    fs.symlinkSync(victim, link);
    const fd = openNewSync(link);
    fs.writeSync(fd, 'log');
    fs.closeSync(fd);
    expect(fs.readFileSync(victim, 'utf8')).toBe('original');
    expect(fs.readFileSync(link, 'utf8')).toBe('log');
  });

  it('appendNoFollowSync refuses a symlink', () => {
    const link = path.join(dir, 'exclude');
    fs.symlinkSync(victim, link);
    expect(() => appendNoFollowSync(link, 'x')).toThrow(/ELOOP|symbolic/);
    expect(fs.readFileSync(victim, 'utf8')).toBe('original');
    appendNoFollowSync(path.join(dir, 'plain'), 'a');
    appendNoFollowSync(path.join(dir, 'plain'), 'b');
    expect(fs.readFileSync(path.join(dir, 'plain'), 'utf8')).toBe('ab');
  });

  it('assertRealDirectory refuses a symlinked folder', () => {
    fs.symlinkSync(dir, path.join(dir, 'out'));
    expect(() => assertRealDirectory(path.join(dir, 'out'))).toThrow(/symlink/);
    expect(() => assertRealDirectory(dir)).not.toThrow();
  });
});
