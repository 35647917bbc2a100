/**
 * Builds the repository a real-project run works on: the vendored project committed as it is
 * upstream, what its tests need installed (node_modules, a virtualenv), then one commit with the
 * bug. Everything lives in one temp folder that `remove()` deletes.
 *
 * Setup never blocks the event loop: the fake model servers of the runs in progress live in this
 * process, and greenloop checks its model endpoint with a deadline before it starts.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../helpers/dist.js';
import type { Case, Project } from './cases.js';

export const FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'real-projects');

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Real Project',
  GIT_AUTHOR_EMAIL: 'real@example.invalid',
  GIT_COMMITTER_NAME: 'Real Project',
  GIT_COMMITTER_EMAIL: 'real@example.invalid',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
};

export interface Workspace {
  /** The temp folder holding everything below. */
  readonly root: string;
  /** The git repository greenloop runs on. */
  readonly repo: string;
  /** The virtualenv (under `root`, outside the repository), when the case asks for one. */
  readonly venv?: string;
  /** The output folder given to `--out`. */
  readonly out: string;
  read(file: string): string;
  /** Runs git in the repository (synchronously: for assertions once the run is over). */
  git(...args: string[]): string;
  remove(): void;
}

const execFileAsync = promisify(execFile);

async function run(cmd: string, args: readonly string[], cwd: string): Promise<string> {
  const { stdout } = await execFileAsync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...GIT_ENV },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/** `text` with `from` replaced by `to`; `from` must occur exactly once. */
export function replaceOnce(text: string, from: string, to: string, where: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) {
    throw new Error(`${where}: expected exactly one occurrence of ${JSON.stringify(from)}`);
  }
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** The upstream commit recorded in the fixture's SOURCE file. */
export function upstreamCommit(fixture: string): string {
  const source = readFileSync(path.join(FIXTURES, fixture, 'SOURCE'), 'utf8');
  const m = /^commit: ([0-9a-f]{40})$/m.exec(source);
  if (!m) throw new Error(`${fixture}/SOURCE has no commit line`);
  return m[1]!;
}

/** The vendored project, without the SOURCE file (not part of the project). */
function copyFixture(fixture: string, to: string): Promise<void> {
  return cp(path.join(FIXTURES, fixture), to, {
    recursive: true,
    filter: (src) => path.basename(src) !== 'SOURCE',
  });
}

/**
 * A copy of the project with its npm devDependencies installed, made once per project and copied
 * for each run (an install takes seconds to tens of seconds; a copy is cheap).
 */
const installed = new Map<string, Promise<string>>();

async function npmTemplate(project: Project, root: string): Promise<string> {
  const dir = path.join(root, `template-${project.fixture}`);
  await copyFixture(project.fixture, dir);
  // --prefer-offline: the npm cache serves what an earlier run fetched; the registry the rest.
  const flags = ['--no-audit', '--no-fund', '--no-package-lock', '--prefer-offline'];
  await run('npm', ['install', ...flags, '--ignore-scripts'], dir);
  return dir;
}

/** Installs each npm project once for the whole suite, in `sharedRoot`. */
function npmInstalled(project: Project, sharedRoot: string): Promise<string> {
  let p = installed.get(project.fixture);
  if (!p) {
    p = npmTemplate(project, sharedRoot);
    installed.set(project.fixture, p);
  }
  return p;
}

