/** Small helpers shared by the benchmark sections: tables, statistics, child processes. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..');

export function tempDir(prefix = 'gl-bench-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export const ms = (value: number): string => `${round(value, 1)} ms`;
export const pct = (value: number): string => `${round(value * 100, 1)}%`;
export const mb = (bytes: number): string =>
  Math.abs(bytes) < 1024 * 1024
    ? `${round(bytes / 1024, 1)} KB`
    : `${round(bytes / (1024 * 1024), 1)} MB`;
export const num = (value: number): string => value.toLocaleString('en-US');

/** A markdown table; cells are already formatted. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const align = headers.map((_, i) => (i === 0 ? '---' : '---:'));
  return [line(headers), line(align), ...rows.map(line)].join('\n');
}

export interface ChildResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `bench/child.ts <args>` with the same Node flags as this process; parses its JSON output. */
export async function runChild<T>(args: readonly string[], timeoutMs = 300_000): Promise<T> {
  const result = await spawnCollect(
    process.execPath,
    [...process.execArgv, path.join(repoRoot, 'bench', 'child.ts'), ...args],
    { cwd: repoRoot, timeoutMs },
  );
  if (result.code !== 0) {
    throw new Error(`bench child ${args.join(' ')} failed (${result.code}):\n${result.stderr}`);
  }
  const last = result.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as T;
}

export function spawnCollect(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; input?: string },
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** The value at quantile `q` (0-1) of `values`, interpolated. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/** Spread of a series: its interquartile range over its median. */
export function spread(values: readonly number[]): number {
  return (quantile(values, 0.75) - quantile(values, 0.25)) / median(values);
}

export interface Steady<K extends string> {
  readonly samples: Record<K, number[]>;
  readonly runs: number;
  /** Every series' spread under the target. */
  readonly steady: boolean;
  readonly spreads: Record<K, number>;
}

/**
 * Repeats `measure` (one sample of several series, taken together so that drift on a shared
 * machine hits them alike) until every series' spread is under `target`, at least `min` and at
 * most `max` times.
 */
export async function repeatUntilSteady<K extends string>(
  keys: readonly K[],
  measure: () => Promise<Record<K, number>>,
  options: {
    readonly min: number;
    readonly max: number;
    readonly target: number;
    /** Series recorded but not waited for. */
    readonly ignore?: readonly K[];
  },
): Promise<Steady<K>> {
  const samples = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  const spreads = (): Record<K, number> =>
    Object.fromEntries(keys.map((k) => [k, spread(samples[k])])) as Record<K, number>;
  let runs = 0;
  const watched = keys.filter((k) => !(options.ignore ?? []).includes(k));
  const steady = (): boolean => watched.every((k) => spread(samples[k]) < options.target);
  while (runs < options.max && (runs < options.min || !steady())) {
    const sample = await measure();
    for (const k of keys) samples[k].push(sample[k]);
    runs += 1;
  }
  return { samples, runs, steady: steady(), spreads: spreads() };
}

/** The 1-, 5- and 15-minute load averages, one decimal each. */
export function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => round(l, 1))
    .join(' ');
}
