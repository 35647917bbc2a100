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
/* harmony import */ var _cli_run_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(16117);
/* harmony import */ var _cli_digest_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4728);
/* harmony import */ var _cli_apply_patch_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(40301);
/* harmony import */ var _cli_flags_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(95377);
/**
 * The local CLI: the same core as the action, on a developer's machine.
 *   greenloop run [flags]            fix the tests (or do --task) in this repository
 *   greenloop resume <checkpoint>    continue a run from its checkpoint
 *   greenloop digest [FILE]          print the failure digest of a test log
 *   greenloop apply-patch [FILE]     apply a patch with the model's patch tool
 * Only wiring; only this file and main.ts decide the exit code.
 */







const program = new commander__WEBPACK_IMPORTED_MODULE_0__/* .Command */ .uB()
    .name('greenloop')
    .description('Run a bounded coding-agent loop until the tests pass.')
    .version((0,_version_js__WEBPACK_IMPORTED_MODULE_2__/* .version */ .r)(), '-v, --version')
    .showHelpAfterError();
function addRunFlags(command) {
    for (const input of _cli_flags_js__WEBPACK_IMPORTED_MODULE_6__/* .CLI_INPUTS */ .d) {
        const option = new commander__WEBPACK_IMPORTED_MODULE_0__/* .Option */ .c$(`--${input.name} <value>`, input.description).default(undefined);
        // Repeated for --attempts (cycled over the attempts); otherwise the last one counts.
        if (REPEATABLE.has(input.name))
            option.argParser(collect);
        command.addOption(option);
    }
    return command
        .option('--cwd <dir>', 'repository to work on', process.cwd())
        .option('--out <dir>', 'output folder (default: .greenloop/<timestamp> in the repository)')
        .option('--apply', 'leave the best state in the working tree (default: restore it as it was)', false)
        .option('--allow-dirty', 'run even when the working tree has uncommitted changes', false)
        .option('--attempts <n>', 'run N attempts side by side in git worktrees, then verify each by running the tests and keep the best (repeat --model / --reasoning-effort to vary them)')
        .option('--jobs <n>', 'attempts at the same time (default 2)');
}
const REPEATABLE = new Set(['model', 'reasoning-effort']);
function collect(value, previous) {
    return [...(Array.isArray(previous) ? previous.filter((v) => typeof v === 'string') : []), value];
}
addRunFlags(program.command('run').description('fix the failing tests, or do --task, in a git repository')).action(async (flags) => {
    process.exitCode = await (0,_cli_run_js__WEBPACK_IMPORTED_MODULE_3__/* .runCommand */ .d)(flags);
});
addRunFlags(program
    .command('resume')
    .description('continue a run from a checkpoint folder')
    .argument('<checkpoint>')).action(async (checkpoint, flags) => {
    process.exitCode = await (0,_cli_run_js__WEBPACK_IMPORTED_MODULE_3__/* .resumeCommand */ .V)(checkpoint, flags);
});
program
    .command('digest')
    .description('print the failure digest of a test log (FILE or stdin)')
    .argument('[file]')
    .option('--json', 'print JSON: runner, counts, failures, text, tokens', false)
    .option('--runner <name>', 'force a runner (vitest, jest, mocha, node-test, ava, tap, pytest, unittest, cargo, go, junit, generic)')
    .option('--tokens <n>', 'token budget of the digest', '2000')
    .action(async (file, flags) => {
    process.exitCode = await (0,_cli_digest_js__WEBPACK_IMPORTED_MODULE_4__/* .digestCommand */ .e)(file, flags);
});
program
    .command('apply-patch')
    .description('apply a patch (Codex envelope or unified diff) from FILE or stdin, all or nothing')
    .argument('[file]')
    .option('--cwd <dir>', 'workspace root', process.cwd())
    .option('--protected-paths <globs>', 'globs that may not be changed', '.github/workflows/**')
    .action(async (file, flags) => {
    process.exitCode = await (0,_cli_apply_patch_js__WEBPACK_IMPORTED_MODULE_5__/* .applyPatchCommand */ .A)(file, flags);
});
function readStdin() {
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(0, 'utf8');
}
await program.parseAsync(process.argv);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 40301:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ applyPatchCommand)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _config_parse_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(94849);
/* harmony import */ var _tools_patch_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(96357);
/* harmony import */ var _workspace_guard_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(56256);
/** `greenloop apply-patch`: the model's patch tool, for debugging and checks. All or nothing. */





