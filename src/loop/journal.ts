/**
 * The journal of a run: what the log shows (one group per iteration, a progress line after each
 * model turn and each test run) and what the report keeps (the transcript and the warnings).
 * Knows nothing of git or the model: testable with an in-memory log.
 */
import type { RunLog } from '../core/log.js';
import type { Spent } from './budget.js';
import type { TestState } from './evaluate.js';
import { progressLine } from './progress.js';

export interface TranscriptEntry {
  readonly at: string;
  readonly kind: 'turn' | 'tool' | 'tests' | 'compaction' | 'note' | 'stop';
  readonly data: unknown;
}

export interface JournalOptions {
  readonly log: RunLog;
  readonly now: () => number;
  readonly startedAt: number;
  readonly maxIterations: number;
  readonly model: string;
}

/** Where the run stands, for a progress line. */
export interface Standing {
  readonly spent: Spent;
  readonly baseline: TestState | undefined;
  readonly best: TestState | undefined;
}

export interface Journal {
  readonly transcript: readonly TranscriptEntry[];
  readonly warnings: readonly string[];
  record(kind: TranscriptEntry['kind'], data: unknown): void;
  /** A warning for the log and the report. */
  warn(line: string): void;
  /** Opens the iteration's log group (once): from its first model turn to its test run. */
  openIteration(spent: Spent): void;
  closeIteration(): void;
  progress(standing: Standing): void;
}

export function createJournal(options: JournalOptions): Journal {
  const { log, now, maxIterations } = options;
  const transcript: TranscriptEntry[] = [];
  const warnings: string[] = [];
  let groupOpen = false;
  /** "Iteration N" is the Nth test rerun, counting the one under way: group title and progress lines agree. */
  let groupIteration = 0;
  return {
    transcript,
    warnings,
    record: (kind, data) => void transcript.push({ at: new Date(now()).toISOString(), kind, data }),
    warn(line) {
      warnings.push(line);
      log.warn(line);
    },
    openIteration(spent) {
      if (groupOpen) return;
      groupIteration = Math.min(spent.iterations + 1, maxIterations);
      const title = `Iteration ${groupIteration}/${maxIterations}`;
      if (log.startGroup) log.startGroup(title);
      else log.info(`── ${title}`);
      groupOpen = true;
    },
    closeIteration() {
      if (!groupOpen) return;
      log.endGroup?.();
      groupOpen = false;
    },
    progress({ spent, baseline, best }) {
      const line = progressLine({
        iteration: groupOpen ? groupIteration : spent.iterations,
        maxIterations,
        failing: best?.failures.length ?? 0,
        baselineFailing: baseline?.failures.length ?? 0,
        tokens: spent.inputTokens + spent.outputTokens,
        costUsd: spent.costUsd,
        model: options.model,
        elapsedMs: now() - options.startedAt,
      });
      log.progress(line);
    },
  };
}
