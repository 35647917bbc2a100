#!/usr/bin/env node
/**
 * Regenerates the real-log corpus under test/fixtures/logs/real/ by running each runner on the
 * small project beside its log, then writes truth.json from the runner's own machine-readable
 * output (JUnit XML, --json, TAP, libtest JSON, go test -json, reporter events).
 *
 *   node scripts/real-logs.mjs [--only a,b] [--skip-missing]
 *
 * Each case folder holds case.json:
 *   { "runner", "command", "env"?, "deps"?, "truth": { "command", "format", "file"? },
 *     "version", "post"?: "crlf" | "gzip", "python"?, "notes"? }
 * The project is copied to a temp folder (shown in the logs as /home/runner/work/<case>/<case>),
 * the command runs like a CI job (env -i, CI=true, stdin closed, non-TTY), and log.txt is what it
 * printed. JS runners come from test/fixtures/logs/real/_deps/<deps>/ (npm ci, node_modules
 * gitignored). go and pytest come from the machine (Debian golang-go, the machine's Python);
 * pytest 7 cases run Debian's python3-pytest on the Python named by `python` (/usr/bin/python3).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { plainLog, truthFrom } from './real-logs/truth.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.join(repo, 'test', 'fixtures', 'logs', 'real');
const helpers = path.join(repo, 'scripts', 'real-logs');
const args = process.argv.slice(2);
const only = (() => {
  const i = args.indexOf('--only');
  return i >= 0 ? new Set((args[i + 1] ?? '').split(',')) : undefined;
})();
const skipMissing = args.includes('--skip-missing');

const cases = fs
  .readdirSync(corpus)
  .filter((d) => !d.startsWith('_') && fs.existsSync(path.join(corpus, d, 'case.json')))
  .filter((d) => !only || only.has(d))
  .sort();

function have(cmd) {
  return spawnSync('bash', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function ensureDeps(name) {
  const dir = path.join(corpus, '_deps', name);
  if (!fs.existsSync(path.join(dir, 'node_modules'))) {
    console.error(`real-logs: npm install in _deps/${name}`);
    // `npm install` with the committed lock (the same versions as `npm ci`): `npm ci` refuses
    // vitest 4's lock, whose vite lists an optional package the registry does not serve.
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: dir,
      stdio: 'inherit',
    });
  }
  return dir;
}

function baseEnv(extra, work, depsDir) {
  const bins = [
    ...(depsDir ? [path.join(work, 'node_modules', '.bin')] : []),
    path.dirname(process.execPath),
    path.join(os.homedir(), '.cargo', 'bin'),
    '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  ];
  return {
    CI: 'true',
    HOME: os.homedir(),
    LANG: 'C.UTF-8',
    PATH: bins.join(':'),
    // the machine's pytest lives under pyenv
    ...(fs.existsSync(path.join(os.homedir(), '.pyenv'))
      ? { PYENV_ROOT: path.join(os.homedir(), '.pyenv') }
      : {}),
    GOFLAGS: '-count=1',
    GOCACHE: path.join(os.tmpdir(), 'greenloop-real-logs-gocache'),
    CARGO_TARGET_DIR: '',
    ...extra,
  };
}

function withPyenv(env) {
  if (!env.PYENV_ROOT) return env;
  return { ...env, PATH: `${env.PYENV_ROOT}/shims:${env.PYENV_ROOT}/bin:${env.PATH}` };
}

/** Runs `cmd` in bash with stdout and stderr merged into one stream, stdin closed. */
function run(cmd, cwd, env, timeoutMs = 180_000) {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', `exec 2>&1; ${cmd}`], {
      cwd,
      env: clean,
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ out: Buffer.concat(chunks), code });
    });
  });
}

function listFiles(root, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(root, p));
    else out.push(p);
  }
  return out;
}

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'greenloop-real-logs-'));
let failed = 0;
const jobs = Number(process.env.GREENLOOP_REAL_LOGS_JOBS ?? 3);

