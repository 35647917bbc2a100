import { describe, expect, it } from 'vitest';
import {
  isNeverPassed,
  isSecretName,
  KNOWN_SECRET,
  MIN_SECRET_LENGTH,
  namesASecret,
  Redactor,
  redactFields,
  scanForTokenShapes,
  secretForms,
  secretValues,
  withoutUrlCredentials,
} from '../../src/core/secrets.js';

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

// Realistic-looking but fake credentials, assembled so this file itself holds no literal token.
const GHP = 'ghp' + '_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
const GHS = 'ghs' + '_' + 'Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2';
const PAT = 'github' + '_pat_' + '11ABCDEFG0123456789abc' + '_' + 'Xy'.repeat(29) + 'Z';
const SK = 'sk' + '-' + 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1eF3hJ5kL7nP9rS1tU3';
const SK_PROJ = 'sk' + '-proj-' + 'Ab1_Cd2-Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2Yz3' + 'Q'.repeat(40);
const AKIA = 'AKIA' + 'IOSFODNN7EXAMPLE';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const JWT =
  'eyJhbGciOiJIUzI1NiJ9' + '.eyJzdWIiOiIxMjM0NTY3ODkwIn0' + '.dBjftJeZ4CVPmB92K27uhbUJU1p1r';
const SLACK = 'xox' + 'b-123456789012-abcdefABCDEF';
const NPM = 'npm' + '_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
const GOOGLE = 'AIza' + 'SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q';
const PEM = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIEpAIBAAKCAQEA1234567890abcdef',
  'qwertyuiopasdfghjkl==',
  '-----END RSA PRIVATE KEY-----',
].join('\n');

describe('scanForTokenShapes: finds real shapes', () => {
  it.each([
    [`token=${GHP}`, 'token=***', 'GitHub token (ghp_)'],
    [`x ${GHS} y`, 'x *** y', 'GitHub server-to-server token (ghs_)'],
    [`"${PAT}"`, '"***"', 'GitHub fine-grained token (github_pat_)'],
    [`OPENAI_API_KEY=${SK}`, 'OPENAI_API_KEY=***', 'API secret key (sk-)'],
    [`key: ${SK_PROJ}`, 'key: ***', 'OpenAI project key (sk-proj-)'],
    [`id ${AKIA}.`, 'id ***.', 'AWS access key id'],
    [
      `aws_secret_access_key = ${AWS_SECRET}`,
      'aws_secret_access_key = ***',
      'AWS secret access key',
    ],
    [
      `AWS_SECRET_ACCESS_KEY="${AWS_SECRET}"`,
      'AWS_SECRET_ACCESS_KEY="***"',
      'AWS secret access key',
    ],
    [`Bearer-ish ${JWT} end`, 'Bearer-ish *** end', 'JSON Web Token'],
    [`slack ${SLACK}`, 'slack ***', 'Slack token (xox)'],
    [`//registry/:_authToken=${NPM}`, '//registry/:_authToken=***', 'npm token (npm_)'],
    [`maps ${GOOGLE}`, 'maps ***', 'Google API key (AIza)'],
    [
      'Authorization: Bearer abcdefghijklmnop1234',
      'Authorization: Bearer ***',
      'authorization header',
    ],
    [
      `before\n${PEM}\nafter`,
      'before\n-----BEGIN RSA PRIVATE KEY-----\n***\n-----END RSA PRIVATE KEY-----\nafter',
      'private key (PEM)',
    ],
  ])('%j', (input, redacted, kind) => {
    const r = scanForTokenShapes(input);
    expect(r.redacted).toBe(redacted);
    expect(r.findings).toEqual([kind]);
  });
});

describe('scanForTokenShapes: leaves ordinary text alone', () => {
  it.each([
    'a risk-free change',
    'import sklearn; sk-learn is a package',
    'task-list-item-checkbox-wrapper-element-name',
    'sk-some-very-long-kebab-case-identifier-name-here',
    'ghp_short',
    'the ghp_ prefix marks GitHub tokens',
    'AKIAshort and akiaiosfodnn7example',
    'eyJhbGciOiJIUzI1NiJ9 alone',
    'xoxb-short',
    '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----',
    'commit 3f1e2d4c5b6a79880716253443526170819a0b1c',
    'const awsSecretName = "prod/db";',
    'Authorization: Bearer ${TOKEN}',
    'expected "sk-" to be a prefix',
  ])('%j', (input) => {
    const r = scanForTokenShapes(input);
    expect(r.redacted).toBe(input);
    expect(r.findings).toEqual([]);
  });
});

describe('scanForTokenShapes: several at once', () => {
  it('reports each kind once and never the value', () => {
    const r = scanForTokenShapes(`${GHP} ${GHP} ${AKIA}`);
    expect(r.redacted).toBe('*** *** ***');
    expect(r.findings.sort()).toEqual(['AWS access key id', 'GitHub token (ghp_)']);
    expect(r.findings.join(' ')).not.toContain(GHP);
  });
});

describe('secretForms', () => {
  it('derives basic-auth, base64 and URL-encoded forms', () => {
    const forms = secretForms('p@ss w/rd+1');
    expect(forms).toContain('p@ss w/rd+1');
    expect(forms).toContain(b64('x-access-token:p@ss w/rd+1'));
    expect(forms).toContain(b64('p@ss w/rd+1'));
    expect(forms).toContain(encodeURIComponent('p@ss w/rd+1'));
  });
});

