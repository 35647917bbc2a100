/**
 * `apply_patch` called as a shell command. Models trained on Codex often edit files by running
 * `apply_patch <<'EOF' … EOF` through their shell tool: Codex's harness recognises that command
 * and applies the patch instead of running it (codex-rs/apply-patch/src/invocation.rs,
 * `maybe_parse_apply_patch`), so there is no `apply_patch` program on the machine, and the
 * model's correct patch would otherwise fail with "command not found". Pure, no I/O.
 *
 * Recognised, and only these (anything else runs as the command it is):
 *
 *   argv    ['apply_patch' | 'applypatch', <patch>]
 *   script  one statement, given as a string or as argv [sh | bash | zsh, -c | -lc, <script>]:
 *             apply_patch <<'EOF'            (any tag; quoted with ' or ", or bare; `<<-` too)
 *             <patch>
 *             EOF
 *           or the same preceded by `cd <dir> && ` (the patch's paths are then relative to dir).
 *
 * A script with any other statement before or after (`echo x && apply_patch …`, `… && npm test`)
 * is not an apply_patch call, as in Codex: the model meant to run those commands too.
 */
import * as path from 'node:path';

export interface ShellPatch {
  /** The patch text (the heredoc body or the argument). */
  readonly patch: string;
  /** Folder the paths are relative to (`cd <dir> &&`), relative to the workspace root. */
  readonly dir?: string;
}

const COMMANDS = new Set(['apply_patch', 'applypatch']);
const SHELLS = new Set(['sh', 'bash', 'zsh']);
const SHELL_FLAGS = new Set(['-c', '-lc']);

/** `[cd <dir> &&] apply_patch <<[-]['"]TAG['"]` on the first line of a script. */
const HEREDOC_HEAD =
  /^(?:cd\s+(?:'([^']*)'|"([^"\\$`]*)"|([^\s'"&;|<>()$`\\]+))\s*&&\s*)?(?:apply_patch|applypatch)\s*<<-?\s*(?:'(\w+)'|"(\w+)"|(\w+))\s*$/;

/** The patch a shell command applies when it is an `apply_patch` invocation, else undefined. */
export function patchFromCommand(command: string | readonly string[]): ShellPatch | undefined {
  if (typeof command === 'string') return fromScript(command);
  const [name, a, b, ...rest] = command;
  if (name === undefined || rest.length > 0) return undefined;
  if (COMMANDS.has(name) && a !== undefined && b === undefined) {
    return a.trim() === '' ? undefined : { patch: a };
  }
  if (SHELLS.has(path.posix.basename(name)) && a !== undefined && SHELL_FLAGS.has(a) && b) {
    return fromScript(b);
  }
  return undefined;
}

function fromScript(script: string): ShellPatch | undefined {
  const lines = script.replace(/\r\n/g, '\n').trim().split('\n');
  if (lines.length < 3) return undefined;
  const head = HEREDOC_HEAD.exec(lines[0]!.trim());
  if (!head) return undefined;
  const tag = head[4] ?? head[5] ?? head[6]!;
  if (lines[lines.length - 1]!.trim() !== tag) return undefined;
  const body = lines.slice(1, -1);
  // The heredoc ends at the first line that is the tag: text after it would be more commands.
  if (body.some((l) => l.trim() === tag)) return undefined;
  const dir = head[1] ?? head[2] ?? head[3];
  const patch = body.join('\n');
  return dir === undefined || dir === '.' ? { patch } : { patch, dir };
}
