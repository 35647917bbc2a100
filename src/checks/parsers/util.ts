/** Path and stack-frame helpers shared by the parsers (pure, no I/O). */

const CI_PREFIXES: readonly RegExp[] = [
  /^\/home\/runner\/work\/[^/]+\/[^/]+\//,
  /^\/github\/workspace\//,
  /^\/builds\/[^/]+\/[^/]+\//,
  /^\/__w\/[^/]+\/[^/]+\//,
  /^[A-Za-z]:[\\/]a[\\/][^\\/]+[\\/][^\\/]+[\\/]/,
  /^\/Users\/runner\/work\/[^/]+\/[^/]+\//,
];

const FOREIGN =
  /(^|[\\/])(node_modules|site-packages|dist-packages|\.cargo[\\/]registry|\.rustup)([\\/]|$)|^node:|^internal[\\/]|^\/rustc\/|^<|[\\/]go[\\/]src[\\/]|[\\/]go-\d[\d.]*[\\/]src[\\/]|[\\/]lib[\\/]python\d|[\\/]pkg[\\/]mod[\\/]|^\/usr\/(local\/)?lib[\\/]|hostedtoolcache|^native$|^(evalmachine|anonymous)/;

/** Whether a frame path is the project's own code (not deps, runtime or standard library). */
export function isProjectPath(p: string): boolean {
  if (!p || FOREIGN.test(p)) return false;
  return /\.[A-Za-z]{1,6}$/.test(p);
}

const TEST_FILE =
  /(^|[\\/])(tests?|__tests__|spec|specs)[\\/]|[._-](test|spec)s?\.[cm]?[jt]sx?$|(^|[\\/])test_[^\\/]*\.py$|_test\.(py|go)$|\.test\.|\.spec\./;

export function isTestPath(p: string): boolean {
  return TEST_FILE.test(p);
}

export interface Frame {
  readonly file: string;
  readonly line?: number;
  readonly col?: number;
}

const FRAME_PATTERNS: readonly RegExp[] = [
  // JS: "at fn (path:1:2)" or "at path:1:2"
  /\bat (?:.*? \()?((?:file:\/\/)?(?:[A-Za-z]:)?[^\s():]+):(\d+)(?::(\d+))?\)?\s*$/,
  // Python: File "path", line 3
  /^\s*File "([^"]+)", line (\d+)/,
  // Rust: --> src/lib.rs:1:2 / at src/lib.rs:1:2 / panicked at src/lib.rs:1:2
  /(?:-->|panicked at|^\s+at) ((?:[A-Za-z]:)?[^\s:'",]+\.rs):(\d+):(\d+)/,
  // Go: \t/path/file.go:13 +0x5b
  /^\s+((?:[A-Za-z]:)?[^\s:]+\.go):(\d+)(?: \+0x[0-9a-f]+)?$/,
  // node test stack lines without "at": fn (file:///path:1:2)
  /\(((?:file:\/\/)?(?:[A-Za-z]:)?[^\s():]+\.[cm]?[jt]sx?):(\d+):(\d+)\)\s*$/,
  // pytest location: path.py:20: Error
  /^((?:[A-Za-z]:)?[^\s:]+\.py):(\d+): /,
  // bare path:line:col (vitest "❯ file:1:2", ava "› file://x:1:2")
  /(?:^|\s)((?:file:\/\/)?(?:[A-Za-z]:)?[^\s():'"]+\.[A-Za-z]{1,5}):(\d+)(?::(\d+))?\s*$/,
];

export function frameText(f: Frame): string {
  return f.line === undefined
    ? f.file
    : `${f.file}:${f.line}${f.col === undefined ? '' : `:${f.col}`}`;
}

export const ERROR_LINE =
  /^(?:[\w$.]+\.)?[A-Z]?[\w$]*(?:Error|Exception|Failure|Panic|Fault)(?: \[[\w_]+\])?(?::|$)/;

/**
 * Paths as one digest sees them: absolute paths under its project root (or a CI runner's
 * checkout folder) become relative. Each digest has its own (see ParseContext), so concurrent
 * digests of different projects never share a root.
 */
export class ProjectPaths {
  private readonly root: string | undefined;

  constructor(projectRoot?: string) {
    this.root = projectRoot ? projectRoot.replace(/[\\/]+$/, '') : undefined;
  }

  /** Makes a path from a log relative to the project when it recognisably lives in it. */
  rel(raw: string): string {
    let p = raw.trim().replace(/^file:\/\//, '');
    if (/^\/[A-Za-z]:[\\/]/.test(p)) p = p.slice(1);
    const root = this.root;
    if (root && (p.startsWith(`${root}/`) || p.startsWith(`${root}\\`)))
      return p.slice(root.length + 1);
    for (const re of CI_PREFIXES) {
      const m = re.exec(p);
      if (m) return p.slice(m[0].length);
    }
    return p;
  }

  /** Extracts a stack frame from a line, path made project-relative. */
  frame(line: string): Frame | undefined {
    for (const re of FRAME_PATTERNS) {
      const m = re.exec(line);
      if (m && m[1]) {
        const frame: { file: string; line?: number; col?: number } = { file: this.rel(m[1]) };
        if (m[2]) frame.line = Number(m[2]);
        if (m[3]) frame.col = Number(m[3]);
        return frame;
      }
    }
    return undefined;
  }

  /** A project frame from the line, if any. */
  projectFrame(line: string): Frame | undefined {
    const f = this.frame(line);
    return f && isProjectPath(f.file) ? f : undefined;
  }
}
