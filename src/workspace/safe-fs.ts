/**
 * How greenloop writes its own files (reports, logs, checkpoints, the runner's files): never
 * through a symlink a command planted, never into a file it did not create. A new file is opened
 * with O_CREAT | O_EXCL | O_NOFOLLOW (after removing whatever name was there: unlink removes a
 * link, not its target); an append (the runner's GITHUB_OUTPUT, git's info/exclude) with
 * O_NOFOLLOW. See open(2): O_EXCL with O_CREAT fails when the name exists, symlinks included.
 */
import fs from 'node:fs';
import { open, rm } from 'node:fs/promises';

const NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;

/** Flags of a file greenloop creates. */
export const CREATE_NEW =
  fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | NOFOLLOW;

const APPEND = fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_CREAT | NOFOLLOW;

/** Opens `file` as a new file for writing (sync); the name is removed first if it exists. */
export function openNewSync(file: string): number {
  fs.rmSync(file, { force: true });
  return fs.openSync(file, CREATE_NEW, 0o644);
}

/** Writes `data` to `file` as a new file (the name is removed first if it exists). */
export async function writeNewFile(file: string, data: string | Uint8Array): Promise<void> {
  await rm(file, { force: true });
  const handle = await open(file, CREATE_NEW, 0o644);
  try {
    await handle.writeFile(data);
  } finally {
    await handle.close();
  }
}

/** Appends to `file` (created if missing), refusing a symlink. */
export function appendNoFollowSync(file: string, data: string): void {
  const fd = fs.openSync(file, APPEND, 0o644);
  try {
    fs.writeSync(fd, data);
  } finally {
    fs.closeSync(fd);
  }
}

/** Throws unless `dir` is a real folder (not a symlink to one). */
export function assertRealDirectory(dir: string): void {
  const stat = fs.lstatSync(dir);
  if (!stat.isDirectory()) {
    throw new Error(
      `refusing to write into ${dir}: it is ${stat.isSymbolicLink() ? 'a symlink' : 'not a folder'}`,
    );
  }
}
