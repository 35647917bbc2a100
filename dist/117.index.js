export const id = 117;
export const ids = [117];
export const modules = {

/***/ 16117:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  resumeCommand: () => (/* binding */ resumeCommand),
  runCommand: () => (/* binding */ runCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/core/secrets.ts
var core_secrets = __webpack_require__(58198);
// EXTERNAL MODULE: ./src/config/parse.ts + 1 modules
var parse = __webpack_require__(94849);
// EXTERNAL MODULE: ./src/loop/checkpoint.ts
var loop_checkpoint = __webpack_require__(48638);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
// EXTERNAL MODULE: ./src/app/session.ts + 27 modules
var app_session = __webpack_require__(4497);
// EXTERNAL MODULE: ./src/core/result.ts
var result = __webpack_require__(39294);
// EXTERNAL MODULE: ./src/core/status.ts
var core_status = __webpack_require__(85009);
// EXTERNAL MODULE: ./src/core/record.ts
var core_record = __webpack_require__(14130);
// EXTERNAL MODULE: ./src/model/index.ts + 6 modules
var model = __webpack_require__(93166);
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
        if (ports.signal?.aborted)
            return undefined;
        let tree;
        try {
            tree = await ports.worktree(spec.label);
            ports.info(`${spec.label}: ${spec.model} (${spec.reasoningEffort}) in ${tree.dir}`);
            return await ports.runAttempt(spec, tree.dir, external_node_path_.join(outDir, spec.label));
        }
        catch (error) {
            ports.info(`${spec.label}: failed: ${error instanceof Error ? error.message : String(error)}`);
            return undefined;
        }
        finally {
            await tree?.dispose();
        }
    });
    const candidates = [];
    for (const [i, spec] of specs.entries()) {
        const output = outputs[i];
        if (!output)
            continue;
        const claim = (0,select_claim/* readClaim */.j)(spec.label, output.report);
        if (claim.ok)
            candidates.push({ claim: claim.value, diff: output.diff });
        else
            ports.info(claim.error);
    }
    return candidates;
}