async function applyPatchCommand(file, flags) {
    if (file && file !== '-' && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file)) {
        process.stderr.write(`greenloop apply-patch: no such file '${file}'.\n`);
        return 1;
    }
    const text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file && file !== '-' ? file : 0, 'utf8');
    const guard = (0,_workspace_guard_js__WEBPACK_IMPORTED_MODULE_4__/* .createGuard */ .ow)(node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(flags.cwd), (0,_config_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .splitList */ .ry)(flags.protectedPaths));
    const result = await (0,_tools_patch_index_js__WEBPACK_IMPORTED_MODULE_3__/* .applyPatchText */ .U$)(text, guard);
    (result.ok ? process.stdout : process.stderr).write(`${result.message}\n`);
    return result.ok ? 0 : 1;
}


/***/ }),

/***/ 4728:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ digestCommand)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _checks_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(32955);
/** `greenloop digest`: the failure digest of a test log, as text or JSON. */





async function digestCommand(file, flags) {
    const tokens = Number(flags.tokens);
    if (!Number.isInteger(tokens) || tokens < 50 || tokens > 100_000) {
        process.stderr.write(`greenloop digest: --tokens must be an integer from 50 to 100000, got '${flags.tokens}'.\n`);
        return 1;
    }
    let logPath = file;
    let temp;
    if (!logPath || logPath === '-') {
        temp = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_3__.join(node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir(), 'greenloop-digest-'));
        logPath = node_path__WEBPACK_IMPORTED_MODULE_3__.join(temp, 'stdin.log');
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(logPath, (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(0));
    }
    else if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(logPath)) {
        process.stderr.write(`greenloop digest: no such file '${logPath}'.\n`);
        return 1;
    }
    try {
        const digest = await (0,_checks_index_js__WEBPACK_IMPORTED_MODULE_4__/* .digestFile */ .TM)(logPath, {
            tokens,
            ...(flags.runner ? { runner: flags.runner } : {}),
            projectRoot: node_path__WEBPACK_IMPORTED_MODULE_3__.dirname(node_path__WEBPACK_IMPORTED_MODULE_3__.resolve(logPath)),
        });
        if (flags.json) {
            process.stdout.write(`${JSON.stringify((0,_checks_index_js__WEBPACK_IMPORTED_MODULE_4__/* .digestJson */ .tv)(digest), null, 2)}\n`);
        }
        else {
            process.stdout.write(`${digest.text}\n`);
        }
        return 0;
    }
    finally {
        if (temp)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(temp, { recursive: true, force: true });
    }
}


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

/***/ 16117:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  V: () => (/* binding */ resumeCommand),
  d: () => (/* binding */ runCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/config/parse.ts + 1 modules
var parse = __webpack_require__(94849);
// EXTERNAL MODULE: ./src/loop/checkpoint.ts
var loop_checkpoint = __webpack_require__(48638);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
// EXTERNAL MODULE: ./src/loop/session.ts + 24 modules
var loop_session = __webpack_require__(9727);
// EXTERNAL MODULE: ./src/select/claim.ts
var select_claim = __webpack_require__(81448);
;// CONCATENATED MODULE: ./src/select/local.ts
/**
 * Several attempts on one machine (`greenloop run --attempts N --jobs J`): N loops run side by
 * side, each in its own git worktree of the starting commit, at most J at a time. Their results
 * then go through the same select step as the action's `mode: select`.
 */


/** Runs `tasks` with at most `jobs` at a time; results keep the order of the tasks. */
async function mapLimit(items, jobs, task) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await task(items[index], index);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, worker));
    return results;
}
/** The N attempt specs from repeated `--model`/`--reasoning-effort` flags (cycled). */
function attemptSpecs(count, models, efforts) {
    return Array.from({ length: count }, (_, i) => ({
        label: `attempt-${i + 1}`,
        model: models[i % models.length] ?? '',
        reasoningEffort: efforts[i % efforts.length] ?? '',
    }));
}
/**
 * Runs every attempt in its own worktree, at most `jobs` at a time, and returns them as
 * candidates for the select step. An attempt that crashes is reported and left out.
 */
