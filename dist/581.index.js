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
/* harmony import */ var commander__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(67375);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(71013);
/* harmony import */ var _cli_run_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(91876);
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
        command.addOption(new commander__WEBPACK_IMPORTED_MODULE_0__/* .Option */ .c$(`--${input.name} <value>`, input.description).default(undefined));
    }
    return command
        .option('--cwd <dir>', 'repository to work on', process.cwd())
        .option('--out <dir>', 'output folder (default: .greenloop/<timestamp> in the repository)')
        .option('--apply', 'leave the best state in the working tree (default: restore it as it was)', false)
        .option('--allow-dirty', 'run even when the working tree has uncommitted changes', false);
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
/* harmony import */ var _config_parse_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58353);
/* harmony import */ var _tools_patch_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(97200);
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
/* harmony import */ var _checks_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(95463);
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
            const json = {
                runner: digest.runner,
                counts: digest.counts,
                failures: digest.failures.map((f) => ({
                    id: f.id,
                    file: f.file ?? null,
                    line: f.line ?? null,
                    message: f.message,
                })),
                text: digest.text,
                tokens: digest.tokens,
            };
            process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
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
]);
const CLI_INPUTS = _config_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUTS */ .m.filter((input) => !GITHUB_ONLY.has(input.name));
/** Commander's camelCase key of a flag. */
function flagKey(name) {
    return name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
}


/***/ }),

/***/ 91876:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  V: () => (/* binding */ resumeCommand),
  d: () => (/* binding */ runCommand)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/config/parse.ts
var parse = __webpack_require__(58353);
// EXTERNAL MODULE: ./src/loop/checkpoint.ts
var loop_checkpoint = __webpack_require__(48638);
// EXTERNAL MODULE: ./src/loop/session.ts + 29 modules
var loop_session = __webpack_require__(37439);
// EXTERNAL MODULE: ./src/workspace/git.ts
var workspace_git = __webpack_require__(3133);
// EXTERNAL MODULE: ./src/cli/flags.ts
var cli_flags = __webpack_require__(95377);
;// CONCATENATED MODULE: ./src/cli/log.ts
function terminalLog(stream, start = Date.now()) {
    const live = stream.isTTY === true && process.env.CI !== 'true';
    let lastProgress = '';
    const elapsed = () => {
        const seconds = Math.round((Date.now() - start) / 1000);
        return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
    };
    const clear = () => {
        if (live && lastProgress !== '')
            stream.write('\r\x1b[K');
    };
    const redraw = () => {
        if (live && lastProgress !== '')
            stream.write(`\x1b[2m${lastProgress} · ${elapsed()}\x1b[0m`);
    };
    const line = (text) => {
        clear();
        stream.write(`${text}\n`);
        redraw();
    };
    return {
        info: (text) => line(text),
        warn: (text) => line(`warning: ${text}`),
        progress: (text) => {
            lastProgress = text;
            if (live) {
                clear();
                redraw();
            }
            else {
                stream.write(`${text} · ${elapsed()}\n`);
            }
        },
        async group(title, body) {
            line(`── ${title}`);
            return body();
        },
        done() {
            clear();
            if (live && lastProgress !== '')
                stream.write(`${lastProgress} · ${elapsed()}\n`);
            lastProgress = '';
        },
    };
}

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
    const root = repositoryRoot(external_node_path_.resolve(flags.cwd));
    if (!root) {
        process.stderr.write(`greenloop: ${flags.cwd} is not inside a git repository (run 'git init' and commit first).\n`);
        return 1;
    }
    excludeOutputFolder(root);
    if (!flags.allowDirty && isDirty(root)) {
        process.stderr.write('greenloop: the working tree has uncommitted changes; commit or stash them, or pass --allow-dirty.\n');
        return 1;
    }
    const raw = {
        'working-directory': external_node_path_.relative(root, external_node_path_.resolve(flags.cwd)) || '.',
        output: 'none',
    };
    for (const input of cli_flags/* CLI_INPUTS */.d) {
        const value = flags[(0,cli_flags/* flagKey */.Q)(input.name)];
        if (typeof value === 'string')
            raw[input.name] = value;
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
    const git = (0,workspace_git/* createGit */.l)(config.workspace);
    const before = flags.apply ? undefined : await git.snapshot();
    // Ctrl-C or a kill: put the working tree back before leaving (exit 130, as shells expect).
    const onSignal = (signal) => {
        log.done();
        process.stderr.write(`greenloop: ${signal}: stopping${before ? ' and restoring the working tree' : ''}\n`);
        void (before ? git.restore(before) : Promise.resolve())
            .catch(() => undefined)
            .finally(() => process.exit(130));
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
        const session = await (0,loop_session/* runSession */.I)({
            config,
            log,
            outDir,
            workDir,
            env: process.env,
            secrets: [config.apiKey].filter((s) => s !== ''),
            ...(resume ? { resume } : {}),
        });
        log.done();
        const { record } = session;
        const failingBefore = record.baseline?.failures.length ?? 0;
        const failingAfter = record.final?.failures.length ?? 0;
        process.stdout.write([
            `status=${record.status}`,
            `reason: ${record.stopReason}`,
            `failing: ${failingBefore} -> ${failingAfter}`,
            `iterations: ${record.totals.iterations}, turns: ${record.totals.turns}, tokens: ${record.totals.tokens}, cost: $${record.totals.costUsd.toFixed(4)}`,
            `diff: ${session.files.diffPath}`,
            `summary: ${session.files.summaryPath}`,
            `report: ${session.files.reportPath}`,
            flags.apply
                ? 'The best state is left in the working tree (--apply).'
                : 'The working tree was left as it was; apply the diff with: git apply ' +
                    external_node_path_.relative(root, session.files.diffPath),
        ].join('\n') + '\n');
        return record.status === 'success' || record.status === 'already-green' ? 0 : 1;
    }
    catch (error) {
        log.done();
        if (error instanceof loop_session/* SetupError */.w) {
            process.stderr.write(`greenloop: ${error.message}\n`);
            return 1;
        }
        throw error;
    }
    finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        if (before)
            await git.restore(before);
        await (0,promises_.rm)(workDir, { recursive: true, force: true });
    }
}
function repositoryRoot(dir) {
    try {
        return (0,external_node_child_process_.execFileSync)('git', ['rev-parse', '--show-toplevel'], {
            cwd: dir,
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
        }).trim();
    }
    catch {
        return undefined;
    }
}
function isDirty(root) {
    const status = (0,external_node_child_process_.execFileSync)('git', ['status', '--porcelain', '--untracked-files=normal'], {
        cwd: root,
        encoding: 'utf8',
    });
    return status.trim() !== '';
}
/** Keeps `.greenloop/` out of `git status` and of the run's snapshots. */
function excludeOutputFolder(root) {
    // --git-path: in a linked worktree, info/exclude lives in the common git folder.
    const relative = (0,external_node_child_process_.execFileSync)('git', ['rev-parse', '--git-path', 'info/exclude'], {
        cwd: root,
        encoding: 'utf8',
    }).trim();
    const exclude = external_node_path_.resolve(root, relative);
    const current = (0,external_node_fs_.existsSync)(exclude) ? (0,external_node_fs_.readFileSync)(exclude, 'utf8') : '';
    if (!current.split(/\r?\n/).includes('.greenloop/')) {
        (0,external_node_fs_.mkdirSync)(external_node_path_.dirname(exclude), { recursive: true });
        (0,external_node_fs_.appendFileSync)(exclude, `${current === '' || current.endsWith('\n') ? '' : '\n'}.greenloop/\n`);
    }
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
