export const id = 168;
export const ids = [168];
export const modules = {

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

/***/ 49721:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L7: () => (/* binding */ replaceArtifact),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   aT: () => (/* binding */ isGhes),
/* harmony export */   dB: () => (/* binding */ ArtifactDownloadError),
/* harmony export */   downloadArtifactByName: () => (/* binding */ downloadArtifactByName),
/* harmony export */   mz: () => (/* binding */ uploadArtifact),
/* harmony export */   qg: () => (/* binding */ defaultArtifactNames),
/* harmony export */   x1: () => (/* binding */ chosenArtifactNames),
/* harmony export */   xQ: () => (/* binding */ ghesMessage)
/* harmony export */ });
/* unused harmony exports artifactNamePart, matrixValues, stagedName */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_result_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(39294);
/**
 * Artifacts through @actions/artifact, imported only when used (it is a large
 * part of the bundle's start-up cost). Upload failures are returned, never
 * thrown: publishing must not crash a run. Download (for `resume-from`) throws
 * ArtifactDownloadError, since a resume that cannot load ends the run's setup.
 */



class ArtifactDownloadError extends Error {
    name = 'ArtifactDownloadError';
    static isArtifactDownloadError(error) {
        return error instanceof Error && error.name === 'ArtifactDownloadError';
    }
}
/**
 * The artifact client refuses GitHub Enterprise Server: every host but
 * github.com, *.ghe.com and *.localhost (`isGhes()` in @actions/artifact's
 * `internal/shared/config.js`, which then throws GHESNotSupportedError).
 */
function isGhes(serverUrl) {
    let host;
    try {
        host = new URL(serverUrl || 'https://github.com').hostname.trimEnd().toUpperCase();
    }
    catch {
        return false;
    }
    return !(host === 'GITHUB.COM' || host.endsWith('.GHE.COM') || host.endsWith('.LOCALHOST'));
}
/** The one line that says why artifacts are off on GHES, and what to use instead. */
function ghesMessage(serverUrl) {
    return (`${serverUrl} is GitHub Enterprise Server, where actions cannot upload or download artifacts ` +
        'through @actions/artifact v2+; publish with `output: commit` or `output: pull-request`, or ' +
        'upload the files at the `diff-path` / `report-path` outputs with an artifact action your server supports');
}
/**
 * The longest name greenloop makes. The service takes 1 to 256 characters (it answers 400 "name
 * invalid length for artifact name: must be between 1 and 256 characters", graalvm/mandrel#731);
 * 100 leaves room for a conflict suffix and stays readable in the run's artifact list.
 */
const MAX_NAME = 100;
/**
 * An artifact name from free text: ASCII letters, digits, `_`, `.` and `-`, no empty parts. The
 * client refuses `" : < > | * ? \r \n \ /` (`validateArtifactName` in @actions/artifact's
 * `internal/upload/path-and-artifact-name-validation.js`); keeping to [\w.-] also keeps names
 * safe as folder names when downloaded.
 */
function artifactNamePart(text) {
    return text
        .replace(/[^\w.-]+/g, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^[-.]+|[-.]+$/g, '');
}
/**
 * The values of the `matrix` input, in order; [] without a matrix (`toJSON(matrix)` is `null`).
 * Meant for `${{ toJSON(matrix) }}`; a single value (`${{ matrix.node }}`) or list counts too.
 */
function matrixValues(json) {
    let data;
    try {
        data = JSON.parse(json);
    }
    catch {
        return json.trim() === '' ? [] : [json];
    }
    if (data === null)
        return [];
    const values = typeof data !== 'object' ? [data] : Array.isArray(data) ? data : Object.values(data);
    return values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));
}
/**
 * The job id and matrix values as one name part. When making them a name lost something (a
 * character the service refuses, a non-ASCII letter, the length limit), 8 hex digits of their
 * SHA-256 follow, so two matrix jobs never share a name: `c++` and `c#` both read `c`.
 */
function jobPart(identity, room) {
    const raw = [identity.job, ...matrixValues(identity.matrix)].filter((v) => v !== '');
    const parts = raw.map(artifactNamePart).filter((part) => part !== '');
    const readable = parts.join('-');
    const lossless = parts.length === raw.length && parts.every((part, i) => part === raw[i]);
    if (lossless && readable.length <= room)
        return readable;
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(JSON.stringify(raw)).digest('hex').slice(0, 8);
    const kept = readable.slice(0, room - hash.length - 1).replace(/[-.]+$/, '');
    return kept ? `${kept}-${hash}` : hash;
}
/**
 * Default artifact names, unique within the workflow run: the job id and its
 * matrix values tell jobs apart, the attempt tells re-runs apart. The
 * checkpoint's name leaves the attempt out: it is replaced after every
 * iteration, and a later run resumes from it by that name.
 */
function defaultArtifactNames(identity) {
    const attempt = `attempt${identity.runAttempt}`;
    const result = jobPart(identity, MAX_NAME - 'greenloop-'.length - attempt.length - 1);
    const checkpoint = jobPart(identity, MAX_NAME - 'greenloop-checkpoint-'.length);
    return {
        result: `greenloop-${result ? `${result}-` : ''}${attempt}`,
        checkpoint: `greenloop-checkpoint${checkpoint ? `-${checkpoint}` : ''}`,
    };
}
/**
 * The names for an `artifact-name` the user set. Outside a matrix, that name (a later upload of
 * it replaces the earlier). In a matrix job the matrix values follow it, so each entry's artifact
 * still starts with the name (what `mode: select` lists) but one attempt never replaces another.
 */
function chosenArtifactNames(name, matrix) {
    const room = Math.max(9, MAX_NAME - name.length - '-checkpoint-'.length);
    const values = jobPart({ job: '', matrix, runAttempt: 0 }, room);
    return values
        ? { result: `${name}-${values}`, checkpoint: `${name}-checkpoint-${values}` }
        : { result: name, checkpoint: `${name}-checkpoint` };
}
function isConflict(message) {
    return /\(409\)|already exists/i.test(message);
}
async function uploadArtifact(name, files, rootDir, retentionDays, log, mode = 'unique') {
    if (files.length === 0)
        return (0,_core_result_js__WEBPACK_IMPORTED_MODULE_2__/* .err */ ._)(`artifact '${name}': no files to upload`);
    if (isGhes(process.env.GITHUB_SERVER_URL ?? '')) {
        // Checked here so the client never runs (it would print its own warning first).
        return (0,_core_result_js__WEBPACK_IMPORTED_MODULE_2__/* .err */ ._)(`artifact '${name}': ${ghesMessage(process.env.GITHUB_SERVER_URL ?? '')}`);
    }
    const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(824), __webpack_require__.e(351), __webpack_require__.e(626)]).then(__webpack_require__.bind(__webpack_require__, 54626));
    const client = new DefaultArtifactClient();
    const options = retentionDays > 0 ? { retentionDays: cappedRetention(retentionDays, log) } : {};
    if (mode === 'replace' && (await deleteInRun(name))) {
        log.info(`Replaced the artifact '${name}' uploaded earlier in this workflow run`);
    }
    for (let n = 1;; n++) {
        const candidate = n === 1 ? name : `${name}-${n}`;
        try {
            const response = await client.uploadArtifact(candidate, files, rootDir, options);
            if (response.id === undefined) {
                return (0,_core_result_js__WEBPACK_IMPORTED_MODULE_2__/* .err */ ._)(`artifact '${candidate}': the service returned no artifact id`);
            }
            log.info(`Uploaded artifact '${candidate}' (id ${response.id}, ${response.size ?? 0} bytes)`);
            return (0,_core_result_js__WEBPACK_IMPORTED_MODULE_2__.ok)({ id: response.id, size: response.size ?? 0, name: candidate });
        }
        catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            if (mode === 'unique' && isConflict(message) && n < 5)
                continue;
            return (0,_core_result_js__WEBPACK_IMPORTED_MODULE_2__/* .err */ ._)(`artifact '${candidate}' upload failed: ${oneLine(message)}${hint(message, mode)}`);
        }
    }
}
/**
 * Deletes the finished artifact `name` of this workflow run; false when there is none ("Does not
 * fail if the artifact does not exist", as upload-artifact's `overwrite` documents it).
 */
async function deleteInRun(name) {
    const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(824), __webpack_require__.e(351), __webpack_require__.e(626)]).then(__webpack_require__.bind(__webpack_require__, 54626));
    return new DefaultArtifactClient().deleteArtifact(name).then(() => true, () => false);
}
/** The name of the copy `replaceArtifact` uploads first. */
function stagedName(name) {
    return `${name}-staged`;
}
/**
 * Replaces the artifact `name` of this workflow run so that a finished copy exists at every
 * moment: the files go up as `<name>-staged` first, then replace `name` (delete, upload), then
 * the staged copy is deleted. A job killed midway, or an upload failing after the delete, leaves
 * the staged copy, which `resume-from` takes when it is the newer (`downloadArtifactByName`).
 * Between iterations exactly one artifact holds the checkpoint.
 */
async function replaceArtifact(name, files, rootDir, retentionDays, log) {
    const staged = await uploadArtifact(stagedName(name), files, rootDir, retentionDays, log, 'replace');
    const replaced = await uploadArtifact(name, files, rootDir, retentionDays, log, 'replace');
    if (!replaced.ok)
        return staged.ok ? staged : replaced;
    if (staged.ok)
        await deleteInRun(stagedName(name));
    return replaced;
}
/**
 * The toolkit lowers a retention above the repository's setting (GITHUB_RETENTION_DAYS)
 * with a warning annotation of its own; do it first, in the log only.
 */
