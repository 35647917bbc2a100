/** What the checks module produces: test runs and their digests. */
import type { Counts, Failure } from '../core/record.js';

export type { Comparison, Counts, Failure } from '../core/record.js';

export interface Digest {
  /** Detected (or forced) runner name: vitest, jest, mocha, node-test, ava, tap, pytest, unittest, cargo, go, junit, generic. */
  readonly runner: string;
  readonly counts: Counts;
  readonly failures: readonly Failure[];
  /** Text for the model, at most the token budget. */
  readonly text: string;
  readonly tokens: number;
  /** Tests that failed and then passed on a retry (not counted as failing). */
  readonly flaky?: readonly string[];
  /**
   * Every test of the run by id, when the parser named each test its runner counted (see
   * ParseResult.tests); undefined when the identities are not known.
   */
  readonly tests?: readonly string[];
  /**
   * The counts are the runner's own summary line(s) (`5 passed, 1 skipped in 0.2s`), not
   * inferred from other lines: totals of two such runs can be compared.
   */
  readonly countsFromSummary?: boolean;
  /** Crash lines (segfault, out of memory, killed worker) seen in the log. */
  readonly crashes?: readonly string[];
}

export interface TestRun {
  readonly command: string;
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  readonly durationMs: number;
  /** File holding the whole (capped) log. */
  readonly logPath: string;
  readonly digest: Digest;
  /** Whether it ran in the sandbox. */
  readonly sandboxed: boolean;
}