// EXTERNAL MODULE: ./src/app/select.ts + 4 modules
var app_select = __webpack_require__(99138);
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
    const selectOptions = {
        config,
        log,
        outDir: options.outDir,
        workDir: await (0,promises_.mkdtemp)(external_node_path_.join(options.workDir, 'select-')),
        env: options.env,
        secrets: options.secrets,
        ...(options.signal ? { signal: options.signal } : {}),
    };
    // Every attempt's config, the endpoint, the test command and the sandbox are checked before
    // any worktree is made: a setup that cannot work ends in one line, as a single run does.
    await checkSpecs(options, specs);
    const bench = await (0,app_session/* checkedWorkbench */.tx)(selectOptions);
    // The worktrees start from the tree as the user left it (before the select baseline ran there).
    const worktree = await attemptWorktrees(git, config.workspace, options.workDir);
    const attempts = async () => {
        log.info(`${specs.length} attempts, ${Math.min(options.jobs, specs.length)} at a time: ${specs.map((s) => `${s.label} ${s.model} (${s.reasoningEffort})`).join(', ')}`);
        const candidates = await runLocalAttempts(specs, options.jobs, options.outDir, {
            worktree,
            runAttempt: (spec, dir, outDir) => runAttempt(options, spec, dir, outDir),
            info: (line) => log.info(line),
            ...(options.signal ? { signal: options.signal } : {}),
        });
        stopIfCancelled(options);
        return candidates;
    };
    const selected = await (0,app_select/* runSelectStep */.a)(selectOptions, attempts, bench);
    stopIfCancelled(options);
    return selected;
}
/** One attempt: a whole loop in its worktree `dir`, its report files under `outDir`. */
async function runAttempt(options, spec, dir, outDir) {
    const parsed = attemptConfig(options, spec, dir);
    if (!parsed.ok)
        throw new Error(parsed.error);
    const workDir = await (0,promises_.mkdtemp)(external_node_path_.join(options.workDir, `${spec.label}-`));
    try {
        const session = await (0,app_session/* runSession */.Ie)({
            config: parsed.value,
            log: labelled(options.log, spec.label),
            outDir,
            workDir,
            env: options.env,
            secrets: options.secrets,
            ...(options.signal ? { signal: options.signal } : {}),
        });
        options.log.info(`${spec.label}: ${session.record.status}: ${session.record.stopReason}`);
        return { diff: session.record.diff, report: await (0,promises_.readFile)(session.files.reportPath, 'utf8') };
    }
    finally {
        await (0,promises_.rm)(workDir, { recursive: true, force: true });
    }
}
/** Each attempt's config parsed in the user's tree, with the effort its model takes. */
async function checkSpecs(options, specs) {
    const root = (await options.git.tryTopLevel()) ?? options.config.workspace;
    for (const spec of specs) {
        const parsed = attemptConfig(options, spec, root);
        if (!parsed.ok)
            throw new app_session/* SetupError */.w3(parsed.error);
        const refused = (0,model/* configEffortRefusal */.l9)(parsed.value);
        if (refused !== undefined)
            throw new app_session/* SetupError */.w3(refused);
    }
}
/** After Ctrl-C, the attempts' own reports are all there is: said in one line. */
function stopIfCancelled(options) {
    const { signal } = options;
    if (!signal?.aborted)
        return;
    const reason = signal.reason;
    throw new app_session/* SetupError */.w3(`${typeof reason === 'string' ? reason : 'cancelled'}: the attempts were stopped and their worktrees removed; what each one wrote is under ${options.outDir}`);
}
/** An attempt's config: the flags with its model and effort, in its worktree `root`. */
function attemptConfig(options, spec, root) {
    const parsed = (0,parse/* parseConfig */.o4)({ ...options.raw, model: spec.model, 'reasoning-effort': spec.reasoningEffort }, { baseDir: root, env: options.env });
    return parsed.ok ? parsed : (0,result/* err */._)(parsed.error.join(' '));
}
/** Folders of installed dependencies: ignored, so a fresh worktree lacks them. */
const DEPENDENCY_DIRS = new Set(['node_modules', '.venv', 'venv']);
/**
 * Makes each attempt's worktree: the working tree as it is (uncommitted and untracked files
 * included), with the installed dependencies a fresh worktree would lack.
 */
async function attemptWorktrees(git, workspace, workDir) {
    const start = await git.snapshot();
    const dependencies = (await git.ignoredEntries()).filter((p) => DEPENDENCY_DIRS.has(external_node_path_.posix.basename(p)));
    const root = (await git.tryTopLevel()) ?? workspace;
    return async (label) => {
        const dir = external_node_path_.join(workDir, 'worktrees', label);
        await git.addWorktree(dir, start);
        const dispose = () => git.removeWorktree(dir);
        try {
            for (const rel of dependencies)
                await copyTree(external_node_path_.join(root, rel), external_node_path_.join(dir, rel));
        }
        catch (error) {
            await dispose();
            throw error;
        }
        return { dir, dispose };
    };
}
/**
 * A copy of a dependency folder that is the attempt's own: a model command that rewrites a file
 * in place must change neither the user's tree nor another attempt's (hard links would share the
 * file). Copy-on-write clones where the file system has them, a plain copy otherwise; symlinks
 * stay symlinks. A virtualenv's copy still names the original by absolute path (its scripts'
 * interpreter, an editable install's source folder): the README says what that means.
 */
