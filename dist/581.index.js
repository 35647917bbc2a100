export const id = 581;
export const ids = [581];
export const modules = {

/***/ 95581:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readStdin: () => (/* binding */ readStdin)
/* harmony export */ });
/* harmony import */ var commander__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48179);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(71013);
/* harmony import */ var _cli_flags_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(95377);
/**
 * The local CLI: the same core as the action, on a developer's machine.
 *   greenloop run [flags]            fix the tests (or do --task) in this repository
 *   greenloop resume <checkpoint>    continue a run from its checkpoint
 *   greenloop digest [FILE]          print the failure digest of a test log
 *   greenloop apply-patch [FILE]     apply a patch with the model's patch tool
 * Only wiring; only this file and main.ts decide the exit code.
 */




// Each command's modules load when it runs (dynamic imports: ncc gives them chunks of their
// own), so that `--version` and `--help` parse only commander.
const program = new commander__WEBPACK_IMPORTED_MODULE_0__/* .Command */ .uB()
    .name('greenloop')
    .description('Run a bounded coding-agent loop until the tests pass.')
    .version((0,_version_js__WEBPACK_IMPORTED_MODULE_2__/* .version */ .r)(), '-v, --version');
function addRunFlags(command) {
    for (const input of _cli_flags_js__WEBPACK_IMPORTED_MODULE_3__/* .CLI_INPUTS */ .d) {
        const option = new commander__WEBPACK_IMPORTED_MODULE_0__/* .Option */ .c$(`--${input.name} <value>`, input.description).default(undefined);
        // Repeated for --attempts (cycled over the attempts; no more of them than attempts).
        if (REPEATABLE.has(input.name))
            option.argParser(collect);
        command.addOption(option);
    }
    command.hook('preAction', (cmd) => {
        const refused = moreValuesThanRuns(cmd.opts(), cmd.name() === 'resume');
        if (refused !== undefined)
            cmd.error(refused);
    });
    return command
        .option('--cwd <dir>', 'repository to work on', process.cwd())
        .option('--out <dir>', 'output folder (default: .greenloop/<timestamp> in the repository)')
        .option('--apply', 'leave the best state in the working tree (default: restore it as it was)', false)
        .option('--allow-dirty', 'run even when the working tree has uncommitted changes', false)
        .option('--attempts <n>', 'run N attempts side by side in git worktrees, then verify each by running the tests and keep the best (repeat --model / --reasoning-effort to vary them)')
        .option('--jobs <n>', 'attempts at the same time (default 2)');
}
const REPEATABLE = new Set(['model', 'reasoning-effort']);
/**
 * README "Several attempts": repeated --model / --reasoning-effort values are cycled over the
 * attempts. More values than runs would be dropped without a word: the message that refuses them.
 * A --attempts that is not a whole number from 1 (or one given to resume) is left to the run's
 * own check.
 */
