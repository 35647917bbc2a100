// npm run eval -- [--model M] [--base-url U] [--api chat|responses] [--tasks glob] [--repeat N]
//
// Runs greenloop's real CLI (dist/cli/index.js) on every task under eval/tasks/ in a temp copy,
// then the task's hidden check, prints a markdown table and totals, and writes
// eval/results/<timestamp>.json. See docs/eval.md.
//
// Without OPENAI_API_KEY and without --base-url (or with --scripted) the model is SCRIPTED: a
// fake OpenAI server on 127.0.0.1 replays each task's solution.patch, so the harness is tested
// offline. In scripted mode the exit code is 1 when a task does not end as scripted.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { nodeTooOld } from '../scripts/node-version.mjs';

// eval runs its TypeScript harness on Node's own type stripping.
const tooOld = nodeTooOld('npm run eval', '22.18', '`npm ci && npm run eval`');
if (tooOld) {
  console.error(tooOld);
  process.exit(1);
}
// The harness and the fake server import their siblings by `.js` names: resolve them to `.ts`.
await import('../scripts/ts-hooks.mjs');

const HELP = `usage: npm run eval -- [options]
  --model M            model name (default gpt-5.1-codex-max)
  --base-url U         OpenAI-compatible endpoint (gateway, local server)
  --api chat|responses model API (default responses)
  --tool-style S       auto | native | function (real runs; scripted runs use function tools)
  --reasoning-effort E passed to greenloop (low, medium, high, xhigh...)
  --price I,C,O        USD per million tokens (input,cached-input,output) for unlisted models
  --tasks GLOB         task ids to run, glob or comma list (default all), e.g. '0[1-3]-*'
  --repeat N           run each task N times (default 1)
  --attempts N         N attempts per task (greenloop run --attempts N), then the verified select;
                       prints pass@1 (each attempt alone) beside best-of-N and the cost of each
  --jobs N             tasks at the same time (default 1)
  --task-timeout S     seconds per task run (default 240 scripted, 1800 real)
  --scripted           use the scripted model even when OPENAI_API_KEY is set
  --cheat              scripted model deletes the visible tests instead of fixing (must not score)
  --cli PATH           greenloop CLI bundle to run (default dist/cli/index.js; env GREENLOOP_EVAL_CLI)
  --keep               keep the temp copies
  --no-write           do not write eval/results/<timestamp>.json
  --json               print the JSON report instead of the table`;

const { values } = parseArgs({
  options: {
    model: { type: 'string' },
    'base-url': { type: 'string' },
    api: { type: 'string' },
    'tool-style': { type: 'string' },
    'reasoning-effort': { type: 'string' },
    price: { type: 'string' },
    tasks: { type: 'string', multiple: true },
    repeat: { type: 'string' },
    attempts: { type: 'string' },
    jobs: { type: 'string' },
    'task-timeout': { type: 'string' },
    scripted: { type: 'boolean', default: false },
    cheat: { type: 'boolean', default: false },
    cli: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(HELP);
  process.exit(0);
}

function positive(name, text) {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`eval: --${name} must be a positive integer, got '${text}'`);
    process.exit(2);
  }
  return n;
}

if (values.api !== undefined && values.api !== 'chat' && values.api !== 'responses') {
  console.error(`eval: --api must be chat or responses, got '${values.api}'`);
  process.exit(2);
}

const harness = await import('./harness.ts');
const cliPath = resolve(values.cli ?? process.env.GREENLOOP_EVAL_CLI ?? harness.CLI_PATH);
if (!existsSync(cliPath)) {
  console.error(`eval: ${cliPath} is missing; run 'npm run build' first.`);
  process.exit(2);
}

const scripted =
  values.scripted ||
  values.cheat ||
  (!process.env.OPENAI_API_KEY && values['base-url'] === undefined);
let startFake;
if (scripted) {
  ({ startFakeOpenAI: startFake } = await import('../test/fakes/openai-server.ts'));
}

const progress = (line) => process.stderr.write(`eval: ${line}\n`);
progress(
  scripted
    ? `SCRIPTED model (fake OpenAI server, replays solution.patch${values.cheat ? '; cheat: deletes the visible tests' : ''}); set OPENAI_API_KEY or --base-url for a real model`
    : `real model ${values.model ?? 'gpt-5.1-codex-max'} at ${values['base-url'] ?? process.env.OPENAI_BASE_URL ?? 'api.openai.com'}`,
);

const report = await harness.runEval({
  mode: scripted ? 'scripted' : 'real',
  startFake,
  model: values.model,
  baseUrl: values['base-url'],
  api: values.api,
  toolStyle: values['tool-style'],
  tasks: values.tasks ?? [],
  repeat: positive('repeat', values.repeat),
  attempts: positive('attempts', values.attempts),
  jobs: positive('jobs', values.jobs),
  taskTimeoutSeconds: positive('task-timeout', values['task-timeout']),
  cheat: values.cheat,
  keep: values.keep,
  cliPath,
  extraArgs: [
    ...(values['reasoning-effort'] ? ['--reasoning-effort', values['reasoning-effort']] : []),
    ...(values.price ? ['--price', values.price] : []),
  ],
  onProgress: progress,
});

console.log(values.json ? JSON.stringify(report, null, 2) : harness.formatReport(report));
if (!values['no-write']) progress(`results written to ${harness.writeResults(report)}`);

if (scripted) {
  const off = harness.unexpectedScripted(report);
  if (off.length > 0) {
    progress(`${off.length} task(s) did not end as scripted: ${off.map((r) => r.id).join(', ')}`);
    process.exitCode = 1;
  }
} else if (report.totals.errors > 0) {
  process.exitCode = 1;
}