function cappedRetention(days, log) {
    const max = Number(process.env.GITHUB_RETENTION_DAYS ?? '');
    if (Number.isInteger(max) && max > 0 && days > max) {
        log.info(`retention-days ${days} is above this repository's limit: using ${max}`);
        return max;
    }
    return days;
}
/** A service's error message on one line, cut to 500 characters. */
function oneLine(text) {
    return text.replace(/\s+/g, ' ').trim().slice(0, 500);
}
function hint(message, mode) {
    if (/ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL/.test(message)) {
        return ' (artifacts can only be uploaded inside a GitHub Actions job)';
    }
    if (!isConflict(message))
        return '';
    // After the delete, a 409 means an upload that never finished holds the name: the service
    // lists (so deletes) finished artifacts only (DataDog/dd-trace-js#10228).
    return mode === 'replace'
        ? ' (an upload of this name in this workflow run never finished and still holds the name; only finished artifacts can be deleted)'
        : ' (artifact names are unique within a workflow run: leave artifact-name empty for a unique default)';
}
/**
 * Downloads and unpacks the newest unexpired artifact called `name` that an
 * earlier run of this repository made from its own code (the run's head
 * repository is this repository: never a fork's pull request run) on
 * `options.branch`, checks it against the digest the service recorded at
 * upload, and returns the folder it was unpacked to.
 */
async function downloadArtifactByName(name, options) {
    const { context, token } = options;
    if (!token)
        throw new ArtifactDownloadError(`cannot download artifact '${name}': no github-token`);
    if (isGhes(context.serverUrl)) {
        throw new ArtifactDownloadError(ghesMessage(context.serverUrl));
    }
    const chosen = await findTrustedArtifact(name, options);
    let mismatch;
    try {
        const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(824), __webpack_require__.e(351), __webpack_require__.e(626)]).then(__webpack_require__.bind(__webpack_require__, 54626));
        const response = await new DefaultArtifactClient().downloadArtifact(chosen.id, {
            path: options.dir,
            expectedHash: chosen.digest,
            findBy: {
                token,
                workflowRunId: chosen.runId ?? 0,
                repositoryOwner: context.owner,
                repositoryName: context.repo,
            },
        });
        mismatch = response.digestMismatch === true;
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new ArtifactDownloadError(`cannot download artifact '${name}' (id ${chosen.id}): ${oneLine(message)}`);
    }
    if (mismatch) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(options.dir, { recursive: true, force: true });
        throw new ArtifactDownloadError(`artifact '${name}' (id ${chosen.id}) does not match the digest recorded at upload (${chosen.digest}): refused`);
    }
    return options.dir;
}
/** Every artifact of the repository called `name`, as the REST API lists them. */
async function listArtifactsNamed(name, options) {
    const { context } = options;
    try {
        const { getOctokit } = await __webpack_require__.e(/* import() */ 351).then(__webpack_require__.bind(__webpack_require__, 61351));
        const octokit = getOctokit(options.token, { baseUrl: context.apiUrl });
        const artifacts = await octokit.paginate(octokit.rest.actions.listArtifactsForRepo, {
            owner: context.owner,
            repo: context.repo,
            name,
            per_page: 100,
        });
        return artifacts.map((a) => ({
            id: a.id,
            name: a.name,
            expired: a.expired,
            createdAt: a.created_at ?? '',
            runId: a.workflow_run?.id ?? undefined,
            repositoryId: a.workflow_run?.repository_id ?? undefined,
            headRepositoryId: a.workflow_run?.head_repository_id ?? undefined,
            headBranch: a.workflow_run?.head_branch ?? '',
            digest: a.digest ?? '',
        }));
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new ArtifactDownloadError(`cannot list artifacts named '${name}': ${oneLine(message)}`);
    }
}
async function findTrustedArtifact(name, options) {
    const { context } = options;
    // The staged copy of a checkpoint is the newer when a job was killed while replacing it.
    const names = [name, stagedName(name)];
    const listed = (await Promise.all(names.map((each) => listArtifactsNamed(each, options)))).flat();
    const where = `${context.owner}/${context.repo}`;
    const named = listed
        .filter((a) => names.includes(a.name) && !a.expired)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
    if (named.length === 0) {
        throw new ArtifactDownloadError(`no unexpired artifact named '${name}' in ${where}`);
    }
    const ownCode = named.filter((a) => a.repositoryId !== undefined && a.headRepositoryId === a.repositoryId);
    if (ownCode.length === 0) {
        throw new ArtifactDownloadError(`every artifact named '${name}' comes from a run of another repository's code (a fork's pull request): refused`);
    }
    const onBranch = options.branch === '' ? ownCode : ownCode.filter((a) => a.headBranch === options.branch);
    const newest = onBranch[0];
    if (newest === undefined) {
        throw new ArtifactDownloadError(`no artifact named '${name}' from a run on branch '${options.branch}' (found: ${[
            ...new Set(ownCode.map((a) => a.headBranch || '?')),
        ].join(', ')}); set resume-from-any-branch: true to take another branch's`);
    }
    if (!/^sha256:[0-9a-f]{64}$/.test(newest.digest)) {
        throw new ArtifactDownloadError(`artifact '${name}' (id ${newest.id}) has no digest to check the download against: refused`);
    }
    return newest;
}


/***/ }),

/***/ 21168:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(91659);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __webpack_require__(64389);
;// CONCATENATED MODULE: ./src/config/action-inputs.ts
/** Reads the action's inputs (INPUT_* variables) through @actions/core: the only place that does. */


function readActionInputs() {
    return Object.fromEntries(inputs/* INPUTS */.m.map((input) => [input.name, core.getInput(input.name)]));
}

// EXTERNAL MODULE: ./src/config/parse.ts + 1 modules
var parse = __webpack_require__(94849);
;// CONCATENATED MODULE: ./src/github/context.ts
/**
 * The GitHub Actions run context, read once from the runner's environment and
 * the event payload file. Plain data; nothing here talks to the network.
 */

function obj(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : undefined;
}
function str(value) {
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}
function num(value) {
    if (typeof value === 'number' && Number.isFinite(value))
        return value;
    if (typeof value === 'string' && /^\d+$/.test(value))
        return Number(value);
    return undefined;
}
function actorOf(value) {
    const o = obj(value);
    const login = str(o?.login);
    return login === '' ? undefined : { login, type: str(o?.type) };
}
function readPayload(file) {
    if (!file)
        return {};
    try {
        return obj(JSON.parse(external_node_fs_.readFileSync(file, 'utf8'))) ?? {};
    }
    catch {
        return {};
    }
}
function shortRef(ref) {
    return ref.replace(/^refs\/(heads|tags)\//, '');
}
function readGitHubContext(env = process.env) {
    const payload = readPayload(env.GITHUB_EVENT_PATH);
    const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const repository = obj(payload.repository);
    const fullName = str(repository?.full_name) || (owner && repo ? `${owner}/${repo}` : '');
    const ref = env.GITHUB_REF ?? '';
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const pull = obj(payload.pull_request);
    const issue = obj(payload.issue);
    const prNumber = num(pull?.number) ??
        (obj(issue?.pull_request) !== undefined ? num(issue?.number) : undefined) ??
        (eventName.startsWith('pull_request') ? num(payload.number) : undefined);
    const workflowRun = readWorkflowRun(obj(payload.workflow_run));
    let headRepository = fullName;
    let isFork = false;
    let headSha = '';
    if (pull !== undefined) {
        headSha = str(obj(pull.head)?.sha);
        const head = obj(obj(pull.head)?.repo);
        const base = obj(obj(pull.base)?.repo);
        headRepository = str(head?.full_name);
        const baseName = str(base?.full_name) || fullName;
        // A deleted fork has head.repo === null: treat it as foreign.
        isFork = headRepository === '' || headRepository.toLowerCase() !== baseName.toLowerCase();
    }
    else if (workflowRun !== undefined) {
        headRepository = workflowRun.headRepository || fullName;
        isFork = headRepository.toLowerCase() !== fullName.toLowerCase();
        headSha = workflowRun.headSha;
    }
    return {
        owner,
        repo,
        eventName,
        payload,
        sha: env.GITHUB_SHA ?? '',
        ref,
        refName: env.GITHUB_REF_NAME || shortRef(ref),
        headRef: env.GITHUB_HEAD_REF ?? '',
        baseRef: env.GITHUB_BASE_REF ?? '',
        runId: env.GITHUB_RUN_ID ?? '',
        runAttempt: num(env.GITHUB_RUN_ATTEMPT) ?? 1,
        actor: env.GITHUB_ACTOR ?? '',
        sender: actorOf(payload.sender),
        serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
        apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
        workspace: env.GITHUB_WORKSPACE ?? '',
        prNumber,
        headRepository,
        headSha,
        isFork,
        workflowRun,
        defaultBranch: str(repository?.default_branch),
    };
}
function readWorkflowRun(run) {
    if (run === undefined)
        return undefined;
    const pulls = Array.isArray(run.pull_requests) ? run.pull_requests : [];
    return {
        id: num(run.id),
        event: str(run.event),
        headSha: str(run.head_sha),
        headBranch: str(run.head_branch),
        conclusion: str(run.conclusion),
        actor: actorOf(run.actor),
        triggeringActor: actorOf(run.triggering_actor),
        headRepository: str(obj(run.head_repository)?.full_name),
        pullRequests: pulls.map((p) => num(obj(p)?.number)).filter((n) => n !== undefined),
    };
}
/**
 * The branch the run started from, which a pull request from greenloop targets:
 * the PR's head branch on PR events, the upstream run's head branch on
 * workflow_run, else the ref's short name.
 */
function startingBranch(context) {
    if (context.workflowRun !== undefined && context.workflowRun.headBranch !== '') {
        return context.workflowRun.headBranch;
    }
    if (context.headRef !== '')
        return context.headRef;
    const pullHead = str(obj(obj(context.payload.pull_request)?.head)?.ref);
    if (pullHead !== '')
        return pullHead;
    return context.ref.startsWith('refs/heads/') ? context.refName : context.defaultBranch;
}
/**
 * On `issue_comment` the payload names the PR but not its head: fetch it, so
 * its head repository decides fork status, its head branch is where a pull
 * request from greenloop goes, and its head commit (read now, at the
 * permission check) is what the run works on. Other events are returned as they are.
 */
async function withPullRequest(context, client) {
    if (context.eventName !== 'issue_comment' || context.prNumber === undefined)
        return context;
    const { data } = await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
        owner: context.owner,
        repo: context.repo,
        pull_number: context.prNumber,
    });
    const pull = obj(data);
    const head = obj(pull?.head);
    const headRepository = str(obj(head?.repo)?.full_name);
    const fullName = `${context.owner}/${context.repo}`;
    return {
        ...context,
        headRef: str(head?.ref),
        baseRef: str(obj(pull?.base)?.ref),
        headSha: str(head?.sha),
        headRepository,
        // A deleted fork has head.repo === null: treat it as foreign.
        isFork: headRepository === '' || headRepository.toLowerCase() !== fullName.toLowerCase(),
    };
}

