import { describe, expect, it } from 'vitest';
import {
  artifactNamePart,
  chosenArtifactNames,
  defaultArtifactNames,
  isGhes,
  matrixValues,
  stagedName,
} from '../../src/github/artifact.js';
import { isAttemptArtifact } from '../../src/github/attempts.js';

const names = (job: string, matrix: string, runAttempt = 1) =>
  defaultArtifactNames({ job, matrix, runAttempt });

/**
 * What the artifact client and service accept: no `" : < > | * ? \r \n \ /`
 * (`validateArtifactName` in @actions/artifact's
 * `internal/upload/path-and-artifact-name-validation.js`), 1 to 256 characters
 * (the service's 400 "name invalid length for artifact name: must be between 1
 * and 256 characters", graalvm/mandrel#731). greenloop keeps to [\w.-], at most 100.
 */
function expectValid(name: string): void {
  expect(name).toMatch(/^[\w.-]{1,100}$/);
}

describe('default artifact names', () => {
  it('tell jobs, matrix values and attempts apart', () => {
    expect(names('test', '{"node":20,"os":"ubuntu-latest"}')).toEqual({
      result: 'greenloop-test-20-ubuntu-latest-attempt1',
      checkpoint: 'greenloop-checkpoint-test-20-ubuntu-latest',
    });
    expect(names('test', '{"node":20,"os":"ubuntu-latest"}', 2).result).toBe(
      'greenloop-test-20-ubuntu-latest-attempt2',
    );
    // No matrix: `toJSON(matrix)` is 'null'.
    expect(names('fix', 'null')).toEqual({
      result: 'greenloop-fix-attempt1',
      checkpoint: 'greenloop-checkpoint-fix',
    });
    expect(names('', '', 3).result).toBe('greenloop-attempt3');
  });

  // Issue 23: each attempt's artifact starts with artifact-name and is unique per matrix entry.
  it('a name you set is kept outside a matrix, and followed by the matrix values in one', () => {
    expect(chosenArtifactNames('fix', 'null')).toEqual({
      result: 'fix',
      checkpoint: 'fix-checkpoint',
    });
    const a = chosenArtifactNames('fix', '{"model":"gpt-5.1-codex-max","effort":"high"}');
    const b = chosenArtifactNames('fix', '{"model":"gpt-5.1-codex-mini","effort":"high"}');
    expect(a).toEqual({
      result: 'fix-gpt-5.1-codex-max-high',
      checkpoint: 'fix-checkpoint-gpt-5.1-codex-max-high',
    });
    expect(b.result).not.toBe(a.result);
    expect(b.checkpoint).not.toBe(a.checkpoint);
    expect(isAttemptArtifact(a.result, 'fix')).toBe(true);
    expect(isAttemptArtifact(a.checkpoint, 'fix')).toBe(false);
    expectValid(chosenArtifactNames('x'.repeat(100), '{"v":"c++"}').result.slice(0, 100));
  });

  it('keep only characters the service accepts', () => {
    expect(artifactNamePart('a/b: "c" <d>|*?\\e')).toBe('a-b-c-d-e');
    expect(matrixValues('{"include":{"x":1},"s":"a b"}')).toEqual(['{"x":1}', 'a b']);
    // `matrix: ${{ matrix.node }}` instead of the whole matrix still tells jobs apart.
    expect(matrixValues('20')).toEqual(['20']);
    expect(matrixValues('["a",1]')).toEqual(['a', '1']);
    expect(matrixValues('null')).toEqual([]);
    // `toJSON(matrix)` is pretty-printed, on several lines.
    expect(matrixValues('{\n  "os": "windows-latest",\n  "path": "C:\\\\x"\n}')).toEqual([
      'windows-latest',
      'C:\\x',
    ]);
    const hostile = names('test', JSON.stringify({ v: 'a/b\\c:d<e>f|g*h?i"j\r\nk' }));
    expectValid(hostile.result);
    expectValid(hostile.checkpoint);
  });

  // Two matrix jobs must never share a name: the result would fall back to `-2`, but the
  // checkpoint is replaced by name, so one job would delete the other's.
  it.each([
    ['characters the service refuses', { lang: 'c++' }, { lang: 'c#' }],
    ['non-ASCII values', { locale: 'ü' }, { locale: 'é' }],
    ['spaces and slashes', { dir: 'a b' }, { dir: 'a/b' }],
    [
      'a long matrix cut to the length limit',
      { target: 'x'.repeat(120), flavour: 'debug' },
      { target: 'x'.repeat(120), flavour: 'release' },
    ],
  ])('stay apart when the matrix values differ only by %s', (_why, a, b) => {
    const first = names('build', JSON.stringify(a));
    const second = names('build', JSON.stringify(b));
    expect(first.result).not.toBe(second.result);
    expect(first.checkpoint).not.toBe(second.checkpoint);
    for (const name of [first.result, first.checkpoint, second.result, second.checkpoint]) {
      expectValid(name);
    }
  });

  it('keep the attempt and fit within 100 characters for a long job id and matrix', () => {
    const long = names('j'.repeat(150), JSON.stringify({ a: 'v'.repeat(200), b: 'w' }), 12);
    expectValid(long.result);
    expectValid(long.checkpoint);
    expect(long.result).toMatch(/-attempt12$/);
    expect(long.checkpoint).toMatch(/^greenloop-checkpoint-j/);
    expect(long.result).not.toBe(
      names('j'.repeat(150), JSON.stringify({ a: 'v'.repeat(200) }), 12).result,
    );
  });

  it('are found by the select step (mode: select) by their prefix, checkpoints left out', () => {
    const matrix = JSON.stringify({ model: 'gpt-5.1-codex-max', effort: 'c++' });
    const { result, checkpoint } = names('attempt', matrix, 2);
    expect(isAttemptArtifact(result, 'greenloop')).toBe(true);
    expect(isAttemptArtifact(checkpoint, 'greenloop')).toBe(false);
    // The copy a checkpoint is staged under while it is replaced is no attempt either.
    expect(isAttemptArtifact(stagedName(checkpoint), 'greenloop')).toBe(false);
  });
});

describe('isGhes (the artifact client refuses these hosts)', () => {
  it.each([
    ['https://github.com', false],
    ['https://GitHub.com/', false],
    // GHE.com data residency (https://docs.github.com/enterprise-cloud@latest/admin/data-residency)
    // is not GHES: the client accepts *.ghe.com.
    ['https://octo.ghe.com', false],
    ['http://github.localhost', false],
    ['https://github.example-corp.com', true],
    ['https://ghe.com.example-corp.com', true],
    ['https://ghes.internal:8443', true],
  ])('%s → %s', (url, expected) => {
    expect(isGhes(url)).toBe(expected);
  });
});