async function regenerate(name) {
  {
    const dir = path.join(corpus, name);
    const spec = JSON.parse(fs.readFileSync(path.join(dir, 'case.json'), 'utf8'));
    const tool = spec.runner === 'go' ? 'go' : spec.runner === 'cargo' ? 'cargo' : undefined;
    // A case run by another Python than the machine's (pytest 7 is Debian's python3-pytest on
    // /usr/bin/python3) names it in `python`.
    const noPytest =
      spec.python &&
      spawnSync(spec.python, ['-m', 'pytest', '--version'], { stdio: 'ignore' }).status !== 0;
    if ((tool && !have(tool)) || noPytest) {
      const msg = `real-logs: ${name}: ${tool ?? `pytest for ${spec.python}`} is not installed`;
      if (skipMissing) {
        console.error(`${msg}; skipped`);
        return;
      }
      throw new Error(msg);
    }
    if (spec.node && process.versions.node.split('.')[0] !== String(spec.node))
      throw new Error(`real-logs: ${name} needs Node ${spec.node} (source scripts/node24.sh)`);
    const started = Date.now();
    const depsDir = spec.deps ? ensureDeps(spec.deps) : undefined;
    const fresh = () => {
      const work = path.join(tmpRoot, name, name);
      fs.rmSync(path.join(tmpRoot, name), { recursive: true, force: true });
      fs.mkdirSync(path.dirname(work), { recursive: true });
      fs.cpSync(path.join(dir, 'project'), work, { recursive: true });
      if (depsDir)
        fs.symlinkSync(path.join(depsDir, 'node_modules'), path.join(work, 'node_modules'));
      return work;
    };
    const ciPath = `/home/runner/work/${name}/${name}`;
    // node_modules is a symlink to _deps/<set>/node_modules: show it as the project's own
    const deps = /(?:\.\.\/)*[^\s()'"]*?\/_deps\/[\w.-]+\/node_modules/g;
    const scrub = (s, work) =>
      s
        .split(work)
        .join(ciPath)
        .split(helpers)
        .join('/opt/greenloop')
        .replace(deps, 'node_modules');
    // The log run.
    let work = fresh();
    const env = withPyenv(baseEnv(spec.env ?? {}, work, depsDir));
    const logRun = await run(spec.command, work, env, spec.timeoutMs);
    let log = scrub(logRun.out.toString('utf8'), work);
    const version = (await run(spec.version, work, env)).out.toString('utf8').trim().split('\n')[0];
    // The truth run (separate, like the shared corpus).
    work = fresh();
    const tenv = withPyenv(
      baseEnv({ ...(spec.env ?? {}), GREENLOOP_HELPERS: helpers }, work, depsDir),
    );
    const truthRun = await run(spec.truth.command, work, tenv, spec.timeoutMs);
    const raw = spec.truth.file
      ? fs.existsSync(path.join(work, spec.truth.file))
        ? fs.readFileSync(path.join(work, spec.truth.file), 'utf8')
        : ''
      : truthRun.out.toString('utf8');
    if (process.env.GREENLOOP_REAL_LOGS_DEBUG) console.error(raw);
    const testFiles = listFiles(path.join(dir, 'project'));
    const truth = truthFrom(spec.truth.format, scrub(raw, work), log, spec, name, testFiles);
    if (spec.post === 'crlf') log = log.replace(/\r?\n/g, '\r\n');
    for (const f of [path.join(dir, 'log.txt'), path.join(dir, 'log.txt.gz')])
      fs.rmSync(f, { force: true });
    if (spec.post === 'gzip') fs.writeFileSync(path.join(dir, 'log.txt.gz'), zlib.gzipSync(log));
    else fs.writeFileSync(path.join(dir, 'log.txt'), log);
    const out = {
      runner: spec.runner,
      command: spec.command,
      ...(spec.env && Object.keys(spec.env).length > 0 ? { env: spec.env } : {}),
      runner_version: version,
      exit_code: logRun.code,
      ...truth,
      ...(spec.counts_in_log ? { counts_in_log: spec.counts_in_log } : {}),
      truth_source: `${spec.truth.format}: ${spec.truth.command}`,
      ...(spec.notes ? { notes: spec.notes } : {}),
    };
    fs.writeFileSync(path.join(dir, 'truth.json'), `${JSON.stringify(out, null, 2)}\n`);
    const plain = plainLog(log, spec.runner);
    const missing = out.failing.filter((f) => f.message === '' || !plain.includes(f.message));
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    console.error(
      `real-logs: ${name}: ${out.failing.length} failing, ${out.passing_count} passing, exit ${logRun.code}, ${log.length} bytes, ${secs}s`,
    );
    for (const f of missing) {
      failed++;
      console.error(`  message not in the log: ${f.id}: ${JSON.stringify(f.message)}`);
    }
  }
}

try {
  // npm ci of each runner set first, one at a time (they share npm's cache)
  for (const name of cases) {
    const spec = JSON.parse(fs.readFileSync(path.join(corpus, name, 'case.json'), 'utf8'));
    if (spec.deps) ensureDeps(spec.deps);
  }
  const queue = [...cases];
  await Promise.all(
    Array.from({ length: Math.max(1, jobs) }, async () => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift())
        await regenerate(name);
    }),
  );
} finally {
  fs.rmSync(tmpRoot, { recursive: true, force: true });
}
if (failed > 0) process.exitCode = 1;