// EXTERNAL MODULE: ./src/github/artifact.ts
var github_artifact = __webpack_require__(49721);
// EXTERNAL MODULE: ./src/core/result.ts
var result = __webpack_require__(39294);
;// CONCATENATED MODULE: ./src/github/gating.ts

/**
 * Events only a person with write access (or the repository itself) can start:
 * these are not gated. Every other event, including ones anyone can trigger
 * (comments, issues, pull requests, stars, forks, discussions, workflow_run), is.
 */
const UNGATED_EVENTS = new Set([
    'push',
    'schedule',
    'workflow_dispatch',
    'repository_dispatch',
    'merge_group',
    'create',
    'delete',
    '',
]);
const WRITE_LEVELS = new Set(['admin', 'maintain', 'write']);
function isPersonEvent(eventName) {
    return !UNGATED_EVENTS.has(eventName);
}
function isBot(actor) {
    return actor.login.toLowerCase().endsWith('[bot]') || actor.type.toLowerCase() === 'bot';
}
function botListed(login, allowBots) {
    const bare = login.toLowerCase().replace(/\[bot\]$/, '');
    return allowBots.some((entry) => entry.toLowerCase().replace(/\[bot\]$/, '') === bare);
}
function userListed(login, allowUsers) {
    const lower = login.toLowerCase();
    return allowUsers.some((entry) => entry.toLowerCase() === lower);
}
/** The people whose access decides the run, most relevant first. */
function actorsOf(context) {
    if (context.eventName === 'workflow_run' && context.workflowRun !== undefined) {
        const { actor, triggeringActor } = context.workflowRun;
        const list = [triggeringActor, actor].filter((a) => a !== undefined);
        const seen = new Set();
        return list.filter((a) => {
            const key = a.login.toLowerCase();
            if (seen.has(key))
                return false;
            seen.add(key);
            return true;
        });
    }
    if (context.sender !== undefined) {
        // GITHUB_ACTOR and sender agree on these events; sender also says whether it is a bot.
        return [context.sender];
    }
    return context.actor !== '' ? [{ login: context.actor, type: '' }] : [];
}
async function checkTrigger(context, config, api) {
    const notes = [];
    const event = context.eventName;
    if ((event === 'pull_request_target' || event === 'workflow_run') &&
        context.isFork &&
        !config.allowUntrustedCode) {
        return (0,result/* err */._)(`refused: ${event} runs code from the fork '${context.headRepository || 'unknown'}' ` +
            'with this repository’s secrets; set allow-untrusted-code: true to accept that risk');
    }
    if (context.isFork && config.allowUntrustedCode) {
        notes.push(`running code from fork '${context.headRepository}' (allow-untrusted-code is set)`);
    }
    if (!isPersonEvent(event)) {
        notes.push(`event '${event || 'unknown'}' is not gated by actor permission`);
        return (0,result.ok)(notes);
    }
    const actors = actorsOf(context);
    if (actors.length === 0) {
        return (0,result/* err */._)(`refused: cannot tell who triggered the ${event} event`);
    }
    for (const actor of actors) {
        const verdict = await checkActor(actor, config, api);
        if (!verdict.ok)
            return verdict;
        notes.push(verdict.value);
    }
    return (0,result.ok)(notes);
}
async function checkActor(actor, config, api) {
    const { login } = actor;
    if (isBot(actor)) {
        if (botListed(login, config.allowBots))
            return (0,result.ok)(`bot '${login}' is in allow-bots`);
        return (0,result/* err */._)(`refused: '${login}' is a bot and is not listed in allow-bots`);
    }
    if (userListed(login, config.allowUsers)) {
        return (0,result.ok)(`user '${login}' is in allow-users`);
    }
    let permission;
    try {
        permission = await api.permissionOf(login);
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return (0,result/* err */._)(`refused: could not read the repository permission of '${login}' (${message})`);
    }
    if (WRITE_LEVELS.has(permission)) {
        return (0,result.ok)(`'${login}' has ${permission} permission`);
    }
    return (0,result/* err */._)(`refused: '${login}' has ${permission} permission; write, maintain or admin is needed ` +
        '(or add the user to allow-users)');
}
function statusOf(error) {
    if (typeof error === 'object' && error !== null && 'status' in error) {
        const status = error.status;
        return typeof status === 'number' ? status : undefined;
    }
    return undefined;
}
const ROLE_NAMES = new Set(['admin', 'maintain', 'write', 'triage', 'read']);
/**
 * Permission lookups through the REST collaborator-permission endpoint. Takes an
 * Octokit-like client, or a token (Octokit is then imported on first use, with
 * `repo.apiUrl` as base URL when given).
 */
function createPermissionApi(client, repo) {
    let resolved = typeof client === 'string' ? undefined : client;
    const getClient = async () => {
        if (resolved === undefined) {
            const { getOctokit } = await __webpack_require__.e(/* import() */ 351).then(__webpack_require__.bind(__webpack_require__, 61351));
            const token = typeof client === 'string' ? client : '';
            resolved = getOctokit(token, repo.apiUrl ? { baseUrl: repo.apiUrl } : {});
        }
        return resolved;
    };
    return {
        async permissionOf(user) {
            try {
                const { data } = await (await getClient()).request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', {
                    owner: repo.owner,
                    repo: repo.repo,
                    username: user,
                });
                const record = (typeof data === 'object' && data !== null ? data : {});
                const role = typeof record.role_name === 'string' ? record.role_name.toLowerCase() : '';
                if (ROLE_NAMES.has(role))
                    return role;
                const permission = typeof record.permission === 'string' ? record.permission : 'none';
                return ROLE_NAMES.has(permission) ? permission : 'none';
            }
            catch (error) {
                // Not a collaborator (404) means no access.
                if (statusOf(error) === 404)
                    return 'none';
                throw error;
            }
        },
    };
}

// EXTERNAL MODULE: ./src/core/record.ts
var core_record = __webpack_require__(14130);
// EXTERNAL MODULE: ./src/workspace/safe-fs.ts
var safe_fs = __webpack_require__(89382);
;// CONCATENATED MODULE: ./src/github/outputs.ts
/**
 * The action's outputs and job summary. Output names come from `OUTPUTS` in src/config/inputs.ts,
 * the one list action.yml and the README table are generated from.
 */





/**
 * Sets every output name: values given are written as strings, missing ones as
 * '' so a workflow can always read them. Returns what was set.
 */
function setOutputs(values) {
    const written = {};
    for (const { name } of inputs/* OUTPUTS */.p) {
        const value = values[name];
        const text = value === undefined ? '' : String(value);
        core.setOutput(name, text);
        written[name] = text;
    }
    return written;
}
/**
 * Output values of a finished run: the record, its report files, what was published. Every
 * name is listed (a value may be undefined), so a new output fails to compile until it is set.
 */
function runOutputValues(record, files, published = {}) {
    const failingAfter = record.final ?? record.baseline;
    return {
        status: record.status,
        'diff-path': files.diffPath,
        'summary-path': files.summaryPath,
        'report-path': files.reportPath,
        iterations: record.totals.iterations,
        tokens: record.totals.tokens,
        'cost-usd': Number(record.totals.costUsd.toFixed(4)),
        'failing-before': record.baseline && (0,core_record/* failingCount */.e)(record.baseline),
        'failing-after': failingAfter && (0,core_record/* failingCount */.e)(failingAfter),
        branch: published.branch,
        'commit-sha': published.commitSha,
        'pr-url': published.prUrl,
        'artifact-id': published.artifactId,
    };
}
/** Sets every output from a finished run (see runOutputValues). */
function setRunOutputs(record, files, published = {}) {
    return setOutputs(runOutputValues(record, files, published));
}
/** GitHub's limit on one step's job summary. */
const JOB_SUMMARY_LIMIT = 1024 * 1024;
const CUT_NOTE = '\n\n_(summary cut: the job summary limit is 1 MiB)_\n';
/**
 * Appends markdown to the job summary file (GITHUB_STEP_SUMMARY), keeping the
 * file within 1 MiB. Returns false when there is no job summary (outside Actions)
 * or nothing fits.
 */
function appendJobSummary(markdown, env = process.env) {
    const file = env.GITHUB_STEP_SUMMARY;
    if (!file)
        return false;
    let existing;
    try {
        existing = external_node_fs_.statSync(file).size;
    }
    catch {
        existing = 0;
    }
    const room = JOB_SUMMARY_LIMIT - existing;
    let text = markdown.endsWith('\n') ? markdown : `${markdown}\n`;
    if (Buffer.byteLength(text, 'utf8') > room) {
        const budget = room - Buffer.byteLength(CUT_NOTE, 'utf8');
        if (budget <= 0)
            return false;
        text = `${truncateUtf8(text, budget)}${CUT_NOTE}`;
    }
    (0,safe_fs/* appendNoFollowSync */.Qt)(file, text);
    return true;
}
/** The longest prefix of `text` whose UTF-8 encoding fits in `maxBytes`, without splitting a character. */
function truncateUtf8(text, maxBytes) {
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length <= maxBytes)
        return text;
    let end = Math.max(0, maxBytes);
    // Step back over continuation bytes (10xxxxxx).
    while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80)
        end--;
    return bytes.subarray(0, end).toString('utf8');
}

// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
// EXTERNAL MODULE: ./src/report/summary.ts
var report_summary = __webpack_require__(57994);
// EXTERNAL MODULE: ./src/workspace/git.ts
var workspace_git = __webpack_require__(3133);
;// CONCATENATED MODULE: ./src/github/publish.ts
/**
 * Publishing a run's result to GitHub: artifact, commit + push, pull request,
 * PR comment. Every failure becomes a readable line in `errors` (with a hint
 * where GitHub's answer is cryptic); nothing here throws, so publishing never
 * crashes a run. Octokit and the artifact client are imported only when used.
 */






/** Hidden marker that identifies greenloop's summary comment on a PR. */
const COMMENT_MARKER = '<!-- greenloop:summary -->';
/** GitHub refuses PR and comment bodies over 65,536 characters ("body is too long"). */
const BODY_LIMIT = 65_536;
async function publish(options) {
    const result = { errors: [] };
    try {
        await publishInto(result, options);
    }
    catch (error) {
        // Every step catches its own failures; this is the last guard.
        result.errors.push(`publish: unexpected error: ${messageOf(error)}`);
    }
    const redact = (text) => options.redactor?.redact(text) ?? text;
    result.errors = result.errors.map(redact);
    return result;
}
async function publishInto(result, options) {
    const { log, context } = options;
    const kinds = publishKinds(options, result);
    if (kinds.has('artifact'))
        await publishArtifact(options, result);
    let octokit;
    const api = async () => {
        if (octokit === undefined) {
            const github = await __webpack_require__.e(/* import() */ 351).then(__webpack_require__.bind(__webpack_require__, 61351));
            octokit = github.getOctokit(options.token, { baseUrl: context.apiUrl });
        }
        return octokit;
    };
    const redact = (text) => options.redactor?.redact(text) ?? text;
    const summary = redact(options.summary ?? readSummary(options));
    if (kinds.has('commit') || kinds.has('pull-request')) {
        const pushed = await commitAndPush(options, result);
        if (pushed !== undefined && kinds.has('pull-request')) {
            await step(result, 'pull request', async () => {
                const body = withDiffLocation(summary, result);
                const pull = await openOrUpdatePull(await api(), options, pushed, body);
                result.prUrl = pull.url;
                if (pull.draftRefused)
                    result.prDraftRefused = true;
                log.info(`Pull request: ${result.prUrl}`);
            });
        }
    }
    if (options.comment)
        await postComment(options, result, summary, api);
}
/**
 * The outputs this run publishes: those asked for, less commit and pull request when git
 * publishing is refused (then the artifact instead, when the refusal says so).
 */
function publishKinds(options, result) {
    const kinds = new Set(options.outputs.filter((k) => k !== 'none'));
    if (!kinds.has('commit') && !kinds.has('pull-request'))
        return kinds;
    const refusal = gitRefusal(options);
    if (refusal === undefined)
        return kinds;
    kinds.delete('commit');
    kinds.delete('pull-request');
    if (refusal.downgrade) {
        kinds.add('artifact');
        options.log.warn(`${refusal.message}; publishing the diff as an artifact instead`);
    }
    else {
        options.log.info(refusal.message);
    }
    if (refusal.error)
        result.errors.push(refusal.message);
    return kinds;
}
async function publishArtifact(options, result) {
    const upload = await (0,github_artifact/* uploadArtifact */.mz)(options.artifactName, [...options.files.list], options.files.dir, options.retentionDays, options.log, options.artifactMode ?? 'unique');
    if (!upload.ok)
        result.errors.push(upload.error);
    else {
        result.artifactId = upload.value.id;
        result.artifactName = upload.value.name;
    }
}
/** The summary as a comment on the pull request the event is about (one, updated on reruns). */
async function postComment(options, result, summary, api) {
    const { context, log } = options;
    const issue = commentTarget(context);
    if (issue === undefined) {
        log.info(`comment: skipped, the ${context.eventName || 'unknown'} event has no pull request`);
    }
    else if (!options.token) {
        result.errors.push('comment: no github-token given');
    }
    else {
        await step(result, 'comment', async () => {
            result.commentUrl = await upsertComment(await api(), context, issue, commentBody(withDiffLocation(summary, result), result));
            log.info(`Comment: ${result.commentUrl}`);
        });
    }
}
function gitRefusal(options) {
    const { context, record } = options;
    if (context.isFork) {
        return {
            message: `not pushing to the fork '${context.headRepository || 'unknown'}': commit and pull-request are disabled for fork pull requests`,
            downgrade: true,
            error: false,
        };
    }
    const touched = options.protectedPathsTouched ?? [];
    if (touched.length > 0) {
        const list = touched.slice(0, 10).join(', ') + (touched.length > 10 ? ', ...' : '');
        return {
            message: `commit/pull-request refused: the change touches protected paths (${list})`,
            downgrade: true,
            error: true,
        };
    }
    if (record.diff.trim() === '') {
        return {
            message: 'commit/pull-request skipped: no changes to publish',
            downgrade: false,
            error: false,
        };
    }
    if (!options.token) {
        return {
            message: 'commit/pull-request refused: no github-token given',
            downgrade: true,
            error: true,
        };
    }
    return undefined;
}
/** The branch commit and pull-request outputs push to (the `branch` input, or greenloop/<run id>). */
function outputBranch(branch, context) {
    return (0,workspace_git/* sanitiseBranchName */.a6)(branch || `greenloop/${context.runId || 'run'}`);
}
/**
 * Branches never pushed to: the one the run starts from, and the default branch (`main` and
 * `master` when the event does not name it; the push also refuses the default branch by name).
 */
function refusedBranches(context) {
    const base = startingBranch(context);
    return [
        ...(context.defaultBranch === '' ? ['main', 'master'] : [context.defaultBranch]),
        ...(base !== '' ? [base] : []),
    ];
}
/** Commits the best state and pushes it; returns the branch, or undefined on failure. */
async function commitAndPush(options, result) {
    const { context, record } = options;
    const branch = outputBranch(options.branch, context);
    const root = options.workspace || stringField(record.config, 'workspace') || context.workspace;
    if (!root) {
        result.errors.push('commit: no workspace folder to commit from');
        return undefined;
    }
    const protectedBranches = [...(options.protectedBranches ?? []), ...refusedBranches(context)];
    let sha;
    try {
        ({ sha } = await (0,workspace_git/* commitBestState */.Le)({
            root,
            ...(options.tree !== undefined ? { tree: options.tree } : {}),
            branch,
            message: options.commitMessage || `greenloop: ${record.status}`,
            ...(options.author !== undefined ? { author: options.author } : {}),
            parentRef: options.parentRef ?? 'HEAD',
        }));
    }
    catch (error) {
        result.errors.push(`commit: ${messageOf(error)}`);
        return undefined;
    }
    const pushed = await (0,workspace_git/* pushBranch */.TV)({
        root,
        remote: 'origin',
        branch,
        token: options.token,
        defaultBranch: context.defaultBranch,
        protectedBranches,
        serverUrl: context.serverUrl,
        ...(options.remoteTip !== undefined ? { lease: options.remoteTip } : {}),
        ...(options.configFingerprint !== undefined
            ? {
                expectedFingerprint: options.configFingerprint.expected,
                fingerprint: options.configFingerprint.compute,
            }
            : {}),
    });
    if (!pushed.ok) {
        result.errors.push(`push: ${pushed.error}${pushHint(pushed.error)}`);
        return undefined;
    }
    // Only now: the commit-sha output names a commit that is on the remote.
    result.commitSha = sha;
    result.branch = branch;
    options.log.info(`Pushed ${sha} to '${branch}'`);
    return branch;
}
async function openOrUpdatePull(octokit, options, branch, summary) {
    const { context, record } = options;
    const base = startingBranch(context);
    if (base === '')
        throw new Error('cannot tell which branch the pull request should target');
    const title = cleanTitle(options.prTitle || `greenloop: ${record.status}`);
    const body = capBody(summary);
    const repo = { owner: context.owner, repo: context.repo };
    const open = await octokit.rest.pulls.list({
        ...repo,
        state: 'open',
        head: `${context.owner}:${branch}`,
        per_page: 10,
    });
    const existing = open.data[0];
    if (existing !== undefined) {
        const updated = await octokit.rest.pulls.update({
            ...repo,
            pull_number: existing.number,
            title,
            body,
        });
        options.log.info(`Updated pull request #${existing.number}`);
        return { url: updated.data.html_url };
    }
    const create = (draft) => octokit.rest.pulls.create({ ...repo, title, head: branch, base, body, draft });
    try {
        return { url: (await create(options.prDraft)).data.html_url };
    }
    catch (error) {
        // Private repositories on GitHub Free and Pro have no draft pull requests: 422 "Draft pull
        // requests are not supported in this repository." Open a ready one and say so.
        if (!options.prDraft || !/draft pull requests are not supported/i.test(describeApiError(error)))
            throw error;
        options.log.info('This repository does not support draft pull requests (a private repository on GitHub Free or Pro): opening a ready pull request instead');
        return { url: (await create(false)).data.html_url, draftRefused: true };
    }
}
/** The issue/PR number a comment goes to, on events that have one. */
function commentTarget(context) {
    if (context.prNumber !== undefined)
        return context.prNumber;
    if (context.eventName === 'issue_comment' || context.eventName === 'issues') {
        const issue = context.payload.issue;
        if (typeof issue === 'object' && issue !== null) {
            const n = issue.number;
            if (typeof n === 'number')
                return n;
        }
    }
    return undefined;
}
async function upsertComment(octokit, context, issue, body) {
    const repo = { owner: context.owner, repo: context.repo };
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        ...repo,
        issue_number: issue,
        per_page: 100,
    });
    // Only a comment this token wrote is updated: anyone can paste the marker into theirs.
    const me = await tokenIdentity(octokit);
    const mine = comments.find((c) => me !== undefined &&
        (c.body ?? '').includes(COMMENT_MARKER) &&
        c.user !== null &&
        sameLogin(c.user.login, me.login) &&
        // A user `foo` is not the bot `foo[bot]` (an App's slug is free to take as a user name).
        me.bot === (c.user.type === 'Bot'));
    if (mine !== undefined) {
        const updated = await octokit.rest.issues.updateComment({ ...repo, comment_id: mine.id, body });
        return updated.data.html_url;
    }
    const created = await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body });
    return created.data.html_url;
}
/**
 * Who the token acts as. GET /user answers for user tokens; installation tokens
 * (GITHUB_TOKEN, GitHub App tokens) get 403 "Resource not accessible by
 * integration" there, but GraphQL `viewer` answers for them with the bot's login:
 * `github-actions[bot]` for GITHUB_TOKEN, `<app slug>[bot]` for an App token
 * (compared with and without the `[bot]` suffix). When GET /user said 403 (an
 * installation token) and GraphQL did not answer, the job's GITHUB_TOKEN is assumed: a
 * marker comment by `github-actions[bot]` is one a workflow of this repository wrote.
 * Otherwise (a server error, the network) the identity is unknown: a new comment is posted.
 */
