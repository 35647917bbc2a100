/** The README documents the default allowlist of the tests' environment exactly. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALLOWED_NAMES, ALLOWED_PREFIXES } from '../../src/workspace/env.js';

const readme = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
const section = /## Environment of the tests\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';

describe('README: Environment of the tests', () => {
  it('lists every allowed name and prefix', () => {
    expect(section).not.toBe('');
    for (const name of ALLOWED_NAMES) expect(section).toContain(`\`${name}\``);
    for (const prefix of ALLOWED_PREFIXES) expect(section).toContain(`\`${prefix}\``);
  });

  it('documents pass-env and pass-secrets as a risk', () => {
    expect(section).toContain('`pass-env`');
    expect(section).toContain('`pass-secrets`');
    expect(section).toMatch(/risk/);
  });
});
