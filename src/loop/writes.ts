/**
 * Tells git about every write the loop makes to the working tree (`Git.touched`), so that a
 * snapshot looks only at what changed instead of walking the whole tree: the tools' file
 * writes by path (each goes through the guard's `resolve(path, 'write')`), and every command
 * (setup, the model's shell commands, test runs) as a write anywhere.
 */
import type { TestCommand } from '../checks/run-tests.js';
import type { Git, ProcessRunner, WorkspaceGuard } from '../workspace/types.js';

interface Writers {
  readonly git: Git;
  readonly guard: WorkspaceGuard;
  readonly runner: ProcessRunner;
  readonly tests: TestCommand;
}

export function reportingWrites<T extends Writers>(deps: T): T {
  const { git, guard, runner, tests } = deps;
  const report = (paths: readonly string[] | 'all'): void => git.touched?.(paths);
  const command = async <R>(run: () => Promise<R>): Promise<R> => {
    report('all');
    try {
      return await run();
    } finally {
      report('all');
    }
  };
  const hiddenPath = runner.hiddenPath?.bind(runner);
  return {
    ...deps,
    guard: {
      root: guard.root,
      relative: (absolute: string) => guard.relative(absolute),
      isProtected: (relativePath: string) => guard.isProtected(relativePath),
      resolve: (input: string, access: 'read' | 'write') => {
        const resolved = guard.resolve(input, access);
        if (access === 'write') report([resolved]);
        return resolved;
      },
    },
    runner: {
      sandbox: runner.sandbox,
      run: (request) => command(() => runner.run(request)),
      ...(hiddenPath ? { hiddenPath } : {}),
    },
    tests: { run: (label, options) => command(() => tests.run(label, options)) },
  };
}
