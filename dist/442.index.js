export const id = 442;
export const ids = [442];
export const modules = {

/***/ 49721:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   downloadArtifactByName: () => (/* binding */ downloadArtifactByName),
/* harmony export */   m: () => (/* binding */ uploadArtifact)
/* harmony export */ });
/* unused harmony export ArtifactDownloadError */
class ArtifactDownloadError extends Error {
    name = 'ArtifactDownloadError';
    static isArtifactDownloadError(error) {
        return error instanceof Error && error.name === 'ArtifactDownloadError';
    }
}
async function uploadArtifact(name, files, rootDir, retentionDays, log) {
    if (files.length === 0)
        return { error: `artifact '${name}': no files to upload` };
    try {
        const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(351), __webpack_require__.e(546)]).then(__webpack_require__.bind(__webpack_require__, 74546));
        const client = new DefaultArtifactClient();
        const options = retentionDays > 0 ? { retentionDays } : {};
        const response = await client.uploadArtifact(name, files, rootDir, options);
        if (response.id === undefined) {
            return { error: `artifact '${name}': the service returned no artifact id` };
        }
        log.info(`Uploaded artifact '${name}' (id ${response.id}, ${response.size ?? 0} bytes)`);
        return { id: response.id, size: response.size ?? 0 };
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { error: `artifact '${name}' upload failed: ${oneLine(message)}${hint(message)}` };
    }
}
function oneLine(text) {
    return text.replace(/\s+/g, ' ').trim().slice(0, 500);
}
function hint(message) {
    if (/ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL/.test(message)) {
        return ' (artifacts can only be uploaded inside a GitHub Actions job)';
    }
    if (/GHES|Enterprise Server/i.test(message)) {
        return ' (this artifact service is not available on GitHub Enterprise Server)';
    }
    return '';
}
/**
 * Downloads and unpacks the newest unexpired artifact called `name` from the
 * current repository (any earlier run), returning the folder it was unpacked to.
 */
async function downloadArtifactByName(name, options) {
    const { context, token } = options;
    if (!token)
        throw new ArtifactDownloadError(`cannot download artifact '${name}': no github-token`);
    const newest = await findNewestArtifact(name, options);
    try {
        const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(351), __webpack_require__.e(546)]).then(__webpack_require__.bind(__webpack_require__, 74546));
        const response = await new DefaultArtifactClient().downloadArtifact(newest.id, {
            path: options.dir,
            findBy: {
                token,
                workflowRunId: newest.runId ?? 0,
                repositoryOwner: context.owner,
                repositoryName: context.repo,
            },
        });
        return response.downloadPath ?? options.dir;
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new ArtifactDownloadError(`cannot download artifact '${name}' (id ${newest.id}): ${oneLine(message)}`);
    }
}
async function findNewestArtifact(name, options) {
    const { context } = options;
    let listed;
    try {
        const { getOctokit } = await __webpack_require__.e(/* import() */ 351).then(__webpack_require__.bind(__webpack_require__, 61351));
        const octokit = getOctokit(options.token, { baseUrl: context.apiUrl });
        const response = await octokit.rest.actions.listArtifactsForRepo({
            owner: context.owner,
            repo: context.repo,
            name,
            per_page: 20,
        });
        listed = response.data.artifacts.map((a) => ({
            id: a.id,
            name: a.name,
            expired: a.expired,
            createdAt: a.created_at ?? '',
            runId: a.workflow_run?.id ?? undefined,
        }));
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new ArtifactDownloadError(`cannot list artifacts named '${name}': ${oneLine(message)}`);
    }
    const usable = listed
        .filter((a) => a.name === name && !a.expired)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
    const newest = usable[0];
    if (newest === undefined) {
        throw new ArtifactDownloadError(`no unexpired artifact named '${name}' in ${context.owner}/${context.repo}`);
    }
    return newest;
}


/***/ }),

/***/ 45442:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
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
    return Object.fromEntries(inputs/* INPUTS */.m.map((input) => [input.name, core/* getInput */.V4(input.name)]));
}

