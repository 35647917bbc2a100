/**
 * What the model may call: exactly these tools. `run_tests` is answered by the
 * loop (it runs the test command); the others are answered here. Every tool
 * validates its arguments and answers errors as text the model can act on.
 */
import type { ToolCall, ToolResult, ToolSpec } from '../model/types.js';
import type { PlanStep } from '../core/record.js';
import type { ProcessRunner, WorkspaceGuard } from '../workspace/types.js';
import { applyPatchSpec, runApplyPatchTool, runShellApplyPatch } from './apply-patch.js';
import { readPlan, updatePlanSpec } from './plan.js';
import { toolError } from './result.js';
import { runShellTool, shellToolSpec } from './shell.js';

export const RUN_TESTS = 'run_tests';

export const runTestsSpec: ToolSpec = {
  name: RUN_TESTS,
  description:
    'Run the test command now. Answers with the exit code and a digest of the failing tests (fixed, still failing, newly failing).',
  parameters: { type: 'object', properties: {}, additionalProperties: false },
};

export interface ToolDeps {
  readonly guard: WorkspaceGuard;
  readonly runner: ProcessRunner;
  /** Scrubbed environment for model commands. */
  readonly env: Readonly<Record<string, string>>;
  /** Called with each accepted plan. */
  readonly onPlan: (plan: readonly PlanStep[]) => void;
  /** Milliseconds left before the run's deadline: no command may outlive it. */
  readonly remainingMs?: () => number;
}

export interface ToolBox {
  readonly specs: readonly ToolSpec[];
  /** Runs one call (not run_tests). Never throws for a model mistake. */
  execute(call: ToolCall): Promise<ToolResult>;
}

export function createToolBox(deps: ToolDeps): ToolBox {
  const specs = [shellToolSpec, applyPatchSpec, updatePlanSpec, runTestsSpec];
  const names = specs.map((spec) => spec.name);
  return {
    specs,
    async execute(call) {
      switch (call.name) {
        case 'shell':
        case 'local_shell':
        case 'container.exec':
          return (
            (await runShellApplyPatch({ ...call, name: 'shell' }, deps.guard)) ??
            runShellTool(
              { ...call, name: 'shell' },
              {
                runner: deps.runner,
                guard: deps.guard,
                env: { ...deps.env },
                ...(deps.remainingMs
                  ? { maxTimeoutMs: Math.max(1000, Math.min(600_000, deps.remainingMs())) }
                  : {}),
              },
            )
          );
        case 'apply_patch':
          return runApplyPatchTool(call, deps.guard);
        case 'update_plan': {
          const read = readPlan(call);
          if ('plan' in read) deps.onPlan(read.plan);
          return read.result;
        }
        default:
          return toolError(
            call,
            `there is no tool named '${call.name}'. The tools are: ${names.join(', ')}.`,
          );
      }
    },
  };
}