async function runLocalAttempts(specs, jobs, outDir, ports) {
    const outputs = await mapLimit(specs, jobs, async (spec) => {
        const tree = await ports.worktree(spec.label);
        try {
            ports.info(`${spec.label}: ${spec.model} (${spec.reasoningEffort}) in ${tree.dir}`);
            return await ports.runAttempt(spec, tree.dir, external_node_path_.join(outDir, spec.label));
        }
        catch (error) {
            ports.info(`${spec.label}: failed: ${error instanceof Error ? error.message : String(error)}`);
            return undefined;
        }
        finally {
            await tree.dispose();
        }
    });
    const candidates = [];
    for (const [i, spec] of specs.entries()) {
        const output = outputs[i];
        if (!output)
            continue;
        const claim = (0,select_claim/* readClaim */.j)(spec.label, output.report);
        if (claim.ok)
            candidates.push({ claim: claim.claim, diff: output.diff });
        else
            ports.info(claim.error);
    }
    return candidates;
}

// EXTERNAL MODULE: ./src/select/run.ts + 4 modules
var run = __webpack_require__(66246);
;// CONCATENATED MODULE: ./src/cli/attempts.ts
/**
 * `greenloop run --attempts N [--jobs J]`: N loops side by side, each in its own git worktree of
 * HEAD (repeated `--model` / `--reasoning-effort` flags are cycled over the attempts), then the
 * same select step as the action's `mode: select` in the user's working tree.
 */






/** Lines of one attempt, prefixed with its label. */
function labelled(log, label) {
    const tag = (line) => `[${label}] ${line}`;
    return {
        info: (line) => log.info(tag(line)),
        warn: (line) => log.warn(tag(line)),
        progress: (line) => log.progress(tag(line)),
        group: (title, body) => log.group(tag(title), body),
    };
}
async function runAttempts(options) {
    const { config, git, log } = options;
    const specs = attemptSpecs(options.count, options.models.length > 0 ? options.models : [config.model], options.efforts.length > 0 ? options.efforts : [config.reasoningEffort]);
    log.info(`${specs.length} attempts, ${Math.min(options.jobs, specs.length)} at a time: ${specs.map((s) => `${s.label} ${s.model} (${s.reasoningEffort})`).join(', ')}`);
    const candidates = await runLocalAttempts(specs, options.jobs, options.outDir, {
        worktree: async (label) => {
            const dir = external_node_path_.join(options.workDir, 'worktrees', label);
            await git.addWorktree(dir);
            return { dir, dispose: () => git.removeWorktree(dir) };
        },
        runAttempt: async (spec, dir, outDir) => {
            const parsed = (0,parse/* parseConfig */.o4)({ ...options.raw, model: spec.model, 'reasoning-effort': spec.reasoningEffort }, { baseDir: dir, env: options.env });
            if (!parsed.ok)
                throw new Error(parsed.errors.join(' '));
            const workDir = await (0,promises_.mkdtemp)(external_node_path_.join(options.workDir, `${spec.label}-`));
            try {
                const session = await (0,loop_session/* runSession */.Ie)({
                    config: parsed.config,
                    log: labelled(log, spec.label),
                    outDir,
                    workDir,
                    env: options.env,
                    secrets: options.secrets,
                });
                log.info(`${spec.label}: ${session.record.status}: ${session.record.stopReason}`);
                return {
                    diff: session.record.diff,
                    report: await (0,promises_.readFile)(session.files.reportPath, 'utf8'),
                };
            }
            finally {
                await (0,promises_.rm)(workDir, { recursive: true, force: true });
            }
        },
        info: (line) => log.info(line),
    });
    return (0,run/* runSelectStep */.a)({
        config,
        log,
        outDir: options.outDir,
        workDir: await (0,promises_.mkdtemp)(external_node_path_.join(options.workDir, 'select-')),
        env: options.env,
        secrets: options.secrets,
    }, candidates);
}
/** `--attempts` and `--jobs` as numbers, or the one line that says what is allowed. */
function attemptCounts(attempts, jobs) {
    const read = (value, fallback) => typeof value === 'string' && value.trim() !== '' ? Number(value) : fallback;
    const count = read(attempts, 1);
    if (!Number.isInteger(count) || count < 1 || count > 16) {
        return `--attempts must be a whole number from 1 to 16, got '${String(attempts)}'`;
    }
    const parallel = read(jobs, Math.min(count, 2));
    if (!Number.isInteger(parallel) || parallel < 1 || parallel > count) {
        return `--jobs must be a whole number from 1 to --attempts (${count}), got '${String(jobs)}'`;
    }
    return { count, jobs: parallel };
}

// EXTERNAL MODULE: ./src/workspace/git.ts
var workspace_git = __webpack_require__(3133);
// EXTERNAL MODULE: ./src/cli/flags.ts
var cli_flags = __webpack_require__(95377);
;// CONCATENATED MODULE: ./src/cli/log.ts