describe('Redactor', () => {
  const token = 'tok_' + 'plainGithubToken1234567890';
  const apiKey = 'my key/with+special&chars=1';
  const redactor = new Redactor([token, apiKey, undefined, '', 'abc']);

  it.each([
    [`git using ${token}`, 'git using ***'],
    [`Authorization: basic ${b64(`x-access-token:${token}`)}`, 'Authorization: basic ***'],
    [
      `AUTHORIZATION: basic ${b64(`x-access-token:${token}`).replace(/=+$/, '')}`,
      'AUTHORIZATION: basic ***',
    ],
    [`encoded ${b64(token)}`, 'encoded ***'],
    [
      `url https://x-access-token:${encodeURIComponent(apiKey)}@github.com`,
      'url https://x-access-token:***@github.com',
    ],
    [`raw ${apiKey}.`, 'raw ***.'],
    ['abc is too short to be a secret', 'abc is too short to be a secret'],
  ])('%j', (input, expected) => {
    expect(redactor.redact(input)).toBe(expected);
  });

  it('reports exact secrets and shapes by kind', () => {
    const r = redactor.redactWithFindings(`${token} and ${GHP}`);
    expect(r.redacted).toBe('*** and ***');
    expect(r.findings).toEqual([KNOWN_SECRET, 'GitHub token (ghp_)']);
  });

  it('redacts each line of a multi-line secret', () => {
    const key = 'first-line-of-secret-aaaa\nsecond-line-of-secret-bbbb';
    const r = new Redactor([key]);
    expect(r.redact('log: second-line-of-secret-bbbb')).toBe('log: ***');
  });

  it('redacts deeply inside JSON-able values, keys included', () => {
    const findings = new Set<string>();
    const out = redactor.redactValue(
      { a: [token, { [token]: GHP }], n: 1, b: true, z: null },
      findings,
    );
    expect(out).toEqual({ a: ['***', { '***': '***' }], n: 1, b: true, z: null });
    expect([...findings].sort()).toEqual(['GitHub token (ghp_)', KNOWN_SECRET].sort());
  });

  it('swallows a PEM block spread over streamed lines', () => {
    const redactLine = redactor.lineRedactor();
    const input = ['before', ...PEM.split('\n'), 'after'];
    const out: string[] = [];
    const kinds = new Set<string>();
    for (const line of input) {
      const r = redactLine(line);
      r.findings.forEach((f) => kinds.add(f));
      if (r.line !== undefined) out.push(r.line);
    }
    expect(out.join('\n')).toBe(
      'before\n-----BEGIN RSA PRIVATE KEY-----\n***\n-----END RSA PRIVATE KEY-----\nafter',
    );
    expect([...kinds]).toEqual(['private key (PEM)']);
  });
});

describe('one minimum length', () => {
  const seven = 'abcdefg';
  const eight = 'abcdefgh';

  it('the redactor ignores a known secret shorter than MIN_SECRET_LENGTH', () => {
    expect(MIN_SECRET_LENGTH).toBe(8);
    const r = new Redactor([seven, eight]);
    expect(r.redact(`${seven} ${eight}`)).toBe(`${seven} ***`);
  });

  it('secretValues applies it to known secrets, secret-named variables and pass-secrets alike', () => {
    const values = secretValues({
      known: ['', undefined, seven, ` ${eight} `],
      env: { API_TOKEN: 'tok-1234', SHORT_KEY: seven, DB_URL: 'postgres://u:p@h/db', PATH: '/bin' },
      passSecrets: ['DB_URL', 'MISSING'],
    });
    expect(values.sort()).toEqual([eight, 'postgres://u:p@h/db', 'tok-1234'].sort());
  });

  it('the forms of a secret are no shorter than it either', () => {
    expect(secretForms(eight).every((f) => f.length >= MIN_SECRET_LENGTH)).toBe(true);
  });
});

describe('secret names', () => {
  it.each([
    ['GITHUB_TOKEN', true, true],
    ['MY_API_KEY', true, true],
    ['MAX_TOKENS', true, false],
    ['INPUT_MODEL', true, false],
    ['PATH', false, false],
  ])('%s: never passed to children %s, value redacted %s', (name, denied, secret) => {
    expect(isSecretName(name)).toBe(denied);
    expect(namesASecret(name)).toBe(secret);
  });

  it('INPUT_* and ACTIONS_* can never be passed', () => {
    expect(isNeverPassed('INPUT_API-KEY')).toBe(true);
    expect(isNeverPassed('actions_runtime_token')).toBe(true);
    expect(isNeverPassed('NPM_TOKEN')).toBe(false);
  });
});

describe('redactFields', () => {
  it('hides exactly the listed fields: maxTokens and digestTokens are settings, not tokens', () => {
    const config = { apiKey: 'sk-abcdefgh', githubToken: '', maxTokens: 1000, digestTokens: 2000 };
    expect(redactFields(config, ['apiKey', 'githubToken'])).toEqual({
      apiKey: '***',
      githubToken: '',
      maxTokens: 1000,
      digestTokens: 2000,
    });
  });
});

describe('withoutUrlCredentials (what a checkpoint keeps of the base URL)', () => {
  it.each([
    ['https://user:pa55@gateway.example/v1', 'https://gateway.example/v1'],
    ['http://127.0.0.1:8080/v1', 'http://127.0.0.1:8080/v1'],
    ['', ''],
  ])('%s -> %s', (url, want) => {
    expect(withoutUrlCredentials(url)).toBe(want);
  });
});
