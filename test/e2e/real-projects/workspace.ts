/**
 * Builds the repository a real-project run works on: the vendored project committed as it is
 * upstream, what its tests need installed (node_modules, a virtualenv), then one commit with the
 * bug. Everything lives in one temp folder that `remove()` deletes.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../../helpers/action-env.js';
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
  git(...args: string[]): string;
  remove(): void;
}

function run(
  cmd: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): string {
  return execFileSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...GIT_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
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

/**
 * A copy of the project with its npm devDependencies installed, made once per project and copied
 * for each run (an install takes seconds to tens of seconds; a copy is cheap).
 */
const installed = new Map<string, Promise<string>>();

function npmTemplate(project: Project, root: string): string {
  const dir = path.join(root, `template-${project.fixture}`);
  cpSync(path.join(FIXTURES, project.fixture), dir, {
    recursive: true,
    filter: (src) => path.basename(src) !== 'SOURCE',
  });
  // --prefer-offline: the npm cache serves what an earlier run fetched; the registry the rest.
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--no-package-lock',
      '--prefer-offline',
      '--ignore-scripts',
    ],
    dir,
  );
  return dir;
}

/** Installs each npm project once for the whole suite, in `sharedRoot`. */
export function npmInstalled(project: Project, sharedRoot: string): Promise<string> {
  let p = installed.get(project.fixture);
  if (!p) {
    p = Promise.resolve().then(() => npmTemplate(project, sharedRoot));
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
    cpSync(path.join(FIXTURES, project.fixture), repo, {
      recursive: true,
      filter: (src) => path.basename(src) !== 'SOURCE',
    });
    run('git', ['init', '-q', '-b', 'main'], repo);
    run('git', ['add', '-A'], repo);
    run(
      'git',
      ['commit', '-q', '-m', `${project.fixture} at upstream ${upstreamCommit(project.fixture)}`],
      repo,
    );
    if (project.npmInstall === true) {
      const template = await npmInstalled(project, sharedRoot);
      cpSync(path.join(template, 'node_modules'), path.join(repo, 'node_modules'), {
        recursive: true,
        verbatimSymlinks: true,
      });
    }
    const venv = c.environment === 'venv' ? makeVenv(root, repo) : undefined;
    const file = path.join(repo, project.file);
    const buggy = replaceOnce(
      readFileSync(file, 'utf8'),
      project.fixed,
      project.buggy,
      project.file,
    );
    // The model finds the bug by its text: it must be the only place that reads so.
    replaceOnce(buggy, project.buggy, project.buggy, `${project.file} with the bug`);
    writeFileSync(file, buggy);
    run('git', ['commit', '-q', '-a', '-m', project.commit], repo);
    const status = run('git', ['status', '--porcelain'], repo).trim();
    if (status !== '') throw new Error(`setup left the tree dirty:\n${status}`);
    const ws: Workspace = {
      root,
      repo,
      out,
      read: (f) => readFileSync(path.join(repo, f), 'utf8'),
      git: (...args) => run('git', args, repo),
      remove: () => rmSync(root, { recursive: true, force: true }),
    };
    return venv === undefined ? ws : { ...ws, venv };
  } catch (e) {
    rmSync(root, { recursive: true, force: true });
    throw e;
  }
}

/**
 * A virtualenv in `root` (beside the repository, as `RUNNER_TEMP/venv` would be) holding pytest
 * and the project, the way `python -m venv v && v/bin/pip install pytest -e .` lays them out.
 * PyPI is out of reach here, so pytest's installed distributions (pytest and what it requires)
 * are copied file by file from their RECORD into the venv's site-packages, and the project is
 * installed editable (a `.pth` file naming the repository), as pip does for `-e .`.
 */
function makeVenv(root: string, repo: string): string {
  const venv = path.join(root, 'venv');
  run('python3', ['-m', 'venv', venv], root);
  const python = path.join(venv, 'bin', 'python');
  const site = run(
    python,
    ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'],
    root,
  ).trim();
  const copier = [
    'import importlib.metadata as md, re, shutil, sys, os',
    'site = sys.argv[1]',
    'todo, seen = ["pytest"], set()',
    'while todo:',
    '    name = todo.pop()',
    '    key = re.sub(r"[-_.]+", "-", name).lower()',
    '    if key in seen: continue',
    '    seen.add(key)',
    '    dist = md.distribution(name)',
    '    for req in dist.requires or []:',
    '        if ";" in req and "extra" in req.split(";", 1)[1]: continue',
    '        if ";" in req:',
    '            from packaging.markers import Marker',
    '            if not Marker(req.split(";", 1)[1]).evaluate(): continue',
    '        todo.append(re.match(r"[A-Za-z0-9_.-]+", req).group(0))',
    '    for f in dist.files or []:',
    '        if str(f).startswith(".."): continue',
    '        src = dist.locate_file(f)',
    '        dst = os.path.join(site, str(f))',
    '        os.makedirs(os.path.dirname(dst), exist_ok=True)',
    '        if os.path.isfile(src): shutil.copy2(src, dst)',
  ].join('\n');
  run('python3', ['-c', copier, site], root);
  writeFileSync(
    path.join(venv, 'bin', 'pytest'),
    `#!${python}\nimport sys\nfrom pytest import console_main\nsys.exit(console_main())\n`,
    { mode: 0o755 },
  );
  writeFileSync(path.join(site, '__editable__.project.pth'), `${repo}\n`);
  // The venv works on its own: its python imports pytest from its own site-packages.
  const where = run(python, ['-c', 'import pytest; print(pytest.__file__)'], root).trim();
  if (!where.startsWith(site)) throw new Error(`venv pytest comes from ${where}, not ${site}`);
  return venv;
}
