/**
 * Layers never import upwards. Each folder of src/ may import only the folders listed for it
 * (type-only imports count too); ARCHITECTURE.md draws the same graph. The few imports that
 * still break the rule are listed in KNOWN_EXCEPTIONS with what would fix them: a new one fails
 * this test, and so does an exception that is no longer needed (the list only shrinks).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');

/** Folder → folders it may import. `.` is the entry files (main.ts, cli.ts, index.ts). */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  core: [],
  config: ['core'],
  workspace: ['core', 'config'],
  model: ['core', 'config'],
  checks: ['core', 'config', 'workspace'],
  tools: ['core', 'config', 'workspace', 'model', 'checks'],
  loop: ['core', 'config', 'workspace', 'model', 'checks', 'tools'],
  report: ['core', 'config', 'workspace', 'checks', 'loop'],
  select: ['core', 'config', 'workspace', 'checks', 'loop', 'report'],
  github: ['core', 'config', 'workspace', 'checks', 'loop', 'report', 'select'],
  /** The composition root: builds git, the runner, the model, the redactor for both entry points. */
  app: ['core', 'config', 'workspace', 'model', 'checks', 'tools', 'loop', 'report', 'select'],
  cli: [
    'core',
    'config',
    'workspace',
    'model',
    'checks',
    'tools',
    'loop',
    'report',
    'select',
    'app',
  ],
  '.': [
    'core',
    'config',
    'workspace',
    'model',
    'checks',
    'tools',
    'loop',
    'report',
    'select',
    'github',
    'app',
    'cli',
  ],
};

/** `file -> imported folder` pairs that still break the rule, with the fix that removes them. */
const KNOWN_EXCEPTIONS: Readonly<Record<string, string>> = {};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

function folderOf(file: string): string {
  const rel = path.relative(SRC, file).split(path.sep);
  return rel.length === 1 ? '.' : rel[0]!;
}

/** Every relative import of a file, resolved to the src folder it lands in. */
function importedFolders(file: string): Set<string> {
  const text = readFileSync(file, 'utf8');
  const folders = new Set<string>();
  const specifiers =
    /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g;
  for (const match of text.matchAll(specifiers)) {
    const spec = match[1] ?? match[2];
    if (!spec) continue;
    const target = path.resolve(path.dirname(file), spec);
    if (!target.startsWith(SRC)) continue;
    folders.add(folderOf(target));
  }
  return folders;
}

describe('layers', () => {
  const edges = sourceFiles(SRC).flatMap((file) => {
    const from = folderOf(file);
    return [...importedFolders(file)]
      .filter((to) => to !== from)
      .map((to) => ({ file: path.relative(SRC, file), from, to }));
  });

  it('every folder of src/ has its place in the layer table', () => {
    const folders = new Set(sourceFiles(SRC).map(folderOf));
    expect([...folders].filter((f) => !(f in ALLOWED))).toEqual([]);
  });

  it('no module imports from a layer above it (beyond the known exceptions)', () => {
    const upward = edges
      .filter((e) => !(ALLOWED[e.from] ?? []).includes(e.to))
      .map((e) => `${e.file} -> ${e.to}`);
    expect(upward.filter((edge) => !(edge in KNOWN_EXCEPTIONS))).toEqual([]);
  });

  it('every known exception is still needed (the list only shrinks)', () => {
    const present = new Set(edges.map((e) => `${e.file} -> ${e.to}`));
    expect(Object.keys(KNOWN_EXCEPTIONS).filter((edge) => !present.has(edge))).toEqual([]);
  });

  it('the core imports nothing of the other layers', () => {
    expect(edges.filter((e) => e.from === 'core')).toEqual([]);
  });
});
