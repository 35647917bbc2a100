import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  applyPatchOperation,
  applyPatchText,
  applyShellPatch,
  patchFromCommand,
  patchMessage,
  type PatchOperation,
} from '../../../src/tools/patch/index.js';
import { makeGuard, readTree, tempDir } from './helpers.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/patches');
const scenarios = fs
  .readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('patch scenarios (test/fixtures/patches)', () => {
  it('has at least 40 scenarios', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
  });

  it.each(scenarios)('%s', async (name) => {
    const src = path.join(FIXTURES, name);
    const work = tempDir();
    dirs.push(work);
    fs.cpSync(path.join(src, 'input'), work, { recursive: true });
    const guard = makeGuard(work);
    const opFile = path.join(src, 'op.json');
    const commandFile = path.join(src, 'command.json');
    let result;
    if (fs.existsSync(opFile)) {
      const op = JSON.parse(fs.readFileSync(opFile, 'utf8')) as PatchOperation;
      result = await applyPatchOperation(op, guard);
    } else if (fs.existsSync(commandFile)) {
      const { command } = JSON.parse(fs.readFileSync(commandFile, 'utf8')) as {
        command: string | string[];
      };
      const found = patchFromCommand(command);
      expect(found, 'an apply_patch shell command').toBeDefined();
      result = await applyShellPatch(found!, guard);
    } else {
      result = await applyPatchText(fs.readFileSync(path.join(src, 'patch.txt'), 'utf8'), guard);
    }
    const errorFile = path.join(src, 'error.txt');
    if (fs.existsSync(errorFile)) {
      expect(result.ok, patchMessage(result)).toBe(false);
      expect(patchMessage(result)).toContain(fs.readFileSync(errorFile, 'utf8').trimEnd());
    } else {
      expect(result.ok, patchMessage(result)).toBe(true);
    }
    expect(readTree(work)).toEqual(readTree(path.join(src, 'expected')));
  });
});
