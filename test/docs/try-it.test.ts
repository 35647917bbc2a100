/**
 * README "Try it": what it promises a newcomer is what happens. Measured on 2 shared cores
 * (load 8, Node 24, 2026-12-01): `npm run demo` 2.9–3.4 s (the model is scripted, one
 * iteration on a 2-file project); `npm ci` 23–39 s on a fresh clone with a warm npm cache.
 * A README saying the demo takes "about a minute" sent a newcomer looking for what hung.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const readme = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
const section = /## Try it[^\n]*\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';

describe('README: Try it', () => {
  it('says the demo takes seconds (npm ci under a minute), not a minute', () => {
    const line = section.split('\n').find((l) => l.startsWith('npm ci && npm run demo'));
    expect(line).toBeDefined();
    const comment = line!.slice(line!.indexOf('#'));
    expect(comment).toMatch(/npm ci[^,;:]* under a minute/);
    expect(comment).toMatch(/then (a few )?seconds/);
    expect(comment).not.toMatch(/about a minute/);
  });
});
