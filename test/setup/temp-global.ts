/**
 * Global setup: every temp folder a test makes must be gone when the run ends.
 *
 * One folder per `vitest run` (`greenloop-test-*` under the real temp dir); the
 * worker setup (temp-worker.ts) points each worker's TMPDIR into it, so what a
 * test (or a process it starts) leaves behind lands there, apart from other
 * engineers' runs on the same machine. At the end the folder must be empty
 * but for the workers' bookkeeping: otherwise the run fails (exit code 1), naming
 * the leftovers and the test files that ran in the worker that left them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Files the worker setup writes beside each worker's folder: the test files it ran. */
export const FILES_SUFFIX = '.files';

export default function setup(): () => Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'greenloop-test-'));
  // Traversable like /tmp itself: tests run sandboxes as unprivileged users (useradd) below it.
  fs.chmodSync(root, 0o755);
  process.env['GREENLOOP_TEST_TMP'] = root;
  return async () => {
    // Workers may still be running their 'exit' listeners (the git module removes its scratch
    // folders there) when this teardown starts: give them a moment before calling it a leak.
    for (let waited = 0; waited < 3000 && leftovers(root).length > 0; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const leaks: string[] = [];
    for (const name of fs.readdirSync(root)) {
      if (name.endsWith(FILES_SUFFIX)) continue;
      const dir = path.join(root, name);
      const left = fs.statSync(dir).isDirectory() ? fs.readdirSync(dir) : [name];
      if (left.length === 0) continue;
      const ran = readLines(`${dir}${FILES_SUFFIX}`);
      leaks.push(`${left.join(', ')} (left by one of: ${ran.join(', ') || 'unknown'})`);
    }
    fs.rmSync(root, { recursive: true, force: true });
    if (leaks.length === 0) return;
    // Vitest 4 logs an error thrown by a global teardown ("error during close", with its stack)
    // and still exits 0: the run fails through the exit code instead, after one clear message.
    process.exitCode = 1;
    console.error(
      `Tests left temp folders behind; remove them in afterEach/afterAll:\n  ${leaks.join('\n  ')}`,
    );
  };
}

/** Entries left in the workers' folders (bookkeeping files aside). */
function leftovers(root: string): string[] {
  return fs
    .readdirSync(root)
    .filter((name) => !name.endsWith(FILES_SUFFIX))
    .flatMap((name) => {
      const dir = path.join(root, name);
      return fs.statSync(dir).isDirectory() ? fs.readdirSync(dir) : [name];
    });
}

function readLines(file: string): string[] {
  try {
    return [...new Set(fs.readFileSync(file, 'utf8').split('\n').filter(Boolean))];
  } catch {
    return [];
  }
}
