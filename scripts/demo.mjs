// npm run demo — the main job, offline, on a fresh clone, with any Node >= 20.
//
// Copies a small sample project with failing tests (scripts/demo/project) into
// a temp folder, then runs the built greenloop CLI (dist/cli/index.js, the same
// bundle users run) on it. Without OPENAI_API_KEY (or --base-url) the model is
// SCRIPTED: a fake OpenAI-compatible server on 127.0.0.1 replays a fixed
// conversation (read the file, patch it, run the tests), so the loop, tools,
// sandbox, checks and report are all real but the model's answers are canned;
// the run is labelled model `scripted`, cost `$0 (scripted)` wherever it reports.
// With OPENAI_API_KEY set (or --base-url URL), the real model is used instead.
import { spawn, execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SUPPORTED, nodeTooOld } from './node-version.mjs';

const tooOld = nodeTooOld('npm run demo', SUPPORTED, '`npm ci && npm run demo`');
if (tooOld) {
  console.error(tooOld);
  process.exit(1);
}

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

/**
 * The fake OpenAI server of the tests (test/fakes/openai-server.ts and the local
 * modules it imports), compiled into a temp folder with the TypeScript the dev
 * dependencies install, so the demo needs no type stripping (Node 20 has none).
 */
async function importFakeServer(dir) {
  let ts;
  try {
    ts = createRequire(import.meta.url)('typescript');
  } catch {
    console.error('greenloop demo: run `npm ci` first (the demo needs the dev dependencies).');
    process.exit(1);
  }
  const todo = [join(root, 'test', 'fakes', 'openai-server.ts')];
  const done = new Set();
  while (todo.length > 0) {
    const file = todo.pop();
    if (done.has(file)) continue;
    done.add(file);
    const source = readFileSync(file, 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      fileName: file,
    });
    const out = join(dir, relative(root, file).replace(/\.ts$/, '.js'));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, outputText);
    for (const [, spec] of source.matchAll(/from\s+'(\.{1,2}\/[^']+)\.js'/g)) {
      todo.push(resolve(dirname(file), `${spec}.ts`));
    }
  }
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return import(pathToFileURL(join(dir, 'test', 'fakes', 'openai-server.js')).href);
}

let fake;
let baseUrl = realBaseUrl;
const fakeDir = mkdtempSync(join(tmpdir(), 'greenloop-demo-fake-'));
process.on('exit', () => rmSync(fakeDir, { recursive: true, force: true }));
const runArgs = ['--test-command', 'node --test', '--max-iterations', '3'];
if (!useRealModel) {
  const { startFakeOpenAI } = await importFakeServer(fakeDir);
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
  // `scripted` is the model name every report shows for this run (cost `$0 (scripted)`).
  runArgs.push('--model', 'scripted', '--tool-style', 'native');
  console.log(
    'greenloop demo: SCRIPTED model (a fake OpenAI server on 127.0.0.1 replays canned answers; no real model, no cost).',
  );
  console.log('               Set OPENAI_API_KEY to run the same demo with a real model.');
} else {
  console.log(
    `greenloop demo: real model at ${baseUrl ?? (process.env.OPENAI_BASE_URL || 'api.openai.com')}.`,
  );
}
console.log(`greenloop demo: sample project with 2 failing tests in ${project}\n`);

const out = join(project, '.greenloop', 'demo');
const cliArgs = [
  // The tests run the build of the current sources (scripts/fresh-dist.mjs).
  join(
    process.env.GREENLOOP_TEST_DIST
      ? resolve(root, process.env.GREENLOOP_TEST_DIST)
      : join(root, 'dist'),
    'cli',
    'index.js',
  ),
  'run',
  '--cwd',
  project,
  '--out',
  out,
  ...runArgs,
  '--apply',
];
if (baseUrl) cliArgs.push('--base-url', baseUrl);
const child = spawn(process.execPath, cliArgs, { stdio: 'inherit', env: { ...process.env } });
const code = await new Promise((resolve) => child.on('close', resolve));
await fake?.close();

const here = (p) => relative(process.cwd(), p) || '.';
const change = code === 0 ? 'the fix' : 'the best change it found';
// Only what the run wrote: a run stopped early (a model it cannot reach, a bad flag) writes nothing.
const files = [
  ['summary.md', 'what happened, iteration by iteration'],
  ['greenloop.diff', `${change} (left in the project: cd ${project} && git diff)`],
  ['report.json', 'the same as data'],
].filter(([name]) => existsSync(join(out, name)));
if (files.length === 0) {
  // The one thing to do: the demo itself runs offline (the error above says what went wrong).
  const offline = useRealModel
    ? `To run the demo offline with its scripted model instead: ${process.env.OPENAI_API_KEY ? 'OPENAI_API_KEY= ' : ''}npm run demo${realBaseUrl === undefined ? '' : ' (without --base-url)'}`
    : 'Fix what it says, then run `npm run demo` again.';
  console.log(
    `\ngreenloop demo: the run stopped before writing anything (the error is above). ${offline}`,
  );
  rmSync(project, { recursive: true, force: true });
  process.exit(code || 1);
}
console.log(
  [
    '',
    'What to open next:',
    ...files.map(([name, what]) => `  ${join(out, name)}   ${what}`),
    'The same run in a GitHub workflow: its summary.md becomes the job summary',
    `  (${here(join(root, 'docs', 'job-summary-example.md'))}); a workflow to start from:`,
    `  ${here(join(root, 'docs', 'examples', 'fix-on-failure.yml'))}`,
  ].join('\n'),
);
process.exit(code ?? 1);
