import { describe, expect, it } from 'vitest';
import { isSecretName } from '../../src/core/secrets.js';
import { passedVariables, scrubEnv } from '../../src/workspace/env.js';

describe('scrubEnv', () => {
  const cases: [name: string, value: string, kept: boolean][] = [
    ['PATH', '/usr/bin', true],
    ['HOME', '/home/runner', true],
    ['LANG', 'C.UTF-8', true],
    ['LC_ALL', 'C', true],
    ['TMPDIR', '/tmp', true],
    ['JAVA_HOME', '/opt/java', true],
    ['JAVA_HOME_17_X64', '/opt/java17', true],
    ['GOPATH', '/go', true],
    ['CARGO_HOME', '/cargo', true],
    ['VIRTUAL_ENV', '/venv', true],
    ['NODE_OPTIONS', '--max-old-space-size=4096', true],
    ['npm_config_cache', '/npm', true],
    ['RUNNER_OS', 'Linux', true],
    ['ImageOS', 'ubuntu24', true],
    ['SystemRoot', 'C:\\Windows', true],
    ['Path', 'C:\\bin', true],
    ['GITHUB_TOKEN', 'ghs_x', false],
    ['INPUT_API-KEY', 'sk-x', false],
    ['INPUT_MODEL', 'gpt', false],
    ['ACTIONS_RUNTIME_TOKEN', 'x', false],
    ['ACTIONS_ID_TOKEN_REQUEST_URL', 'x', false],
    ['GH_TOKEN', 'x', false],
    ['OPENAI_API_KEY', 'sk-x', false],
    ['OPENAI_BASE_URL', 'http://x', false],
    ['AWS_ACCESS_KEY_ID', 'x', false],
    ['AZURE_CLIENT_SECRET', 'x', false],
    ['NPM_TOKEN', 'x', false],
    ['MY_PASSWORD', 'x', false],
    ['DB_PASSWD', 'x', false],
    ['GOOGLE_APPLICATION_CREDENTIALS', 'x', false],
    ['SOME_AUTH_HEADER', 'x', false],
    ['RANDOM_VAR', 'x', false],
    ['GITHUB_REPOSITORY', 'o/r', false],
    ['RUNNER_TEMP', '/runner/tmp', false],
    ['SSH_AUTH_SOCK', '/agent', false],
  ];
  it.each(cases)('%s kept=%s', (name, value, kept) => {
    const out = scrubEnv({ [name]: value });
    expect(name in out).toBe(kept);
    if (kept) expect(out[name]).toBe(value);
  });

  it('sets CI, TERM and GIT_TERMINAL_PROMPT', () => {
    expect(scrubEnv({ TERM: 'xterm-256color' })).toMatchObject({
      CI: 'true',
      TERM: 'dumb',
      GIT_TERMINAL_PROMPT: '0',
    });
  });

  it('extra.allow passes more names but never secrets; extra.set is verbatim', () => {
    const out = scrubEnv(
      { FOO: '1', FOO_TOKEN: '2', BAR: '3' },
      { allow: ['FOO', 'FOO_TOKEN'], set: { GREENLOOP: '1' } },
    );
    expect(out).toMatchObject({ FOO: '1', GREENLOOP: '1' });
    expect(out).not.toHaveProperty('FOO_TOKEN');
    expect(out).not.toHaveProperty('BAR');
  });

  it.each([
    ['github_token', true],
    ['Api_Key', true],
    ['MONKEY', true],
    ['PATH', false],
    ['AUTHOR', true],
  ])('isSecretName(%s) = %s', (name, secret) => {
    expect(isSecretName(name)).toBe(secret);
  });
});

describe('pass-env and pass-secrets', () => {
  const parent = {
    PATH: '/usr/bin',
    NODE_ENV: 'test',
    DATABASE_URL: 'postgres://localhost/x',
    RUST_BACKTRACE: '1',
    FOO_SETTING: 'a',
    FOO_API_TOKEN: 'secret-1',
    GH_ENTERPRISE_TOKEN: 'secret-2',
    'INPUT_API-KEY': 'secret-3',
    ACTIONS_RUNTIME_TOKEN: 'secret-4',
  };

  it('drops ordinary variables a suite needs unless named', () => {
    const env = scrubEnv(parent);
    for (const name of ['NODE_ENV', 'DATABASE_URL', 'RUST_BACKTRACE', 'FOO_SETTING']) {
      expect(env[name]).toBeUndefined();
    }
  });

  it('passes names and globs, skips secret-looking matches unless in pass-secrets, never INPUT_/ACTIONS_', () => {
    const pass = {
      names: ['NODE_ENV', 'database_url', 'RUST_*', 'FOO_*', '*'],
      secrets: ['GH_ENTERPRISE_TOKEN', 'ACTIONS_RUNTIME_TOKEN'],
    };
    const env = scrubEnv(parent, { pass });
    expect(env).toMatchObject({
      NODE_ENV: 'test',
      DATABASE_URL: 'postgres://localhost/x',
      RUST_BACKTRACE: '1',
      FOO_SETTING: 'a',
      GH_ENTERPRISE_TOKEN: 'secret-2',
    });
    expect(env.FOO_API_TOKEN).toBeUndefined();
    expect(env['INPUT_API-KEY']).toBeUndefined();
    expect(env.ACTIONS_RUNTIME_TOKEN).toBeUndefined();
    expect(passedVariables(parent, pass).skipped).toEqual(['FOO_API_TOKEN']);
  });
});
