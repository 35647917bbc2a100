// A build of the current sources for the tests that run the bundle (e2e, CLI, action), so they
// never test a stale dist/. The build lives in node_modules/.cache/greenloop/dist-<hash>, where
// <hash> covers every input of the bundle: it is made once per change of the sources (the
// first test that needs it waits for it; others wait on a lock), reused otherwise, and
// check-dist leaves its fresh build there, so CI's `npm test` after check-dist builds nothing.
// GREENLOOP_TEST_DIST=<folder> runs the tests against that folder instead (e.g. `dist`).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, 'node_modules', '.cache', 'greenloop');
/** Files and folders whose content makes the bundle (scripts/build.mjs and what ncc reads). */
const INPUTS = [
  'src',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'scripts/build.mjs',
  'scripts/node-version.mjs',
];

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Hash of every input of the bundle (paths and contents). */
export function sourceHash() {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    for (const file of files(join(root, input))) {
      hash.update(`${relative(root, file)}\0`);
      hash.update(readFileSync(file));
      hash.update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** The folder of the build of the current sources (the bundle in `dist/`'s layout). */
export function freshDistDir() {
  return join(cache, `dist-${sourceHash()}`);
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The folder to run the bundle from: GREENLOOP_TEST_DIST when set, else `currentBuild()`. */
export async function freshDist() {
  const chosen = process.env.GREENLOOP_TEST_DIST;
  return chosen ? resolve(root, chosen) : currentBuild();
}

/** The build of the current sources, made now when missing (one builder at a time; the others wait). */
export async function currentBuild() {
  const target = freshDistDir();
  const lock = `${target}.lock`;
  mkdirSync(cache, { recursive: true });
  for (;;) {
    if (existsSync(join(target, 'index.js'))) return target;
    try {
      mkdirSync(lock);
    } catch {
      // Someone else builds it: wait, unless that builder died.
      const pid = Number(readFileSafe(join(lock, 'pid')));
      if (pid > 0 && !alive(pid)) rmSync(lock, { recursive: true, force: true });
      await sleep(500);
      continue;
    }
    try {
      writeFileSync(join(lock, 'pid'), String(process.pid));
      if (!existsSync(join(target, 'index.js'))) build(target);
      return target;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

function readFileSafe(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Builds into `target` (scripts/build.mjs swaps it in whole) and drops older builds. */
function build(target) {
  console.error(`greenloop tests: building the current sources into ${relative(root, target)}`);
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), target], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (const name of readdirSync(cache)) {
    const full = join(cache, name);
    if (name.startsWith('dist-') && !name.endsWith('.lock') && full !== target) {
      rmSync(full, { recursive: true, force: true });
    }
  }
}