function moreValuesThanRuns(flags, resume) {
    const attempts = flags['attempts'];
    const given = typeof attempts === 'string' && attempts.trim() !== '' ? attempts.trim() : undefined;
    const runs = given === undefined ? 1 : Number(given);
    if (!Number.isInteger(runs) || runs < 1)
        return undefined;
    for (const name of REPEATABLE) {
        const value = flags[(0,_cli_flags_js__WEBPACK_IMPORTED_MODULE_3__/* .flagKey */ .Q)(name)];
        const count = Array.isArray(value) ? value.length : 0;
        if (count <= runs)
            continue;
        if (resume)
            return `--${name} is given ${count} times, but a resumed run is one run: give one.`;
        const limit = given === undefined
            ? 'without --attempts there is one run: give one'
            : `--attempts ${given} runs ${runs}: give at most ${runs}`;
        return `--${name} is given ${count} times, but ${limit}, or --attempts ${count} to try each.`;
    }
    return undefined;
}
function collect(value, previous) {
    return [...(Array.isArray(previous) ? previous.filter((v) => typeof v === 'string') : []), value];
}
addRunFlags(program.command('run').description('fix the failing tests, or do --task, in a git repository')).action(async (flags) => {
    const { runCommand } = await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(422), __webpack_require__.e(946), __webpack_require__.e(572), __webpack_require__.e(149), __webpack_require__.e(117)]).then(__webpack_require__.bind(__webpack_require__, 16117));
    process.exitCode = await runCommand(flags);
});
addRunFlags(program
    .command('resume')
    .description('continue a run from a checkpoint folder')
    .argument('<checkpoint>')).action(async (checkpoint, flags) => {
    const { resumeCommand } = await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(422), __webpack_require__.e(946), __webpack_require__.e(572), __webpack_require__.e(149), __webpack_require__.e(117)]).then(__webpack_require__.bind(__webpack_require__, 16117));
    process.exitCode = await resumeCommand(checkpoint, flags);
});
program
    .command('digest')
    .description('print the failure digest of a test log (FILE or stdin)')
    .argument('[file]')
    .option('--json', 'print JSON: runner, counts, failures, text, tokens', false)
    .option('--runner <name>', 'force a runner (vitest, jest, mocha, node-test, ava, tap, pytest, unittest, cargo, go, junit, generic)')
    .option('--tokens <n>', 'token budget of the digest', '2000')
    .action(async (file, flags) => {
    const { digestCommand } = await Promise.all(/* import() */[__webpack_require__.e(946), __webpack_require__.e(225)]).then(__webpack_require__.bind(__webpack_require__, 4728));
    process.exitCode = await digestCommand(file, flags);
});
program
    .command('apply-patch')
    .description('apply a patch (Codex envelope or unified diff) from FILE or stdin, all or nothing')
    .argument('[file]')
    .option('--cwd <dir>', 'workspace root', process.cwd())
    .option('--protected-paths <globs>', 'globs that may not be changed', '.github/workflows/**')
    .action(async (file, flags) => {
    const { applyPatchCommand } = await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(572), __webpack_require__.e(301)]).then(__webpack_require__.bind(__webpack_require__, 40301));
    process.exitCode = await applyPatchCommand(file, flags);
});
// A mistyped command line gets one line, not the full usage (which pushed the line that
// mattered off the screen): commander's message, then where the usage is.
for (const command of [program, ...program.commands]) {
    const usage = command === program ? 'greenloop --help' : `greenloop ${command.name()} --help`;
    command.configureOutput({
        outputError: (message, write) => write(`greenloop: ${oneLine(message.replace(/^error: /, ''))}. See \`${usage}\`.\n`),
    });
}
function oneLine(message) {
    return message
        .trim()
        .replace(/\s*\n\s*/g, ' ')
        .replace(/\.$/, '');
}
function readStdin() {
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(0, 'utf8');
}
await program.parseAsync(process.argv);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 95377:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ flagKey),
/* harmony export */   d: () => (/* binding */ CLI_INPUTS)
/* harmony export */ });
/* harmony import */ var _config_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(64389);
/** CLI flags mirror the action's inputs, except those that only make sense on GitHub. */

const GITHUB_ONLY = new Set([
    'github-token',
    'output',
    'branch',
    'artifact-name',
    'matrix',
    'allow-greenloop-branch',
    'resume-from-any-branch',
    'retention-days',
    'commit-message',
    'pr-title',
    'pr-draft',
    'comment',
    'allow-users',
    'allow-bots',
    'allow-untrusted-code',
    'resume-from',
    'working-directory',
    // The CLI chooses between attempts with --attempts.
    'mode',
]);
const CLI_INPUTS = _config_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUTS */ .m.filter((input) => !GITHUB_ONLY.has(input.name));
/** Commander's camelCase key of a flag. */
function flagKey(name) {
    return name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
}


/***/ }),

/***/ 64389:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ INPUTS),
/* harmony export */   p: () => (/* binding */ OUTPUTS)
/* harmony export */ });
/* harmony import */ var _core_status_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85009);
/**
 * Every input of the action (and flag of the CLI), in one list. action.yml and
 * the README tables are checked against this list by tests. Only
 * src/config/ reads inputs.
 */