function terminalLog(stream) {
    const live = stream.isTTY === true && process.env.CI !== 'true';
    let lastProgress = '';
    const clear = () => {
        if (live && lastProgress !== '')
            stream.write('\r\x1b[K');
    };
    const redraw = () => {
        if (live && lastProgress !== '')
            stream.write(`\x1b[2m${lastProgress}\x1b[0m`);
    };
    const line = (text) => {
        clear();
        stream.write(`${(0,report_escape/* neutraliseWorkflowCommands */.WM)(text)}\n`);
        redraw();
    };
    return {
        info: (text) => line(text),
        warn: (text) => line(`warning: ${text}`),
        progress: (text) => {
            lastProgress = (0,report_escape/* neutraliseWorkflowCommands */.WM)(text);
            if (live) {
                clear();
                redraw();
            }
            else {
                stream.write(`${lastProgress}\n`);
            }
        },
        async group(title, body) {
            line(`── ${title}`);
            return body();
        },
        done() {
            clear();
            if (live && lastProgress !== '')
                stream.write(`${lastProgress}\n`);
            lastProgress = '';
        },
    };
}

// EXTERNAL MODULE: ./src/report/progress.ts
var progress = __webpack_require__(18991);
;// CONCATENATED MODULE: ./src/cli/run.ts
/** `greenloop run` and `greenloop resume`: the core on a local repository. */