async function tokenIdentity(octokit) {
    let installation;
    try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return { login: data.login, bot: data.type === 'Bot' };
    }
    catch (error) {
        // An installation token gets 403 here: ask GraphQL.
        installation =
            typeof error === 'object' && error !== null && 'status' in error && error.status === 403;
    }
    try {
        const data = await octokit.graphql('query { viewer { login } }');
        const login = data.viewer?.login;
        if (typeof login === 'string' && login !== '')
            return { login, bot: true };
    }
    catch {
        // Fall through to GITHUB_TOKEN's identity.
    }
    return installation ? { login: 'github-actions[bot]', bot: true } : undefined;
}
function sameLogin(a, b) {
    const bare = (login) => login.toLowerCase().replace(/\[bot\]$/, '');
    return bare(a) === bare(b);
}
function commentBody(summary, result) {
    const links = [];
    if (result.prUrl)
        links.push(`Pull request: ${result.prUrl}`);
    if (result.artifactId !== undefined)
        links.push(`Artifact id: ${result.artifactId}`);
    const footer = links.length > 0 ? `\n\n---\n${links.join(' · ')}\n` : '\n';
    return capBody(`${COMMENT_MARKER}\n${summary.trimEnd()}${footer}`);
}
/**
 * The summary with its "full diff" note (a cut diff) saying where this run really published
 * the diff: the pushed commit, the artifact, or neither.
 */
function withDiffLocation(summary, result) {
    if (!summary.includes(report_summary/* FULL_DIFF_NOTE */.XG))
        return summary;
    const places = [
        ...(result.commitSha !== undefined && result.branch !== undefined
            ? [`commit ${result.commitSha} on branch ${(0,report_escape/* codeSpan */.SS)(result.branch)}`]
            : []),
        ...(result.artifactName !== undefined
            ? [`\`greenloop.diff\` in the artifact ${(0,report_escape/* codeSpan */.SS)(result.artifactName)}`]
            : []),
    ];
    const note = places.length > 0
        ? `The full diff is ${places.join(', and ')}.`
        : "The full diff was not published: it is `greenloop.diff` in the run's output folder on the runner (the `diff-path` output).";
    return summary.split(report_summary/* FULL_DIFF_NOTE */.XG).join(note);
}
function readSummary(options) {
    try {
        const text = external_node_fs_.readFileSync(options.files.summaryPath, 'utf8');
        if (text.trim() !== '')
            return text;
    }
    catch {
        // Fall through to a one-line summary.
    }
    return `greenloop finished with status \`${options.record.status}\`: ${options.record.stopReason}\n`;
}
/**
 * Keeps a PR or comment body within GitHub's limit: cut at a line end, and
 * never inside a code fence (the rest of the body would render as code).
 */
function capBody(text) {
    if (text.length <= BODY_LIMIT)
        return text;
    const note = '\n\n_(cut: GitHub limits this text to 65,536 characters; the job summary of the run has all of it)_\n';
    let kept = text.slice(0, BODY_LIMIT - note.length);
    const lineEnd = kept.lastIndexOf('\n');
    if (lineEnd > 0)
        kept = kept.slice(0, lineEnd + 1);
    const open = openFenceAt(kept);
    if (open !== undefined)
        kept = kept.slice(0, open);
    return kept.trimEnd() + note;
}
/**
 * Where the code block still open at the end of `text` starts, if one is. As
 * CommonMark reads fences: a block opened by N backticks (or tildes) is closed
 * only by a fence of the same character at least N long with nothing after it,
 * so the ``` lines inside a ```` block (the summary's logs use a longer
 * fence when the log has backticks) neither open nor close anything.
 */
function openFenceAt(text) {
    let open;
    let at = 0;
    for (const line of text.split('\n')) {
        const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
        if (fence !== null) {
            const [, run = '', rest = ''] = fence;
            const char = run.charAt(0);
            if (open === undefined) {
                // A backtick fence's info string may not contain a backtick.
                if (char !== '`' || !rest.includes('`'))
                    open = { char, length: run.length, at };
            }
            else if (char === open.char && run.length >= open.length && rest.trim() === '') {
                open = undefined;
            }
        }
        at += line.length + 1;
    }
    return open?.at;
}
function cleanTitle(text) {
    const line = text
        .replace(/[\u0000-\u001f\u007f]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return (line || 'greenloop').slice(0, 256);
}
async function step(result, what, fn) {
    try {
        await fn();
    }
    catch (error) {
        result.errors.push(`${what}: ${describeApiError(error)}`);
    }
}
function stringField(record, key) {
    const value = record[key];
    return typeof value === 'string' ? value : '';
}
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
/** One readable line for an Octokit error, with a hint for the usual causes. */
function describeApiError(error) {
    const status = typeof error === 'object' && error !== null && 'status' in error
        ? Number(error.status)
        : undefined;
    const data = typeof error === 'object' && error !== null && 'response' in error
        ? (error.response?.data ?? undefined)
        : undefined;
    let message = messageOf(error);
    if (typeof data === 'object' && data !== null) {
        const record = data;
        if (typeof record.message === 'string')
            message = record.message;
        if (Array.isArray(record.errors)) {
            // Entries are objects with a message (`{ resource, code, message }`) or plain strings.
            const details = record.errors
                .map((e) => typeof e === 'string'
                ? e
                : typeof e === 'object' && e !== null && 'message' in e
                    ? String(e.message)
                    : '')
                .filter((s) => s !== '');
            if (details.length > 0)
                message = `${message} (${details.join('; ')})`;
        }
    }
    message = message.replace(/\s+/g, ' ').trim();
    const prefix = status !== undefined && Number.isFinite(status) ? `HTTP ${status}: ` : '';
    return `${prefix}${message}${apiHint(status, message, responseHeaders(error))}`;
}
function responseHeaders(error) {
    if (typeof error !== 'object' || error === null || !('response' in error))
        return {};
    const headers = error.response?.headers;
    return typeof headers === 'object' && headers !== null
        ? headers
        : {};
}
/**
 * A rate limit, named as one (docs.github.com REST "Rate limits for the REST API"): a secondary
 * limit answers 403 or 429 with a message saying so and often `retry-after` (seconds); an
 * exhausted primary limit answers 403 or 429 with `x-ratelimit-remaining: 0` and
 * `x-ratelimit-reset` (UTC epoch seconds).
 */
function rateLimitHint(status, message, headers) {
    if (status !== 403 && status !== 429)
        return undefined;
    const retryAfter = Number(headers['retry-after'] ?? NaN);
    const reset = Number(headers['x-ratelimit-reset'] ?? NaN);
    const after = Number.isFinite(retryAfter) ? `: retry after ${retryAfter} s` : '';
    if (/secondary rate limit/i.test(message)) {
        return ` (hint: GitHub's secondary rate limit${after || ': wait a few minutes'}, then rerun)`;
    }
    if (String(headers['x-ratelimit-remaining']) === '0' ||
        /API rate limit exceeded/i.test(message)) {
        const until = Number.isFinite(reset)
            ? ` until ${new Date(reset * 1000).toISOString().replace(/\.000Z$/, 'Z')}`
            : after;
        return ` (hint: GitHub's API rate limit for this token is used up${until}; rerun after that)`;
    }
    if (status === 429)
        return ` (hint: GitHub rate-limited the request${after})`;
    return undefined;
}
function apiHint(status, message, headers) {
    const rateLimit = rateLimitHint(status, message, headers);
    if (rateLimit !== undefined)
        return rateLimit;
    if (/issue is locked/i.test(message)) {
        return ' (hint: the conversation is locked; unlock it, or turn `comment` off for it)';
    }
    if (/not permitted to create or approve pull requests/i.test(message)) {
        return (' (hint: enable "Allow GitHub Actions to create and approve pull requests" under the ' +
            'repository (or organisation) Settings → Actions → General → Workflow permissions)');
    }
    if (/resource not accessible by integration/i.test(message) || status === 403) {
        return (' (hint: give the workflow `permissions: contents: write, pull-requests: write` ' +
            '(and issues: write for comments); fork pull requests get a read-only token)');
    }
    if (status === 401)
        return ' (hint: the github-token is invalid or expired)';
    return '';
}
function pushHint(error) {
    if (/protected branch|GH006|GH013/i.test(error)) {
        return ' (hint: the output branch is protected by a rule or ruleset; choose another branch)';
    }
    if (/403|denied|not allowed|Authentication failed|could not read Username/i.test(error)) {
        return ' (hint: the workflow needs `permissions: contents: write`, and the token must be allowed to push)';
    }
    return '';
}

;// CONCATENATED MODULE: ./src/github/log.ts
/**
 * The loop's log in the Actions UI: one group per phase. The loop's warnings
 * stay in the log (and the summary's warnings section), not annotations: a
 * step shows at most 10 warning annotations, and the ones that matter — the
 * final status and publish errors, printed last by main.ts — must not be lost
 * behind rollbacks. Every line may carry text from a model or a test log, so
 * workflow commands in it are defused before it is printed.
 */


function actionLog() {
    return {
        info: (line) => core.info((0,report_escape/* neutraliseWorkflowCommands */.WM)(line)),
        warn: (line) => core.info(`Warning: ${(0,report_escape/* neutraliseWorkflowCommands */.WM)(line)}`),
        progress: (line) => core.info((0,report_escape/* neutraliseWorkflowCommands */.WM)(line)),
        group: (title, body) => core.group((0,report_escape/* neutraliseWorkflowCommands */.WM)(title), body),
        startGroup: (title) => core.startGroup((0,report_escape/* neutraliseWorkflowCommands */.WM)(title)),
        endGroup: () => core.endGroup(),
    };
}

// EXTERNAL MODULE: ./src/loop/checkpoint.ts
var checkpoint = __webpack_require__(48638);
;// CONCATENATED MODULE: ./src/github/resume.ts
/**
 * `resume-from`: a checkpoint folder, or the name of an artifact uploaded by an
 * earlier run of this repository's own code (never a fork's run) on the same
 * branch unless `anyBranch`, its newest one, downloaded, checked against its
 * digest and unpacked.
 */




async function loadResume(from, options) {
    const local = external_node_path_.resolve(options.context.workspace ?? process.cwd(), from);
    if ((0,external_node_fs_.existsSync)(local)) {
        const nested = external_node_path_.join(local, 'checkpoint');
        return (0,checkpoint/* loadCheckpoint */.xR)((0,external_node_fs_.existsSync)(external_node_path_.join(nested, 'checkpoint.json')) ? nested : local);
    }
    const { downloadArtifactByName } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 49721));
    const dir = await downloadArtifactByName(from, {
        token: options.token,
        context: options.context,
        dir: external_node_path_.join(options.tempDir, 'resume'),
        branch: options.anyBranch ? '' : startingBranch(options.context),
    });
    const nested = external_node_path_.join(dir, 'checkpoint');
    return (0,checkpoint/* loadCheckpoint */.xR)((0,external_node_fs_.existsSync)(external_node_path_.join(nested, 'checkpoint.json')) ? nested : dir);
}

