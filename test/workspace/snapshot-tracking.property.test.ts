/**
 * Snapshots that look only at the reported paths (`Git.touched`) record the same trees as
 * snapshots that walk the whole tree. Random sequences of edits go through the loop's own
 * wiring (`reportingWrites`) and the real tools (apply_patch, shell), plus test runs that write,
 * restores and restored paths; after each step that asks for one, three snapshots of the same
 * working tree must agree:
 * - `tracked`: told about every write (what the loop does);
 * - `walking`: never told, so it walks the whole tree every time;
 * - the oracle: plain `git add -A` and `git write-tree` on an index of its own.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestCommand } from '../../src/checks/run-tests.js';
import { reportingWrites } from '../../src/loop/writes.js';
import { createToolBox } from '../../src/tools/index.js';
import { createGit } from '../../src/workspace/git.js';
import { o200k } from '../../src/model/tokens.js';
import { createGuard } from '../../src/workspace/guard.js';
import { createProcessRunner } from '../../src/workspace/runner.js';
import { createRepo } from '../helpers/repo.js';

/** Paths the steps write: tracked, new, in new folders, ignored, ignore files, a link. */
const PATHS = [
  'a.txt',
  'src/b.txt',
  'src/deep/c.txt',
  'new/d.txt',
  'new/e/f.txt',
  'x.log',
  'build/out.txt',
  'src/.gitignore',
  '.gitignore',
  'link',
  'src/deep',
] as const;
const IGNORES = ['*.log\nbuild/\n', 'build/\n', '*.txt\n!a.txt\n', 'deep/\n'] as const;
const RUNS = Number(process.env['GREENLOOP_FUZZ_RUNS'] ?? 8);

type Step =
  | { kind: 'patch-write'; file: number; value: number }
  | { kind: 'patch-delete'; file: number }
  | { kind: 'patch-move'; file: number; to: number }
  | { kind: 'shell'; script: number; file: number; value: number }
  | { kind: 'tests-write'; file: number; value: number }
  | { kind: 'restore'; back: number }
  | { kind: 'restore-paths'; back: number; files: readonly number[] }
  | { kind: 'snapshot' };

const file = fc.nat({ max: PATHS.length - 1 });
const value = fc.nat({ max: 5 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('patch-write'), file, value }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant('patch-delete'), file }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('patch-move'), file, to: file }), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constant('shell'), script: fc.nat({ max: 5 }), file, value }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('tests-write'), file, value }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('restore'), back: fc.nat({ max: 4 }) }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('restore-paths'),
      back: fc.nat({ max: 4 }),
      files: fc.uniqueArray(file, { minLength: 1, maxLength: 3 }),
    }),
    weight: 1,
  },
  { arbitrary: fc.constant({ kind: 'snapshot' as const }), weight: 4 },
);

function contentOf(rel: string, v: number): string {
  return path.basename(rel) === '.gitignore' ? IGNORES[v % IGNORES.length]! : `v${v}\n`;
}

/** An apply_patch call that gives `rel` the content (adding it, or replacing every line). */
function writePatch(dir: string, rel: string, content: string): string {
  const abs = path.join(dir, rel);
  const lines = (text: string, sign: string): string[] =>
    text
      .split('\n')
      .slice(0, -1)
      .map((line) => `${sign}${line}`);
  const exists = fs.existsSync(abs) && fs.lstatSync(abs).isFile();
  const body = exists
    ? [`*** Update File: ${rel}`, '@@', ...lines(fs.readFileSync(abs, 'utf8'), '-')]
    : [`*** Add File: ${rel}`];
  return ['*** Begin Patch', ...body, ...lines(content, '+'), '*** End Patch'].join('\n');
}

function shellScript(script: number, rel: string, v: number): string {
  const scripts = [
    `mkdir -p "$(dirname ${rel})" && printf 'sh${v}\\n' > ${rel}`,
    `rm -rf ${rel}`,
    `chmod +x ${rel} 2>/dev/null; true`,
    `rm -f link && ln -s ${rel} link`,
    `cat a.txt >/dev/null 2>&1; true`,
    `rm -rf ${rel} && mkdir -p ${rel} && printf 'in${v}\\n' > ${rel}/inner.txt`,
  ];
  return scripts[script % scripts.length]!;
}