async function runCommand(flags) {
    return run_run(flags, undefined);
}
async function resumeCommand(checkpointDir, flags) {
    let checkpoint;
    try {
        checkpoint = await (0,loop_checkpoint/* loadCheckpoint */.xR)(external_node_path_.resolve(checkpointDir));
    }
    catch (error) {
        process.stderr.write(`greenloop: ${error instanceof Error ? error.message : String(error)}\n`);
        return 1;
    }
    return run_run({ ...flags, 'test-command-from-checkpoint': checkpoint.testCommand }, checkpoint);
}
async function run_run(flags, resume) {
    let probe;
    try {
        probe = (0,workspace_git/* createGit */.lD)(external_node_path_.resolve(flags.cwd));
    }
    catch (error) {
        process.stderr.write(`greenloop: ${error instanceof Error ? error.message : String(error)}\n`);
        return 1;
    }
    const root = await probe.tryTopLevel();
    if (!root) {
        process.stderr.write(`greenloop: ${flags.cwd} is not inside a git repository (run 'git init' and commit first).\n`);
        return 1;
    }
    // Keeps `.greenloop/` out of `git status` and of the run's snapshots.
    await probe.addExclude('.greenloop/');
    if (!flags.allowDirty && (await probe.isDirty())) {
        process.stderr.write('greenloop: the working tree has uncommitted changes; commit or stash them, or pass --allow-dirty.\n');
        return 1;
    }
    const raw = {
        'working-directory': external_node_path_.relative(root, external_node_path_.resolve(flags.cwd)) || '.',
        output: 'none',
    };
    for (const input of cli_flags/* CLI_INPUTS */.d) {
        // --model and --reasoning-effort may be repeated (for --attempts): the last one is the run's.
        const value = lastOf(flags[(0,cli_flags/* flagKey */.Q)(input.name)]);
        if (value !== undefined)
            raw[input.name] = value;
    }
    const counts = attemptCounts(flags.attempts, flags.jobs);
    if (typeof counts === 'string') {
        process.stderr.write(`greenloop: ${counts}\n`);
        return 1;
    }
    if (counts.count > 1 && (resume || flags.allowDirty)) {
        process.stderr.write(`greenloop: --attempts runs every attempt on the last commit: it cannot be combined with ${resume ? 'resume' : '--allow-dirty'}.\n`);
        return 1;
    }
    if (resume && !raw['test-command'])
        raw['test-command'] = resume.testCommand;
    const parsed = (0,parse/* parseConfig */.o4)(raw, { baseDir: root, env: process.env });
    if (!parsed.ok) {
        for (const error of parsed.errors)
            process.stderr.write(`greenloop: ${error}\n`);
        return 1;
    }
    const config = parsed.config;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const outDir = flags.out ? external_node_path_.resolve(flags.out) : external_node_path_.join(root, '.greenloop', stamp);
    (0,external_node_fs_.mkdirSync)(outDir, { recursive: true });
    const workDir = await (0,promises_.mkdtemp)(external_node_path_.join(external_node_os_.tmpdir(), 'greenloop-'));
    const log = terminalLog(process.stderr);
    // The working tree as the user left it: put back afterwards (unless --apply), whatever happens.
    const git = (0,workspace_git/* createGit */.lD)(config.workspace);
    const before = flags.apply ? undefined : await git.snapshot();
    // Ctrl-C or SIGTERM: the running command's process group is killed, the run ends `cancelled`
    // and its report is still written (exit 130, as shells expect). A second one leaves at once,
    // putting the working tree back first.
    const cancel = new AbortController();
    const onSignal = (signal) => {
        log.done();
        if (!cancel.signal.aborted) {
            process.stderr.write(`greenloop: ${signal}: stopping the running command and writing the report (again to quit at once)\n`);
            cancel.abort(signal);
            return;
        }
        process.stderr.write(`greenloop: ${signal}: quitting${before ? ' after restoring the working tree' : ''}\n`);
        void (before ? git.restore(before) : Promise.resolve())
            .catch(() => undefined)
            .then(() => (0,promises_.rm)(workDir, { recursive: true, force: true }))
            .catch(() => undefined)
            .finally(() => {
            removeIfEmpty(outDir, flags.out ? undefined : external_node_path_.dirname(outDir));
            process.exit(130);
        });
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
        const secrets = [config.apiKey].filter((s) => s !== '');
        const session = counts.count > 1
            ? await runAttempts({
                count: counts.count,
                jobs: counts.jobs,
                models: allOf(flags.model),
                efforts: allOf(flags.reasoningEffort),
                raw,
                config,
                git,
                log,
                outDir,
                workDir,
                env: process.env,
                secrets,
            })
            : await (0,loop_session/* runSession */.Ie)({
                config,
                log,
                outDir,
                workDir,
                env: process.env,
                secrets,
                ...(resume ? { resume } : {}),
                signal: cancel.signal,
            });
        log.done();
        const { record } = session;
        if (record.status === 'already-green') {
            const summary = external_node_path_.relative(root, session.files.summaryPath);
            process.stdout.write(`${(0,report_escape/* neutraliseWorkflowCommands */.WM)(`status=already-green: ${record.stopReason}, so nothing ran (summary: ${summary}).`)}\n`);
            return 0;
        }
        const failingBefore = record.baseline?.failures.length ?? 0;
        const failingAfter = record.final?.failures.length ?? 0;
        process.stdout.write((0,report_escape/* neutraliseWorkflowCommands */.WM)([
            `status=${record.status}`,
            `reason: ${record.stopReason}`,
            `failing: ${failingBefore} -> ${failingAfter}`,
            `iterations: ${record.totals.iterations}, turns: ${record.totals.turns}, tokens: ${record.totals.tokens}, cost: ${(0,progress/* formatCost */.BD)(record.totals.costUsd, record.model)}`,
            `diff: ${session.files.diffPath}`,
            `summary: ${session.files.summaryPath}`,
            `report: ${session.files.reportPath}`,
            record.filesChanged.length === 0
                ? 'No changes were made.'
                : flags.apply
                    ? 'The best state is left in the working tree (--apply).'
                    : 'The working tree was left as it was; apply the diff with: git apply ' +
                        external_node_path_.relative(root, session.files.diffPath),
        ].join('\n')) + '\n');
        if (record.status === 'cancelled')
            return 130;
        return record.status === 'success' ? 0 : 1;
    }
    catch (error) {
        log.done();
        if (error instanceof loop_session/* SetupError */.w3) {
            process.stderr.write(`greenloop: ${error.message}\n`);
            return cancel.signal.aborted ? 130 : 1;
        }
        throw error;
    }
    finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        if (before)
            await git.restore(before);
        await (0,promises_.rm)(workDir, { recursive: true, force: true });
        removeIfEmpty(outDir, flags.out ? undefined : external_node_path_.dirname(outDir));
    }
}
/** A run that wrote nothing (stopped before its report) leaves no empty output folder behind. */
function removeIfEmpty(dir, parent) {
    for (const folder of parent ? [dir, parent] : [dir]) {
        try {
            if ((0,external_node_fs_.readdirSync)(folder).length > 0)
                return;
            (0,external_node_fs_.rmdirSync)(folder);
        }
        catch {
            return;
        }
    }
}
/** The last value of a flag that may be repeated. */
function lastOf(value) {
    if (typeof value === 'string')
        return value;
    if (Array.isArray(value)) {
        const last = value[value.length - 1];
        return typeof last === 'string' ? last : undefined;
    }
    return undefined;
}
/** Every value of a flag that may be repeated. */
function allOf(value) {
    if (typeof value === 'string')
        return [value];
    return Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
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
