// npm run demo — the main job, offline, on a fresh clone.
//
// Copies a small sample project with failing tests (scripts/demo/project) into
// a temp folder, then runs the real greenloop CLI (dist/cli/index.js) on it.
// Without OPENAI_API_KEY (or --base-url) the model is SCRIPTED: a fake
// OpenAI-compatible server on 127.0.0.1 replays a fixed conversation (read the
// file, patch it, run the tests), so the loop, tools, sandbox, checks and
// report are all real but the model's answers are canned.
// With OPENAI_API_KEY set (or --base-url URL), the real model is used instead.
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const baseUrlFlag = args.indexOf('--base-url');
const realBaseUrl = baseUrlFlag >= 0 ? args[baseUrlFlag + 1] : undefined;
const useRealModel = Boolean(process.env.OPENAI_API_KEY) || realBaseUrl !== undefined;

const project = mkdtempSync(join(tmpdir(), 'greenloop-demo-'));
cpSync(join(root, 'scripts', 'demo', 'project'), project, { recursive: true });
const git = (...a) => execFileSync('git', a, { cwd: project, stdio: 'ignore' });
git('init', '-q', '-b', 'main');
git('add', '-A');
git(
  '-c',
  'user.name=greenloop demo',
  '-c',
  'user.email=demo@greenloop.invalid',
  'commit',
  '-q',
  '-m',
  'demo project',
);

const DIFF = [
  '@@ export function subtotal(items) {',
  '   let total = 0;',
  '-  for (let i = 1; i < items.length; i++) {',
  '+  for (let i = 0; i < items.length; i++) {',
  '@@ export function applyDiscount(amount, percent) {',
  '-  return amount - amount * percent;',
  '+  return amount - (amount * percent) / 100;',
].join('\n');

let fake;
let baseUrl = realBaseUrl;
if (!useRealModel) {
  const { startFakeOpenAI } = await import('../test/fakes/openai-server.ts');
  const replies = [
    { toolCalls: [{ name: 'shell', arguments: { commands: ['cat src/cart.js'] } }] },
    {
      toolCalls: [
        {
          name: 'apply_patch',
          arguments: { operation: { type: 'update_file', path: 'src/cart.js', diff: DIFF } },
        },
      ],
    },
    {
      text: 'Fixed subtotal() to start at the first item and applyDiscount() to treat percent as a percentage.',
      toolCalls: [{ name: 'run_tests', arguments: {} }],
    },
    { text: 'Done.' },
  ];
  fake = await startFakeOpenAI((_request, index) => replies[Math.min(index, replies.length - 1)]);
  baseUrl = fake.url;
  console.log(
    'greenloop demo: SCRIPTED model (fake OpenAI server on 127.0.0.1, canned answers); set OPENAI_API_KEY to use a real model.',
  );
} else {
  console.log(`greenloop demo: real model at ${baseUrl ?? 'api.openai.com'}.`);
}
console.log(`greenloop demo: sample project with failing tests in ${project}\n`);

const cliArgs = [
  join(root, 'dist', 'cli', 'index.js'),
  'run',
  '--cwd',
  project,
  '--test-command',
  'node --test',
  '--max-iterations',
  '3',
  '--apply',
];
if (baseUrl) cliArgs.push('--base-url', baseUrl);
const child = spawn(process.execPath, cliArgs, { stdio: 'inherit', env: { ...process.env } });
const code = await new Promise((resolve) => child.on('close', resolve));
await fake?.close();
process.exit(code ?? 1);
