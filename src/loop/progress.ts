/**
 * Number formatting in one place (tokens, dollars, durations) and the one-line progress message
 * the loop prints after each iteration.
 */

/** `950`, `4.1k`, `41k`, `1.2M`. */
export function formatTokens(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '0';
  if (n < 1000) return String(Math.round(n));
  if (n < 10_000) return `${trimZero((n / 1000).toFixed(1))}k`;
  if (n < 999_500) return `${Math.round(n / 1000)}k`;
  if (n < 10_000_000) return `${trimZero((n / 1_000_000).toFixed(1))}M`;
  return `${Math.round(n / 1_000_000)}M`;
}

function trimZero(s: string): string {
  return s.endsWith('.0') ? s.slice(0, -2) : s;
}

/** `$0.00`, `$0.0042`, `$0.18`, `$12.50`, `$1,234`. */
export function formatUsd(n: number): string {
  if (!Number.isFinite(n) || n <= 0) return '$0.00';
  if (n < 0.01) return `$${n.toFixed(4)}`;
  if (n < 1000) return `$${n.toFixed(2)}`;
  return `$${Math.round(n).toLocaleString('en-US')}`;
}

/**
 * The model name of a scripted run (`npm run demo`: a fake server replays canned answers). Every
 * report shows it as the model and `$0 (scripted)` as the cost, so no one mistakes it for a real run.
 */
export const SCRIPTED_MODEL = 'scripted';

/** The cost of a run with this model: `formatUsd`, or `$0 (scripted)` for the scripted model. */
export function formatCost(usd: number, model: string): string {
  return model === SCRIPTED_MODEL ? '$0 (scripted)' : formatUsd(usd);
}

/** `850ms`, `12.3s`, `4m 05s`, `1h 02m`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '0ms';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 10_000) return `${trimZero((ms / 1000).toFixed(1))}s`;
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 60) return `${totalSeconds}s`;
  const totalMinutes = Math.floor(totalSeconds / 60);
  if (totalMinutes < 60) return `${totalMinutes}m ${pad2(totalSeconds % 60)}s`;
  return `${Math.floor(totalMinutes / 60)}h ${pad2(totalMinutes % 60)}m`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** `35%` share, `0%` when the whole is zero. */
export function formatPercent(part: number, whole: number): string {
  if (!(whole > 0)) return '0%';
  return `${Math.round((100 * part) / whole)}%`;
}

/** `512 B`, `4.2 KB`, `1.3 MB`. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${trimZero((n / 1024).toFixed(1))} KB`;
  return `${trimZero((n / (1024 * 1024)).toFixed(1))} MB`;
}

export interface ProgressInput {
  readonly iteration: number;
  readonly maxIterations: number;
  readonly failing: number;
  readonly baselineFailing: number;
  readonly tokens: number;
  readonly costUsd: number;
  /** The model, for the cost (`$0 (scripted)` for the scripted demo). */
  readonly model?: string;
  readonly elapsedMs?: number;
}

/** `iteration 2/5 · 3 failing (was 7) · 41k tokens · $0.18 · 4m 05s` */
export function progressLine(p: ProgressInput): string {
  const parts = [
    `iteration ${p.iteration}/${p.maxIterations}`,
    `${p.failing} failing (was ${p.baselineFailing})`,
    `${formatTokens(p.tokens)} tokens`,
    formatCost(p.costUsd, p.model ?? ''),
  ];
  if (p.elapsedMs !== undefined) parts.push(formatDuration(p.elapsedMs));
  return parts.join(' · ');
}
