/**
 * A scripted model that fixes a real project the way a model does: it reads before it edits.
 *
 *   turn 1  shell `grep -n -F <first buggy line> <file>`        find the line
 *   turn 2  shell `sed -n '<n-3>,<n+k+2>p' <file>`              read the code around it
 *   turn 3  apply_patch update_file, built from what turn 2 printed: the lines read are the
 *           context, the buggy lines become the fixed ones (or, for `via: 'shell-heredoc'`, the
 *           same hunk as `apply_patch <<'EOF' … EOF` through the shell tool)
 *   turn 4  a closing message
 *
 * It decides each turn from the tool outputs in the request (`shell_call_output`,
 * `apply_patch_call_output`: the Responses API's native items, which greenloop uses by default
 * for gpt-5.1-codex-max), so a run where greenloop sent back something else (an empty file, the
 * wrong lines, a failed patch) ends with the model saying what it saw instead of a fix.
 */
import type { RecordedRequest, Reply } from '../../fakes/openai-server.js';
import type { PatchVia, Project } from './cases.js';

const CONTEXT = 3;

interface ToolOutput {
  readonly type: string;
  readonly text: string;
}

function toolOutputs(request: RecordedRequest): ToolOutput[] {
  const input = request.body?.input;
  if (!Array.isArray(input)) return [];
  const outputs: ToolOutput[] = [];
  for (const item of input as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { type, output } = item as { type?: unknown; output?: unknown };
    if (type === 'shell_call_output' && Array.isArray(output)) {
      const text = (output as { stdout?: unknown }[])
        .map((o) => (typeof o.stdout === 'string' ? o.stdout : ''))
        .join('');
      outputs.push({ type, text });
    } else if (type === 'apply_patch_call_output' || type === 'function_call_output') {
      outputs.push({ type, text: typeof output === 'string' ? output : JSON.stringify(output) });
    }
  }
  return outputs;
}

function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The V4A diff that turns `buggy` back into `fixed` inside the lines read. */
export function fixDiff(read: string, project: Project): string | undefined {
  const lines = read.replace(/\n$/, '').split('\n');
  const bug = project.buggy.split('\n');
  const at = lines.findIndex((_, i) => bug.every((b, k) => lines[i + k] === b));
  if (at < 0) return undefined;
  return [
    ...lines.slice(0, at).map((l) => ` ${l}`),
    ...bug.map((l) => `-${l}`),
    ...project.fixed.split('\n').map((l) => `+${l}`),
    ...lines.slice(at + bug.length).map((l) => ` ${l}`),
  ].join('\n');
}

/** The fix as `apply_patch` run through the shell, in a Codex envelope with a padded header. */
function heredoc(project: Project, diff: string): string {
  return [
    "apply_patch <<'EOF'",
    '*** Begin Patch',
    `  *** Update File: ${project.file}`,
    diff,
    '*** End Patch',
    'EOF',
  ].join('\n');
}

export function fixerScript(
  project: Project,
  via: PatchVia = 'apply_patch',
): (request: RecordedRequest) => Reply {
  const firstBuggy = project.buggy.split('\n')[0]!;
  const bugLines = project.buggy.split('\n').length;
  return (request) => {
    const outputs = toolOutputs(request);
    if (outputs.length === 0) {
      return {
        text: 'Looking for the line the failing tests point at.',
        toolCalls: [
          {
            name: 'shell',
            arguments: { commands: [`grep -n -F ${shQuote(firstBuggy)} ${shQuote(project.file)}`] },
          },
        ],
      };
    }
    if (outputs.length === 1) {
      const m = /^(\d+):/.exec(outputs[0]!.text);
      if (!m) return { text: `grep found nothing: ${JSON.stringify(outputs[0]!.text)}` };
      const n = Number(m[1]);
      const from = Math.max(1, n - CONTEXT);
      const to = n + bugLines - 1 + CONTEXT;
      return {
        toolCalls: [
          {
            name: 'shell',
            arguments: { commands: [`sed -n '${from},${to}p' ${shQuote(project.file)}`] },
          },
        ],
      };
    }
    if (outputs.length === 2) {
      const diff = fixDiff(outputs[1]!.text, project);
      if (diff === undefined) {
        return { text: `the lines read do not hold the bug: ${JSON.stringify(outputs[1]!.text)}` };
      }
      if (via === 'shell-heredoc') {
        return {
          toolCalls: [{ name: 'shell', arguments: { commands: [heredoc(project, diff)] } }],
        };
      }
      return {
        toolCalls: [
          {
            name: 'apply_patch',
            arguments: { operation: { type: 'update_file', path: project.file, diff } },
          },
        ],
      };
    }
    return { text: `Fixed ${project.file}: ${project.fixed.trim()}` };
  };
}
