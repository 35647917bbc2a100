/** `update_plan`: the model keeps a short checklist that the loop shows in the log and the summary. */
import type { ToolCall, ToolResult, ToolSpec } from '../model/types.js';
import type { PlanStep } from '../core/record.js';
import { argsObject, toolError, toolOk } from './result.js';

const STATUSES = ['pending', 'in_progress', 'completed'] as const;
const MAX_STEPS = 30;

export const updatePlanSpec: ToolSpec = {
  name: 'update_plan',
  description:
    'Record your plan as a short checklist. Send the whole list each time; at most one step is in_progress.',
  parameters: {
    type: 'object',
    properties: {
      explanation: { type: 'string', description: 'Optional note on what changed.' },
      plan: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            step: { type: 'string' },
            status: { type: 'string', enum: [...STATUSES] },
          },
          required: ['step', 'status'],
          additionalProperties: false,
        },
      },
    },
    required: ['plan'],
    additionalProperties: false,
  },
};

/** Validates an update_plan call; returns the new plan, or an error result for the model. */
export function readPlan(
  call: ToolCall,
): { plan: PlanStep[]; result: ToolResult } | { result: ToolResult } {
  const args = argsObject(call);
  if (!args.ok) return { result: toolError(call, args.error) };
  const raw = args.value.plan;
  if (!Array.isArray(raw) || raw.length === 0) {
    return { result: toolError(call, "'plan' must be a non-empty array of { step, status }.") };
  }
  if (raw.length > MAX_STEPS) {
    return { result: toolError(call, `'plan' may have at most ${MAX_STEPS} steps.`) };
  }
  const plan: PlanStep[] = [];
  for (const [index, entry] of raw.entries()) {
    const step =
      typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
    const text = typeof step.step === 'string' ? step.step.trim() : '';
    const status = step.status;
    if (text === '' || !(STATUSES as readonly unknown[]).includes(status)) {
      return {
        result: toolError(
          call,
          `step ${index + 1} must be { "step": "<text>", "status": "pending" | "in_progress" | "completed" }.`,
        ),
      };
    }
    plan.push({ step: text.slice(0, 200), status: status as PlanStep['status'] });
  }
  if (plan.filter((step) => step.status === 'in_progress').length > 1) {
    return { result: toolError(call, 'at most one step may be in_progress.') };
  }
  return { plan, result: toolOk(call, 'Plan updated.') };
}

export function formatPlan(plan: readonly PlanStep[]): string {
  const mark = { pending: '[ ]', in_progress: '[~]', completed: '[x]' } as const;
  return plan.map((step) => `${mark[step.status]} ${step.step}`).join('\n');
}
