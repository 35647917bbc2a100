import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ToolCall } from '../../../src/model/types.js';
import { createToolBox } from '../../../src/tools/index.js';
import { patchFromCommand } from '../../../src/tools/patch/index.js';
import type { ProcessRequest, ProcessRunner } from '../../../src/workspace/types.js';
import { makeGuard, tempDir } from './helpers.js';

const PATCH = ['*** Begin Patch', '*** Update File: a.txt', '-old', '+new', '*** End Patch'].join(
  '\n',
);

describe('patchFromCommand: the apply_patch shell invocations Codex intercepts', () => {
  it.each([
    ['a quoted heredoc', `apply_patch <<'EOF'\n${PATCH}\nEOF`],
    ['a double-quoted heredoc', `apply_patch <<"EOF"\n${PATCH}\nEOF\n`],
    ['a bare tag, another word', `applypatch <<PATCH\n${PATCH}\nPATCH`],
    ['<<- and spaces', `apply_patch  <<- 'END'\n${PATCH}\n  END  `],
  ])('reads %s', (_name, script) => {
    expect(patchFromCommand(script)).toEqual({ patch: PATCH });
  });

  it('reads `cd <dir> &&` as the folder the paths are relative to', () => {
    expect(patchFromCommand(`cd src/app && apply_patch <<'EOF'\n${PATCH}\nEOF`)).toEqual({
      patch: PATCH,
      dir: 'src/app',
    });
    expect(patchFromCommand(`cd 'my dir' && apply_patch <<'EOF'\n${PATCH}\nEOF`)).toEqual({
      patch: PATCH,
      dir: 'my dir',
    });
  });

  it('reads argv forms: [apply_patch, patch] and [bash, -lc, script]', () => {
    expect(patchFromCommand(['apply_patch', PATCH])).toEqual({ patch: PATCH });
    expect(patchFromCommand(['/bin/bash', '-lc', `apply_patch <<'EOF'\n${PATCH}\nEOF`])).toEqual({
      patch: PATCH,
    });
  });

  it.each([
    ['another command first', `echo hi && apply_patch <<'EOF'\n${PATCH}\nEOF`],
    ['another command after', `apply_patch <<'EOF'\n${PATCH}\nEOF\nnpm test`],
    ['a command after the heredoc on its line', `apply_patch <<'EOF' && npm test\n${PATCH}\nEOF`],
    ['no closing tag', `apply_patch <<'EOF'\n${PATCH}`],
    ['a different tool', `cat <<'EOF' > a.txt\n${PATCH}\nEOF`],
    ['cd with a variable', `cd $HOME && apply_patch <<'EOF'\n${PATCH}\nEOF`],
    ['cd with ||', `cd x || apply_patch <<'EOF'\n${PATCH}\nEOF`],
    ['a file argument', 'apply_patch fix.patch'],
    ['an ordinary command', 'npm test'],
  ])('leaves %s to run as a command', (_name, script) => {
    expect(patchFromCommand(script)).toBeUndefined();
  });

  it.each([
    [['apply_patch']],
    [['apply_patch', PATCH, 'extra']],
    [['python3', '-c', `apply_patch <<'EOF'\n${PATCH}\nEOF`]],
    [['bash', '-x', `apply_patch <<'EOF'\n${PATCH}\nEOF`]],
  ])('leaves argv %j to run as a command', (argv) => {
    expect(patchFromCommand(argv)).toBeUndefined();
  });
});

describe('shell tool: an apply_patch invocation is applied, not run', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  function box(): { root: string; ran: ProcessRequest[]; execute: (c: ToolCall) => unknown } {
    const root = tempDir();
    dirs.push(root);
    fs.writeFileSync(path.join(root, 'a.txt'), 'old\n');
    const ran: ProcessRequest[] = [];
    const runner: ProcessRunner = {
      sandbox: { mode: 'none', reason: 'test' },
      run(request) {
        ran.push(request);
        return Promise.resolve({
          exitCode: 127,
          signal: null,
          timedOut: false,
          stdout: '',
          stderr: 'sh: 1: apply_patch: not found\n',
          output: 'sh: 1: apply_patch: not found\n',
          totalBytes: 30,
          durationMs: 1,
          sandboxed: false,
        });
      },
    };
    const tools = createToolBox({ guard: makeGuard(root), runner, env: {}, onPlan: () => {} });
    return { root, ran, execute: (c) => tools.execute(c) };
  }

  it('native shell call: the file changes, no process runs, exit code 0', async () => {
    const { root, ran, execute } = box();
    const result = await execute({
      callId: 'c1',
      name: 'shell',
      wire: 'native',
      args: { commands: [`apply_patch <<'EOF'\n${PATCH}\nEOF`] },
    });
    expect(fs.readFileSync(path.join(root, 'a.txt'), 'utf8')).toBe('new\n');
    expect(ran).toEqual([]);
    expect(result).toMatchObject({ ok: true, shell: { exitCode: 0 } });
  });

  it('function shell call with workdir and a patch that does not apply: exit 1, nothing changed', async () => {
    const { root, ran, execute } = box();
    fs.mkdirSync(path.join(root, 'sub'));
    fs.writeFileSync(path.join(root, 'sub', 'a.txt'), 'other\n');
    const result = await execute({
      callId: 'c2',
      name: 'shell',
      wire: 'function',
      args: { command: `apply_patch <<'EOF'\n${PATCH}\nEOF`, workdir: 'sub' },
    });
    expect(ran).toEqual([]);
    expect(result).toMatchObject({ ok: false });
    expect((result as { output: string }).output).toMatch(/sub\/a\.txt[\s\S]*\[exit code 1\]$/);
    expect(fs.readFileSync(path.join(root, 'sub', 'a.txt'), 'utf8')).toBe('other\n');
    expect(fs.readFileSync(path.join(root, 'a.txt'), 'utf8')).toBe('old\n');
  });

  it('two commands in one call still run as commands', async () => {
    const { ran, execute } = box();
    await execute({
      callId: 'c3',
      name: 'shell',
      wire: 'native',
      args: { commands: ['ls', `apply_patch <<'EOF'\n${PATCH}\nEOF`] },
    });
    expect(ran.length).toBeGreaterThan(0);
  });
});