// EXTERNAL MODULE: ./src/config/parse.ts
var parse = __webpack_require__(58353);
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
    if (pull !== undefined) {
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
        return {
            allowed: false,
            reason: `refused: ${event} runs code from the fork '${context.headRepository || 'unknown'}' ` +
                'with this repository’s secrets; set allow-untrusted-code: true to accept that risk',
        };
    }
    if (context.isFork && config.allowUntrustedCode) {
        notes.push(`running code from fork '${context.headRepository}' (allow-untrusted-code is set)`);
    }
    if (!isPersonEvent(event)) {
        notes.push(`event '${event || 'unknown'}' is not gated by actor permission`);
        return { allowed: true, notes };
    }
    const actors = actorsOf(context);
    if (actors.length === 0) {
        return { allowed: false, reason: `refused: cannot tell who triggered the ${event} event` };
    }
    for (const actor of actors) {
        const verdict = await checkActor(actor, config, api);
        if (verdict !== undefined && !verdict.ok)
            return { allowed: false, reason: verdict.reason };
        if (verdict?.ok)
            notes.push(verdict.note);
    }
    return { allowed: true, notes };
}
async function checkActor(actor, config, api) {
    const { login } = actor;
    if (isBot(actor)) {
        if (botListed(login, config.allowBots))
            return { ok: true, note: `bot '${login}' is in allow-bots` };
        return {
            ok: false,
            reason: `refused: '${login}' is a bot and is not listed in allow-bots`,
        };
    }
    if (userListed(login, config.allowUsers)) {
        return { ok: true, note: `user '${login}' is in allow-users` };
    }
    let permission;
    try {
        permission = await api.permissionOf(login);
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return {
            ok: false,
            reason: `refused: could not read the repository permission of '${login}' (${message})`,
        };
    }
    if (WRITE_LEVELS.has(permission)) {
        return { ok: true, note: `'${login}' has ${permission} permission` };
    }
    return {
        ok: false,
        reason: `refused: '${login}' has ${permission} permission; write, maintain or admin is needed ` +
            '(or add the user to allow-users)',
    };
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

;// CONCATENATED MODULE: ./src/github/outputs.ts
/**
 * The action's outputs and job summary. Output names live here and nowhere else.
 */


/** Every output the action sets, as declared in action.yml. */
const OUTPUT_NAMES = [
    'status',
    'diff-path',
    'summary-path',
    'report-path',
    'iterations',
    'tokens',
    'cost-usd',
    'failing-before',
    'failing-after',
    'branch',
    'commit-sha',
    'pr-url',
    'artifact-id',
];
/**
 * Sets every output name: values given are written as strings, missing ones as
 * '' so a workflow can always read them. Returns what was set.
 */
function setOutputs(values) {
    const written = {};
    for (const name of OUTPUT_NAMES) {
        const value = values[name];
        const text = value === undefined ? '' : String(value);
        core/* setOutput */.uH(name, text);
        written[name] = text;
    }
    return written;
}
/** Output values of a finished run: the record, its report files, what was published. */
function runOutputValues(record, files, published = {}) {
    return {
        status: record.status,
        'diff-path': files.diffPath,
        'summary-path': files.summaryPath,
        'report-path': files.reportPath,
        iterations: record.totals.iterations,
        tokens: record.totals.tokens,
        'cost-usd': Number(record.totals.costUsd.toFixed(4)),
        'failing-before': record.baseline?.counts.failed,
        'failing-after': (record.final ?? record.baseline)?.counts.failed,
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
    external_node_fs_.appendFileSync(file, text, 'utf8');
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

// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 5 modules
var exec = __webpack_require__(22876);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/workspace/publish-git.ts
/**
 * Git for publishing: committing the best state to a branch and pushing it.
 *
 * Kept apart from the run's `Git` (src/workspace/types.ts) because it is the only
 * place that handles the token. Every call runs with hooks disabled (an empty
 * `core.hooksPath`) and without fsmonitor, so nothing the model wrote into the
 * repository runs here. The token reaches exactly one process, the push, through
 * `GIT_CONFIG_*` environment variables; it is never written to `.git/config` and
 * never appears on a command line.
 */





class PublishGitError extends Error {
    stderr;
    name = 'PublishGitError';
    constructor(message, stderr = '') {
        super(message);
        this.stderr = stderr;
    }
    static isPublishGitError(error) {
        return error instanceof Error && error.name === 'PublishGitError';
    }
}
const DEFAULT_AUTHOR = {
    name: 'greenloop[bot]',
    email: 'greenloop[bot]@users.noreply.github.com',
};
const MAX_BRANCH_LENGTH = 100;
const MAX_SUBJECT_LENGTH = 100;
const MAX_MESSAGE_LENGTH = 4000;
const FALLBACK_BRANCH = 'greenloop';
const FALLBACK_MESSAGE = 'greenloop: automated fix';
/** Inherited environment minus anything that would redirect git or inject config. */
function baseEnv() {
    const env = {};
    for (const [key, value] of Object.entries(process.env)) {
        if (value === undefined)
            continue;
        if (/^GIT_(CONFIG|DIR$|WORK_TREE$|INDEX_FILE$|ASKPASS$|SSH)/.test(key))
            continue;
        env[key] = value;
    }
    env.GIT_TERMINAL_PROMPT = '0';
    env.GIT_CONFIG_COUNT = '0';
    return env;
}
async function tryGit(call) {
    // A fresh empty hooks folder per call: nothing written earlier (by the model) can be in it.
    const hooks = external_node_fs_.mkdtempSync(external_node_path_.join(external_node_os_.tmpdir(), 'gl-nohooks-'));
    try {
        const args = ['-c', `core.hooksPath=${hooks}`, '-c', 'core.fsmonitor=false', ...call.args];
        const result = await (0,exec/* getExecOutput */.H)('git', args, {
            cwd: call.root,
            env: { ...baseEnv(), ...call.env },
            silent: true,
            ignoreReturnCode: true,
            ...(call.input !== undefined ? { input: Buffer.from(call.input, 'utf8') } : {}),
        });
        return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
    }
    finally {
        external_node_fs_.rmSync(hooks, { recursive: true, force: true });
    }
}
async function git(call) {
    const result = await tryGit(call);
    if (result.exitCode !== 0) {
        const what = call.args.find((a) => !a.startsWith('-')) ?? 'git';
        throw new PublishGitError(`git ${what} failed (exit ${result.exitCode}): ${lastLines(result.stderr)}`, result.stderr);
    }
    return result.stdout.trim();
}
function lastLines(text, count = 3) {
    return text.trim().split(/\r?\n/).slice(-count).join(' / ') || '(no output)';
}
// Control characters other than tab and newline, plus DEL and the C1 range.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/**
 * Turns free text into a valid branch name: characters git forbids become '-',
 * no empty or dot-leading components, no `.lock` suffix, capped in length.
 */
function sanitiseBranchName(input) {
    let name = input
        .replace(CONTROL, '')
        .replace(/\t|\n/g, '')
        .trim()
        .replace(/[\s~^:?*[\\]+/g, '-')
        .replace(/@\{/g, '-')
        .replace(/\.{2,}/g, '.')
        .replace(/\/{2,}/g, '/')
        .replace(/-{2,}/g, '-');
    name = name
        .split('/')
        .map((part) => part
        .replace(/^[.-]+/, '')
        .replace(/(\.lock)+$/i, '')
        .replace(/\.+$/, ''))
        .filter((part) => part.length > 0)
        .join('/');
    if (name.length > MAX_BRANCH_LENGTH) {
        name = name.slice(0, MAX_BRANCH_LENGTH).replace(/[/.-]+$/, '');
    }
    if (name === '' || name === '@' || name === 'HEAD')
        return FALLBACK_BRANCH;
    return name;
}
/**
 * Makes text safe as a commit message: control characters removed, line ends
 * normalised, the subject line and the whole message capped.
 */
function sanitiseCommitMessage(text) {
    const lines = text
        .replace(/\r\n?/g, '\n')
        .replace(CONTROL, '')
        .replace(/\t/g, '  ')
        .split('\n')
        .map((line) => line.trimEnd());
    while (lines.length > 0 && lines[0] === '')
        lines.shift();
    let subject = lines.shift() ?? '';
    if (subject.length > MAX_SUBJECT_LENGTH)
        subject = `${subject.slice(0, MAX_SUBJECT_LENGTH - 3)}...`;
    if (subject === '')
        return FALLBACK_MESSAGE;
    const body = lines
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim();
    let message = body === '' ? subject : `${subject}\n\n${body}`;
    if (message.length > MAX_MESSAGE_LENGTH) {
        message = `${message.slice(0, MAX_MESSAGE_LENGTH - 15).trimEnd()}\n\n[truncated]`;
    }
    return message;
}
/** Whether `git check-ref-format --branch` accepts the name (and it is not an option). */
async function isValidBranchName(root, branch) {
    if (branch === '' || branch.startsWith('-') || branch.includes('@{') || branch === 'HEAD') {
        return false;
    }
    const result = await tryGit({ root, args: ['check-ref-format', '--branch', branch] });
    return result.exitCode === 0;
}
/**
 * Creates a commit of the best state on top of `parentRef` and points the local
 * branch at it, without touching HEAD, the index or the working tree.
 */
async function commitBestState(opts) {
    const { root } = opts;
    if (!(await isValidBranchName(root, opts.branch))) {
        throw new PublishGitError(`'${opts.branch}' is not a valid branch name`);
    }
    const parent = await git({
        root,
        args: ['rev-parse', '--verify', '--quiet', '--end-of-options', `${opts.parentRef}^{commit}`],
    });
    // Two answers in one call: the index file's path, and HEAD's branch ('HEAD' when detached).
    const [indexPath = '', headRef = ''] = (await git({ root, args: ['rev-parse', '--git-path', 'index', '--symbolic-full-name', 'HEAD'] })).split(/\r?\n/);
    if (headRef === `refs/heads/${opts.branch}`) {
        throw new PublishGitError(`branch '${opts.branch}' is checked out in the workspace; choose another output branch`);
    }
    const tree = opts.tree ?? (await workingTree(root, parent, external_node_path_.resolve(root, indexPath)));
    const author = opts.author ?? DEFAULT_AUTHOR;
    const identity = {
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_COMMITTER_NAME: author.name,
        GIT_COMMITTER_EMAIL: author.email,
    };
    const sha = await git({
        root,
        args: ['commit-tree', tree, '-p', parent, '-F', '-'],
        env: identity,
        input: sanitiseCommitMessage(opts.message),
    });
    await git({ root, args: ['update-ref', '-m', 'greenloop', `refs/heads/${opts.branch}`, sha] });
    return { sha };
}
/**
 * Tree of the working tree (tracked and untracked, not ignored), built in a
 * temporary index. Starting from a copy of the real index keeps its stat cache,
 * so `add` only hashes files that changed; the real index is never touched.
 */
async function workingTree(root, parent, realIndex) {
    const tmp = external_node_fs_.mkdtempSync(external_node_path_.join(external_node_os_.tmpdir(), 'gl-index-'));
    const env = { GIT_INDEX_FILE: external_node_path_.join(tmp, 'index') };
    try {
        if (external_node_fs_.existsSync(realIndex))
            external_node_fs_.copyFileSync(realIndex, env.GIT_INDEX_FILE);
        else
            await git({ root, args: ['read-tree', parent], env });
        await git({ root, args: ['add', '--all', '--', '.'], env });
        return await git({ root, args: ['write-tree'], env });
    }
    finally {
        external_node_fs_.rmSync(tmp, { recursive: true, force: true });
    }
}
/** The value of the Authorization header git sends for `token`. */
function basicAuthHeader(token) {
    return `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64')}`;
}
/**
 * Force-pushes the local branch to the remote branch of the same name. Refuses
 * the default branch, protected branches, invalid names, and a git config that
 * changed since the fingerprint was taken. Never throws.
 */
async function pushBranch(opts) {
    try {
        const refusal = await pushRefusal(opts);
        if (refusal !== undefined)
            return { ok: false, error: refusal };
        const env = {};
        if (opts.token) {
            const scope = opts.serverUrl.replace(/\/+$/, '');
            env.GIT_CONFIG_COUNT = '1';
            env.GIT_CONFIG_KEY_0 = `http.${scope}/.extraheader`;
            env.GIT_CONFIG_VALUE_0 = basicAuthHeader(opts.token);
        }
        const result = await tryGit({
            root: opts.root,
            args: [
                'push',
                '--porcelain',
                opts.remote,
                `+refs/heads/${opts.branch}:refs/heads/${opts.branch}`,
            ],
            env,
        });
        if (result.exitCode !== 0) {
            const detail = redact(lastLines(result.stderr || result.stdout, 4), opts.token);
            return { ok: false, error: `git push to '${opts.branch}' failed: ${detail}` };
        }
        return { ok: true };
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { ok: false, error: redact(message, opts.token) };
    }
}
async function pushRefusal(opts) {
    const { branch } = opts;
    if (!(await isValidBranchName(opts.root, branch))) {
        return `refused to push: '${branch}' is not a valid branch name`;
    }
    if (opts.defaultBranch !== '' && branch === opts.defaultBranch) {
        return `refused to push to the default branch '${branch}'; set a different output branch`;
    }
    const patterns = opts.protectedBranches ?? [];
    if (patterns.length > 0 && picomatch_default().isMatch(branch, [...patterns], { dot: true })) {
        return `refused to push to protected branch '${branch}'`;
    }
    if (opts.expectedFingerprint !== undefined && opts.fingerprint !== undefined) {
        const now = await opts.fingerprint();
        if (now !== opts.expectedFingerprint) {
            return 'refused to push: the repository git config changed during the run (possible tampering)';
        }
    }
    const local = await tryGit({
        root: opts.root,
        args: ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`],
    });
    if (local.exitCode !== 0)
        return `refused to push: local branch '${branch}' does not exist`;
    return undefined;
}
function redact(text, token) {
    if (!token)
        return text;
    const header = basicAuthHeader(token).slice('AUTHORIZATION: basic '.length);
    return text.split(token).join('***').split(header).join('***');
}

// EXTERNAL MODULE: ./src/github/artifact.ts
var artifact = __webpack_require__(49721);
;// CONCATENATED MODULE: ./src/github/publish.ts
/**
 * Publishing a run's result to GitHub: artifact, commit + push, pull request,
 * PR comment. Every failure becomes a readable line in `errors` (with a hint
 * where GitHub's answer is cryptic); nothing here throws, so publishing never
 * crashes a run. Octokit and the artifact client are imported only when used.
 */




/** Hidden marker that identifies greenloop's summary comment on a PR. */
const COMMENT_MARKER = '<!-- greenloop:summary -->';
/** GitHub refuses PR and comment bodies over 65,536 characters. */
const BODY_LIMIT = 65_000;
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
    const kinds = new Set(options.outputs.filter((k) => k !== 'none'));
    const wantsGit = kinds.has('commit') || kinds.has('pull-request');
    if (wantsGit) {
        const refusal = gitRefusal(options);
        if (refusal !== undefined) {
            kinds.delete('commit');
            kinds.delete('pull-request');
            if (refusal.downgrade) {
                kinds.add('artifact');
                log.warn(`${refusal.message}; publishing the diff as an artifact instead`);
            }
            else {
                log.info(refusal.message);
            }
            if (refusal.error)
                result.errors.push(refusal.message);
        }
    }
    if (kinds.has('artifact')) {
        const upload = await (0,artifact/* uploadArtifact */.m)(options.artifactName, [...options.files.list], options.files.dir, options.retentionDays, log);
        if ('error' in upload)
            result.errors.push(upload.error);
        else
            result.artifactId = upload.id;
    }
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
                result.prUrl = await openOrUpdatePull(await api(), options, pushed, summary);
                log.info(`Pull request: ${result.prUrl}`);
            });
        }
    }
    if (options.comment) {
        const issue = commentTarget(context);
        if (issue === undefined) {
            log.info(`comment: skipped, the ${context.eventName || 'unknown'} event has no pull request`);
        }
        else if (!options.token) {
            result.errors.push('comment: no github-token given');
        }
        else {
            await step(result, 'comment', async () => {
                result.commentUrl = await upsertComment(await api(), context, issue, commentBody(summary, result));
                log.info(`Comment: ${result.commentUrl}`);
            });
        }
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
/** Commits the best state and pushes it; returns the branch, or undefined on failure. */
async function commitAndPush(options, result) {
    const { context, record } = options;
    const branch = sanitiseBranchName(options.branch || `greenloop/${context.runId || 'run'}`);
    const root = options.workspace || stringField(record.config, 'workspace') || context.workspace;
    if (!root) {
        result.errors.push('commit: no workspace folder to commit from');
        return undefined;
    }
    const base = startingBranch(context);
    const protectedBranches = [...(options.protectedBranches ?? [])];
    if (context.defaultBranch === '')
        protectedBranches.push('main', 'master');
    if (base !== '')
        protectedBranches.push(base);
    try {
        const { sha } = await commitBestState({
            root,
            ...(options.tree !== undefined ? { tree: options.tree } : {}),
            branch,
            message: options.commitMessage || `greenloop: ${record.status}`,
            ...(options.author !== undefined ? { author: options.author } : {}),
            parentRef: options.parentRef ?? 'HEAD',
        });
        result.commitSha = sha;
    }
    catch (error) {
        result.errors.push(`commit: ${messageOf(error)}`);
        return undefined;
    }
    const pushed = await pushBranch({
        root,
        remote: 'origin',
        branch,
        token: options.token,
        defaultBranch: context.defaultBranch,
        protectedBranches,
        serverUrl: context.serverUrl,
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
    result.branch = branch;
    options.log.info(`Pushed ${result.commitSha ?? ''} to '${branch}'`);
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
        return updated.data.html_url;
    }
    const created = await octokit.rest.pulls.create({
        ...repo,
        title,
        head: branch,
        base,
        body,
        draft: options.prDraft,
    });
    return created.data.html_url;
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
    const mine = comments.find((c) => (c.body ?? '').includes(COMMENT_MARKER));
    if (mine !== undefined) {
        const updated = await octokit.rest.issues.updateComment({ ...repo, comment_id: mine.id, body });
        return updated.data.html_url;
    }
    const created = await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body });
    return created.data.html_url;
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
function capBody(text) {
    if (text.length <= BODY_LIMIT)
        return text;
    const note = '\n\n_(cut: GitHub limits this text to 65,536 characters; see the artifact)_\n';
    return text.slice(0, BODY_LIMIT - note.length) + note;
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
            const details = record.errors
                .map((e) => typeof e === 'object' && e !== null && 'message' in e ? String(e.message) : '')
                .filter((s) => s !== '');
            if (details.length > 0)
                message = `${message} (${details.join('; ')})`;
        }
    }
    message = message.replace(/\s+/g, ' ').trim();
    const prefix = status !== undefined && Number.isFinite(status) ? `HTTP ${status}: ` : '';
    return `${prefix}${message}${apiHint(status, message)}`;
}
function apiHint(status, message) {
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

// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
;// CONCATENATED MODULE: ./src/github/log.ts
/**
 * The loop's log in the Actions UI: one group per phase, warnings as
 * annotations. Every line may carry text from a model or a test log, so
 * workflow commands in it are defused before it is printed.
 */


function actionLog() {
    return {
        info: (line) => core/* info */.pq((0,report_escape/* neutraliseWorkflowCommands */.WM)(line)),
        warn: (line) => core/* warning */.$e((0,report_escape/* neutraliseWorkflowCommands */.WM)(line)),
        progress: (line) => core/* info */.pq((0,report_escape/* neutraliseWorkflowCommands */.WM)(line)),
        group: (title, body) => core/* group */.Os((0,report_escape/* neutraliseWorkflowCommands */.WM)(title), body),
        startGroup: (title) => core/* startGroup */.Oh((0,report_escape/* neutraliseWorkflowCommands */.WM)(title)),
        endGroup: () => core/* endGroup */.N4(),
    };
}

// EXTERNAL MODULE: ./src/loop/checkpoint.ts
var checkpoint = __webpack_require__(48638);
;// CONCATENATED MODULE: ./src/github/resume.ts
/**
 * `resume-from`: a checkpoint folder, or the name of an artifact uploaded by an
 * earlier run of the same repository (its newest one), downloaded and unpacked.
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
    });
    const nested = external_node_path_.join(dir, 'checkpoint');
    return (0,checkpoint/* loadCheckpoint */.xR)((0,external_node_fs_.existsSync)(external_node_path_.join(nested, 'checkpoint.json')) ? nested : dir);
}

// EXTERNAL MODULE: ./src/report/redact.ts
var report_redact = __webpack_require__(20649);
// EXTERNAL MODULE: ./src/loop/session.ts + 29 modules
var loop_session = __webpack_require__(37439);
// EXTERNAL MODULE: ./src/workspace/git.ts
var workspace_git = __webpack_require__(3133);
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
        for (const error of parsed.errors)
            core/* error */.z3(error);
        process.exitCode = 1;
        return;
    }
    const config = parsed.config;
    const secrets = [config.apiKey, config.githubToken].filter((s) => s !== '');
    for (const secret of secrets.flatMap(report_redact/* secretForms */.eo))
        core/* setSecret */.Pq(secret);
    const context = readGitHubContext(env);
    const gate = await checkTrigger(context, config, createPermissionApi(config.githubToken, context));
    if (!gate.allowed) {
        core/* error */.z3(`greenloop refused to run: ${gate.reason}`);
        process.exitCode = 1;
        return;
    }
    for (const note of gate.notes)
        core/* info */.pq(note);
    const output = context.isFork && config.output.some((o) => o === 'commit' || o === 'pull-request')
        ? (core/* warning */.$e('The pull request comes from a fork: publishing as an artifact only.'),
            ['artifact'])
        : config.output;
    const git = (0,workspace_git/* createGit */.l)(config.workspace);
    let removed = [];
    try {
        removed = await git.removePersistedCredentials();
    }
    catch (error) {
        // A workspace that is not a git repository has no persisted credentials to remove.
        if ((0,external_node_fs_.existsSync)(external_node_path_.join(config.workspace, '.git'))) {
            core/* error */.z3(`greenloop cannot remove the checkout's persisted credentials, so it will not run: ${error instanceof Error ? error.message : String(error)}`);
            process.exitCode = 1;
            return;
        }
    }
    if (removed.length > 0)
        core/* info */.pq(`Removed the checkout's persisted credentials (${removed.length}) before the model runs.`);
    const fingerprint = await git.configFingerprint().catch(() => {
        core/* warning */.$e('Could not fingerprint the git config: the tamper check before pushing is off.');
        return '';
    });
    const temp = await (0,promises_.mkdtemp)(external_node_path_.join(env.RUNNER_TEMP ?? external_node_os_.tmpdir(), 'greenloop-'));
    const log = actionLog();
    try {
        const resume = config.resumeFrom
            ? await loadResume(config.resumeFrom, {
                token: config.githubToken,
                context,
                tempDir: temp,
            }).catch((error) => {
                throw new loop_session/* SetupError */.w(`Input 'resume-from' must be a checkpoint folder or the artifact name of an earlier run, got '${config.resumeFrom}': ${error instanceof Error ? error.message : String(error)}`);
            })
            : undefined;
        const session = await (0,loop_session/* runSession */.I)({
            config,
            log,
            outDir: external_node_path_.join(temp, 'out'),
            workDir: external_node_path_.join(temp, 'work'),
            env,
            secrets,
            ...(resume ? { resume } : {}),
        });
        // summary.md is rendered from the redacted record: use it as written.
        const summary = await (0,promises_.readFile)(session.files.summaryPath, 'utf8');
        const published = await publish({
            outputs: [...output],
            record: session.record,
            files: session.files,
            context,
            token: config.githubToken,
            branch: config.branch,
            commitMessage: config.commitMessage,
            prTitle: config.prTitle,
            prDraft: config.prDraft,
            comment: config.comment,
            artifactName: config.artifactName,
            retentionDays: config.retentionDays,
            summary,
            redactor: session.redactor,
            workspace: config.workspace,
            tree: session.bestTree,
            ...(fingerprint
                ? { configFingerprint: { expected: fingerprint, compute: () => git.configFingerprint() } }
                : {}),
            log,
        });
        for (const error of published.errors)
            core/* warning */.$e(error);
        setRunOutputs(session.record, session.files, published);
        try {
            appendJobSummary(summary);
        }
        catch (error) {
            core/* warning */.$e(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`);
        }
        const { status, stopReason } = session.record;
        if (['model-error', 'auth-error', 'error'].includes(status)) {
            core/* setFailed */.C1(`greenloop: ${status}: ${stopReason}`);
        }
        else if (status !== 'success' && status !== 'already-green') {
            core/* warning */.$e(`greenloop stopped: ${status}: ${stopReason}`);
        }
        else {
            core/* info */.pq(`greenloop: ${status}: ${stopReason}`);
        }
    }
    catch (error) {
        if (error instanceof loop_session/* SetupError */.w) {
            core/* error */.z3(error.message);
            process.exitCode = 1;
            return;
        }
        // An infrastructure fault outside the loop: still say so in the outputs and the summary.
        const message = error instanceof Error ? error.message : String(error);
        setOutputs({ status: 'error' });
        try {
            appendJobSummary(`## ❌ greenloop: error — ${(0,report_escape/* escapeMarkdown */.FV)(redactSecrets(message, secrets))}\n`);
        }
        catch {
            // The failure is reported below; a missing summary file must not hide it.
        }
        core/* setFailed */.C1(`greenloop failed: ${message}`);
    }
}
/** Redacts the run's secrets from a message written outside the session. */
function redactSecrets(message, secrets) {
    return new report_redact/* Redactor */.pO([...secrets]).redact(message);
}


/***/ })

};