/** The oracle: `git add -A` on an index of its own, seeded from HEAD. */
function oracle(dir: string, index: string): () => string {
  const env = {
    PATH: process.env['PATH'] ?? '',
    GIT_INDEX_FILE: index,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
  };
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' }).trim();
  git('read-tree', 'HEAD');
  return () => {
    git('add', '-A', '--', '.');
    return git('write-tree');
  };
}

async function runSteps(steps: readonly Step[]): Promise<void> {
  const repo = createRepo({
    'a.txt': 'v0\n',
    'src/b.txt': 'v0\n',
    'src/deep/c.txt': 'v0\n',
    'x.log': 'v0\n',
    '.gitignore': IGNORES[0],
  });
  const scratch = fs.mkdtempSync(path.join(path.dirname(repo.dir), 'gl-oracle-'));
  // The Git instances' scratch folders go in there too, removed with it (hundreds of runs).
  const tmpdir = process.env['TMPDIR'];
  process.env['TMPDIR'] = scratch;
  try {
    const dir = fs.realpathSync(repo.dir);
    const tracked = createGit(dir);
    const walking = createGit(dir);
    const addAll = oracle(dir, path.join(scratch, 'index'));
    const runner = await createProcessRunner({ sandbox: 'none', workspace: dir });
    const env = { PATH: process.env['PATH'] ?? '' };
    // A test run that writes into the workspace: the file named in `pending`.
    const pending = path.join(scratch, 'pending');
    const tests = createTestCommand({
      runner,
      command: `f=$(cat ${pending}); printf 'test\\n' > "$f"; exit 1`,
      cwd: dir,
      env,
      timeoutMs: 30_000,
      logDir: scratch,
      digestTokens: 500,
      reportGlob: '',
      counter: o200k,
    });
    const deps = reportingWrites({ git: tracked, guard: createGuard(dir, []), runner, tests });
    const tools = createToolBox({
      guard: deps.guard,
      runner: deps.runner,
      env,
      onPlan: () => undefined,
    });
    const history = [await tracked.snapshot()];
    await walking.snapshot();
    addAll();
    const compare = async (): Promise<void> => {
      const tree = await tracked.snapshot();
      expect(await walking.snapshot(), 'a walk of the whole tree').toBe(tree);
      expect(addAll(), 'git add -A').toBe(tree);
      history.push(tree);
    };
    let calls = 0;
    const call = (name: string, args: unknown) =>
      tools.execute({ callId: `c${++calls}`, name, args, wire: 'function' });
    for (const s of steps) {
      const rel = 'file' in s ? PATHS[s.file]! : '';
      switch (s.kind) {
        case 'patch-write':
          await call('apply_patch', { patch: writePatch(dir, rel, contentOf(rel, s.value)) });
          break;
        case 'patch-delete':
          await call('apply_patch', {
            patch: `*** Begin Patch\n*** Delete File: ${rel}\n*** End Patch`,
          });
          break;
        case 'patch-move': {
          const patch = writePatch(dir, rel, 'moved\n').replace(
            '\n@@',
            `\n*** Move to: ${PATHS[s.to]!}\n@@`,
          );
          await call('apply_patch', { patch });
          break;
        }
        case 'shell':
          await call('shell', { command: shellScript(s.script, rel, s.value) });
          break;
        case 'tests-write':
          if (!fs.existsSync(path.join(dir, path.dirname(rel)))) break;
          fs.writeFileSync(pending, rel);
          await deps.tests.run(`t${++calls}`, {});
          break;
        case 'restore':
          // A restore snapshots first: so do the others, to keep the same index history.
          await compare();
          await tracked.restore(history[Math.max(0, history.length - 2 - s.back)]!);
          break;
        case 'restore-paths':
          await tracked.restorePaths(
            history[Math.max(0, history.length - 1 - s.back)]!,
            // File paths, as its callers give (a folder is not a path it restores).
            s.files.map((i) => PATHS[i]!).filter((rel) => rel !== 'src/deep'),
          );
          break;
        case 'snapshot':
          await compare();
          break;
      }
    }
    await compare();
  } finally {
    if (tmpdir === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = tmpdir;
    repo.remove();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

describe('snapshots of reported writes', () => {
  it(
    'record the same tree as a walk of the whole tree and as git add -A, whatever the edits',
    async () => {
      await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), runSteps), {
        numRuns: RUNS,
        examples: process.env['GREENLOOP_FUZZ_CASE']
          ? [[JSON.parse(process.env['GREENLOOP_FUZZ_CASE']) as Step[]]]
          : [],
      });
    },
    Math.max(120_000, RUNS * 5000),
  );
});
