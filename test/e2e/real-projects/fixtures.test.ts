/**
 * The vendored real projects stay what the suite promises (fast: part of `npm test`): each keeps
 * its licence and a SOURCE naming repository and commit, stays small, and holds the text its bug
 * replaces exactly once, so the bug commit and the scripted fix land in one known place.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASES, PROJECTS } from './cases.js';
import { FIXTURES, replaceOnce } from './workspace.js';

function sizeOf(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? sizeOf(full) : statSync(full).size;
  }
  return total;
}

describe('real-project fixtures (test/fixtures/real-projects)', () => {
  const projects = Object.values(PROJECTS);

  it('has at least six projects, across cargo, python, node and go', () => {
    expect(projects.length).toBeGreaterThanOrEqual(6);
    expect(new Set(projects.map((p) => p.toolchain))).toEqual(
      new Set(['cargo', 'python', 'node', 'go']),
    );
    for (const c of CASES) expect(Object.keys(PROJECTS)).toContain(c.project);
  });

  it.each(projects.map((p) => p.fixture))('%s keeps its licence, SOURCE and size', (fixture) => {
    const dir = path.join(FIXTURES, fixture);
    const names = readdirSync(dir);
    const licence = names.find((n) => /^licen[cs]e(\.md|\.txt)?$/i.test(n));
    expect(licence, `${fixture} has no licence file`).toBeDefined();
    expect(readFileSync(path.join(dir, licence!), 'utf8')).toMatch(
      /Permission is hereby granted|Redistribution and use in source and binary forms/,
    );
    const source = readFileSync(path.join(dir, 'SOURCE'), 'utf8');
    expect(source).toMatch(/^repository: https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/m);
    expect(source).toMatch(/^commit: [0-9a-f]{40}$/m);
    expect(sizeOf(dir)).toBeLessThan(300 * 1024);
  });

  it.each(projects)('$fixture: the fixed text occurs once, the bug nowhere', (project) => {
    const text = readFileSync(path.join(FIXTURES, project.fixture, project.file), 'utf8');
    const buggy = replaceOnce(text, project.fixed, project.buggy, project.file);
    expect(text).not.toContain(project.buggy);
    expect(buggy.split(project.buggy)).toHaveLength(2);
  });
});