const INPUTS = [
    {
        name: 'task',
        default: '',
        description: 'Written task for the model (nightly refactor, manual job). Empty: fix the failing tests.',
    },
    {
        name: 'task-file',
        default: '',
        description: 'Path (in the workspace) of a file holding the task. Used when `task` is empty.',
    },
    {
        name: 'test-command',
        default: '',
        description: 'Command that runs the tests; exit code 0 means success. Empty: detected from the project (package.json, pytest, cargo, go, Maven, Gradle, make).',
    },
    {
        name: 'setup-command',
        default: '',
        description: 'Command run once before the baseline test run (for example `npm ci`).',
    },
    {
        name: 'test-report',
        default: '',
        description: 'Glob of JUnit XML reports the test command writes, read in addition to its log.',
    },
    { name: 'model', default: 'gpt-5.1-codex-max', description: 'Model name.' },
    {
        name: 'reasoning-effort',
        default: 'medium',
        description: 'Reasoning effort: `low`, `medium`, `high`, `xhigh` (also `none`, `minimal` for models that take them).',
    },
    {
        name: 'api',
        default: 'responses',
        description: 'Model API: `responses` (OpenAI Responses API) or `chat` (Chat Completions, for local servers and gateways).',
    },
    {
        name: 'tool-style',
        default: 'auto',
        description: 'How tools are offered: `auto` (native shell/apply_patch tools for the GPT-5.1 family on the Responses API, else function tools), `native` or `function`.',
    },
    {
        name: 'base-url',
        default: '',
        description: 'OpenAI-compatible base URL (Azure OpenAI, OpenRouter, LiteLLM, Ollama, vLLM...). Empty: `OPENAI_BASE_URL` or api.openai.com.',
    },
    {
        name: 'api-key',
        default: '',
        description: 'API key. Empty: `OPENAI_API_KEY`, or none for a keyless local server. Masked everywhere.',
    },
    {
        name: 'price',
        default: '',
        description: 'Price override in USD per million tokens, `input,cached-input,output` (for models or endpoints not in the built-in table).',
    },
    {
        name: 'max-iterations',
        default: '5',
        description: 'Maximum test reruns after the baseline (1-100).',
    },
    { name: 'max-turns', default: '60', description: 'Maximum model calls (1-1000).' },
    {
        name: 'max-tokens',
        default: '0',
        description: 'Maximum tokens (input + output) over the run; 0 = no limit.',
    },
    {
        name: 'max-cost-usd',
        default: '0',
        description: 'Maximum cost in USD over the run; 0 = no limit.',
    },
    {
        name: 'timeout-minutes',
        default: '30',
        description: 'Wall-clock limit of the loop in minutes (time to publish is kept aside).',
    },
    { name: 'test-timeout-seconds', default: '600', description: 'Time limit of one test run.' },
    {
        name: 'digest-tokens',
        default: '2000',
        description: 'Token budget of the failure digest the model reads after each test run.',
    },
    {
        name: 'flaky-reruns',
        default: '1',
        description: 'Reruns of the baseline failures to spot flaky tests (0 = off).',
    },
    {
        name: 'flaky-rerun-max-seconds',
        default: '30',
        description: 'Flaky reruns select the failing tests where the runner allows it (pytest, jest, vitest, cargo, go, node --test); otherwise the whole suite reruns only when the baseline took less than this many seconds.',
    },
    {
        name: 'context-window',
        default: '0',
        description: "The model's whole context window in tokens; input room is this less the output the model reserves (e.g. 400000 → 272000 for gpt-5.1-codex-max). 0 = from the model table (unknown models: 200000).",
    },
    {
        name: 'compact-threshold',
        default: '0.8',
        description: 'Share of the context window at which the conversation is compacted (0.1-0.95).',
    },
    {
        name: 'compaction',
        default: 'auto',
        description: 'Compaction mode: `auto`, `server`, `summary`, `mask` or `off`.',
    },
    {
        name: 'output',
        default: 'artifact',
        description: 'Where results go, comma list: `artifact`, `commit`, `pull-request`, `none`.',
    },
    {
        name: 'branch',
        default: '',
        description: 'Branch for `commit` / `pull-request`. Empty: `greenloop/<run id>`. Never the default branch.',
    },
    {
        name: 'artifact-name',
        default: '',
        description: 'Name of the uploaded artifact. Empty: `greenloop-<job>-<matrix values>-<attempt>`, unique in the workflow run. A name you set replaces an artifact of that name in the same run; in a matrix job the matrix values follow it, so attempts never replace one another.',
    },
    {
        name: 'matrix',
        default: '${{ toJSON(matrix) }}',
        description: "The job's matrix values, used in the default artifact names (leave as is).",
    },
    {
        name: 'retention-days',
        default: '0',
        description: 'Artifact retention in days; 0 = the repository default. GitHub allows up to 90 on public and 400 on private repositories, and caps it at the repository setting.',
    },
    {
        name: 'commit-message',
        default: 'greenloop: fix failing tests',
        description: 'Commit message for `commit` / `pull-request`.',
    },
    { name: 'pr-title', default: 'greenloop: fix failing tests', description: 'Pull request title.' },
    { name: 'pr-draft', default: 'true', description: 'Open the pull request as a draft.' },
    {
        name: 'comment',
        default: 'false',
        description: 'On pull request events, post (and later update) one comment with the summary.',
    },
    {
        name: 'protected-paths',
        default: '.github/workflows/**',
        description: 'Newline or comma separated globs the model may not change (`.git/` is always protected).',
    },
    {
        name: 'allow-test-edits',
        default: 'false',
        description: 'Allow runs that remove or skip tests (by default such an iteration is rejected).',
    },
    {
        name: 'sandbox',
        default: 'auto',
        description: 'Sandbox for model commands and tests: `auto`, `bwrap` (required) or `none`. Linux only.',
    },
    {
        name: 'pass-env',
        default: '',
        description: 'Comma or newline list of more variables (names or globs such as `FOO_*`) the tests and model commands get besides the default allowlist (see "Environment of the tests" in the README). Names that look like secrets are refused unless listed in `pass-secrets`.',
    },
    {
        name: 'pass-secrets',
        default: '',
        description: 'Comma or newline list of secret-looking variable names (exact names) to pass to the tests anyway. A risk: the model can read them and send them anywhere (SECURITY.md).',
    },
    {
        name: 'allow-users',
        default: '',
        description: 'Comma list of users allowed to trigger a run without write permission.',
    },
    {
        name: 'allow-bots',
        default: '',
        description: 'Comma list of bot logins allowed to trigger a run (`*` is refused).',
    },
    {
        name: 'allow-greenloop-branch',
        default: 'false',
        description: "Allow a run that starts from a `greenloop/` branch (greenloop's own output: a fix of a fix).",
    },
    {
        name: 'allow-untrusted-code',
        default: 'false',
        description: "Allow running a fork's code under `pull_request_target`.",
    },
    {
        name: 'github-token',
        default: '${{ github.token }}',
        description: 'Token for pushing, pull requests, comments and permission checks. Masked everywhere.',
    },
    {
        name: 'mode',
        default: 'loop',
        description: '`loop`: run the agent loop. `select`: choose between the attempts of this workflow run (artifacts whose names start with `artifact-name`): each diff is verified by running the tests on it, the best verified one is published (see README, "Several attempts").',
    },
    {
        name: 'resume-from',
        default: '',
        description: 'Checkpoint folder, or the name of a checkpoint artifact (`greenloop-checkpoint-<job>`) uploaded by an earlier run of this repository and branch, to continue from.',
    },
    {
        name: 'resume-from-any-branch',
        default: 'false',
        description: "Let `resume-from` take an artifact from another branch's run (same repository only).",
    },
    { name: 'working-directory', default: '.', description: 'Project folder inside the workspace.' },
];
const OUTPUTS = [
    {
        name: 'status',
        description: `How the run ended: ${_core_status_js__WEBPACK_IMPORTED_MODULE_0__/* .RUN_STATUSES */ .LV.join(', ')}.`,
    },
    {
        name: 'diff-path',
        description: 'Path of the unified diff of the best state against the baseline.',
    },
    { name: 'summary-path', description: 'Path of the summary markdown.' },
    { name: 'report-path', description: 'Path of the JSON report.' },
    { name: 'iterations', description: 'Test reruns made after the baseline.' },
    { name: 'tokens', description: 'Tokens used (input + output).' },
    { name: 'cost-usd', description: 'Estimated cost in USD.' },
    { name: 'failing-before', description: 'Failing tests at the baseline.' },
    { name: 'failing-after', description: 'Failing tests in the published state.' },
    { name: 'branch', description: 'Branch pushed (commit / pull-request outputs).' },
    { name: 'commit-sha', description: 'Commit pushed.' },
    { name: 'pr-url', description: 'Pull request opened or updated.' },
    { name: 'artifact-id', description: 'Id of the uploaded artifact.' },
];