export async function createWorkspace(
  c: Case,
  project: Project,
  sharedRoot: string,
): Promise<Workspace> {
  const root = mkdtempSync(path.join(os.tmpdir(), `gl-real-${project.fixture}-`));
  const repo = path.join(root, 'repo');
  const out = path.join(root, 'out');
  try {
    await copyFixture(project.fixture, repo);
    await run('git', ['init', '-q', '-b', 'main'], repo);
    await run('git', ['add', '-A'], repo);
    const upstream = `${project.fixture} at upstream ${upstreamCommit(project.fixture)}`;
    await run('git', ['commit', '-q', '-m', upstream], repo);
    if (project.npmInstall === true) {
      const template = await npmInstalled(project, sharedRoot);
      await cp(path.join(template, 'node_modules'), path.join(repo, 'node_modules'), {
        recursive: true,
        verbatimSymlinks: true,
      });
    }
    const venv = c.environment === 'plain' ? undefined : await makeVenv(root, repo);
    const file = path.join(repo, project.file);
    const text = await readFile(file, 'utf8');
    const buggy = replaceOnce(text, project.fixed, project.buggy, project.file);
    // The model finds the bug by its text: it must be the only place that reads so.
    replaceOnce(buggy, project.buggy, project.buggy, `${project.file} with the bug`);
    await writeFile(file, buggy);
    await run('git', ['commit', '-q', '-a', '-m', project.commit], repo);
    const status = (await run('git', ['status', '--porcelain'], repo)).trim();
    if (status !== '') throw new Error(`setup left the tree dirty:\n${status}`);
    const ws: Workspace = {
      root,
      repo,
      out,
      read: (f) => readFileSync(path.join(repo, f), 'utf8'),
      git: (...args) =>
        execFileSync('git', args, {
          cwd: repo,
          encoding: 'utf8',
          env: { ...process.env, ...GIT_ENV },
          stdio: ['ignore', 'pipe', 'pipe'],
        }),
      remove: () => rmSync(root, { recursive: true, force: true }),
    };
    return venv === undefined ? ws : { ...ws, venv };
  } catch (e) {
    rmSync(root, { recursive: true, force: true });
    throw e;
  }
}

/** Printed by the venv's `pytest` script before it starts pytest. */
export const VENV_MARKER = 'greenloop-real: pytest from the venv at';

/** Copies installed distributions (and what they require) into a site-packages, by RECORD. */
const COPY_DISTRIBUTIONS = `
import importlib.metadata as md, os, re, shutil, sys
from packaging.markers import Marker
site, todo, seen = sys.argv[1], sys.argv[2:], set()
while todo:
    name = todo.pop()
    key = re.sub(r"[-_.]+", "-", name).lower()
    if key in seen:
        continue
    seen.add(key)
    dist = md.distribution(name)
    for req in dist.requires or []:
        spec, _, marker = req.partition(";")
        if marker and ("extra" in marker or not Marker(marker).evaluate()):
            continue
        todo.append(re.match(r"[A-Za-z0-9_.-]+", spec.strip()).group(0))
    for f in dist.files or []:
        if str(f).startswith(".."):
            continue
        src, dst = dist.locate_file(f), os.path.join(site, str(f))
        if os.path.isfile(src):
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copy2(src, dst)
`;

/**
 * A virtualenv in `root` (beside the repository, as `$RUNNER_TEMP/venv` would be) holding pytest
 * and the project, the way `python -m venv v && v/bin/pip install pytest -e .` lays them out.
 * PyPI is out of reach here, so pytest's installed distributions (pytest and what it requires)
 * are copied file by file from their RECORD into the venv's site-packages, and the project is
 * installed editable (a `.pth` file naming the repository), as pip does for `-e .`.
 */
async function makeVenv(root: string, repo: string): Promise<string> {
  const venv = path.join(root, 'venv');
  await run('python3', ['-m', 'venv', venv], root);
  const python = path.join(venv, 'bin', 'python');
  const purelib = 'import sysconfig; print(sysconfig.get_paths()["purelib"])';
  const site = (await run(python, ['-c', purelib], root)).trim();
  await run('python3', ['-c', COPY_DISTRIBUTIONS, site, 'pytest'], root);
  // pip's console script, plus one line saying which pytest this is (the suite checks the logs).
  await writeFile(
    path.join(venv, 'bin', 'pytest'),
    `#!${python}\nimport sys\nfrom pytest import console_main\nprint(${JSON.stringify(VENV_MARKER)}, sys.prefix)\nsys.exit(console_main())\n`,
    { mode: 0o755 },
  );
  await writeFile(path.join(site, '__editable__.project.pth'), `${repo}\n`);
  // The venv works on its own: its python imports pytest from its own site-packages.
  const where = (await run(python, ['-c', 'import pytest; print(pytest.__file__)'], root)).trim();
  if (!where.startsWith(site)) throw new Error(`venv pytest comes from ${where}, not ${site}`);
  return venv;
}