// EXTERNAL MODULE: ./src/core/secrets.ts
var core_secrets = __webpack_require__(58198);
// EXTERNAL MODULE: ./src/core/status.ts
var core_status = __webpack_require__(85009);
// EXTERNAL MODULE: ./src/app/session.ts + 27 modules
var session = __webpack_require__(4497);
// EXTERNAL MODULE: ./src/report/files.ts + 2 modules
var report_files = __webpack_require__(4025);
// EXTERNAL MODULE: ./src/select/claim.ts
var select_claim = __webpack_require__(81448);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./src/select/zip.ts
/**
 * Reads named files out of an attempt's artifact zip, in memory and within limits. An attempt's
 * artifact is another job's output: unpacking it onto disk would trust its entry names (`../`,
 * absolute paths), its symlinks and its sizes (a deflate bomb expands about 1,000 times). Here
 * nothing is written: only the central directory is read (APPNOTE.TXT 4.3.12, 4.3.16), only the
 * wanted top-level names are inflated, each stopped at its own limit by zlib.
 */


const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const EOCD_SEARCH = 22 + 0xffff;
function endRecord(zip) {
    for (let at = zip.length - 22; at >= Math.max(0, zip.length - EOCD_SEARCH); at--) {
        if (zip.readUInt32LE(at) === EOCD)
            return at;
    }
    return -1;
}
/** The local data of one entry, or why it cannot be read. */
function entryData(zip, local, compressed) {
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL) {
        return (0,result/* err */._)('a local header is not where the directory says');
    }
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (start + compressed > zip.length)
        return (0,result/* err */._)('an entry runs past the end of the zip');
    return (0,result.ok)(zip.subarray(start, start + compressed));
}
function inflate(data, method, limit) {
    if (method === 0)
        return data.length > limit ? (0,result/* err */._)('too large') : (0,result.ok)(data);
    if (method !== 8)
        return (0,result/* err */._)(`compression method ${method} is not deflate`);
    try {
        return (0,result.ok)((0,external_node_zlib_.inflateRawSync)(data, { maxOutputLength: limit }));
    }
    catch (error) {
        const tooLarge = error instanceof Error && 'code' in error && error.code === 'ERR_BUFFER_TOO_LARGE';
        return (0,result/* err */._)(tooLarge ? 'too large' : 'not valid deflate data');
    }
}
/**
 * The wanted files (top-level names, each with its size limit in bytes) from a zip in memory.
 * Anything else in the zip is ignored; an entry over its limit, a name given twice, or a zip
 * that is not one is an error in one line.
 */
function readZipFiles(zip, wanted) {
    const end = endRecord(zip);
    if (end < 0)
        return (0,result/* err */._)('not a zip file');
    const count = zip.readUInt16LE(end + 10);
    let at = zip.readUInt32LE(end + 16);
    const found = new Map();
    for (let i = 0; i < count; i++) {
        if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) {
            return (0,result/* err */._)('its central directory is damaged');
        }
        const nameLength = zip.readUInt16LE(at + 28);
        const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
        const next = at + 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
        const limit = Object.hasOwn(wanted, name) ? wanted[name] : undefined;
        if (limit !== undefined) {
            if (found.has(name))
                return (0,result/* err */._)(`${name} is in the zip twice`);
            const data = entryData(zip, zip.readUInt32LE(at + 42), zip.readUInt32LE(at + 20));
            if (!data.ok)
                return data;
            const content = inflate(data.value, zip.readUInt16LE(at + 10), limit);
            if (!content.ok)
                return (0,result/* err */._)(`${name}: ${content.error} (limit ${limit} bytes)`);
            found.set(name, content.value);
        }
        at = next;
    }
    return (0,result.ok)(found);
}

;// CONCATENATED MODULE: ./src/github/attempts.ts
/**
 * The attempts of this workflow run, for `mode: select`: the artifacts of the current run whose
 * names start with the prefix (checkpoints left out), each downloaded, checked against the digest
 * the service recorded at upload, and read as a candidate (its report.json claim and its diff).
 * Only the current run is listed (`GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts`,
 * https://docs.github.com/rest/actions/artifacts#list-workflow-run-artifacts), so an artifact of
 * the same name from another run, a fork's included, is never a candidate.
 */







