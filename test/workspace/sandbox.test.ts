import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scrubEnv } from '../../src/workspace/env.js';
import { createProcessRunner } from '../../src/workspace/runner.js';
import {
  SandboxUnavailableError,
  bwrapArgs,
  hiddenBy,
  probeSandbox,
  toolchainRoots,
} from '../../src/workspace/sandbox.js';
import type { ProcessRequest, ProcessRunner } from '../../src/workspace/types.js';

const probe = await probeSandbox('auto');
const canSandbox = probe.mode === 'bwrap';
if (!canSandbox) console.warn(`sandbox tests skipped: ${probe.reason}`);

describe('probeSandbox', () => {
  it('none is none', async () => {
    expect(await probeSandbox('none')).toMatchObject({ mode: 'none' });
  });

  it.skipIf(process.platform === 'linux')('is Linux-only', async () => {
    expect(await probeSandbox('auto')).toMatchObject({
      reason: 'bubblewrap sandbox is Linux-only',
    });
    await expect(probeSandbox('bwrap')).rejects.toBeInstanceOf(SandboxUnavailableError);
  });

  it.skipIf(!canSandbox)('bwrap mode resolves when bwrap works', async () => {
    expect(await probeSandbox('bwrap')).toMatchObject({ mode: 'bwrap' });
  });

  it('SandboxUnavailableError is one clear line', () => {
    const error = new SandboxUnavailableError('no user namespaces');
    expect(error.message).not.toContain('\n');
    expect(SandboxUnavailableError.isSandboxUnavailableError(error)).toBe(true);
  });
});