/***/ }),

/***/ 85009:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LV: () => (/* binding */ RUN_STATUSES),
/* harmony export */   ar: () => (/* binding */ isSuccessStatus),
/* harmony export */   h5: () => (/* binding */ SUCCESS_STATUSES),
/* harmony export */   yV: () => (/* binding */ FAILING_STATUSES)
/* harmony export */ });
/**
 * How a run ends: the one list of statuses. The `status` output, `report.json`'s schema, the
 * summary's icons and the README all derive from it. Part of the core: imports nothing.
 */
const RUN_STATUSES = [
    'success',
    'already-green',
    'budget-iterations',
    'budget-turns',
    'budget-tokens',
    'budget-cost',
    'timeout',
    'no-progress',
    'model-gave-up',
    'model-error',
    'auth-error',
    'context-full',
    'no-passing-attempt',
    'cancelled',
    'error',
];
/** Statuses that count as a successful run (exit code 0 in the CLI). */
const SUCCESS_STATUSES = new Set(['success', 'already-green']);
/** Statuses that fail the action's step (the others, except success, leave a warning). */
const FAILING_STATUSES = new Set([
    'model-error',
    'auth-error',
    'error',
]);
/** Whether `status` (any string, e.g. read from another attempt's report.json) is a success. */
function isSuccessStatus(status) {
    const success = SUCCESS_STATUSES;
    return success.has(status);
}


/***/ }),

/***/ 71013:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  r: () => (/* binding */ version)
});

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
;// CONCATENATED MODULE: ./src/version.ts
/** The package version, set at build time from package.json. */

function version() {
    return package_namespaceObject.rE;
}


/***/ })

};
