import { describe, expect, it } from 'vitest';
import {
  artifactNamePart,
  defaultArtifactNames,
  isGhes,
  matrixValues,
} from '../../src/github/artifact.js';

describe('default artifact names', () => {
  it('tell jobs, matrix values and attempts apart', () => {
    const names = (job: string, matrix: string, runAttempt: number) =>
      defaultArtifactNames({ job, matrix, runAttempt });
    expect(names('test', '{"node":20,"os":"ubuntu-latest"}', 1)).toEqual({
      result: 'greenloop-test-20-ubuntu-latest-attempt1',
      checkpoint: 'greenloop-checkpoint-test-20-ubuntu-latest',
    });
    expect(names('test', '{"node":20,"os":"ubuntu-latest"}', 2).result).toBe(
      'greenloop-test-20-ubuntu-latest-attempt2',
    );
    // No matrix: `toJSON(matrix)` is 'null'.
    expect(names('fix', 'null', 1)).toEqual({
      result: 'greenloop-fix-attempt1',
      checkpoint: 'greenloop-checkpoint-fix',
    });
    expect(names('', '', 3).result).toBe('greenloop-attempt3');
  });

  it('keep only characters the service accepts, within 100 characters', () => {
    expect(artifactNamePart('a/b: "c" <d>|*?\\e')).toBe('a-b-c-d-e');
    expect(matrixValues('{"include":{"x":1},"s":"a b"}')).toEqual(['{"x":1}', 'a b']);
    const long = defaultArtifactNames({ job: 'j'.repeat(150), matrix: 'null', runAttempt: 1 });
    expect(long.result.length).toBeLessThanOrEqual(100);
    expect(long.result).toMatch(/^[\w.-]+$/);
  });
});

describe('isGhes (the artifact client refuses these hosts)', () => {
  it.each([
    ['https://github.com', false],
    ['https://octo.ghe.com', false],
    ['http://github.localhost', false],
    ['https://github.example-corp.com', true],
    ['https://ghes.internal:8443', true],
  ])('%s → %s', (url, expected) => {
    expect(isGhes(url)).toBe(expected);
  });
});