describe('bwrapArgs', () => {
  it('mounts in an order where later, narrower mounts win', () => {
    const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gl-')));
    try {
      const home = path.join(base, 'home');
      const ws = path.join(base, 'ws');
      fs.mkdirSync(path.join(home, '.ssh'), { recursive: true });
      fs.mkdirSync(path.join(home, '.npm'));
      fs.writeFileSync(path.join(home, '.git-credentials'), 'x');
      fs.mkdirSync(path.join(ws, '.git'), { recursive: true });
      const runnerDir = path.join(ws, 'runner');
      fs.mkdirSync(path.join(runnerDir, '_diag'), { recursive: true });
      fs.writeFileSync(path.join(runnerDir, '.credentials'), '{}');
      const args = bwrapArgs({
        workspace: ws,
        cwd: ws,
        homes: [home],
        hiddenDirs: [base],
        hiddenPaths: [
          path.join(runnerDir, '.credentials'),
          path.join(runnerDir, '_diag'),
          path.join(runnerDir, '.missing'),
        ],
      }).join(' ');
      expect(args).not.toContain('.missing');
      expect(args).toContain('--die-with-parent --new-session --unshare-pid');
      const order = [
        '--ro-bind / /',
        '--tmpfs /tmp',
        `--tmpfs ${base}`,
        `--bind ${home}/.npm`,
        `--bind ${ws} ${ws}`,
        `--ro-bind ${ws}/.git`,
        `--tmpfs ${home}/.ssh`,
        `--ro-bind /dev/null ${home}/.git-credentials`,
        `--ro-bind /dev/null ${runnerDir}/.credentials`,
        `--tmpfs ${runnerDir}/_diag`,
        `--chdir ${ws}`,
      ].map((part) => args.indexOf(part));
      expect(order.every((i) => i >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  });
});

describe('toolchains and hidden folders', () => {
  it('exposes a venv under a hidden folder whole (and its base Python), never the hidden folder', () => {
    const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gl-')));
    try {
      const ws = path.join(base, 'ws');
      const runnerTemp = path.join(base, 'runner-temp');
      const venv = path.join(runnerTemp, 'venv');
      const pyBase = path.join(base, 'python', '3.12');
      fs.mkdirSync(path.join(venv, 'bin'), { recursive: true });
      fs.mkdirSync(path.join(venv, 'lib'), { recursive: true });
      fs.mkdirSync(path.join(pyBase, 'bin'), { recursive: true });
      fs.writeFileSync(path.join(venv, 'pyvenv.cfg'), `home = ${pyBase}/bin\nversion = 3.12.1\n`);
      fs.mkdirSync(path.join(ws, 'node_modules', '.bin'), { recursive: true });
      fs.mkdirSync(path.join(ws, '.greenloop', 'stamp'), { recursive: true });
      const tool = path.join(base, 'tool');
      fs.mkdirSync(path.join(tool, 'node_modules', '.bin'), { recursive: true });
      expect(
        toolchainRoots([path.join(venv, 'bin'), path.join(tool, 'node_modules', '.bin')]),
      ).toEqual([venv, pyBase, tool]);
      const args = bwrapArgs({
        workspace: ws,
        cwd: ws,
        homes: [],
        hiddenDirs: [runnerTemp, path.join(ws, '.greenloop')],
        pathDirs: [path.join(venv, 'bin'), runnerTemp],
      });
      expect(hiddenBy(args, path.join(venv, 'lib'))).toBeUndefined();
      expect(hiddenBy(args, path.join(pyBase, 'lib'))).toBeUndefined();
      expect(hiddenBy(args, path.join(runnerTemp, 'credentials.json'))).toBe(runnerTemp);
      expect(hiddenBy(args, path.join(ws, 'src'))).toBeUndefined();
      expect(hiddenBy(args, path.join(ws, '.greenloop', 'stamp'))).toBe(
        path.join(ws, '.greenloop'),
      );
      expect(hiddenBy(args, path.join(base, 'elsewhere'))).toBe('/tmp');
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!canSandbox)('bubblewrap sandbox (real bwrap)', () => {
  let base: string;
  let ws: string;
  let home: string;
  let hidden: string;
  let runner: ProcessRunner;
  let env: Record<string, string>;

  function req(
    command: ProcessRequest['command'],
    extra: Partial<ProcessRequest> = {},
  ): ProcessRequest {
    return { command, cwd: ws, timeoutMs: 20_000, env, ...extra };
  }

  beforeAll(async () => {
    base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gl-')));
    ws = path.join(base, 'ws');
    home = path.join(base, 'home');
    hidden = path.join(base, 'runner-temp');
    fs.mkdirSync(path.join(ws, '.git'), { recursive: true });
    fs.writeFileSync(path.join(ws, '.git', 'config'), '[core]\n');
    fs.mkdirSync(path.join(home, '.ssh'), { recursive: true });
    fs.writeFileSync(path.join(home, '.ssh', 'id_ed25519'), 'canary-ssh-key');
    fs.writeFileSync(path.join(home, '.git-credentials'), 'https://x:canary-cred@github.com');
    fs.writeFileSync(path.join(home, 'notes.txt'), 'readable');
    fs.mkdirSync(path.join(home, '.cache'));
    fs.mkdirSync(hidden);
    fs.writeFileSync(path.join(hidden, 'event.json'), 'canary-runner-temp');
    env = scrubEnv({ ...process.env, HOME: home });
    runner = await createProcessRunner({
      sandbox: 'bwrap',
      workspace: ws,
      tempDir: hidden,
      killGraceMs: 300,
    });
  });
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  it('runs commands sandboxed in the workspace', async () => {
    expect(runner.sandbox.mode).toBe('bwrap');
    const r = await runner.run(req('pwd; echo ok > made.txt'));
    expect(r).toMatchObject({ exitCode: 0, stdout: `${ws}\n`, sandboxed: true });
    expect(fs.readFileSync(path.join(ws, 'made.txt'), 'utf8')).toBe('ok\n');
  });

  it('does not show the parent environment through /proc', async () => {
    process.env['GL_SANDBOX_CANARY'] = 'canary-parent-env';
    try {
      const r = await runner.run(
        req(
          'cat /proc/1/environ /proc/$PPID/environ /proc/self/environ | tr "\\0" "\\n"; ls /proc',
        ),
      );
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toContain('CI=true');
      expect(r.stdout).not.toContain('canary-parent-env');
      expect(r.stdout).not.toContain(String(process.pid));
    } finally {
      delete process.env['GL_SANDBOX_CANARY'];
    }
  });

  it('cannot write outside the workspace or into .git', async () => {
    const outsideFile = path.join(base, 'escape.txt');
    const r = await runner.run(
      req(
        `echo x > ${outsideFile}; echo "a=$?"; echo x > .git/config; echo "b=$?"; ` +
          `echo x > ${home}/notes.txt; echo "c=$?"; touch /usr/gl-x; echo "d=$?"`,
      ),
    );
    // a: lands in the sandbox's private /tmp (base lives under /tmp), never on the host.
    expect(r.stdout).toMatch(/^a=0\nb=[12]\nc=[12]\nd=1\n$/);
    expect(fs.existsSync(outsideFile)).toBe(false);
    expect(fs.readFileSync(path.join(home, 'notes.txt'), 'utf8')).toBe('readable');
    expect(fs.readFileSync(path.join(ws, '.git', 'config'), 'utf8')).toBe('[core]\n');
  });

  it('hides credential stores and the runner temp folder, keeps home readable and caches writable', async () => {
    const r = await runner.run(
      req(
        `cat ~/.git-credentials; ls -A ~/.ssh; cat ${hidden}/event.json; cat ~/notes.txt; ` +
          `echo c > ~/.cache/written && echo cache-ok`,
      ),
    );
    expect(r.output).not.toMatch(/canary/);
    expect(r.stdout).toContain('readable');
    expect(r.stdout).toContain('cache-ok');
  });

  it('grants no new privileges', async () => {
    const r = await runner.run(
      req('grep NoNewPrivs /proc/self/status; sudo -n true; echo "sudo=$?"'),
    );
    expect(r.stdout).toMatch(/NoNewPrivs:\s+1/);
    expect(r.stdout).not.toContain('sudo=0');
  });

  it('gives /tmp as a fresh empty folder', async () => {
    fs.writeFileSync(path.join(os.tmpdir(), `gl-canary-${process.pid}`), 'x');
    try {
      const r = await runner.run(
        req(`ls -A /tmp | grep -c gl-canary-${process.pid}; echo t > /tmp/t && cat /tmp/t`),
      );
      expect(r.stdout).toBe('0\nt\n');
    } finally {
      fs.rmSync(path.join(os.tmpdir(), `gl-canary-${process.pid}`), { force: true });
    }
  });

  it('kills a setsid daemon when the command ends', async () => {
    const marker = `${4000 + (process.pid % 1000)}.123`;
    const r = await runner.run(
      req(`setsid sleep ${marker} >/dev/null 2>&1 < /dev/null & echo started`),
    );
    expect(r.stdout).toBe('started\n');
    const check = spawnSync('pgrep', ['-f', `sleep ${marker}`], { encoding: 'utf8' });
    // bwrap's PID namespace died with the command: the daemon did not survive.
    expect(
      check.stdout
        .trim()
        .split('\n')
        .filter((l) => l !== ''),
    ).toEqual([]);
  });

  it('kills the sandboxed command on timeout', async () => {
    const started = Date.now();
    const r = await runner.run(req('sleep 100 & sleep 100', { timeoutMs: 300 }));
    expect(r.timedOut).toBe(true);
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it('keeps a toolchain folder on PATH readable when it lives under /tmp', async () => {
    const tools = fs.mkdtempSync(path.join('/tmp', 'gl-tools-'));
    fs.writeFileSync(path.join(tools, 'gl-hello'), '#!/bin/sh\necho hello from tmp\n', {
      mode: 0o755,
    });
    try {
      const r = await runner.run(
        req('gl-hello', { env: { ...env, PATH: `${tools}${path.delimiter}${env.PATH ?? ''}` } }),
      );
      expect(r.exitCode, r.output).toBe(0);
      expect(r.stdout).toBe('hello from tmp\n');
    } finally {
      fs.rmSync(tools, { recursive: true, force: true });
    }
  });

  it.skipIf(spawnSync('python3', ['-m', 'venv', '--help']).status !== 0)(
    "keeps a venv under /tmp readable when the test command names its python by path (skipped without python3's venv)",
    async () => {
      const outside = fs.realpathSync(fs.mkdtempSync(path.join('/tmp', 'gl-venv-')));
      try {
        const venv = path.join(outside, 'venv');
        const made = spawnSync('python3', ['-m', 'venv', '--without-pip', venv]);
        expect(made.status, String(made.stderr)).toBe(0);
        const lib = fs.readdirSync(path.join(venv, 'lib'))[0]!;
        const site = path.join(venv, 'lib', lib, 'site-packages');
        fs.writeFileSync(path.join(site, 'gl_venv_canary.py'), 'WHERE = "from the venv"\n');
        const command = `${venv}/bin/python -c "import gl_venv_canary as m; print(m.WHERE)"`;
        const named = await createProcessRunner({
          sandbox: 'bwrap',
          workspace: ws,
          tempDir: hidden,
          testCommand: command,
        });
        // Not on PATH, not activated: only the test command names it.
        const r = await named.run(req(command));
        expect(r.exitCode, r.output).toBe(0);
        expect(r.stdout).toBe('from the venv\n');
        expect(named.hiddenPath?.(site, env)).toBeUndefined();
        // A command that is not the test command exposes nothing by naming a path.
        const other = await runner.run(req(command));
        expect(other.exitCode).not.toBe(0);
      } finally {
        fs.rmSync(outside, { recursive: true, force: true });
      }
    },
  );

  it('runs node, python3 and npm test inside', async () => {
    fs.writeFileSync(
      path.join(ws, 'package.json'),
      JSON.stringify({ name: 'tiny', version: '1.0.0', scripts: { test: 'node check.js' } }),
    );
    fs.writeFileSync(path.join(ws, 'check.js'), 'console.log("tiny ok", 1 + 1);\n');
    const node = await runner.run(req(['node', '-e', 'console.log(process.version)']));
    expect(node.exitCode).toBe(0);
    const py = await runner.run(req(['python3', '-c', 'print(6*7)']));
    expect(py).toMatchObject({ exitCode: 0, stdout: '42\n' });
    const npm = await runner.run(req('npm test', { env: scrubEnv(process.env) }));
    expect(npm.exitCode, npm.output).toBe(0);
    expect(npm.stdout).toContain('tiny ok 2');
  });

  const has = (tool: string): boolean =>
    spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;

  it.skipIf(!has('pytest'))(
    'runs pytest inside (skipped when pytest is not installed)',
    async () => {
      fs.writeFileSync(path.join(ws, 'test_tiny.py'), 'def test_tiny():\n    assert 6 * 7 == 42\n');
      const r = await runner.run(
        req('python3 -m pytest -q -p no:cacheprovider test_tiny.py', {
          env: scrubEnv(process.env),
          timeoutMs: 60_000,
        }),
      );
      expect(r.exitCode, r.output).toBe(0);
      expect(r.stdout).toContain('1 passed');
    },
  );

  it.skipIf(!has('cargo'))(
    'runs cargo test inside (skipped when cargo is not installed)',
    async () => {
      const crate = path.join(ws, 'crate');
      fs.mkdirSync(path.join(crate, 'src'), { recursive: true });
      fs.writeFileSync(
        path.join(crate, 'Cargo.toml'),
        '[package]\nname = "tiny"\nversion = "0.1.0"\nedition = "2021"\n',
      );
      fs.writeFileSync(
        path.join(crate, 'src', 'lib.rs'),
        '#[test]\nfn adds() { assert_eq!(6 * 7, 42); }\n',
      );
      const r = await runner.run({
        ...req('cargo test --offline -q', { env: scrubEnv(process.env), timeoutMs: 120_000 }),
        cwd: crate,
      });
      expect(r.exitCode, r.output).toBe(0);
      expect(r.output).toContain('test result: ok');
    },
  );

  it.skipIf(!has('go'))('runs go test inside (skipped when go is not installed)', async () => {
    const mod = path.join(ws, 'gomod');
    fs.mkdirSync(mod, { recursive: true });
    fs.writeFileSync(path.join(mod, 'go.mod'), 'module tiny\n\ngo 1.19\n');
    fs.writeFileSync(
      path.join(mod, 'tiny_test.go'),
      'package tiny\n\nimport "testing"\n\nfunc TestTiny(t *testing.T) {\n\tif 6*7 != 42 {\n\t\tt.Fatal("math")\n\t}\n}\n',
    );
    const r = await runner.run({
      ...req('go test ./...', { env: scrubEnv(process.env), timeoutMs: 120_000 }),
      cwd: mod,
    });
    expect(r.exitCode, r.output).toBe(0);
  });
});
