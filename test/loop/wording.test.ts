/** What the loop's log and its messages to the model say: one count, whole sentences, little noise. */
import { afterEach, describe, expect, it } from 'vitest';
import { patchCall, runTestsCall, scriptedModel, shellCall } from '../fakes/scripted-model.js';
import { createRepo, SUM_FIX, SUM_PROJECT, type TempRepo } from '../helpers/repo.js';
import { runScripted } from './harness.js';

let repo: TempRepo | undefined;
afterEach(() => repo?.remove());

function sumRepo(files: Record<string, string> = SUM_PROJECT): TempRepo {
  repo = createRepo(files);
  return repo;
}

const BREAK_OTHER_TEST = [
  '*** Begin Patch',
  '*** Update File: src/sum.js',
  '@@',
  '-  let total = 0;',
  '+  let total = 1;',
  '*** End Patch',
].join('\n');

describe('the loop log', () => {
  it('numbers the iteration under way once: its title and its progress lines agree', async () => {
    const r = sumRepo();
    const model = scriptedModel([
      { calls: [shellCall('cat src/sum.js')] },
      { calls: [patchCall(SUM_FIX)] },
      { calls: [runTestsCall] },
      { text: 'Fixed the loop start.' },
    ]);
    const { outcome, lines } = await runScripted(r.dir, model, { 'max-iterations': '3' });
    expect(outcome.status).toBe('success');
    const title = lines.indexOf('── Iteration 1/3');
    expect(title, lines.join('\n')).toBeGreaterThanOrEqual(0);
    const progress = lines.slice(title).filter((l) => l.startsWith('progress: '));
    expect(progress.length).toBeGreaterThan(1);
    for (const line of progress) expect(line).toMatch(/^progress: iteration 1\/3 · /);
  });

  it('says an already-green baseline in one line, not with the passing log', async () => {
    const r = sumRepo({ 'noisy.sh': 'for i in $(seq 1 40); do echo "all good $i"; done\n' });
    const { outcome, lines } = await runScripted(r.dir, scriptedModel([]), {
      'test-command': 'sh noisy.sh',
    });
    expect(outcome.status).toBe('already-green');
    const start = lines.indexOf('group: Baseline test run');
    const baseline = lines.slice(start + 1).filter((l) => !l.startsWith('progress: '));
    expect(baseline[0]).toBe('$ sh noisy.sh');
    expect(baseline.slice(1).join('\n').split('\n'), lines.join('\n')).toHaveLength(1);
    expect(lines.join('\n')).not.toContain('all good');
  });
});

describe('the flaky check', () => {
  it('says in one sentence, not as a warning, that the failing tests failed again', async () => {
    const r = sumRepo();
    const { outcome, lines } = await runScripted(r.dir, scriptedModel([{ text: 'No idea.' }]), {
      'flaky-reruns': '1',
    });
    const check = lines.filter((l) => l.includes('Flaky check'));
    expect(check, lines.join('\n')).toEqual([
      expect.stringMatching(
        /^Flaky check: reran .*; the failing test failed again, so it is a real failure\.$/,
      ),
    ]);
    expect(outcome.warnings.join('\n')).not.toContain('Flaky check');
  });
});

describe('a rollback is explained in whole sentences', () => {
  it('a change that breaks a passing test', async () => {
    const patch = BREAK_OTHER_TEST;
    const r = sumRepo();
    const model = scriptedModel([
      { calls: [patchCall(patch), runTestsCall] },
      { text: 'Giving up.' },
      { text: 'Still giving up.' },
    ]);
    const { outcome, lines } = await runScripted(r.dir, model);
    expect(outcome.iterations[0]?.rolledBack, lines.join('\n')).toBe(true);
    const warning = lines.find((l) => l.includes('Rolled back'));
    expect(warning).toMatch(/^warning: Rolled back the last changes\. [A-Z].*\.$/);
    const toModel = JSON.stringify(model.requests[1]?.input);
    expect(toModel).toMatch(/Your last changes were rolled back\. [A-Z][^"]*\. The workspace/);
    expect(toModel).not.toMatch(/because [A-Z]/);
    expect(toModel).not.toMatch(/\.\. /);
  });
});
