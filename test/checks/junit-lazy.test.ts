/**
 * The XML parser loads lazily (src/checks/parsers/xml.ts). A log where JUnit XML is followed by
 * another runner's output closes the JUnit parser in the middle of the stream, inside readline's
 * synchronous 'line' callback: that close must not need the parser yet. This file is its own
 * module graph (vitest isolates test files), so the XML parser is not loaded when it starts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { digestFile } from '../../src/checks/digest.js';
import { o200k } from '../../src/model/tokens.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

it('JUnit XML followed by another runner in one log: digested, no uncaught exception', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenloop-junit-lazy-'));
  dirs.push(dir);
  const log = path.join(dir, 'log.txt');
  fs.writeFileSync(
    log,
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites>',
      '<testsuite name="unit" tests="1" failures="1">',
      '<testcase classname="unit" name="adds"><failure message="boom">boom</failure></testcase>',
      '</testsuite>',
      '</testsuites>',
      'Test Suites: 1 failed, 1 total',
      'Tests:       1 failed, 1 total',
      '',
    ].join('\n'),
  );
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown): void => void uncaught.push(error);
  process.on('uncaughtException', onUncaught);
  try {
    const d = await digestFile(log, { projectRoot: dir, counter: o200k });
    expect(uncaught).toEqual([]);
    expect(d.failures.map((f) => f.message)).toContain('boom');
  } finally {
    process.off('uncaughtException', onUncaught);
  }
});