/** A diff larger than this is not read (a published diff is far smaller). */
const MAX_DIFF_BYTES = 20 * 1024 * 1024;
/** A report.json is a few kilobytes; more is not a greenloop report. */
const MAX_REPORT_BYTES = 1024 * 1024;
/** An attempt's zip holds its report, diff, logs and transcript: past this it is not downloaded. */
const MAX_ZIP_BYTES = 100 * 1024 * 1024;
/** Whether `name` is an attempt's result artifact under `prefix` (not a checkpoint). */
function isAttemptArtifact(name, prefix) {
    return name.startsWith(prefix) && !/(^|-)checkpoint(-|$)/.test(name);
}
async function downloadAttempts(options) {
    const { context, token } = options;
    if ((0,github_artifact/* isGhes */.aT)(context.serverUrl))
        throw new github_artifact/* ArtifactDownloadError */.dB((0,github_artifact/* ghesMessage */.xQ)(context.serverUrl));
    if (!token)
        throw new github_artifact/* ArtifactDownloadError */.dB("mode select lists the run's artifacts: no github-token");
    const runId = Number(context.runId);
    if (!Number.isInteger(runId) || runId <= 0) {
        throw new github_artifact/* ArtifactDownloadError */.dB('mode select runs inside a workflow run: GITHUB_RUN_ID is not set');
    }
    const listed = await listRunArtifacts(token, context, runId);
    const attempts = listed.filter((a) => isAttemptArtifact(a.name, options.prefix));
    options.log(`Attempts in this workflow run: ${attempts.length} artifact(s) named ${options.prefix}* (of ${listed.length})`);
    const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(824), __webpack_require__.e(351), __webpack_require__.e(626)]).then(__webpack_require__.bind(__webpack_require__, 54626));
    const client = new DefaultArtifactClient();
    const candidates = [];
    const skipped = [];
    for (const artifact of attempts) {
        const candidate = await fetchCandidate(artifact, options.dir, (into) => client.downloadArtifact(artifact.id, {
            path: into,
            // The zip as it is: read in memory below, never unpacked onto disk.
            skipDecompress: true,
            ...(artifact.digest ? { expectedHash: artifact.digest } : {}),
            findBy: {
                token,
                workflowRunId: runId,
                repositoryOwner: context.owner,
                repositoryName: context.repo,
            },
        }));
        if (candidate.ok)
            candidates.push(candidate.value);
        else
            skipped.push(candidate.error);
    }
    for (const line of skipped)
        options.log(`Skipped ${line}`);
    return { candidates, skipped };
}
/** One attempt's artifact downloaded into its own folder (by id), read and removed. */
async function fetchCandidate(artifact, dir, download) {
    const refuse = (why) => (0,result/* err */._)(`${artifact.name}: ${why}`);
    if (artifact.size > MAX_ZIP_BYTES) {
        return refuse(`${artifact.size} bytes, over the ${MAX_ZIP_BYTES / 1024 / 1024} MB an attempt may have`);
    }
    const into = external_node_path_.join(dir, String(artifact.id));
    try {
        const response = await download(into);
        if (response.digestMismatch === true)
            return refuse('does not match the digest recorded at upload');
        const files = await (0,promises_.readdir)(into);
        const file = files.length === 1 ? external_node_path_.join(into, files[0]) : '';
        const info = file ? await (0,promises_.stat)(file) : undefined;
        if (!info?.isFile() || info.size > MAX_ZIP_BYTES)
            return refuse('the download is not one zip file');
        return readCandidate(artifact.name, await (0,promises_.readFile)(file));
    }
    catch (error) {
        return refuse((0,github_artifact/* oneLine */.TN)(error instanceof Error ? error.message : String(error)));
    }
    finally {
        await (0,promises_.rm)(into, { recursive: true, force: true });
    }
}
/** The claim (report.json) and diff of one attempt's zip, each within its limit. */
function readCandidate(name, zip) {
    const files = readZipFiles(zip, {
        [report_files/* REPORT_FILES */.JL.report]: MAX_REPORT_BYTES,
        [report_files/* REPORT_FILES */.JL.diff]: MAX_DIFF_BYTES,
    });
    if (!files.ok)
        return (0,result/* err */._)(`${name}: ${files.error}`);
    const report = files.value.get(report_files/* REPORT_FILES */.JL.report);
    if (!report)
        return (0,result/* err */._)(`${name}: no ${report_files/* REPORT_FILES */.JL.report}`);
    const claim = (0,select_claim/* readClaim */.j)(name, report.toString('utf8'));
    if (!claim.ok)
        return claim;
    // No diff file: the attempt changed nothing.
    const diff = files.value.get(report_files/* REPORT_FILES */.JL.diff)?.toString('utf8') ?? '';
    return (0,result.ok)({ claim: claim.value, diff });
}
async function listRunArtifacts(token, context, runId) {
    try {
        const { getOctokit } = await __webpack_require__.e(/* import() */ 351).then(__webpack_require__.bind(__webpack_require__, 61351));
        const octokit = getOctokit(token, { baseUrl: context.apiUrl });
        const artifacts = await octokit.paginate(octokit.rest.actions.listWorkflowRunArtifacts, {
            owner: context.owner,
            repo: context.repo,
            run_id: runId,
            per_page: 100,
        });
        return artifacts
            .filter((a) => !a.expired && (a.workflow_run?.id ?? runId) === runId)
            .map((a) => ({ id: a.id, name: a.name, digest: a.digest ?? '', size: a.size_in_bytes }));
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new github_artifact/* ArtifactDownloadError */.dB(`cannot list the artifacts of this workflow run (the job needs \`actions: read\`): ${(0,github_artifact/* oneLine */.TN)(message)}`);
    }
}

// EXTERNAL MODULE: ./src/app/select.ts + 4 modules
var app_select = __webpack_require__(99138);
;// CONCATENATED MODULE: ./src/main.ts
/**
 * The action: read the config, check who triggered the run, run the core,
 * publish, set outputs. Only wiring; only this file and cli.ts decide the exit code.
 */





















async function main() {
    const env = process.env;
    const parsed = (0,parse/* parseConfig */.o4)(readActionInputs(), {
        baseDir: env.GITHUB_WORKSPACE ?? process.cwd(),
        env,
    });
    if (!parsed.ok) {
        for (const error of parsed.error)
            core.error(error);
        process.exitCode = 1;
        return;
    }
    const config = parsed.value;
    const secrets = (0,core_secrets/* secretValues */.VX)({ known: [config.apiKey, config.githubToken] });
    for (const secret of secrets.flatMap(core_secrets/* secretForms */.eo))
        core.setSecret(secret);
    try {
        const context = await admittedContext(config, env);
        const plan = publishingPlan(config, context, env);
        const repo = await preparedGit(config, context, plan.output, env);
        await runAndPublish({ config, secrets, context, plan, env, ...repo });
    }
    catch (error) {
        if (!(error instanceof session/* SetupError */.w3))
            throw error;
        // An empty message: the refusal was already logged where it was found.
        if (error.message)
            core.error(error.message);
        process.exitCode = 1;
    }
}
/** The run's context once the trigger is allowed (a comment's pull request filled in); else a SetupError. */
async function admittedContext(config, env) {
    const context = readGitHubContext(env);
    const selfTriggered = greenloopBranchRefusal(context, config.allowGreenloopBranch);
    if (selfTriggered !== undefined)
        throw new session/* SetupError */.w3(selfTriggered);
    const gate = await checkTrigger(context, config, createPermissionApi(config.githubToken, context));
    if (!gate.ok)
        throw new session/* SetupError */.w3(`greenloop refused to run: ${gate.error}`);
    for (const note of gate.value)
        core.info(note);
    if (context.eventName !== 'issue_comment' || context.prNumber === undefined)
        return context;
    try {
        const { getOctokit } = await __webpack_require__.e(/* import() */ 351).then(__webpack_require__.bind(__webpack_require__, 61351));
        return await withPullRequest(context, getOctokit(config.githubToken, { baseUrl: context.apiUrl }));
    }
    catch (error) {
        throw new session/* SetupError */.w3(`greenloop cannot read pull request #${context.prNumber}, so it will not run: ${describeApiError(error)}`);
    }
}
function publishingPlan(config, context, env) {
    let output = context.isFork && config.output.some((o) => o === 'commit' || o === 'pull-request')
        ? (core.warning('The pull request comes from a fork: publishing as an artifact only.'),
            ['artifact'])
        : [...config.output];
    const pushing = output.find((o) => o === 'commit' || o === 'pull-request');
    const pushes = pushing !== undefined;
    // Found before anything starts, not when publishing refuses after a paid run; after the fork
    // downgrade, which needs no token.
    if (pushing !== undefined && config.githubToken === '') {
        throw new session/* SetupError */.w3(`Input 'github-token' is empty, but output '${pushing}' pushes a branch with it: leave github-token unset (the job's token is the default) or set output: artifact.`);
    }
    const branch = outputBranch(config.branch, context);
    if (pushes && config.branch !== '' && refusedBranches(context).includes(branch)) {
        throw new session/* SetupError */.w3(`Input 'branch' must not be the default branch or the branch the run starts from, got '${config.branch}'.`);
    }
    const ghes = (0,github_artifact/* isGhes */.aT)(context.serverUrl);
    if (ghes && output.includes('artifact')) {
        core.warning(`No artifact: ${(0,github_artifact/* ghesMessage */.xQ)(context.serverUrl)}.`);
        output = output.filter((o) => o !== 'artifact');
        if (output.length === 0)
            output = ['none'];
    }
    if (ghes && output.some((o) => o !== 'none')) {
        core.info('No checkpoint artifacts either: on GHES, resume-from takes a checkpoint folder only.');
    }
    const names = (0,github_artifact/* defaultArtifactNames */.qg)({
        job: env.GITHUB_JOB ?? '',
        matrix: config.jobMatrix,
        runAttempt: context.runAttempt,
    });
    const chosen = config.artifactName
        ? (0,github_artifact/* chosenArtifactNames */.x1)(config.artifactName, config.jobMatrix)
        : names;
    return { output, ghes, artifactName: chosen.result, checkpointName: chosen.checkpoint };
}
/**
 * The workspace's git, on the pull request's head, with the checkout's persisted credentials
 * removed, and what the push will check later (config fingerprint, the branch's remote tip).
 */
