import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { INPUTS, OUTPUTS } from '../../src/config/index.js';

interface ActionYml {
  runs: { using: string; main: string };
  branding: { icon: string; color: string };
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
}

const action = parse(readFileSync('action.yml', 'utf8')) as ActionYml;
const readme = readFileSync('README.md', 'utf8');

/** Rows of the markdown table that follows a heading. */
function tableNames(heading: string): string[] {
  const start = readme.indexOf(heading);
  expect(start, `README has a '${heading}' section`).toBeGreaterThanOrEqual(0);
  const names: string[] = [];
  for (const line of readme.slice(start).split('\n').slice(1)) {
    if (line.startsWith('#')) break;
    const match = /^\|\s*`([\w-]+)`\s*\|/.exec(line);
    if (match) names.push(match[1]!);
  }
  return names;
}

describe('action.yml', () => {
  it('runs on node24 from dist/index.js', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('brands itself with an icon and a color GitHub accepts', () => {
    // GitHub's own lists (test/fixtures/action-branding/SOURCE): Feather icons, less the brand
    // icons and a few more ('tool', 'key', 'coffee'...) that GitHub omits.
    const names = (file: string): string[] =>
      readFileSync(`test/fixtures/action-branding/${file}`, 'utf8').trim().split('\n');
    expect(names('icons.txt')).toContain(action.branding.icon);
    expect(names('colors.txt')).toContain(action.branding.color);
  });

  it('declares exactly the inputs of src/config/inputs.ts, with their defaults', () => {
    expect(Object.keys(action.inputs)).toEqual(INPUTS.map((i) => i.name));
    for (const input of INPUTS) {
      expect(action.inputs[input.name]?.default, input.name).toBe(input.default);
      expect(action.inputs[input.name]?.description, input.name).toBe(input.description);
    }
  });

  it('declares exactly the outputs', () => {
    expect(Object.keys(action.outputs)).toEqual(OUTPUTS.map((o) => o.name));
  });
});

describe('README', () => {
  it('lists every input of action.yml in its inputs table', () => {
    expect(tableNames('## Inputs')).toEqual(Object.keys(action.inputs));
  });

  it('lists every output of action.yml in its outputs table', () => {
    expect(tableNames('## Outputs')).toEqual(Object.keys(action.outputs));
  });

  it('gives the two fresh-machine commands', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm ci && npm test');
  });
});
