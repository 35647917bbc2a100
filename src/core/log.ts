/**
 * The run's log port: where the loop, selection and publishing write what happens. The action
 * writes to the Actions log (groups fold), the CLI to the terminal. Part of the core.
 */
export interface RunLog {
  info(line: string): void;
  warn(line: string): void;
  group<T>(title: string, body: () => Promise<T>): Promise<T>;
  /** Opens a group that spans several steps (an iteration); without it a header line is printed. */
  startGroup?(title: string): void;
  endGroup?(): void;
  /** One progress line per step (the CLI may redraw it in place). */
  progress(line: string): void;
}
