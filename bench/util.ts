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