async function preparedGit(config, context, output, env) {
    let git;
    try {
        git = (0,workspace_git/* createGit */.lD)(config.workspace, { env });
    }
    catch (error) {
        throw new session/* SetupError */.w3(error instanceof Error ? error.message : String(error));
    }
    if (!(await onPullRequestHead(context, output, git, config.githubToken)))
        throw new session/* SetupError */.w3('');
    await removeCredentials(config, git);
    const fingerprint = await git.configFingerprint().catch(() => {
        core.warning('Could not fingerprint the git config: the tamper check before pushing is off.');
        return '';
    });
    // Read before the model runs: the push replaces the branch only if nobody moved it since.
    const remoteTip = config.githubToken !== '' && output.some((o) => o === 'commit' || o === 'pull-request')
        ? await git.tryRemoteTip(outputBranch(config.branch, context), {
            token: config.githubToken,
            serverUrl: context.serverUrl,
        })
        : undefined;
    return { git, fingerprint, remoteTip };
}
async function removeCredentials(config, git) {
    let removed = [];
    try {
        removed = await git.removePersistedCredentials();
    }
    catch (error) {
        // A workspace that is not a git repository has no persisted credentials to remove.
        if ((0,external_node_fs_.existsSync)(external_node_path_.join(config.workspace, '.git'))) {
            await git.restorePersistedCredentials().catch(() => undefined);
            throw new session/* SetupError */.w3(`greenloop cannot remove the checkout's persisted credentials, so it will not run: ${error instanceof Error ? error.message : String(error)}`);
        }
    }
    if (removed.length > 0)
        core.info(`Removed the checkout's persisted credentials (${removed.length}) before the model runs.`);
}
/** Where the result went and what was refused, for the job summary (the annotations alone vanish). */
function publishedSection(published) {
    const lines = [
        // GitHub's html_url, not model text: printed as a link (markdownUrl checks it first).
        published.prUrl
            ? `- Pull request: ${(0,report_escape/* markdownUrl */.$x)(published.prUrl)}${published.prDraftRefused ? ' (ready for review: this repository has no draft pull requests)' : ''}`
            : '',
        published.branch
            ? `- Pushed ${published.commitSha ?? ''} to ${(0,report_escape/* escapeMarkdown */.FV)(published.branch)}`
            : '',
        published.artifactName ? `- Artifact: ${(0,report_escape/* escapeMarkdown */.FV)(published.artifactName)}` : '',
        ...published.errors.map((error) => `- ⚠️ ${(0,report_escape/* escapeMarkdown */.FV)(error)}`),
    ].filter((line) => line !== '');
    return lines.length === 0 ? '' : `\n### Published\n\n${lines.join('\n')}\n`;
}
/** The session (or select step), then publishing; credentials restored and work folder removed after. */
async function runAndPublish(run) {
    const temp = await (0,promises_.mkdtemp)(external_node_path_.join(run.env.RUNNER_TEMP ?? external_node_os_.tmpdir(), 'greenloop-'));
    const log = actionLog();
    // A cancelled job gets SIGINT, then SIGTERM 7.5 s later: kill the running command's process
    // group, end the run `cancelled` and publish what exists (at least the job summary).
    const cancel = new AbortController();
    const onSignal = (signal) => {
        if (cancel.signal.aborted)
            return;
        core.warning(`greenloop: ${signal}: stopping the running command and publishing what exists`);
        cancel.abort(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
        const session = await runStep(run, temp, log, cancel.signal);
        await publishStep(run, session, log);
    }
    catch (error) {
        reportFailure(error, run.secrets);
    }
    finally {
        // A later step of the job may push with the checkout's credentials.
        await run.git.restorePersistedCredentials().catch((error) => {
            core.warning(`Could not restore the checkout's persisted credentials: ${error instanceof Error ? error.message : String(error)}`);
        });
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        // The report files stay (the outputs point at them); the private work folder goes.
        await (0,promises_.rm)(external_node_path_.join(temp, 'work'), { recursive: true, force: true }).catch(() => undefined);
    }
}
/** The loop session (resumed from a checkpoint when asked), or the select step of `mode: select`. */
async function runStep(run, temp, log, signal) {
    const { config, context, env, secrets, plan } = run;
    const resume = config.resumeFrom
        ? await loadResume(config.resumeFrom, {
            token: config.githubToken,
            context,
            tempDir: temp,
            anyBranch: config.resumeFromAnyBranch,
        }).catch((error) => {
            throw new session/* SetupError */.w3(`Input 'resume-from' must be a checkpoint folder or the artifact name of an earlier run, got '${config.resumeFrom}': ${error instanceof Error ? error.message : String(error)}`);
        })
        : undefined;
    const paths = { outDir: external_node_path_.join(temp, 'out'), workDir: external_node_path_.join(temp, 'work') };
    if (config.mode === 'select') {
        return (0,app_select/* runSelectStep */.a)({ config, log, ...paths, env, secrets }, await attemptsOfThisRun(config, context, external_node_path_.join(temp, 'attempts')));
    }
    return (0,session/* runSession */.Ie)({
        config,
        log,
        ...paths,
        env,
        secrets,
        signal,
        ...(resume ? { resume } : {}),
        ...(plan.output.some((o) => o !== 'none') && !plan.ghes
            ? { onCheckpoint: checkpointUploader(config, plan.checkpointName) }
            : {}),
    });
}
/** Uploads each iteration's checkpoint as one artifact, replaced each time. */
function checkpointUploader(config, checkpointName) {
    return async (dir, file, iteration) => {
        const upload = await (0,github_artifact/* replaceArtifact */.L7)(checkpointName, [file], dir, config.retentionDays, {
            info: () => { },
            warn: () => { },
        });
        core.info(!upload.ok
            ? `Could not upload the checkpoint: ${upload.error}`
            : `Uploaded the checkpoint of iteration ${iteration} as artifact '${upload.value.name}' (resume-from: ${checkpointName})`);
    };
}
/** Publishes the result, sets the outputs and the job summary, and says how the run ended. */
async function publishStep(run, session, log) {
    const { config, context, plan, git, fingerprint, remoteTip } = run;
    // summary.md is rendered from the redacted record: use it as written.
    const summary = await (0,promises_.readFile)(session.files.summaryPath, 'utf8');
    const published = await publish({
        outputs: plan.output,
        record: session.record,
        files: session.files,
        context,
        token: config.githubToken,
        branch: config.branch,
        commitMessage: config.commitMessage,
        prTitle: config.prTitle,
        prDraft: config.prDraft,
        comment: config.comment,
        artifactName: plan.artifactName,
        artifactMode: config.artifactName ? 'replace' : 'unique',
        retentionDays: config.retentionDays,
        summary,
        redactor: session.redactor,
        workspace: config.workspace,
        tree: session.bestTree,
        ...(remoteTip !== undefined ? { remoteTip } : {}),
        ...(fingerprint
            ? { configFingerprint: { expected: fingerprint, compute: () => git.configFingerprint() } }
            : {}),
        log,
    });
    for (const error of published.errors)
        core.warning(error);
    setRunOutputs(session.record, session.files, published);
    try {
        appendJobSummary(withDiffLocation(summary, published) + publishedSection(published));
    }
    catch (error) {
        core.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`);
    }
    const { status, stopReason } = session.record;
    if (core_status/* FAILING_STATUSES */.yV.has(status)) {
        core.setFailed(`greenloop: ${status}: ${stopReason}`);
    }
    else if (!core_status/* SUCCESS_STATUSES */.h5.has(status)) {
        core.warning(`greenloop stopped: ${status}: ${stopReason}`);
    }
    else {
        core.info((0,report_escape/* neutraliseWorkflowCommands */.WM)(`greenloop: ${status}: ${stopReason}`));
    }
}
/** A setup fault ends with one error line; an infrastructure fault also sets the outputs and summary. */
function reportFailure(error, secrets) {
    if (error instanceof session/* SetupError */.w3) {
        core.error(error.message);
        process.exitCode = 1;
        return;
    }
    const message = error instanceof Error ? error.message : String(error);
    setOutputs({ status: 'error' });
    try {
        appendJobSummary(`## ❌ greenloop: error — ${(0,report_escape/* escapeMarkdown */.FV)(new core_secrets/* Redactor */.pO(secrets).redact(message))}\n`);
    }
    catch {
        // The failure is reported below; a missing summary file must not hide it.
    }
    core.setFailed(`greenloop failed: ${message}`);
}
/** The candidates of `mode: select`: this run's attempt artifacts; a listing failure ends the setup. */
async function attemptsOfThisRun(config, context, dir) {
    try {
        const found = await downloadAttempts({
            token: config.githubToken,
            context,
            prefix: config.artifactName || 'greenloop',
            dir,
            log: (line) => core.info(line),
        });
        return found.candidates;
    }
    catch (error) {
        throw new session/* SetupError */.w3(`Input 'mode' is select, but the attempts of this run cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    }
}
/** Events a person starts on purpose, naming what to work on: they may start from any branch. */
const DELIBERATE_EVENTS = new Set(['workflow_dispatch', 'issue_comment']);
/**
 * greenloop's own branches are never the starting point of an automatic run
 * unless allowed: a failing fix PR would otherwise start a fix of the fix (and
 * so on) when the workflow runs on its CI failures with a token whose pushes
 * start workflows. A person asking for it (a comment, a manual run) may.
 */
function greenloopBranchRefusal(context, allowed) {
    const branch = startingBranch(context);
    if (allowed || DELIBERATE_EVENTS.has(context.eventName) || !branch.startsWith('greenloop/'))
        return undefined;
    return `greenloop refused to run: it would start from '${branch}', a branch greenloop wrote (set allow-greenloop-branch: true to fix a fix)`;
}
/**
 * On pull_request and issue_comment events the fix is made on the PR's head commit, never on
 * the merge commit a pull_request checkout gives (which would carry the base branch into the
 * fix, and give a diff that may not apply to the PR branch), nor on the base branch a
 * pull_request_target checkout gives. On pull_request* events, moves HEAD to the event's head
 * SHA when the checkout is elsewhere, also when nothing is pushed (artifact, comment); when
 * that head cannot be fetched, a run that pushes stops, one that does not goes on with the
 * checkout and says so. On issue_comment a push needs the checkout to be the head just read.
 * False (after one error line) when the run must not go on.
 */
async function onPullRequestHead(context, output, git, token) {
    const pushes = output.includes('commit') || output.includes('pull-request');
    // pull_request, pull_request_target (checkout: the base branch), pull_request_review*
    // (checkout: the merge commit), and issue_comment once the PR was read.
    const prEvent = context.eventName.startsWith('pull_request') || context.eventName === 'issue_comment';
    if (!prEvent || context.headSha === '')
        return true;
    // issue_comment without a push: the checkout is what the workflow chose (see pr-comment.yml).
    if (!pushes && context.eventName === 'issue_comment')
        return true;
    const head = await git.tryHead();
    if (head === context.headSha)
        return true;
    if (context.eventName === 'issue_comment') {
        // The head was read after the comment: a commit pushed since is not what was asked for.
        core.error(`greenloop will not publish a commit: the checkout is ${head ?? 'empty'} but pull request #${context.prNumber ?? '?'} is now at ${context.headSha} (pushed to since the checkout, or the checkout is not its head); comment again`);
        return false;
    }
    if (await git.tryCheckoutCommit(context.headSha, { token, serverUrl: context.serverUrl })) {
        core.info(`Working on the pull request head ${context.headSha} (the checkout was ${head ?? 'empty'}): the fix ${pushes ? 'is published on it' : 'and its diff are made on it'}`);
        return true;
    }
    if (!pushes) {
        core.warning(`greenloop cannot check out the pull request head ${context.headSha}: it works on the checkout ${head ?? 'as it is'} (on pull_request, a merge with the base branch), so its diff may not apply to the pull request branch; check out the head with actions/checkout (ref: the PR head SHA)`);
        return true;
    }
    core.error(`greenloop cannot check out the pull request head ${context.headSha}, so it will not publish a commit built on another one; check it out with actions/checkout (ref: the PR head SHA)`);
    return false;
}


/***/ })

};
