/**
 * The real projects of the end-to-end suite and the bug committed into each.
 *
 * Each project is vendored, unchanged but for what its `SOURCE` file says, under
 * `test/fixtures/real-projects/<fixture>/`. A run copies it into a temp git repository, commits
 * it, installs what its tests need (as a CI job's earlier steps would), then commits the bug:
 * `fixed` replaced by `buggy` in `file`, exactly once. The scripted model must find `buggy` by
 * reading the file and put `fixed` back.
 */

export type Toolchain = 'cargo' | 'python' | 'node' | 'go';

export interface Project {
  /** Folder under test/fixtures/real-projects/. */
  readonly fixture: string;
  readonly toolchain: Toolchain;
  /** File holding the bug, relative to the project root. */
  readonly file: string;
  /** The upstream text (one or more whole lines). */
  readonly fixed: string;
  /** What the bug commit puts in its place. */
  readonly buggy: string;
  /** The bug commit's message, as a developer would write it. */
  readonly commit: string;
  /** Runs `npm install` (the devDependencies the vendored package.json keeps) before the bug. */
  readonly npmInstall?: boolean;
}

export const PROJECTS = {
  strsim: {
    fixture: 'strsim',
    toolchain: 'cargo',
    file: 'src/lib.rs',
    fixed: '    let mut cache: Vec<usize> = (1..b_len + 1).collect();',
    buggy: '    let mut cache: Vec<usize> = (0..b_len).collect();',
    commit: 'levenshtein: build the first row with a plain range',
  },
  inflection: {
    fixture: 'inflection',
    toolchain: 'python',
    file: 'inflection/__init__.py',
    fixed: '    if number % 100 in (11, 12, 13):',
    buggy: '    if number % 100 in (11, 12):',
    commit: 'ordinal: simplify the teens check',
  },
  bytes: {
    fixture: 'bytes',
    toolchain: 'node',
    file: 'index.js',
    fixed: '    } else if (mag >= map.kb) {',
    buggy: '    } else if (mag > map.kb) {',
    commit: 'format: compare magnitudes consistently',
    npmInstall: true,
  },
  scule: {
    fixture: 'scule',
    toolchain: 'node',
    file: 'src/index.ts',
    fixed: '      if (previousUpper === true && isUpper === false && buff.length > 1) {',
    buggy: '      if (previousUpper === true && isUpper === false && buff.length > 2) {',
    commit: 'splitByCase: only split acronyms of two letters or more',
    npmInstall: true,
  },
  'markdown-table': {
    fixture: 'markdown-table',
    toolchain: 'node',
    file: 'index.js',
    fixed: [
      "            before = ' '.repeat(size / 2 + 0.5)",
      "            after = ' '.repeat(size / 2 - 0.5)",
    ].join('\n'),
    buggy: [
      "            before = ' '.repeat(size / 2 - 0.5)",
      "            after = ' '.repeat(size / 2 + 0.5)",
    ].join('\n'),
    commit: 'center: put the odd space before the cell',
    npmInstall: true,
  },
  camelcase: {
    fixture: 'camelcase',
    toolchain: 'node',
    file: 'index.js',
    fixed: "\t\t\tstring = string.slice(0, index - 1) + '-' + string.slice(index - 1);",
    buggy: "\t\t\tstring = string.slice(0, index - 1) + '-' + string.slice(index);",
    commit: 'preserveCamelCase: insert the separator before the last upper-case letter',
    npmInstall: true,
  },
  uuid: {
    fixture: 'uuid',
    toolchain: 'go',
    file: 'uuid.go',
    fixed: '\treturn Version(uuid[6] >> 4)',
    // The bug must fail the same tests on every run. An earlier one, `uuid[7] >> 4`, read a
    // timestamp byte: TestVersion6 passed 1 run in 16 and greenloop rightly called it flaky (the
    // CI log of stop 25). `>> 5` keeps only the version bits, so the result never varies.
    buggy: '\treturn Version(uuid[6] >> 5)',
    commit: 'Version: read the version bits',
  },
} as const satisfies Record<string, Project>;

export type ProjectName = keyof typeof PROJECTS;

/**
 * Where the test command's runner comes from, beyond what the project installs itself. 'venv': a
 * virtualenv beside the repository in the temp folder, activated as `source venv/bin/activate`
 * (or a CI step adding it to `GITHUB_PATH`) does: its bin/ first on PATH, VIRTUAL_ENV set;
 * 'venv-not-activated': the same venv, only named by path in the test command.
 */
export type Environment = 'plain' | 'venv' | 'venv-not-activated';

/**
 * How the scripted model sends its fix: the native `apply_patch` tool, or (as models trained on
 * Codex often do) `apply_patch <<'EOF' … EOF` through the shell tool, with the file header padded
 * with spaces as such models sometimes write it.
 */
export type PatchVia = 'apply_patch' | 'shell-heredoc';

export interface Case {
  /** Unique, used in test names. */
  readonly name: string;
  readonly project: ProjectName;
  /** Default 'apply_patch'. */
  readonly patchVia?: PatchVia;
  /** The `test-command` input; `{venv}` stands for the virtualenv's folder. */
  readonly testCommand: string;
  readonly environment: Environment;
  /**
   * A known defect of today's code makes this case fail: the case is skipped with this message
   * (naming the pending fix and its issue) until the fix lands on main. `GREENLOOP_REAL_PENDING=1`
   * runs it anyway. Per sandbox mode when the defect shows in one mode only.
   */
  readonly pending?: Partial<Record<SandboxMode, string>>;
}

export type SandboxMode = 'bwrap' | 'none';
export const SANDBOX_MODES: readonly SandboxMode[] = ['bwrap', 'none'];

export const CASES: readonly Case[] = [
  { name: 'cargo test', project: 'strsim', testCommand: 'cargo test', environment: 'plain' },
  {
    name: 'cargo test --no-fail-fast',
    project: 'strsim',
    testCommand: 'cargo test --no-fail-fast',
    environment: 'plain',
  },
  { name: 'pytest', project: 'inflection', testCommand: 'pytest', environment: 'plain' },
  { name: 'pytest -q', project: 'inflection', testCommand: 'pytest -q', environment: 'plain' },
  {
    name: 'pytest -q in a venv under the temp folder',
    project: 'inflection',
    testCommand: 'pytest -q',
    environment: 'venv',
  },
  {
    name: "pytest -q, the venv's pytest named by its path",
    project: 'inflection',
    testCommand: '{venv}/bin/pytest -q',
    environment: 'venv-not-activated',
  },
  { name: 'mocha (npm test)', project: 'bytes', testCommand: 'npm test', environment: 'plain' },
  { name: 'vitest', project: 'scule', testCommand: 'npx vitest run', environment: 'plain' },
  {
    name: 'node --test',
    project: 'markdown-table',
    testCommand: 'node --test',
    environment: 'plain',
  },
  {
    name: 'node --test, fix sent as a shell apply_patch heredoc',
    project: 'markdown-table',
    testCommand: 'node --test',
    environment: 'plain',
    patchVia: 'shell-heredoc',
  },
  { name: 'ava', project: 'camelcase', testCommand: 'npx ava', environment: 'plain' },
  {
    name: 'go test',
    project: 'uuid',
    testCommand: 'go test ./...',
    environment: 'plain',
  },
];
