/** The checks module: test-log digests, run comparison, test command detection. */
export {
  digestFile,
  digestText,
  digestJson,
  DigestBuilder,
  DEFAULT_TOKENS,
  type DigestOptions,
  type DigestJson,
  type FullDigest,
} from './digest.js';
export { loadXml } from './parsers/xml.js';
export { detectRunner, RUNNERS, type RunnerName } from './sniff.js';
export {
  compareRuns,
  deletedTestFiles,
  integrityProblem,
  LOAD_KINDS,
  type IntegrityProblem,
  type RunEvidence,
} from './compare.js';
export { detectTestCommand, type DetectedCommand } from './detect.js';
export type { Comparison, Counts, Digest, Failure, TestRun } from './types.js';