async function copyTree(from, to) {
    await (0,promises_.mkdir)(external_node_path_.dirname(to), { recursive: true });
    await (0,promises_.cp)(from, to, {
        recursive: true,
        verbatimSymlinks: true,
        preserveTimestamps: true,
        mode: external_node_fs_.constants.COPYFILE_FICLONE,
    });
}
/** `--attempts` and `--jobs` as numbers, or the one line that says what is allowed. */
function attemptCounts(attempts, jobs) {
    const read = (value, fallback) => typeof value === 'string' && value.trim() !== '' ? Number(value) : fallback;
    const count = read(attempts, 1);
    if (!Number.isInteger(count) || count < 1 || count > 16) {
        return (0,result/* err */._)(`--attempts must be a whole number from 1 to 16, got '${String(attempts)}'`);
    }
    const parallel = read(jobs, Math.min(count, 2));
    if (!Number.isInteger(parallel) || parallel < 1 || parallel > count) {
        return (0,result/* err */._)(`--jobs must be a whole number from 1 to --attempts (${count}), got '${String(jobs)}'`);
    }
    return (0,result.ok)({ count, jobs: parallel });
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

// EXTERNAL MODULE: ./src/loop/progress.ts
var progress = __webpack_require__(90199);
;// CONCATENATED MODULE: ./src/cli/run.ts
/** `greenloop run` and `greenloop resume`: the core on a local repository. */

















async function runCommand(flags) {
    return run(flags, undefined);
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
    return run({ ...flags, 'test-command-from-checkpoint': checkpoint.testCommand }, checkpoint);
}
async function run(flags, resume) {
    const prepared = await prepare(flags, resume);
    if (!prepared.ok) {
        process.stderr.write(`greenloop: ${prepared.error}\n`);
        return 1;
    }
    const { root, raw, config, counts } = prepared.value;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const outDir = flags.out ? external_node_path_.resolve(flags.out) : external_node_path_.join(root, '.greenloop', stamp);
    (0,external_node_fs_.mkdirSync)(outDir, { recursive: true });
    const workDir = await (0,promises_.mkdtemp)(external_node_path_.join(external_node_os_.tmpdir(), 'greenloop-'));
    const log = terminalLog(process.stderr);
    // The working tree as the user left it: put back afterwards (unless --apply), whatever happens.
    const git = (0,workspace_git/* createGit */.lD)(config.workspace);
    const before = flags.apply ? undefined : await git.snapshot();
    const tidy = async () => {
        await (0,promises_.rm)(workDir, { recursive: true, force: true });
        removeIfEmpty(outDir, flags.out ? undefined : external_node_path_.dirname(outDir));
    };
    const signals = watchSignals(log, async () => {
        await (before ? git.restore(before) : Promise.resolve()).catch(() => undefined);
        await tidy().catch(() => undefined);
        // Attempts' worktrees were under workDir (a single run has none to prune).
        if (counts.count > 1)
            await git.pruneWorktrees().catch(() => undefined);
    }, before !== undefined);
    try {
        const secrets = (0,core_secrets/* secretValues */.VX)({ known: [config.apiKey] });
        const common = { config, log, outDir, workDir, env: process.env, secrets };
        const session = counts.count > 1
            ? await runAttempts({
                ...common,
                ...counts,
                models: allOf(flags.model),
                efforts: allOf(flags.reasoningEffort),
                raw,
                git,
                signal: signals.signal,
            })
            : await (0,app_session/* runSession */.Ie)({ ...common, ...(resume ? { resume } : {}), signal: signals.signal });
        log.done();
        process.stdout.write(`${(0,report_escape/* neutraliseWorkflowCommands */.WM)(outcomeLines(session, root, flags.apply))}\n`);
        return exitCode(session.record.status);
    }
    catch (error) {
        log.done();
        if (!(error instanceof app_session/* SetupError */.w3))
            throw error;
        process.stderr.write(`greenloop: ${error.message}\n`);
        return signals.signal.aborted ? 130 : 1;
    }
    finally {
        signals.dispose();
        if (before)
            await git.restore(before);
        await tidy();
    }
}
/** Everything checked before anything starts: the repository, the flags, the config. */
async function prepare(flags, resume) {
    let probe;
    try {
        probe = (0,workspace_git/* createGit */.lD)(external_node_path_.resolve(flags.cwd));
    }
    catch (error) {
        return (0,result/* err */._)(error instanceof Error ? error.message : String(error));
    }
    const root = await probe.tryTopLevel();
    if (!root) {
        return (0,result/* err */._)(`${flags.cwd} is not inside a git repository (run 'git init' and commit first).`);
    }
    // Keeps `.greenloop/` out of `git status` and of the run's snapshots.
    await probe.addExclude('.greenloop/');
    if (!flags.allowDirty && (await probe.isDirty())) {
        return (0,result/* err */._)('the working tree has uncommitted changes; commit or stash them, or pass --allow-dirty.');
    }
    const counts = attemptCounts(flags.attempts, flags.jobs);
    if (!counts.ok)
        return counts;
    if (counts.value.count > 1 && resume) {
        return (0,result/* err */._)('--attempts starts every attempt afresh: it cannot be combined with resume.');
    }
    const raw = rawInputs(flags, root, resume);
    const parsed = (0,parse/* parseConfig */.o4)(raw, { baseDir: root, env: process.env });
    if (!parsed.ok)
        return (0,result/* err */._)(parsed.error.join('\ngreenloop: '));
    return (0,result.ok)({ root, raw, config: parsed.value, counts: counts.value });
}
/** The action's inputs as the CLI's flags give them. */
function rawInputs(flags, root, resume) {
    const raw = {
        'working-directory': external_node_path_.relative(root, external_node_path_.resolve(flags.cwd)) || '.',
        output: 'none',
    };
    for (const input of cli_flags/* CLI_INPUTS */.d) {
        // --model and --reasoning-effort are repeated only for --attempts (more values than runs are
        // refused in cli.ts); a single run has at most one.
        const value = lastOf(flags[(0,cli_flags/* flagKey */.Q)(input.name)]);
        if (value !== undefined)
            raw[input.name] = value;
    }
    if (resume && !raw['test-command'])
        raw['test-command'] = resume.testCommand;
    // The checkpoint's model, endpoint and API, where no flag names another.
    const settings = resume?.model;
    if (settings) {
        const fromCheckpoint = {
            model: settings.model,
            api: settings.api,
            'base-url': settings.baseUrl,
            'reasoning-effort': settings.reasoningEffort,
            'tool-style': settings.toolStyle,
        };
        for (const [name, value] of Object.entries(fromCheckpoint)) {
            if (raw[name] === undefined && value !== '')
                raw[name] = value;
        }
    }
    return raw;
}
/**
 * Ctrl-C or SIGTERM: the running command's process group is killed, the run ends `cancelled`
 * and its report is still written (exit 130, as shells expect). A second one leaves at once,
 * putting the working tree back first (`leave`).
 */
function watchSignals(log, leave, restores) {
    const cancel = new AbortController();
    const onSignal = (signal) => {
        log.done();
        if (!cancel.signal.aborted) {
            process.stderr.write(`greenloop: ${signal}: stopping the running command and writing the report (again to quit at once)\n`);
            cancel.abort(signal);
            return;
        }
        process.stderr.write(`greenloop: ${signal}: quitting${restores ? ' after restoring the working tree' : ''}\n`);
        void leave().finally(() => process.exit(130));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    return {
        signal: cancel.signal,
        dispose: () => {
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
        },
    };
}
/** What the terminal is told at the end of a run. */
function outcomeLines(session, root, applied) {
    const { record, files } = session;
    if (record.status === 'already-green') {
        const summary = external_node_path_.relative(root, files.summaryPath);
        return `status=already-green: ${record.stopReason}, so nothing ran (summary: ${summary}).`;
    }
    // No test run after the baseline (it could not run, the model failed first): unknown, "?".
    const failing = (s) => (s ? String((0,core_record/* failingCount */.e)(s)) : '?');
    return [
        `status=${record.status}`,
        `reason: ${record.stopReason}`,
        `failing: ${failing(record.baseline)} -> ${failing(record.final)}`,
        `iterations: ${record.totals.iterations}, turns: ${record.totals.turns}, tokens: ${record.totals.tokens}, cost: ${(0,progress/* formatCost */.BD)(record.totals.costUsd, record.model)}`,
        `diff: ${files.diffPath}`,
        `summary: ${files.summaryPath}`,
        `report: ${files.reportPath}`,
        record.filesChanged.length === 0
            ? 'No changes were made.'
            : applied
                ? 'The best state is left in the working tree (--apply).'
                : 'The working tree was left as it was; apply the diff with: git apply ' +
                    external_node_path_.relative(root, files.diffPath),
    ].join('\n');
}
function exitCode(status) {
    if (status === 'cancelled')
        return 130;
    return core_status/* SUCCESS_STATUSES */.h5.has(status) ? 0 : 1;
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


/***/ })

};
