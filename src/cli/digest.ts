/** `greenloop digest`: the failure digest of a test log, as text or JSON. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { digestFile, digestJson } from '../checks/index.js';
import { o200k } from '../model/tokens.js';

export async function digestCommand(
  file: string | undefined,
  flags: { readonly json: boolean; readonly runner?: string; readonly tokens: string },
): Promise<number> {
  const tokens = Number(flags.tokens);
  if (!Number.isInteger(tokens) || tokens < 50 || tokens > 100_000) {
    process.stderr.write(
      `greenloop digest: --tokens must be an integer from 50 to 100000, got '${flags.tokens}'.\n`,
    );
    return 1;
  }
  let logPath = file;
  let temp: string | undefined;
  if (!logPath || logPath === '-') {
    temp = await mkdtemp(path.join(os.tmpdir(), 'greenloop-digest-'));
    logPath = path.join(temp, 'stdin.log');
    await writeFile(logPath, readFileSync(0));
  } else if (!existsSync(logPath)) {
    process.stderr.write(`greenloop digest: no such file '${logPath}'.\n`);
    return 1;
  }
  try {
    const digest = await digestFile(logPath, {
      tokens,
      counter: o200k,
      ...(flags.runner ? { runner: flags.runner } : {}),
      projectRoot: path.dirname(path.resolve(logPath)),
    });
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(digestJson(digest), null, 2)}\n`);
    } else {
      process.stdout.write(`${digest.text}\n`);
    }
    return 0;
  } finally {
    if (temp) await rm(temp, { recursive: true, force: true });
  }
}
