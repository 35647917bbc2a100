#!/usr/bin/env node
/**
 * The local CLI: the same core as the action, on a developer's machine.
 *   greenloop run [flags]            fix the tests (or do --task) in this repository
 *   greenloop resume <checkpoint>    continue a run from its checkpoint
 *   greenloop digest [FILE]          print the failure digest of a test log
 *   greenloop apply-patch [FILE]     apply a patch with the model's patch tool
 * Only wiring; only this file and main.ts decide the exit code.
 */
import { Command, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { version } from './version.js';
import type { RunFlags } from './cli/run.js';
import { CLI_INPUTS, flagKey } from './cli/flags.js';

// Each command's modules load when it runs (dynamic imports: ncc gives them chunks of their
// own), so that `--version` and `--help` parse only commander.

const program = new Command()
  .name('greenloop')
  .description('Run a bounded coding-agent loop until the tests pass.')
  .version(version(), '-v, --version');

function addRunFlags(command: Command): Command {
  for (const input of CLI_INPUTS) {
    const option = new Option(`--${input.name} <value>`, input.description).default(undefined);
    // Repeated for --attempts (cycled over the attempts; no more of them than attempts).
    if (REPEATABLE.has(input.name)) option.argParser(collect);
    command.addOption(option);
  }
  command.hook('preAction', (cmd) => {
    const refused = moreValuesThanRuns(cmd.opts(), cmd.name() === 'resume');
    if (refused !== undefined) cmd.error(refused);
  });
  return command
    .option('--cwd <dir>', 'repository to work on', process.cwd())
    .option('--out <dir>', 'output folder (default: .greenloop/<timestamp> in the repository)')
    .option(
      '--apply',
      'leave the best state in the working tree (default: restore it as it was)',
      false,
    )
    .option('--allow-dirty', 'run even when the working tree has uncommitted changes', false)
    .option(
      '--attempts <n>',
      'run N attempts side by side in git worktrees, then verify each by running the tests and keep the best (repeat --model / --reasoning-effort to vary them)',
    )
    .option('--jobs <n>', 'attempts at the same time (default 2)');
}

const REPEATABLE = new Set(['model', 'reasoning-effort']);

/**
 * README "Several attempts": repeated --model / --reasoning-effort values are cycled over the
 * attempts. More values than runs would be dropped without a word: the message that refuses them.
 * A --attempts that is not a whole number from 1 (or one given to resume) is left to the run's
 * own check.
 */
function moreValuesThanRuns(flags: Record<string, unknown>, resume: boolean): string | undefined {
  const attempts = flags['attempts'];
  const given =
    typeof attempts === 'string' && attempts.trim() !== '' ? attempts.trim() : undefined;
  const runs = given === undefined ? 1 : Number(given);
  if (!Number.isInteger(runs) || runs < 1) return undefined;
  for (const name of REPEATABLE) {
    const value = flags[flagKey(name)];
    const count = Array.isArray(value) ? value.length : 0;
    if (count <= runs) continue;
    if (resume) return `--${name} is given ${count} times, but a resumed run is one run: give one.`;
    const limit =
      given === undefined
        ? 'without --attempts there is one run: give one'
        : `--attempts ${given} runs ${runs}: give at most ${runs}`;
    return `--${name} is given ${count} times, but ${limit}, or --attempts ${count} to try each.`;
  }
  return undefined;
}

function collect(value: string, previous: unknown): string[] {
  return [...(Array.isArray(previous) ? previous.filter((v) => typeof v === 'string') : []), value];
}

addRunFlags(
  program.command('run').description('fix the failing tests, or do --task, in a git repository'),
).action(async (flags: RunFlags) => {
  const { runCommand } = await import('./cli/run.js');
  process.exitCode = await runCommand(flags);
});

addRunFlags(
  program
    .command('resume')
    .description('continue a run from a checkpoint folder')
    .argument('<checkpoint>'),
).action(async (checkpoint: string, flags: RunFlags) => {
  const { resumeCommand } = await import('./cli/run.js');
  process.exitCode = await resumeCommand(checkpoint, flags);
});

program
  .command('digest')
  .description('print the failure digest of a test log (FILE or stdin)')
  .argument('[file]')
  .option('--json', 'print JSON: runner, counts, failures, text, tokens', false)
  .option(
    '--runner <name>',
    'force a runner (vitest, jest, mocha, node-test, ava, tap, pytest, unittest, cargo, go, junit, generic)',
  )
  .option('--tokens <n>', 'token budget of the digest', '2000')
  .action(
    async (file: string | undefined, flags: { json: boolean; runner?: string; tokens: string }) => {
      const { digestCommand } = await import('./cli/digest.js');
      process.exitCode = await digestCommand(file, flags);
    },
  );

program
  .command('apply-patch')
  .description('apply a patch (Codex envelope or unified diff) from FILE or stdin, all or nothing')
  .argument('[file]')
  .option('--cwd <dir>', 'workspace root', process.cwd())
  .option('--protected-paths <globs>', 'globs that may not be changed', '.github/workflows/**')
  .action(async (file: string | undefined, flags: { cwd: string; protectedPaths: string }) => {
    const { applyPatchCommand } = await import('./cli/apply-patch.js');
    process.exitCode = await applyPatchCommand(file, flags);
  });

// A mistyped command line gets one line, not the full usage (which pushed the line that
// mattered off the screen): commander's message, then where the usage is.
for (const command of [program, ...program.commands]) {
  const usage = command === program ? 'greenloop --help' : `greenloop ${command.name()} --help`;
  command.configureOutput({
    outputError: (message, write) =>
      write(`greenloop: ${oneLine(message.replace(/^error: /, ''))}. See \`${usage}\`.\n`),
  });
}

function oneLine(message: string): string {
  return message
    .trim()
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\.$/, '');
}

export function readStdin(): string {
  return readFileSync(0, 'utf8');
}

await program.parseAsync(process.argv);
