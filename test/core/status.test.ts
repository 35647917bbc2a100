import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  FAILING_STATUSES,
  RUN_STATUSES,
  SUCCESS_STATUSES,
  isSuccessStatus,
} from '../../src/core/status.js';

describe('run status classes', () => {
  it('counts only success and already-green as a success, whatever string it is given', () => {
    expect(RUN_STATUSES.filter((s) => isSuccessStatus(s))).toEqual(['success', 'already-green']);
    expect(isSuccessStatus('Success')).toBe(false);
    expect(isSuccessStatus('')).toBe(false);
  });

  it('fails the step on exactly the statuses the README names, none of them a success', () => {
    const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const sentence = /The action's step fails \(exit code 1\) on ([^;]+);/.exec(
      readme.replace(/\s+/g, ' '),
    );
    const named = [...(sentence?.[1] ?? '').matchAll(/`([a-z-]+)`/g)].map((m) => m[1]);
    expect(named).toEqual([...FAILING_STATUSES]);
    expect([...FAILING_STATUSES].filter((s) => SUCCESS_STATUSES.has(s))).toEqual([]);
  });
});
