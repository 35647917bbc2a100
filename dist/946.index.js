export const id = 946;
export const ids = [946];
export const modules = {

/***/ 6474:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dd: () => (/* binding */ isOneRunner),
/* harmony export */   RP: () => (/* binding */ integrityProblem),
/* harmony export */   Z_: () => (/* binding */ deletedTestFiles),
/* harmony export */   nd: () => (/* binding */ LOAD_KINDS),
/* harmony export */   qB: () => (/* binding */ compareRuns)
/* harmony export */ });
/* harmony import */ var _parsers_util_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38648);

function compareRuns(baseline, current) {
    const before = new Set(baseline.map((f) => f.id));
    const now = new Set(current.map((f) => f.id));
    return {
        fixed: [...before].filter((id) => !now.has(id)),
        stillFailing: [...now].filter((id) => before.has(id)),
        newlyFailing: [...now].filter((id) => !before.has(id)),
    };
}
/** Failure kinds meaning that a file or suite could not load, so its tests never ran. */
const LOAD_KINDS = new Set([
    'load_error',
    'collection_error',
    'compile_error',
    'build_error',
    'suite_error',
    'setup_error',
    'crash',
    'timeout',
]);
const SHOWN = 10;
/**
 * Decides, on evidence it can trust, whether a run "passes" because tests disappeared:
 * - a drop in tests that comes with load errors, a crash or a timeout is `not-run`, never
 *   "tests deleted";
 * - otherwise the check only applies when both runs were read by the same runner's parser
 *   (not the generic one, not a mix);
 * - tests are compared by identity when the parser named every test in both runs;
 * - without identities, counts are evidence only when both came from the runner's own summary
 *   line (`4 passed, 1 skipped in 0.2s`): then a passing run must pass every test of the
 *   baseline (its passing ones and its failing tests, now fixed) and skip no more. Counts read
 *   from other lines are not (a runner's summary lines are easily taken for failures,
 *   interleaved output splits lines): a passing run is never rejected on those, a failing one
 *   only for skipping more tests.
 */
function integrityProblem(baseline, current) {
    const notRun = couldNotRun(baseline, current) ?? noneRan(baseline, current);
    if (notRun)
        return notRun;
    const runner = baseline.digest.runner;
    if (runner !== current.digest.runner || !isOneRunner(runner))
        return undefined;
    const before = baseline.digest.tests;
    const now = current.digest.tests;
    const named = before !== undefined && now !== undefined;
    const missing = named ? missingIds(before, now) : [];
    if (missing.length > 0) {
        return {
            kind: 'removed',
            rejects: true,
            evidence: missing,
            message: `${missing.length} test${missing.length === 1 ? '' : 's'} of the baseline no longer ran: ${listed(missing)}. Fix the code instead of removing tests`,
        };
    }
    const counted = baseline.digest.countsFromSummary === true && current.digest.countsFromSummary === true;
    return (moreSkipped(baseline, current, named || counted) ??
        (counted ? fewerPassed(baseline, current) : fewerUnnamed(baseline, current, named)));
}
/**
 * A passing run that passed fewer tests than the baseline's passing and failing ones together:
 * tests of the baseline no longer ran. Only counts from the runner's summary in both runs, and
 * only failures that are tests (not load errors, hooks or a failing command).
 */
function fewerPassed(baseline, current) {
    if (current.exitCode !== 0 || !countsPasses(baseline, current))
        return undefined;
    const passedBefore = baseline.digest.counts.passed;
    const failingTests = new Set(baseline.digest.failures
        .filter((f) => f.kind === undefined || FAILING_TEST_KINDS.has(f.kind))
        .filter((f) => !f.id.startsWith('(test command'))
        .map((f) => f.id));
    const failingBefore = Math.min(failingTests.size, baseline.digest.counts.failed);
    const passedNow = current.digest.counts.passed;
    const lost = passedBefore + failingBefore - passedNow;
    if (lost <= 0)
        return undefined;
    return {
        kind: 'removed',
        rejects: true,
        evidence: [
            `${passedNow} passed, the baseline had ${passedBefore} passing and ${failingBefore} failing`,
        ],
        message: `${passedNow} test${passedNow === 1 ? '' : 's'} passed, but the baseline had ${passedBefore} passing and ${failingBefore} failing: ${lost} of its tests no longer ran. Fix the code instead of removing tests`,
    };
}
/** Failures that are one test each (a timed-out test, a test's setup error, its crash). */
const FAILING_TEST_KINDS = new Set([
    'test',
    'timeout',
    'setup_error',
    'crash',
]);
/** Whether the runner counts passing tests: `go test` without `-v` prints only failures. */
function countsPasses(baseline, current) {
    return baseline.digest.counts.passed > 0 || current.digest.counts.passed > 0;
}
/** A runner's own results: not the generic reader's, not a mix of runners (`jest+vitest`). */
function isOneRunner(runner) {
    return runner !== 'generic' && !runner.includes('+');
}
/** Fewer tests ran, and the run shows why (load errors, a crash, a timeout). */
function couldNotRun(baseline, current) {
    const totalBefore = total(baseline);
    const totalNow = total(current);
    const fewer = totalNow < totalBefore ||
        (current.digest.counts.passed === 0 && baseline.digest.counts.passed > 0);
    const cause = whyNotRun(baseline, current);
    if (cause.length === 0 || !fewer || current.exitCode === 0)
        return undefined;
    return {
        kind: 'not-run',
        rejects: true,
        evidence: cause,
        message: `the tests could not run (${totalNow} ran, the baseline ran ${totalBefore}): ${listed(cause)}`,
    };
}
/**
 * No test ran: when the runner's own output says so (go's `ok pkg` lines count none), or when a
 * baseline counted from its runner's summary is followed by a run read with the same parser
 * that found none of its results (`echo all tests passed` in place of the test script).
 */
function noneRan(baseline, current) {
    const totalBefore = total(baseline);
    const namedNone = current.digest.tests?.length === 0;
    const countedNone = baseline.digest.countsFromSummary === true &&
        current.digest.countsFromSummary !== true &&
        current.digest.runner === baseline.digest.runner;
    if (total(current) !== 0 || totalBefore === 0 || !(namedNone || countedNone))
        return undefined;
    const evidence = [`no test ran, the baseline ran ${totalBefore}`];
    return current.exitCode === 0
        ? {
            kind: 'removed',
            rejects: true,
            evidence,
            message: `no test ran (the baseline ran ${totalBefore}). Fix the code instead of removing tests`,
        }
        : {
            kind: 'not-run',
            rejects: true,
            evidence,
            message: `the tests could not run: no test ran (the baseline ran ${totalBefore}), exit code ${current.exitCode ?? 'none'}`,
        };
}
function moreSkipped(baseline, current, named) {
    const skippedBefore = baseline.digest.counts.skipped;
    const skippedNow = current.digest.counts.skipped;
    if (skippedNow <= skippedBefore)
        return undefined;
    const rejects = named || current.exitCode !== 0;
    return {
        kind: rejects ? 'skipped' : 'unverified',
        rejects,
        evidence: [`${skippedNow} skipped, the baseline skipped ${skippedBefore}`],
        message: rejects
            ? `the run skips ${skippedNow} tests, more than the ${skippedBefore} of the baseline. Fix the code instead of skipping tests`
            : `the run skips ${skippedNow} tests, the baseline skipped ${skippedBefore} (${baseline.digest.runner} does not name every test, so which ones could not be checked)`,
    };
}
/**
 * Fewer tests, and the runner does not name them: a note, never a reason to reject. Not when
 * neither run counted a passing test: such a runner prints only failures (`go test` without
 * `-v`), so its totals are failures, and fewer of them is what a fix looks like.
 */
function fewerUnnamed(baseline, current, named) {
    const totalBefore = total(baseline);
    const totalNow = total(current);
    if (named || totalNow >= totalBefore || !countsPasses(baseline, current))
        return undefined;
    return {
        kind: 'unverified',
        rejects: false,
        evidence: [`${totalNow} tests, the baseline had ${totalBefore}`],
        message: `${totalNow} tests ran, the baseline counted ${totalBefore} (${baseline.digest.runner} does not name every test, so which ones could not be checked)`,
    };
}
function total(run) {
    const { passed, failed, skipped } = run.digest.counts;
    return passed + failed + skipped;
}
/** New load errors, crashes or a timeout in `current`: lines naming what kept the tests from running. */
function whyNotRun(baseline, current) {
    const known = new Set(baseline.digest.failures.map((f) => f.id));
    const lines = current.digest.failures
        .filter((f) => LOAD_KINDS.has(f.kind ?? '') && !known.has(f.id) && !f.id.startsWith('(test command'))
        .map((f) => (f.message && f.message !== f.id ? `${f.id}: ${f.message}` : f.id));
    const crashesBefore = new Set(baseline.digest.crashes ?? []);
    for (const crash of current.digest.crashes ?? [])
        if (!crashesBefore.has(crash))
            lines.push(`crash: ${crash}`);
    if (current.timedOut && !baseline.timedOut)
        lines.push('the test command timed out');
    return lines;
}
/**
 * Baseline ids with no match now. Which file or suite a parser puts in front of a test's name can
 * vary between runs (cargo's `Running` line on stderr interleaves with the tests' stdout, the node
 * runner names the file only for failures), so tests are matched by name: a name counts as
 * missing when the current run has fewer tests of that name than the baseline.
 */
function missingIds(before, now) {
    const present = new Set(now);
    const countNow = new Map();
    for (const id of now)
        countNow.set(nameOf(id), (countNow.get(nameOf(id)) ?? 0) + 1);
    const byName = new Map();
    for (const id of before)
        byName.set(nameOf(id), [...(byName.get(nameOf(id)) ?? []), id]);
    const missing = [];
    for (const [name, ids] of byName) {
        const lost = ids.length - (countNow.get(name) ?? 0);
        if (lost <= 0)
            continue;
        const absent = ids.filter((id) => !present.has(id));
        missing.push(...(absent.length >= lost ? absent : ids).slice(0, lost));
    }
    return missing;
}
function nameOf(id) {
    const at = id.lastIndexOf(' > ');
    // cargo names a doc-test by its line (`src/lib.rs - add (line 3)`): a change above the
    // example moves it, the test is the same.
    return (at < 0 ? id : id.slice(at + 3)).replace(/ \(line \d+\)$/, '');
}
function listed(ids) {
    const shown = ids.slice(0, SHOWN).join('; ');
    return ids.length > SHOWN ? `${shown} and ${ids.length - SHOWN} more` : shown;
}
/**
 * The test files among deleted paths: by the usual naming (`tests/`, `*_test.go`, `*.test.ts`,
 * `test_*.py`, a root `test.js`) or named by the test command (`node test.js`; a folder only
 * when its own name is a test folder's, as a `cd` target or a go package holds code). Docs
 * (`*.md`, `*.txt`) are never test files.
 * A log that names no test cannot show them gone, so the integrity check looks at the files too.
 */
function deletedTestFiles(deleted, testCommand) {
    const named = testCommand
        .split(/\s+/)
        .map((word) => word
        .replace(/^['"]|['"]$/g, '')
        .replace(/^\.\//, '')
        .replace(/\/+$/, ''))
        .filter((word) => word !== '' && word !== '.' && !word.startsWith('-'));
    return deleted.filter((file) => !/\.(md|markdown|rst|txt|adoc)$/i.test(file) &&
        ((0,_parsers_util_js__WEBPACK_IMPORTED_MODULE_0__/* .isTestPath */ .MQ)(file) ||
            /^(tests?|specs?)\.[^/]+$/.test(file) ||
            named.some((word) => file === word || (file.startsWith(`${word}/`) && (0,_parsers_util_js__WEBPACK_IMPORTED_MODULE_0__/* .isTestPath */ .MQ)(`${word}/`)))));
}


/***/ }),

/***/ 68742:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  nd: () => (/* reexport */ compare/* LOAD_KINDS */.nd),
  qB: () => (/* reexport */ compare/* compareRuns */.qB),
  Z_: () => (/* reexport */ compare/* deletedTestFiles */.Z_),
  HK: () => (/* reexport */ detectTestCommand),
  TM: () => (/* reexport */ digestFile),
  tv: () => (/* reexport */ digestJson),
  RP: () => (/* reexport */ compare/* integrityProblem */.RP)
});

// UNUSED EXPORTS: DEFAULT_TOKENS, DigestBuilder, RUNNERS, detectRunner, digestText, loadXml

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(80481);
var external_node_readline_default = /*#__PURE__*/__webpack_require__.n(external_node_readline_);
// EXTERNAL MODULE: ./node_modules/strip-ansi/index.js + 1 modules
var strip_ansi = __webpack_require__(30348);
// EXTERNAL MODULE: ./src/checks/parsers/util.ts
var util = __webpack_require__(38648);
;// CONCATENATED MODULE: ./src/checks/parsers/base.ts

const MAX_FAILURES = 500;
const MAX_DETAIL_LINES = 16;
const MAX_LINE_CHARS = 300;
const MAX_MESSAGE_CHARS = 4000;
const MAX_FRAMES = 3;
/**
 * Test ids remembered per digest (over all its runs) for the integrity check; beyond it the
 * run's identities are unknown.
 */
const MAX_NAMED_TESTS = 20_000;
/**
 * What the parsers of one digest share, and nothing else does: the project's paths, and the
 * budgets that bound what all the digest's segments keep together (a log of many runs, one
 * after another, must not keep MAX_FAILURES failures and MAX_NAMED_TESTS names per run).
 */
class ParseContext {
    paths;
    failures = 0;
    names = 0;
    constructor(projectRoot) {
        this.paths = new util/* ProjectPaths */.Mq(projectRoot);
    }
    /** Room to store one more failure; false once the digest holds MAX_FAILURES. */
    takeFailure() {
        if (this.failures >= MAX_FAILURES)
            return false;
        this.failures++;
        return true;
    }
    releaseFailure() {
        if (this.failures > 0)
            this.failures--;
    }
    /** Room to remember one more test id; false once the digest holds MAX_NAMED_TESTS. */
    takeName() {
        if (this.names >= MAX_NAMED_TESTS)
            return false;
        this.names++;
        return true;
    }
}
/**
 * A copy of `s` that shares no memory with the string it was cut from. Log lines are slices of
 * the reader's 256 KB chunk; a line kept for long (a message, a detail, a buffered test output)
 * would keep its whole chunk alive, and a 20 MB log's worth of chunks with it.
 */
function own(s) {
    // Slicing a concatenation flattens it into a new string first (V8), which is then all the
    // slice refers to: one copy, no encoding round trip.
    return s.length < 13 ? s : ` ${s}`.slice(1);
}
/** `text` cut to `max` characters, as its own string (see `own`). */
function clip(text, max = MAX_LINE_CHARS) {
    return own(text.length > max ? `${text.slice(0, max - 1)}…` : text);
}
/** Failure store: dedupes by id, caps the count, remembers passes that follow a failure (flaky). */
class Collector {
    ctx;
    map = new Map();
    flakyIds = new Set();
    named = new Set();
    namedOverflow = false;
    seq = 0;
    dropped = 0;
    passed = 0;
    failed = 0;
    skipped = 0;
    /**
     * Passes the runner counts that are no test of their own, so never named (node:test counts a
     * passed parent test in `# pass`). `passed` keeps the runner's count, as the truth files do.
     */
    unnamedPasses = 0;
    summary = false;
    constructor(ctx) {
        this.ctx = ctx;
    }
    /** Adds (or returns the existing) failure for `id`. Undefined when the cap is reached. */
    fail(init) {
        this.name(init.id);
        const existing = this.map.get(init.id);
        if (existing) {
            this.flakyIds.delete(init.id);
            existing.seq = ++this.seq;
            if (!existing.message && init.message)
                existing.message = clip(init.message, MAX_MESSAGE_CHARS);
            return existing;
        }
        if (!this.ctx.takeFailure()) {
            this.dropped++;
            return undefined;
        }
        const f = {
            id: init.id,
            message: clip(init.message ?? '', MAX_MESSAGE_CHARS),
            detail: [],
            frames: [],
            seq: ++this.seq,
        };
        if (init.file !== undefined)
            f.file = init.file;
        if (init.line !== undefined)
            f.line = init.line;
        if (init.kind !== undefined)
            f.kind = init.kind;
        this.map.set(init.id, f);
        return f;
    }
    /** Number of failures stored (passes only matter when there are some). */
    get size() {
        return this.map.size;
    }
    get(id) {
        return this.map.get(id);
    }
    has(id) {
        return this.map.has(id);
    }
    remove(id) {
        if (this.map.delete(id))
            this.ctx.releaseFailure();
    }
    /** A test passed; if it failed earlier it was retried and is flaky, not failing. */
    pass(id) {
        this.name(id);
        if (this.map.has(id))
            this.flakyIds.add(id);
    }
    /** Names a test without counting it (a runner whose totals come from its summary). */
    see(id) {
        this.name(id);
    }
    name(id) {
        if (this.named.has(id))
            return;
        if (this.ctx.takeName())
            this.named.add(own(id));
        else
            this.namedOverflow = true;
    }
    markFlaky(id) {
        this.flakyIds.add(id);
    }
    all() {
        return [...this.map.values()];
    }
    result(runner) {
        const failures = [];
        for (const f of this.map.values()) {
            if (this.flakyIds.has(f.id))
                continue;
            failures.push(freeze(f));
        }
        const flaky = [...this.flakyIds].filter((id) => !failures.some((f) => f.id === id) || !this.map.has(id));
        const failed = this.summary
            ? Math.max(this.failed, failures.length + this.dropped)
            : failures.length + this.dropped;
        const counted = this.passed - this.unnamedPasses + failed + this.skipped;
        const named = this.summary &&
            !this.namedOverflow &&
            this.dropped === 0 &&
            // More failures than the runner counted: a summary or error line was taken for a test.
            // (A parser that leaves `failed` at 0 counts failures from its own list instead.)
            (this.failed === 0 || failures.length <= this.failed) &&
            this.flakyIds.size === 0 &&
            this.named.size === counted;
        return {
            runner,
            failures,
            counts: { passed: this.passed, failed, skipped: this.skipped },
            flaky: flaky.sort(),
            countsFromSummary: this.summary,
            ...(named ? { tests: [...this.named] } : {}),
        };
    }
}
function addDetail(f, line) {
    if (!f || f.detail.length >= MAX_DETAIL_LINES)
        return;
    const trimmed = line.replace(/\s+$/, '');
    if (trimmed.trim() === '' && (f.detail.length === 0 || f.detail[f.detail.length - 1] === ''))
        return;
    f.detail.push(clip(trimmed.trim() === '' ? '' : trimmed));
}
function addFrame(f, frame) {
    if (!f || f.frames.length >= MAX_FRAMES || f.frames.includes(frame))
        return;
    f.frames.push(frame);
}
function freeze(f) {
    const detail = [...f.detail];
    while (detail.length > 0 && detail[detail.length - 1] === '')
        detail.pop();
    const out = {
        id: f.id,
        message: f.message,
        frames: [...f.frames],
    };
    if (f.file !== undefined)
        out.file = f.file;
    if (f.line !== undefined)
        out.line = f.line;
    if (f.kind !== undefined)
        out.kind = f.kind;
    if (detail.length > 0)
        out.detail = detail.join('\n');
    return out;
}

;// CONCATENATED MODULE: ./src/checks/parsers/xml.ts
let parse;
let loading;
/** Loads the XML parser (once) and gives its parse function. */
function loadXml() {
    loading ??= __webpack_require__.e(/* import() */ 824).then(__webpack_require__.bind(__webpack_require__, 75824)).then(({ XMLParser: Parser }) => {
        const xml = new Parser({
            ignoreAttributes: false,
            attributeNamePrefix: '@',
            textNodeName: '#text',
            trimValues: false,
        });
        parse = (text) => xml.parse(text);
        return parse;
    });
    return loading;
}
/** The parse function when loaded; otherwise undefined, and loading starts. */
function xmlParser() {
    if (parse === undefined)
        void loadXml();
    return parse;
}
/** Settles once a load that was started has ended (at once when none was). */
async function xmlLoading() {
    await loading;
}

;// CONCATENATED MODULE: ./src/checks/parsers/junit.ts
/**
 * JUnit / xUnit XML. Streams: only one `<testcase>` element (capped) is buffered at a time and
 * parsed with fast-xml-parser; `<testsuite name|file>` gives context. A testcase with
 * `<failure>` or `<error>` fails (message attribute, else the first body line); `<skipped>` skips.
 * The XML parser loads on the first test case (./xml.ts): cases met while it loads wait in
 * `held`, in order, and are parsed once it is there.
 */



const MAX_CASE_CHARS = 64_000;
class JunitParser {
    runner = 'junit';
    ended = false;
    c;
    paths;
    constructor(ctx = new ParseContext()) {
        this.c = new Collector(ctx);
        this.paths = ctx.paths;
    }
    /** Test cases (with the suite they were in) met before the XML parser had loaded. */
    held = [];
    suite = {};
    buf = [];
    bufChars = 0;
    push(line) {
        if (this.buf.length === 0) {
            const suite = /<testsuite\b([^>]*)>/.exec(line);
            if (suite) {
                const attrs = suite[1] ?? '';
                const name = /\bname="([^"]*)"/.exec(attrs)?.[1];
                const file = /\bfile="([^"]*)"/.exec(attrs)?.[1];
                this.suite = {
                    ...(name ? { name: junit_unescape(name) } : {}),
                    ...(file ? { file: this.paths.rel(junit_unescape(file)) } : {}),
                };
            }
            const start = line.indexOf('<testcase');
            if (start < 0) {
                if (/<\/testsuites>/.test(line))
                    this.ended = true;
                return;
            }
            line = line.slice(start);
        }
        if (this.bufChars < MAX_CASE_CHARS) {
            this.buf.push(line);
            this.bufChars += line.length + 1;
        }
        const text = this.buf.join('\n');
        const selfClosed = /^<testcase\b[^>]*\/>/.test(text);
        const end = text.indexOf('</testcase>');
        if (!selfClosed && end < 0 && this.bufChars < MAX_CASE_CHARS)
            return;
        const chunk = selfClosed
            ? (/^<testcase\b[^>]*\/>/.exec(text)?.[0] ?? text)
            : end >= 0
                ? text.slice(0, end + 11)
                : `${text}</testcase>`;
        this.buf = [];
        this.bufChars = 0;
        this.testcase(chunk);
        const rest = selfClosed ? text.slice(chunk.length) : end >= 0 ? text.slice(end + 11) : '';
        if (rest.includes('<testcase'))
            this.push(rest);
    }
    testcase(chunk) {
        const xml = xmlParser();
        if (xml === undefined) {
            this.held.push({ chunk, suite: this.suite });
            return;
        }
        this.drain(xml);
        this.parseCase(xml, chunk, this.suite);
    }
    drain(xml) {
        const held = this.held;
        this.held = [];
        for (const w of held)
            this.parseCase(xml, w.chunk, w.suite);
    }
    parseCase(xml, chunk, suite) {
        let parsed;
        try {
            parsed = xml(chunk);
        }
        catch {
            return;
        }
        const tc = parsed['testcase'];
        if (!tc || typeof tc !== 'object')
            return;
        this.record(tc, suite);
    }
    record(tc, suite) {
        const name = String(tc['@name'] ?? '');
        const classname = tc['@classname'] !== undefined ? String(tc['@classname']) : undefined;
        const file = tc['@file'] !== undefined ? this.paths.rel(String(tc['@file'])) : suite.file;
        const bad = (tc['failure'] ?? tc['error']);
        if (tc['skipped'] !== undefined) {
            this.c.skipped++;
            return;
        }
        const parts = [];
        if (file)
            parts.push(file);
        if (classname && classname !== file && classname !== suite.name)
            parts.push(classname);
        else if (!file && suite.name && classname !== suite.name)
            parts.push(suite.name);
        else if (!file && classname)
            parts.push(classname);
        // vitest names a file that fails to load after the file itself
        if (name !== parts[parts.length - 1])
            parts.push(name);
        const id = parts.join(' > ');
        if (bad === undefined) {
            this.c.passed++;
            this.c.pass(id);
            return;
        }
        const first = Array.isArray(bad) ? bad[0] : bad;
        const body = typeof first === 'string' ? first : String(first?.['#text'] ?? '');
        const attr = typeof first === 'object' && first ? first['@message'] : undefined;
        const bodyLines = body.split(/\r?\n/).map((l) => l.trimEnd());
        const firstBody = (bodyLines.find((l) => l.trim() !== '') ?? '').trim();
        const attrLine = attr !== undefined ? (String(attr).split('\n')[0] ?? '').trim() : '';
        // The body's first line is what the runner printed (`AssertionError: <message>`); the
        // attribute often drops the error's type.
        const message = attrLine !== ''
            ? firstBody.endsWith(attrLine)
                ? firstBody
                : attrLine
            : firstBody || 'failed';
        const f = this.c.fail({
            id,
            message,
            kind: tc['error'] !== undefined ? 'error' : 'test',
            ...(file ? { file } : {}),
        });
        if (!f)
            return;
        for (const l of bodyLines) {
            const fr = this.paths.frame(l);
            if (fr && (0,util/* isProjectPath */.Rw)(fr.file)) {
                addFrame(f, (0,util/* frameText */.R_)(fr));
                if (f.line === undefined && fr.file === file)
                    f.line = fr.line;
            }
            else if (l.trim() !== '' && l.trim() !== message)
                addDetail(f, l.trim());
        }
    }
    waiting() {
        return this.held.length > 0 && xmlParser() === undefined;
    }
    finish() {
        if (this.held.length > 0) {
            const xml = xmlParser();
            // Only a synchronous caller can get here (digestFile waits for xmlLoading() first).
            if (xml === undefined)
                throw new Error('JUnit XML met before `await loadXml()`');
            this.drain(xml);
        }
        return this.c.result(this.runner);
    }
}
function junit_unescape(s) {
    return s
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
}

;// CONCATENATED MODULE: ./src/checks/layout.ts
function layout(input) {
    return new TextLayout(input).run();
}
function shorten(s, max) {
    if (s.length <= max)
        return s;
    return max <= 1 ? '…' : `${s.slice(0, max - 1)}…`;
}
/** Largest n in [lo, hi] with ok(n), assuming ok is monotone (lo when none). */
function bestFit(lo, hi, ok) {
    let best = lo;
    let a = lo;
    let b = hi;
    while (a <= b) {
        const mid = Math.floor((a + b) / 2);
        if (ok(mid)) {
            best = mid;
            a = mid + 1;
        }
        else
            b = mid - 1;
    }
    return best;
}
class TextLayout {
    input;
    msgMax;
    idMax;
    shown;
    used = 0;
    tail = [];
    tok;
    constructor(input) {
        this.input = input;
        this.tok = input.tokens;
        this.msgMax = Math.max(0, ...input.blocks.map((b) => b.message.length));
        this.idMax = Math.max(0, ...input.blocks.map((b) => b.id.length));
        this.shown = input.blocks.length;
    }
    run() {
        this.fitFailures();
        this.used = this.tok(this.render(this.msgMax, this.idMax, this.shown, []));
        const visible = this.input.blocks.slice(0, this.shown);
        this.addPlaces(visible);
        this.addDetail(visible);
        this.addFlaky();
        if (this.input.generic)
            this.addGeneric(this.input.generic);
        return this.trim(visible);
    }
    render(msgMax, idMax, shown, tail) {
        const { header, blocks } = this.input;
        const out = [header];
        if (blocks.length > 0)
            out.push(`Failing tests (${blocks.length}):`);
        for (const b of blocks.slice(0, shown)) {
            out.push(`✗ ${shorten(b.id, idMax)}`);
            if (msgMax > 0 && b.message)
                out.push(`  ${shorten(b.message, msgMax)}`);
            if (b.show.location && b.location)
                out.push(`  at ${b.location}`);
            if (b.show.excerpt)
                for (const l of b.excerpt)
                    out.push(`    ${l}`);
            for (const l of b.detail.slice(0, b.show.detail))
                out.push(`    ${l}`);
        }
        if (shown < blocks.length)
            out.push(`… and ${blocks.length - shown} more failing tests`);
        out.push(...tail);
        return out.join('\n');
    }
    fits(msgMax, idMax, shown) {
        return this.tok(this.render(msgMax, idMax, shown, [])) <= this.input.budget;
    }
    /** Ids and messages: messages shortened evenly, then ids, then failures left out. */
    fitFailures() {
        if (this.fits(this.msgMax, this.idMax, this.shown))
            return;
        const { blocks } = this.input;
        this.msgMax = bestFit(0, this.msgMax, (n) => this.fits(n, this.idMax, this.shown));
        if (this.msgMax >= 8)
            return;
        this.msgMax = 0;
        this.idMax = bestFit(12, this.idMax, (n) => this.fits(0, n, this.shown));
        if (!this.fits(0, this.idMax, this.shown))
            this.shown = bestFit(0, blocks.length, (n) => this.fits(0, this.idMax, n));
    }
    /** Spends `cost` estimated tokens when they fit. */
    tryAdd(cost) {
        if (this.used + cost > this.input.budget)
            return false;
        this.used += cost;
        return true;
    }
    addPlaces(visible) {
        for (const b of visible)
            if (b.location && this.tryAdd(this.tok(`  at ${b.location}`) + 1))
                b.show.location = true;
        for (const b of visible) {
            if (!b.show.location || b.excerpt.length === 0)
                continue;
            if (this.tryAdd(this.tok(b.excerpt.map((l) => `    ${l}`).join('\n')) + 1))
                b.show.excerpt = true;
        }
    }
    /** Detail lines round by round: every failure's first line, then every second line, ... */
    addDetail(visible) {
        for (let round = 0; round < 16; round++) {
            let added = false;
            for (const b of visible) {
                const line = b.detail[b.show.detail];
                if (b.show.detail !== round || line === undefined)
                    continue;
                if (this.tryAdd(this.tok(`    ${line}`) + 1)) {
                    b.show.detail++;
                    added = true;
                }
            }
            if (!added)
                break;
        }
    }
    addTail(line) {
        if (!this.tryAdd(this.tok(line) + 1))
            return false;
        this.tail.push(line);
        return true;
    }
    addFlaky() {
        const { flaky } = this.input;
        if (flaky.length === 0)
            return;
        if (!this.addTail(`Flaky (failed, then passed on retry; not counted as failing): ${flaky.length}`))
            return;
        for (const id of flaky)
            if (!this.addTail(`~ ${id}`))
                break;
    }
    /** Error lines of the log, then its newest lines with the budget that remains. */
    addGeneric(generic) {
        const title = this.input.genericOnly
            ? 'Error lines from the log:'
            : 'Other error lines from the log:';
        if (generic.snippets.length > 0 && this.addTail(title)) {
            outer: for (const s of generic.snippets) {
                for (const l of s)
                    if (!this.addTail(`  ${l}`))
                        break outer;
                if (!this.addTail('  --'))
                    break;
            }
        }
        const tailLines = generic.tail.toArray();
        const kept = [];
        for (let i = tailLines.length - 1; i >= 0; i--) {
            const l = `  ${tailLines[i] ?? ''}`;
            if (!this.tryAdd(this.tok(l) + 1))
                break;
            kept.unshift(l);
        }
        if (kept.length > 0 && this.addTail('Last lines of the log:'))
            this.tail.push(...kept);
    }
    /** Estimates can undershoot by a little: drop extras from the end until it truly fits. */
    trim(visible) {
        const { budget } = this.input;
        let text = this.render(this.msgMax, this.idMax, this.shown, this.tail);
        let tokens = this.tok(text);
        while (tokens > budget) {
            if (!this.dropOne(visible))
                return this.cutHeader();
            text = this.render(this.msgMax, this.idMax, this.shown, this.tail);
            tokens = this.tok(text);
        }
        return { text, tokens };
    }
    /** Drops the last extra (tail line, detail, excerpt, place), then shortens; false when none. */
    dropOne(visible) {
        if (this.tail.length > 0)
            this.tail.pop();
        else {
            const b = [...visible]
                .reverse()
                .find((x) => x.show.detail > 0 || x.show.excerpt || x.show.location);
            if (b) {
                if (b.show.detail > 0)
                    b.show.detail--;
                else if (b.show.excerpt)
                    b.show.excerpt = false;
                else
                    b.show.location = false;
            }
            else if (this.msgMax > 0)
                this.msgMax = Math.floor(this.msgMax * 0.9);
            else if (this.shown > 0)
                this.shown--;
            else
                return false;
        }
        return true;
    }
    /** Not even the header fits: it is cut. */
    cutHeader() {
        const { header, budget } = this.input;
        let text = shorten(header, Math.max(1, budget));
        while (this.tok(text) > budget && text.length > 1)
            text = shorten(text, Math.floor(text.length * 0.8));
        return { text, tokens: this.tok(text) };
    }
}

;// CONCATENATED MODULE: ./src/checks/parsers/generic.ts
/**
 * Fallback for unknown output: keeps error-looking lines with a little context (bounded number
 * of snippets) and a ring buffer of the last lines. Produces no failure records; the digest
 * prints the snippets and the tail.
 */

const ERROR_WORDS = /\b(error|errors|fail|failed|failure|failures|failing|exception|panic|panicked|traceback|assert(ion)?|fatal|segmentation fault|timed? ?out|abort(ed)?|cannot|undefined reference)\b|[✗×✕✖✘]|FAIL|ERR!/i;
const MAX_SNIPPETS = 60;
const TAIL_LINES = 40;
const CONTEXT_AFTER = 2;
const MAX_SNIPPET_LINES = 12;
/** A fixed-size ring buffer of the last `size` lines. */
class RingBuffer {
    size;
    items = [];
    start = 0;
    constructor(size) {
        this.size = size;
    }
    push(line) {
        if (this.items.length < this.size)
            this.items.push(line);
        else {
            this.items[this.start] = line;
            this.start = (this.start + 1) % this.size;
        }
    }
    get length() {
        return this.items.length;
    }
    toArray() {
        return [...this.items.slice(this.start), ...this.items.slice(0, this.start)];
    }
}
class GenericParser {
    runner = 'generic';
    ended = false;
    snippets = [];
    tail = new RingBuffer(TAIL_LINES);
    prev = '';
    after = 0;
    lineNo = 0;
    c;
    constructor(ctx = new ParseContext()) {
        this.c = new Collector(ctx);
    }
    push(line) {
        this.lineNo++;
        const t = clip(line.trimEnd());
        this.tail.push(t);
        const current = this.snippets[this.snippets.length - 1];
        if (ERROR_WORDS.test(line) &&
            line.trim() !== '' &&
            !/\b(0 (failed|errors?|failures))\b/i.test(line)) {
            if (current && this.after > 0) {
                if (current.length < MAX_SNIPPET_LINES)
                    current.push(t);
            }
            else if (this.snippets.length < MAX_SNIPPETS)
                this.snippets.push(this.prev.trim() !== '' ? [this.prev, t] : [t]);
            this.after = CONTEXT_AFTER;
        }
        else if (this.after > 0 && current) {
            if (current.length < MAX_SNIPPET_LINES)
                current.push(t);
            this.after--;
        }
        this.prev = t;
    }
    finish() {
        return this.c.result(this.runner);
    }
}

;// CONCATENATED MODULE: ./src/checks/parsers/ava.ts
/**
 * ava default reporter. `✘ [fail]: file title › test title` lists failures; after a `─` rule each
 * failure has a block: its title, `test/x.test.js:11`, a code frame, then either an error line
 * (`Error: ...`) or `Difference (- actual, + expected):` with a diff. The real file comes from the
 * block's location line; the file-title prefix of the ava name is replaced by it.
 */


const FAIL_LINE = /^\s*✘\s+\[(fail|timeout|crash)\]:\s+(.+?)\s*$/;
const PASS_LINE = /^\s*✔\s+(?:\[\w+\]:\s+)?(.+?)(?:\s+\(\d+(?:\.\d+)?m?s\))?\s*$/;
const SKIP_LINE = /^\s*-\s+\[(skip|todo)\]:?\s+/;
const RULE = /^\s*─+\s*$/;
const SUMMARY = /^\s*(\d+) (?:tests?|known failures?|uncaught exceptions?|unhandled rejections?) (failed|passed|skipped|todo)/;
/** What ava appends to a failing title on its `✘ [fail]:` line when the test threw. */
const THROWN_SUFFIX = / (Rejected promise returned by test|Error thrown in test|Timed out.*)$/;
/** A block's location line: `test/x.test.js:11`. */
const LOCATION = /^((?:file:\/\/)?[^\s:]+\.[cm]?[jt]sx?):(\d+)$/;
const idOf = (title) => title.split(' › ').join(' > ');
class AvaParser {
    runner = 'ava';
    ended = false;
    c;
    paths;
    byName = new Map();
    /** Past the `─` rule: failure blocks follow. */
    inBlocks = false;
    block;
    blockMessage = 'none';
    timedOut;
    constructor(ctx = new ParseContext()) {
        this.c = new Collector(ctx);
        this.paths = ctx.paths;
    }
    /** Each line goes to the first handler that takes it; past the rule, to the failure blocks. */
    push(line) {
        if (this.onFail(line) ||
            this.onTimedOut(line) ||
            this.onPending(line) ||
            this.onCount(line) ||
            this.onSummary(line) ||
            this.onRule(line))
            return;
        const t = line.trim();
        if (!this.inBlocks || t === '' || this.onBlockTitle(t))
            return;
        const b = this.block;
        if (b)
            this.onBlockLine(b, line, t);
    }
    /** `✘ [fail]: file › title` (a message or how it threw may follow the title). */
    onFail(line) {
        const fail = FAIL_LINE.exec(line);
        if (!fail || !fail[2])
            return false;
        let name = fail[2];
        const thrown = THROWN_SUFFIX.exec(name);
        if (thrown)
            name = name.slice(0, thrown.index);
        const f = this.c.fail({ id: idOf(name), kind: fail[1] === 'timeout' ? 'timeout' : 'test' });
        if (f) {
            this.byName.set(name, { name, failure: f });
            if (thrown?.[1])
                f.message = thrown[1];
        }
        return true;
    }
    onTimedOut(line) {
        if (!/^\s*✘ Timed out while running tests/.test(line))
            return false;
        this.timedOut = line.trim().replace(/^✘\s*/, '');
        return true;
    }
    /** `◌ title` after a timeout: a test still pending when ava gave up. */
    onPending(line) {
        const title = /^\s*◌ (.+?)\s*$/.exec(line)?.[1];
        if (!title || !this.timedOut)
            return false;
        const f = this.c.fail({ id: idOf(title), kind: 'timeout', message: this.timedOut });
        if (f)
            this.byName.set(title, { name: title, failure: f });
        return true;
    }
    /** `- [skip]: title` and `✔ title` (before the failure blocks). */
    onCount(line) {
        if (SKIP_LINE.test(line)) {
            this.c.skipped++;
            return true;
        }
        if (this.inBlocks || !PASS_LINE.test(line))
            return false;
        this.c.passed++;
        return true;
    }
    /** `2 tests failed`, `1 known failure`, ...: the run's totals. */
    onSummary(line) {
        const summary = SUMMARY.exec(line);
        if (!summary)
            return false;
        this.ended = true;
        this.c.summary = true;
        if (summary[2] === 'failed')
            this.c.failed += Number(summary[1]);
        return true;
    }
    onRule(line) {
        if (!RULE.test(line))
            return false;
        this.inBlocks = true;
        this.block = undefined;
        return true;
    }
    /** A block's title line names the failure whose block it opens. */
    onBlockTitle(t) {
        const entry = this.byName.get(t) ?? this.retitle(t);
        if (!entry)
            return false;
        this.block = entry;
        this.blockMessage = 'none';
        const m = entry.failure.message;
        if (m.startsWith('Rejected') || m.startsWith('Error thrown'))
            entry.failure.message = '';
        return true;
    }
    /** A line of a failure's block: its location, stack frames, error line or first line. */
    onBlockLine(b, line, t) {
        const f = b.failure;
        const loc = LOCATION.exec(t);
        if (loc && loc[1] && !f.file)
            this.setFile(b, this.paths.rel(loc[1]), Number(loc[2]));
        else if (/^\d+: /.test(t))
            return;
        else if (/^(at |›|file:)/.test(t) || /\(file:\/\//.test(t))
            this.onFrame(b, t);
        else if (!this.onMessage(f, t))
            addDetail(f, line.replace(/^ {2}/, ''));
    }
    onFrame(b, t) {
        const fr = this.paths.frame(t.replace(/^›\s*/, 'at '));
        if (!fr || !(0,util/* isProjectPath */.Rw)(fr.file))
            return;
        addFrame(b.failure, (0,util/* frameText */.R_)(fr));
        // the test's own file, not the source the error came from
        if (!b.failure.file && this.isTestFileOf(b, fr.file))
            this.setFile(b, fr.file, fr.line);
    }
    /**
     * An error line (`TypeError: ...`) is the message; before one, the block's first plain line
     * (an assertion's own message) stands in. Whether the line was taken.
     */
    onMessage(f, t) {
        if (this.blockMessage !== 'strong' &&
            util/* ERROR_LINE */.Gm.test(t) &&
            t.includes(':') &&
            t !== 'Error {') {
            if (f.message)
                addDetail(f, f.message);
            f.message = t;
            this.blockMessage = 'strong';
            return true;
        }
        if (this.blockMessage !== 'none' ||
            /^(Rejected promise returned by test|Error thrown in test)/.test(t) ||
            /^\w+ \{$/.test(t))
            return false;
        f.message = t;
        this.blockMessage = 'weak';
        return true;
    }
    /**
     * `✘ [fail]: file › title message` carries the assertion's message after the title; the
     * block's title line (`file › title`) tells where the name ends.
     */
    retitle(title) {
        for (const [key, e] of this.byName) {
            if (!key.startsWith(`${title} `))
                continue;
            this.byName.delete(key);
            e.name = title;
            this.byName.set(title, e);
            const id = title.split(' › ').join(' > ');
            if (!this.c.has(id)) {
                const f = e.failure;
                this.c.remove(f.id);
                const moved = this.c.fail({ id });
                if (moved)
                    Object.assign(moved, { ...f, id, seq: moved.seq });
                e.failure = moved ?? f;
            }
            return e;
        }
        return undefined;
    }
    /** A test file whose name matches ava's title prefix (`fm` for test/fm.test.js). */
    isTestFileOf(b, file) {
        const first = b.name.split(' › ')[0] ?? '';
        const base = file.replace(/\\/g, '/').replace(/\.[cm]?[jt]sx?$/, '');
        const named = b.name.split(' › ').length < 2 ||
            base.endsWith(first) ||
            base.replace(/[._-](test|spec)$/, '').endsWith(first);
        return (0,util/* isTestPath */.MQ)(file) && named;
    }
    setFile(b, file, line) {
        const f = b.failure;
        f.file = file;
        if (line !== undefined)
            f.line = line;
        const parts = b.name.split(' › ');
        const base = file.replace(/\\/g, '/').replace(/\.[cm]?[jt]sx?$/, '');
        const first = parts[0] ?? '';
        if (parts.length > 1 &&
            (base.endsWith(first) || base.replace(/[._-](test|spec)$/, '').endsWith(first)))
            parts.shift();
        const id = [file, ...parts].join(' > ');
        if (id !== f.id && !this.c.has(id)) {
            this.c.remove(f.id);
            f.id = id;
            const moved = this.c.fail({ id });
            if (moved)
                Object.assign(moved, { ...f, seq: moved.seq });
            b.failure = moved ?? f;
        }
    }
    finish() {
        return this.c.result(this.runner);
    }
}

;// CONCATENATED MODULE: ./src/checks/parsers/cargo.ts
/**
 * cargo test / libtest. `Running unittests src/lib.rs (target/...)` names the test binary; lines
 * `test path::name ... ok|FAILED|ignored`; blocks `---- name stdout ----` hold
 * `thread 'name' (id) panicked at src/x.rs:1:2:` followed by the panic message (older Rust:
 * `panicked at 'msg', src/x.rs:1:2`). Compile errors `error[E0308]: ...` / ` --> src/x.rs:1:2`
 * belong to the crate named by the following `error: could not compile `crate` (target)`.
 * Totals: `test result: FAILED. 6 passed; 2 failed; 1 ignored; ...` (summed per binary).
 */


const RUNNING = /^\s*Running (?:unittests )?(\S+)(?: \(.*\))?\s*$/;
// With --nocapture a test's own output can share the line: `test a ... okpushing 1`.
const TEST = /^\s?test (\S.*?) \.\.\. (ok|FAILED|ignored)/;
const RESULT = /^test result: \w+\. (\d+) passed; (\d+) failed; (\d+) ignored/;
/** `thread 'name' (id) panicked at src/x.rs:1:2:` (older Rust: `panicked at 'msg', src/x.rs:1:2`). */
const PANIC = /^thread '([^']*)'(?: \(\d+\))? panicked at (?:'(.*)', )?((?:[A-Za-z]:)?[^\s:]+):(\d+):(\d+)(:?)$/;
/**
 * cargo's own summary lines, never tests: `error: test failed, to rerun pass `--lib``,
 * `error: doctest failed, to rerun pass `--doc``, `error: 3 targets failed:` and its list.
 */
const CARGO_SUMMARY = /^failures:$|^error: (test failed|doctest failed|\d+ targets? failed)\b/;
class CargoParser {
    runner = 'cargo';
    ended = false;
    c;
    paths;
    /** The test binary running (`Running unittests src/lib.rs (...)`, `Doc-tests crate`). */
    target = '';
    /** The failure whose `---- name stdout ----` block is being read. */
    current;
    awaitingPanic = false;
    /** Panics seen before their test's result line (--nocapture), by test id. */
    pending = new Map();
    pendingMessage;
    ignoredSinceResult = 0;
    compileErrors = [];
    compileCurrent;
    constructor(ctx = new ParseContext()) {
        this.c = new Collector(ctx);
        this.paths = ctx.paths;
    }
    /** Each line goes to the first handler that takes it. */
    push(line) {
        if (this.onTarget(line) ||
            this.onTest(line) ||
            this.onBlock(line) ||
            this.onResult(line) ||
            this.onCargoSummary(line) ||
            this.compile(line))
            return;
        const panic = PANIC.exec(line);
        if (this.onLoosePanic(panic) || this.onPendingMessage(line))
            return;
        if (this.current)
            this.onBlockLine(this.current, line, panic);
    }
    /** `Running unittests src/lib.rs (target/...)` or `Doc-tests crate`: ids are under it. */
    onTarget(line) {
        const running = RUNNING.exec(line)?.[1];
        if (running) {
            this.target = this.paths.rel(running);
            this.current = undefined;
            return true;
        }
        const doc = /^\s*Doc-tests (\S+)/.exec(line);
        if (doc)
            this.target = `Doc-tests ${doc[1] ?? ''}`;
        return doc !== null;
    }
    /** `test name ... ok|FAILED|ignored`; a panic printed before it (--nocapture) places it. */
    onTest(line) {
        const test = TEST.exec(line);
        if (!test || !test[1])
            return false;
        const id = this.idOf(test[1].replace(/ - should panic$/, ''));
        const p = this.pending.get(id);
        this.pending.delete(id);
        if (test[2] === 'FAILED') {
            const f = this.c.fail({ id, kind: 'test' });
            if (f && p && !f.message) {
                f.file = p.file;
                f.line = p.line;
                addFrame(f, `${p.file}:${p.line}:${p.col}`);
                f.message = p.message ?? '';
            }
        }
        else if (test[2] === 'ignored')
            this.ignoredSinceResult++;
        else
            this.c.pass(id);
        return true;
    }
    /** `---- name stdout ----` opens the failure's captured output. */
    onBlock(line) {
        const name = /^---- (.+?) stdout ----$/.exec(line)?.[1];
        if (!name)
            return false;
        this.current = this.c.fail({ id: this.idOf(name), kind: 'test' });
        this.awaitingPanic = false;
        return true;
    }
    /** `test result: FAILED. 6 passed; 2 failed; 1 ignored; ...` (summed per binary). */
    onResult(line) {
        const result = RESULT.exec(line);
        if (!result)
            return false;
        this.c.summary = true;
        this.c.passed += Number(result[1]);
        this.c.failed += Number(result[2]);
        // the result line counts the binary's ignored tests already
        this.c.skipped += Number(result[3]);
        this.ignoredSinceResult = 0;
        this.current = undefined;
        this.ended = true;
        return true;
    }
    onCargoSummary(line) {
        if (!CARGO_SUMMARY.test(line))
            return false;
        this.current = undefined;
        this.compileCurrent = undefined;
        return true;
    }
    /**
     * --nocapture: panics are printed as they happen, outside any `---- name stdout ----` block,
     * before `test name ... FAILED` (or `ok` for should_panic); the thread is named after the test.
     */
    onLoosePanic(panic) {
        const thread = panic?.[1];
        if (!panic || !thread || thread === 'main' || this.current?.id === this.idOf(thread))
            return false;
        const p = {
            file: this.paths.rel(panic[3] ?? ''),
            line: Number(panic[4]),
            col: Number(panic[5]),
            ...(panic[2] !== undefined ? { message: panic[2] } : {}),
        };
        if (this.pending.size < MAX_FAILURES)
            this.pending.set(this.idOf(thread), p);
        this.pendingMessage = panic[2] === undefined ? p : undefined;
        this.current = undefined;
        return true;
    }
    /** The line after a loose `panicked at file:line:col:` is its message. */
    onPendingMessage(line) {
        if (!this.pendingMessage)
            return false;
        this.pendingMessage.message = line.trim();
        this.pendingMessage = undefined;
        return true;
    }
    /** A line of a failure's `---- name stdout ----` block. */
    onBlockLine(f, line, panic) {
        if (panic) {
            const file = this.paths.rel(panic[3] ?? '');
            // A doc-test panics in a temporary bundle (`/tmp/rustdoctest…`): not a place in the project.
            if (!file.startsWith('/')) {
                f.file = file;
                f.line = Number(panic[4]);
                addFrame(f, `${file}:${panic[4]}:${panic[5]}`);
            }
            if (panic[2] !== undefined)
                f.message = panic[2];
            else
                this.awaitingPanic = true;
            return;
        }
        if (this.awaitingPanic) {
            f.message = line.trim();
            this.awaitingPanic = false;
            return;
        }
        if (/^note: run with `RUST_BACKTRACE/.test(line) || line.trim() === '')
            return;
        // No panic: `#[should_panic]` that did not (`note: test did not panic as expected at …`), a
        // test returning Err (`Error: "…"`). A later panic line replaces it.
        if (!f.message && /^(note: |Error: )/.test(line))
            f.message = line.trim();
        else
            addDetail(f, line);
    }
    idOf(name) {
        return this.target ? `${this.target} > ${name}` : name;
    }
    compile(line) {
        const err = /^error(\[E\d+\])?: (.*)$/.exec(line);
        if (err) {
            const couldNot = /^could not compile `([^`]+)`(?: \(([^)]+)\))?/.exec(err[2] ?? '');
            if (couldNot) {
                const crate = couldNot[2] ? `${couldNot[1]} (${couldNot[2]})` : (couldNot[1] ?? '');
                for (const ce of this.compileErrors) {
                    const f = this.c.fail({
                        id: ce.loc ? `${crate} > ${ce.loc}` : crate,
                        message: ce.message,
                        kind: 'compile_error',
                    });
                    if (f && ce.loc) {
                        const [file, ln] = ce.loc.split(':');
                        if (file)
                            f.file = file;
                        if (ln)
                            f.line = Number(ln);
                        f.frames.push(ce.loc);
                    }
                    for (const d of ce.detail)
                        addDetail(f, d);
                }
                if (this.compileErrors.length === 0)
                    this.c.fail({ id: crate, message: line.trim(), kind: 'compile_error' });
                this.compileErrors = [];
                this.compileCurrent = undefined;
                return true;
            }
            if (/^(aborting due to|test failed|\d+ previous errors?)/.test(err[2] ?? ''))
                return true;
            this.compileCurrent = { message: line.trim(), detail: [] };
            if (this.compileErrors.length < 50)
                this.compileErrors.push(this.compileCurrent);
            this.current = undefined;
            return true;
        }
        if (/^warning(\[\w+\])?: /.test(line)) {
            this.compileCurrent = undefined;
            return false;
        }
        const ce = this.compileCurrent;
        if (!ce)
            return false;
        const loc = /^\s*--> ((?:[A-Za-z]:)?[^\s:]+):(\d+):(\d+)/.exec(line);
        if (loc && !ce.loc) {
            ce.loc = `${this.paths.rel(loc[1] ?? '')}:${loc[2]}:${loc[3]}`;
            return true;
        }
        if (line.trim() === '') {
            this.compileCurrent = undefined;
            return true;
        }
        if (ce.detail.length < 12)
            ce.detail.push(line.trimEnd());
        return true;
    }
    finish() {
        // A binary cut off before its `test result:` line.
        this.c.skipped += this.ignoredSinceResult;
        this.ignoredSinceResult = 0;
        // Compile errors whose `could not compile` line never came (truncated log).
        for (const ce of this.compileErrors) {
            const f = this.c.fail({
                id: ce.loc ?? ce.message,
                message: ce.message,
                kind: 'compile_error',
            });
            if (f && ce.loc)
                f.frames.push(ce.loc);
            for (const d of ce.detail)
                addDetail(f, d);
        }
        return this.c.result(this.runner);
    }
}

;// CONCATENATED MODULE: ./src/checks/parsers/go.ts
/**
 * go test. `--- FAIL: TestX (0.00s)` (indented for subtests) opens a failure; indented output
 * lines follow (`x_test.go:31: msg`); `panic: ...` kills the package binary. The package is named
 * afterwards by `FAIL\tpkg\t0.01s` (or `FAIL\tpkg [build failed]`), so failures wait for it.
 * Parents that failed only because a subtest failed are dropped. `-v` adds `--- PASS` lines.
 */


const MAX_PENDING = 500;
const MAX_DETAIL = 12;
/** Tests whose verbose output is kept until their result line (6 short lines each). */
const MAX_OUTPUTS = 5000;
function pending(name, kind, message = '', isOwn = false) {
    return { name, message, kind, detail: [], frames: [], own: isOwn };
}
const go_RESULT = /^(\s*)--- (FAIL|PASS|SKIP): (\S+) \([\d.]+s\)/;
const PACKAGE = /^(FAIL|ok)\s+(\S+)\s+(?:\(cached\)|[\d.]+s|\[(build failed|setup failed)\])/;
const RUN = /^=== (RUN|CONT|NAME)\s+(\S+)/;
const go_PANIC = /^panic: (.*?)(?: \[recovered\])?$/;
/** Lines that say nothing about one test: `=== PAUSE`, bare `PASS`/`FAIL`, `ok`/`?` package lines. */
const QUIET = /^(=== PAUSE|PASS$|FAIL$|ok\s|\?\s)/;
/** A frame of the Go runtime or the testing package in a panic's goroutine dump. */
const RUNTIME_FRAME = /(^|\/)(usr\/(local\/)?lib\/go[^/]*|usr\/local\/go|go\/src|GOROOT)\/|^\s*(testing|runtime|panic)[.(]|^\s*created by testing|^\s*goroutine \d+/;
/** `file.go:N: ` as t.Log and t.Error print it. */
const LOCATED = /^([\w./-]+\.go):(\d+): /;
function pkgDir(pkg) {
    const segs = pkg.split('/');
    const first = segs[0] ?? '';
    const moduleLen = /^(github\.com|gitlab\.com|bitbucket\.org)$/.test(first)
        ? 3
        : first.includes('.')
            ? 2
            : 1;
    return segs.slice(moduleLen).join('/');
}
class GoParser {
    runner = 'go';
    ended = false;
    c;
    paths;
    /** Failures of the package running now, named when its `FAIL pkg` line comes. */
    pending = [];
    /** The failure whose output lines follow. */
    current;
    passes = [];
    buildLines = [];
    inPanic = false;
    /** Inside the goroutine list that `panic: test timed out` prints (`\tTestX (10m0s)`). */
    timeoutRunning = false;
    timeoutMessage = '';
    /** The test that printed `=== RUN` last (verbose). */
    running;
    /** Tests that printed their result line (a timeout charges the one that did not). */
    finished = new Set();
    building;
    buildErrors = new Map();
    /** Output printed under `=== RUN name` (verbose mode) until the test's result line. */
    output = new Map();
    constructor(ctx = new ParseContext()) {
        this.c = new Collector(ctx);
        this.paths = ctx.paths;
    }
    /** Each line goes to the first handler that takes it; the rest may be compile errors. */
    push(line) {
        if (this.onResult(line) ||
            this.onPackage(line) ||
            this.onBuildHeader(line) ||
            this.onRun(line) ||
            QUIET.test(line) ||
            this.onPanic(line) ||
            this.onTimeoutDump(line) ||
            this.onPanicDump(line) ||
            this.onFailureOutput(line) ||
            this.onVerboseOutput(line))
            return;
        if (line.trim() !== '' && this.buildLines.length < MAX_DETAIL)
            this.buildLines.push(line.trim());
    }
    /** `--- FAIL|PASS|SKIP: name (0.00s)`. */
    onResult(line) {
        const m = go_RESULT.exec(line);
        const name = m?.[3];
        if (!m || !name)
            return false;
        this.inPanic = false;
        this.building = undefined;
        if (this.finished.size < MAX_PENDING)
            this.finished.add(name);
        if (m[2] === 'FAIL')
            this.openFailure(name);
        else {
            this.current = undefined;
            if (m[2] === 'PASS') {
                this.c.passed++;
                if (this.passes.length < MAX_PENDING)
                    this.passes.push(name);
            }
            else
                this.c.skipped++;
        }
        this.output.delete(name);
        return true;
    }
    openFailure(name) {
        this.current = this.pending.find((p) => p.name === name);
        if (this.current)
            return;
        if (this.pending.length >= MAX_PENDING) {
            this.c.dropped++;
            return;
        }
        this.current = pending(name, 'test');
        this.pending.push(this.current);
        this.useEarlyOutput(this.current);
    }
    /** `FAIL\tpkg\t0.01s`, `ok\tpkg\t(cached)`, `FAIL\tpkg [build failed]`. */
    onPackage(line) {
        const m = PACKAGE.exec(line);
        if (!m || !m[2])
            return false;
        this.closePackage(m[2], m[1] === 'FAIL', m[3]);
        return true;
    }
    /**
     * `# pkg [pkg.test]`: compile errors of pkg follow; its `FAIL pkg [build failed]` may come
     * much later, after other packages ran.
     */
    onBuildHeader(line) {
        const pkg = /^#\s+(\S+)/.exec(line)?.[1];
        if (!pkg)
            return false;
        this.building = pkg;
        this.buildLines = [];
        if (this.buildErrors.size < MAX_PENDING)
            this.buildErrors.set(pkg, this.buildLines);
        this.current = undefined;
        return true;
    }
    /** `=== RUN name`: -v streams a test's output before its `--- FAIL` line. */
    onRun(line) {
        const name = RUN.exec(line)?.[2];
        if (!name)
            return false;
        this.building = undefined;
        // The previous test's buffered lines may wait until the end of the run: own copies.
        const prev = this.running !== undefined ? this.output.get(this.running) : undefined;
        if (prev)
            for (let i = 0; i < prev.length; i++)
                prev[i] = own(prev[i] ?? '');
        this.running = name;
        this.current = undefined;
        this.inPanic = false;
        return true;
    }
    /** `panic: ...` kills the package's test binary; `panic: test timed out after` is a timeout. */
    onPanic(line) {
        const m = go_PANIC.exec(line);
        if (!m)
            return false;
        this.timeoutRunning = /^test timed out after/.test(m[1] ?? '');
        if (this.timeoutRunning) {
            this.current = undefined;
            this.timeoutMessage = line.trim();
        }
        else {
            if (!this.current) {
                this.current = pending('', 'panic', '', true);
                if (this.pending.length < MAX_PENDING)
                    this.pending.push(this.current);
            }
            if (!this.inPanic) {
                // verbatim: go 1.19 prints `panic: msg [recovered]` first, then `\tpanic: msg`
                this.current.message = line.trim();
                this.current.kind = 'panic';
                this.current.own = true;
            }
        }
        this.inPanic = true;
        return true;
    }
    /** The running tests a timeout lists (`\tTestX (10m0s)`), up to the first goroutine. */
    onTimeoutDump(line) {
        if (!this.timeoutRunning)
            return false;
        const running = /^\s+(Test\S*) \(/.exec(line)?.[1];
        if (running && this.pending.length < MAX_PENDING)
            this.pending.push(pending(running, 'timeout', this.timeoutMessage, true));
        if (/^goroutine /.test(line))
            this.timeoutRunning = false;
        return true;
    }
    /** A panic's goroutine dump: the project's frames place it, other lines explain it. */
    onPanicDump(line) {
        const cur = this.current;
        if (!this.inPanic || !cur)
            return false;
        const fr = /^\s+((?:[A-Za-z]:)?[^\s:]+\.go):(\d+)/.exec(line);
        const file = fr?.[1] ? this.paths.rel(fr[1]) : undefined;
        if (file && (0,util/* isProjectPath */.Rw)(file)) {
            if (cur.frames.length < 3)
                cur.frames.push(`${file}:${fr?.[2]}`);
            if (!cur.file || (!(0,util/* isTestPath */.MQ)(cur.file) && (0,util/* isTestPath */.MQ)(file))) {
                cur.file = file;
                cur.line = Number(fr?.[2]);
            }
        }
        const t = line.trim();
        const repeatsMessage = cur.message === t ||
            cur.message === `panic: ${t}` ||
            cur.message === `panic: ${t} [recovered]`;
        if (!RUNTIME_FRAME.test(t) && cur.detail.length < MAX_DETAIL && t !== '' && !repeatsMessage)
            cur.detail.push(file ? `${file}:${fr?.[2]}` : t);
        return true;
    }
    /**
     * Indented lines after `--- FAIL`. t.Log and t.Error print alike; the last `file.go:N:` line
     * before the result is usually the failed check (a test logs, then reports).
     */
    onFailureOutput(line) {
        const cur = this.current;
        if (!cur)
            return false;
        const t = line.trim();
        if (t === '')
            return true;
        const loc = LOCATED.exec(t);
        if (cur.message && !(loc && LOCATED.test(cur.message))) {
            if (cur.detail.length < MAX_DETAIL)
                cur.detail.push(t);
            return true;
        }
        if (cur.message && cur.detail.length < MAX_DETAIL)
            cur.detail.push(cur.message);
        cur.message = t;
        cur.own = true;
        if (loc && loc[1]) {
            cur.file = loc[1];
            cur.line = Number(loc[2]);
        }
        return true;
    }
    /** Output under `=== RUN name` before any result: kept per test, newest lines, bounded. */
    onVerboseOutput(line) {
        if (!this.running || !/^\s+\S/.test(line))
            return false;
        let buf = this.output.get(this.running);
        if (!buf) {
            // The oldest test's output goes first (tests that never printed a result line).
            // go -v prints subtests' results only when the parent ends, so keep many.
            if (this.output.size >= MAX_OUTPUTS)
                this.output.delete(this.output.keys().next().value);
            buf = [];
            this.output.set(this.running, buf);
        }
        // keep the newest lines: the failed check comes after the test's own logging
        buf.push(line.trim());
        if (buf.length > 6)
            buf.shift();
        return true;
    }
    useEarlyOutput(p) {
        const early = this.output.get(p.name);
        if (!early || early.length === 0)
            return;
        const key = early.findLast((l) => LOCATED.test(l)) ?? early[0] ?? '';
        p.message = key;
        p.own = true;
        const loc = LOCATED.exec(key);
        if (loc && loc[1]) {
            p.file = loc[1];
            p.line = Number(loc[2]);
        }
        for (const l of early)
            if (l !== key && p.detail.length < MAX_DETAIL)
                p.detail.push(l);
    }
    /** The package's result line: its pending failures get their ids (`pkg > TestX`). */
    closePackage(pkg, failed, special) {
        this.chargeTimeout();
        const built = this.buildErrors.get(pkg) ?? this.buildErrors.get(`${pkg}.test`);
        if (built && built.length > 0)
            this.buildLines = built;
        const any = this.failPending(pkg);
        if (failed && !any)
            this.failPackage(pkg, special);
        for (const name of this.passes)
            this.c.pass(`${pkg} > ${name}`);
        this.buildErrors.delete(pkg);
        this.resetPackage();
    }
    /**
     * go 1.19 names no test on `panic: test timed out`: with -v, the last test that started and
     * printed no result was running.
     */
    chargeTimeout() {
        if (this.timeoutMessage &&
            this.running &&
            !this.finished.has(this.running) &&
            !this.pending.some((p) => p.kind === 'timeout') &&
            this.pending.length < MAX_PENDING)
            this.pending.push(pending(this.running, 'timeout', this.timeoutMessage, true));
    }
    /**
     * Records the package's pending failures; parents that failed only because a subtest did
     * are left out. Whether any was recorded.
     */
    failPending(pkg) {
        const dir = pkgDir(pkg);
        const names = new Set(this.pending.map((p) => p.name));
        let any = false;
        for (const p of this.pending) {
            const isParent = [...names].some((n) => n.startsWith(`${p.name}/`));
            if (isParent && p.kind !== 'panic' && p.kind !== 'timeout')
                continue;
            if (!p.name && names.size > 1)
                continue;
            const id = p.name ? `${pkg} > ${p.name}` : pkg;
            const f = this.c.fail({ id, message: p.message || `--- FAIL: ${p.name}`, kind: p.kind });
            if (!f)
                continue;
            any = true;
            this.fill(f, p, dir);
        }
        return any;
    }
    /** A package that failed with no test to blame: a build or setup error, or its own panic. */
    failPackage(pkg, special) {
        const msg = this.buildLines[0] ?? (this.timeoutMessage || `FAIL ${pkg}`);
        const kind = special === 'build failed'
            ? 'build_error'
            : special === 'setup failed'
                ? 'setup_error'
                : 'error';
        const f = this.c.fail({ id: pkg, message: msg, kind });
        for (const d of this.buildLines.slice(1))
            addDetail(f, d);
        const loc = /^([\w./-]+\.go):(\d+)/.exec(msg);
        if (f && loc && loc[1]) {
            f.file = loc[1];
            f.line = Number(loc[2]);
            f.frames.push(`${loc[1]}:${loc[2]}`);
        }
    }
    resetPackage() {
        this.pending = [];
        this.passes = [];
        this.finished.clear();
        this.output.clear();
        this.running = undefined;
        this.buildLines = [];
        this.current = undefined;
        this.inPanic = false;
        this.timeoutRunning = false;
        this.timeoutMessage = '';
    }
    fill(f, p, dir) {
        if (p.file) {
            const file = p.file.includes('/') || !dir ? p.file : `${dir}/${p.file}`;
            f.file = file;
            if (p.line !== undefined)
                f.line = p.line;
            addFrame(f, `${file}:${p.line ?? ''}`.replace(/:$/, ''));
        }
        for (const fr of p.frames)
            addFrame(f, fr);
        for (const d of p.detail)
            addDetail(f, d);
    }
    finish() {
        if (this.pending.length > 0)
            this.closePackage('(unknown package)', true, undefined);
        return this.c.result(this.runner);
    }
}

;// CONCATENATED MODULE: ./src/checks/parsers/jest.ts
/**
 * jest default reporter. `FAIL <file>` opens a test file; `● a › b › c` opens a failure (the error
 * line is the first non-empty line after it); `● Test suite failed to run` is a load error for the
 * file. The "Summary of all failing tests" section repeats blocks: ids dedupe them.
 * Summary: `Tests:       3 failed, 1 skipped, 10 passed, 14 total`.
 */


const FILE_HEADER = /^\s*(FAIL|PASS)\s+(?:\S+\s+)?(\S+\.[cm]?[jt]sx?)\b/;
const BULLET = /^\s*●\s+(.+?)\s*$/;
const TESTS_SUMMARY = /^Tests:\s+(.*\d+ total)/;
const jest_PASS_LINE = /^\s+[✓√] (.+?)(?: \(\d+(?:\.\d+)? m?s\))?$/;
const HOOK = /^(beforeAll|afterAll|beforeEach|afterEach)\b/;
/** Summary lines other than `Tests:`, and the repeat of every failure that follows them. */
const OTHER_SUMMARY = /^(Test Suites:|Snapshots:|Time:|Ran all test suites|Summary of all failing tests)/;
class JestParser {
    runner = 'jest';
    ended = false;
    c;
    paths;
    file;
    filePassed = false;
    /** Verbose `✓ name` lines of the current file: a ● block for one of them was a retried attempt. */
    passedNames = new Set();
    current;
    awaitingMessage = false;
    constructor(ctx = new ParseContext()) {
        this.c = new Collector(ctx);
        this.paths = ctx.paths;
    }
    /** Each line goes to the first handler that takes it; the rest belong to the open failure. */
    push(line) {
        if (this.onFileHeader(line) ||
            this.onPassLine(line) ||
            this.onBullet(line) ||
            this.onTestsSummary(line) ||
            this.onOtherSummary(line))
            return;
        if (this.current)
            this.onFailureLine(this.current, line);
    }
    /** `FAIL file` / `PASS file`. */
    onFileHeader(line) {
        const header = FILE_HEADER.exec(line);
        if (!header || !header[2])
            return false;
        this.file = header[2];
        this.filePassed = header[1] === 'PASS';
        this.passedNames.clear();
        this.current = undefined;
        this.ended = false;
        return true;
    }
    /** Verbose `✓ name (3 ms)`, outside a failure block. */
    onPassLine(line) {
        const name = jest_PASS_LINE.exec(line)?.[1];
        if (!name || this.current || this.passedNames.size >= 5000)
            return false;
        this.passedNames.add(name.slice(0, 300));
        return true;
    }
    /** `● a › b › c` opens a failure; `● Test suite failed to run` a load error of the file. */
    onBullet(line) {
        const title = BULLET.exec(line)?.[1];
        if (!title)
            return false;
        this.current =
            title === 'Console' ? undefined : this.openFailure(title, this.file ?? 'unknown');
        this.awaitingMessage = this.current !== undefined && this.current.message === '';
        if (!this.awaitingMessage)
            this.current = undefined;
        return true;
    }
    openFailure(title, file) {
        if (title === 'Test suite failed to run')
            return this.c.fail({ id: file, file, kind: 'load_error' });
        const parts = title.split(' › ');
        const id = [file, ...parts].join(' > ');
        const f = this.c.fail({ id, file, kind: parts.some((p) => HOOK.test(p)) ? 'hook' : 'test' });
        // A block under a PASS file is a retried attempt of a test that passed in the end.
        if (this.filePassed || this.passedNames.has(parts[parts.length - 1] ?? ''))
            this.c.pass(id);
        return f;
    }
    /** `Tests:       3 failed, 1 skipped, 10 passed, 14 total`. */
    onTestsSummary(line) {
        const summary = TESTS_SUMMARY.exec(line)?.[1];
        if (!summary)
            return false;
        this.c.summary = true;
        for (const m of summary.matchAll(/(\d+) (failed|passed|skipped|todo|pending)/g)) {
            const n = Number(m[1]);
            if (m[2] === 'failed')
                this.c.failed += n;
            else if (m[2] === 'passed')
                this.c.passed += n;
            else
                this.c.skipped += n;
        }
        this.current = undefined;
        return true;
    }
    onOtherSummary(line) {
        if (!OTHER_SUMMARY.test(line))
            return false;
        if (/^Ran all test suites/.test(line))
            this.ended = true;
        this.current = undefined;
        return true;
    }
    /** In a ● block: the first non-empty line is the message, then frames, code frame, detail. */
    onFailureLine(f, line) {
        const t = line.trim();
        if (this.awaitingMessage) {
            if (t === '' || /^RETRY \d+$/.test(t))
                return;
            f.message = t;
            if (/Exceeded timeout of \d+/.test(t))
                f.kind = 'timeout';
            this.awaitingMessage = false;
        }
        else if (/^at /.test(t)) {
            const fr = this.paths.projectFrame(t);
            if (!fr)
                return;
            addFrame(f, (0,util/* frameText */.R_)(fr));
            if (f.line === undefined && fr.file === f.file)
                f.line = fr.line;
        }
        else if (!/^(>\s*)?\d+ \|/.test(t) && !/^\|/.test(t))
            addDetail(f, line);
    }
    finish() {
        return this.c.result(this.runner);
    }
}

;// CONCATENATED MODULE: ./src/checks/parsers/mocha.ts
/**
 * mocha spec reporter. Counts: `2 passing (1s)`, `4 failing`, `1 pending`. Failure blocks:
 * `  1) Suite` / deeper-indented title lines / last title line ends with `:`; then the error line
 * and a stack. The test file comes from the first test-looking project frame (or the path in
 * a timeout message).
 */


const HEADER = /^(\s*)(\d+)\) (.*)$/;
class MochaParser {
    runner = 'mocha';
    ended = false;
    c;
    paths;
    constructor(ctx = new ParseContext()) {
        this.c = new Collector(ctx);
        this.paths = ctx.paths;
    }
    inFailures = false;
    block;
    push(line) {
        const counts = /^\s+(\d+) (passing|failing|pending)\b/.exec(line);
        if (counts) {
            this.c.summary = true;
            const n = Number(counts[1]);
            if (counts[2] === 'passing') {
                this.c.passed += n;
                this.ended = true;
            }
            else if (counts[2] === 'failing') {
                this.c.failed += n;
                this.inFailures = true;
            }
            else
                this.c.skipped += n;
            return;
        }
        if (this.loadError(line))
            return;
        if (!this.inFailures)
            return;
        const header = HEADER.exec(line);
        if (header && header[3] !== undefined && (header[1]?.length ?? 0) <= 4) {
            this.flush();
            const title = header[3];
            const done = title.endsWith(':');
            this.block = {
                titles: [done ? title.slice(0, -1) : title],
                titleDone: done,
                message: '',
                detail: [],
                frames: [],
            };
            return;
        }
        const b = this.block;
        if (!b)
            return;
        const t = line.trim();
        if (!b.titleDone) {
            if (t === '')
                return;
            b.titles.push(t.endsWith(':') ? t.slice(0, -1) : t);
            if (t.endsWith(':'))
                b.titleDone = true;
            return;
        }
        if (!b.message) {
            if (t === '')
                return;
            b.message = t;
            const inMessage = /\(((?:\/|[A-Za-z]:\\)[^()]+\.[cm]?[jt]sx?)\)\s*$/.exec(t);
            if (inMessage && inMessage[1])
                b.testFile = this.paths.rel(inMessage[1]);
            return;
        }
        if (/^at /.test(t)) {
            const f = this.paths.frame(t);
            if (f && (0,util/* isProjectPath */.Rw)(f.file)) {
                if (b.frames.length < 3)
                    b.frames.push((0,util/* frameText */.R_)(f));
                if (!b.testFile && (0,util/* isTestPath */.MQ)(f.file))
                    b.testFile = f.file;
            }
            return;
        }
        if (b.detail.length < 16 && !(t === '' && b.detail.length === 0))
            b.detail.push(line.replace(/\s+$/, ''));
    }
    flush() {
        const b = this.block;
        this.block = undefined;
        if (!b)
            return;
        const file = b.testFile ?? b.frames.map((f) => f.replace(/:\d+(:\d+)?$/, '')).find(util/* isTestPath */.MQ);
        const title = b.titles.join(' > ');
        const id = file ? `${file} > ${title}` : title;
        const last = b.titles[b.titles.length - 1] ?? '';
        const kind = /^"(before|after) (all|each)" hook/.test(last)
            ? 'hook'
            : /^Error: Timeout of \d+ms exceeded/.test(b.message)
                ? 'timeout'
                : 'test';
        const f = this.c.fail({ id, message: b.message, kind, ...(file ? { file } : {}) });
        if (!f)
            return;
        for (const d of b.detail)
            addDetail(f, d);
        f.frames.push(...b.frames);
        const first = b.frames.find((fr) => file && fr.startsWith(`${file}:`));
        const lineNo = first ? Number(first.split(':')[1]) : undefined;
        if (lineNo !== undefined && !Number.isNaN(lineNo))
            f.line = lineNo;
    }
    crashedIn;
    /**
     * `Exception during run: /path/test/x.spec.js:4` then (after the source line and caret) the
     * error: a spec file failed to load and mocha ran no test at all.
     */
    loadError(line) {
        const at = /^\s*Exception during run: (.+?):(\d+)\s*$/.exec(line);
        if (at && at[1]) {
            this.crashedIn = { file: this.paths.rel(at[1]), line: Number(at[2]) };
            this.ended = true;
            return true;
        }
        const c = this.crashedIn;
        if (!c)
            return false;
        if (util/* ERROR_LINE */.Gm.test(line.trim())) {
            this.c.fail({
                id: c.file,
                file: c.file,
                line: c.line,
                message: line.trim(),
                kind: 'load_error',
            });
            this.crashedIn = undefined;
        }
        return true;
    }
    finish() {
        this.flush();
        return this.c.result(this.runner);
    }
}

;// CONCATENATED MODULE: ./src/checks/parsers/node-test.ts
/**
 * `node --test`. Without a TTY Node 20 prints TAP (handled by TapParser); the spec reporter
 * (TTY, or Node 22+ / `--test-reporter=spec`) prints a tree:
 *   `▶ suite` opens a suite, `✔ name (1.2ms)` passes, `✖ name (1.2ms)` fails (error lines follow,
 *   indented), `﹣ name # SKIP`, and totals `ℹ pass 9`. A `✖` whose error is `N subtest(s) failed`
 *   is a parent. The trailing `✖ failing tests:` section repeats failures (deduped by id).
 */


const MARK = /^(\s*)([▶✔✖﹣])\s+(.*?)(?:\s+\((\d+(?:\.\d+)?m?s)\))?(?:\s+#\s+(SKIP|TODO).*)?\s*$/;
const TOTAL = /^ℹ (pass|fail|skipped|todo|cancelled) (\d+)$/;
const TEST_AT = /^test at (.+?):(\d+):(\d+)$/;
class NodeSpecParser {
    runner = 'node-test';
    ended = false;
    c;
    paths;
    suites = [];
    current;
    currentIndent = 0;
    awaitingMessage = false;
    inFailingSection = false;
    file;
    line;
    /** Failures the `✖ failing tests:` section already described (each is described once). */
    described = new Set();
    /** Suites closed by `✖ name`: a failing before/after hook fails the suite itself. */
    failedSuites = new Map();
    /** A test file that threw while loading: node prints its error, then `✖ <file>` says 'test failed'. */
    thrownIn;
    loadErrors = new Map();
    /** `ℹ pass` and the `✔` leaves: node also counts a passed parent test (`t.test`), which is not named. */
    summaryPass = 0;
    leafPass = 0;
    constructor(ctx = new ParseContext()) {
        this.c = new Collector(ctx);
        this.paths = ctx.paths;
    }
    /** Each line goes to the first handler that takes it; the rest belong to the open failure. */
    push(line) {
        const t = line.trim();
        if (this.onTotal(t) || this.onFailingSection(t) || this.onTestAt(t))
            return;
        if (!this.inFailingSection && (this.loadError(line) || this.onMark(line)))
            return;
        if (this.inFailingSection && this.onFailingEntry(line))
            return;
        if (this.current)
            this.onFailureLine(this.current, line, t);
    }
    /** `ℹ pass 9`, `ℹ skipped 1`, ... */
    onTotal(t) {
        const total = TOTAL.exec(t);
        if (!total)
            return false;
        this.c.summary = true;
        const n = Number(total[2]);
        // `ℹ fail` also counts parent tests that failed only through a child (and no suite that
        // failed on its own, measured on Node 20, 22 and 24: test/fixtures/digest/node-suites): the
        // failure list is the count.
        if (total[1] === 'pass')
            this.summaryPass += n;
        else if (total[1] === 'skipped' || total[1] === 'todo')
            this.c.skipped += n;
        this.ended = true;
        this.current = undefined;
        return true;
    }
    onFailingSection(t) {
        if (!/^✖ failing tests:/.test(t))
            return false;
        this.inFailingSection = true;
        this.current = undefined;
        return true;
    }
    /** `test at file:line:col` places the failure described next. */
    onTestAt(t) {
        const at = TEST_AT.exec(t);
        if (!at || !at[1])
            return false;
        this.file = this.paths.frame(`at ${at[1]}:${at[2]}:${at[3]}`)?.file;
        this.line = Number(at[2]);
        return true;
    }
    /** A line of the tree: `▶ suite`, `✔ name (1ms)`, `✖ name (1ms)`, `﹣ name # SKIP`. */
    onMark(line) {
        const m = MARK.exec(line);
        if (!m || !m[2])
            return false;
        const indent = m[1]?.length ?? 0;
        const name = m[3] ?? '';
        this.current = undefined;
        if (this.closeSuites(indent, name, m[2]))
            return true;
        if (m[2] === '▶') {
            if (!m[4])
                this.suites.push({ indent, name });
            return true;
        }
        const id = [...this.suites.map((s) => s.name), name].join(' > ');
        if (m[2] === '✔')
            this.c.pass(id);
        if (m[2] === '✔' && !m[5])
            this.leafPass++;
        // Skipped tests are counted by the summary; named here for the integrity check.
        if (m[2] === '﹣')
            this.c.see(id);
        if (m[2] === '✖') {
            this.current = this.c.fail({ id, kind: 'test' });
            this.currentIndent = indent;
            this.awaitingMessage = true;
        }
        return true;
    }
    /**
     * Closes the suites at or below `indent`. Node 22 closes a suite with `✔|✖ name (ms)` at the
     * suite's own indentation: whether this line was such a close.
     */
    closeSuites(indent, name, mark) {
        let closesSuite = false;
        while (this.suites.length > 0 && (this.suites[this.suites.length - 1]?.indent ?? 0) >= indent) {
            const s = this.suites.pop();
            if (s && s.indent === indent && s.name === name) {
                closesSuite = true;
                const path = [...this.suites.map((x) => x.name), name].join(' > ');
                if (mark === '✖' && this.failedSuites.size < 500)
                    this.failedSuites.set(name, path);
            }
        }
        return closesSuite;
    }
    /** `✖ name` at the left margin of the `✖ failing tests:` section. */
    onFailingEntry(line) {
        const failed = MARK.exec(line);
        if (!failed || failed[2] !== '✖' || (failed[1] ?? '') !== '')
            return false;
        this.describe(failed[3] ?? '');
        return true;
    }
    /** Indented lines under `✖ name`: the error's first line, then frames and detail. */
    onFailureLine(f, line, t) {
        if (t !== '' && line.search(/\S/) <= this.currentIndent) {
            this.current = undefined;
            return;
        }
        if (this.awaitingMessage) {
            if (t !== '')
                this.onMessage(f, t);
            return;
        }
        if (/^at /.test(t) || /\(file:\/\//.test(t)) {
            const fr = this.paths.frame(t);
            if (fr && (0,util/* isProjectPath */.Rw)(fr.file)) {
                addFrame(f, (0,util/* frameText */.R_)(fr));
                if (!f.file)
                    f.file = fr.file;
            }
            return;
        }
        addDetail(f, t);
    }
    /** A parent whose error is `N subtests failed` is no failure of its own. */
    onMessage(f, t) {
        if (/^'?\d+ subtests? failed'?$/.test(t)) {
            this.c.remove(f.id);
            this.current = undefined;
            return;
        }
        f.message = t.replace(/^'(.*)'$/, '$1');
        if (/timed out|timeout/i.test(t))
            f.kind = 'timeout';
        this.awaitingMessage = false;
    }
    /**
     * An entry of the `✖ failing tests:` section (Node 22+): `test at file:line:col`, `✖ name`, then
     * the error, indented. It belongs to the first failure of that name not yet described, or to a
     * suite whose hook failed. The tree above it printed no messages.
     */
    describe(name) {
        const leaf = this.c
            .all()
            .find((f) => !this.described.has(f) && (f.id === name || f.id.endsWith(` > ${name}`)));
        const suite = leaf ? undefined : this.failedSuites.get(name);
        const f = leaf ?? (suite !== undefined ? this.c.fail({ id: suite, kind: 'hook' }) : undefined);
        this.current = f;
        if (!f)
            return;
        this.described.add(f);
        if (this.file) {
            f.file = this.file;
            if (this.line !== undefined)
                f.line = this.line;
        }
        this.currentIndent = 0;
        this.awaitingMessage = f.message === '' || f.message === 'test failed';
    }
    /** `/path/test/x.test.js:5` then `Error: ...`: what a test file threw while loading. */
    loadError(line) {
        const where = /^((?:file:\/\/)?(?:[A-Za-z]:)?[\\/]\S+\.[cm]?[jt]sx?):\d+$/.exec(line);
        if (where && where[1]) {
            this.thrownIn = this.paths.frame(`at ${where[1]}:1:1`)?.file;
            return true;
        }
        if (this.thrownIn && /^[\w$.]*(?:Error|Exception)\b(?: \[\w+\])?: \S/.test(line)) {
            if (this.loadErrors.size < 100)
                this.loadErrors.set(this.thrownIn, line.trim());
            this.thrownIn = undefined;
            return true;
        }
        return false;
    }
    finish() {
        // The runner's count, as the truth files keep it; the `✔` closing a parent is not a leaf
        // (closeSuites), so passes beyond the leaves are parents, counted but not named.
        this.c.passed = this.summaryPass;
        if (this.leafPass > 0)
            this.c.unnamedPasses = Math.max(0, this.summaryPass - this.leafPass);
        const r = this.c.result(this.runner);
        const failures = r.failures.map((f) => {
            const file = f.file;
            const thrown = this.loadErrors.get(f.id);
            if (thrown && (f.message === 'test failed' || f.message === ''))
                return { ...f, message: thrown, kind: 'load_error' };
            if (!file || f.id === file || f.id.startsWith(`${file} > `))
                return f;
            return { ...f, id: `${file} > ${f.id}` };
        });
        return { ...r, failures };
    }
}

;// CONCATENATED MODULE: ./src/checks/parsers/pytest.ts
/**
 * pytest. Sections: `==== ERRORS ====` / `==== FAILURES ====` hold blocks headed
 * `____ [ERROR at setup of |ERROR collecting ]name ____`; in a block the first `E   ` line is the
 * message and `path.py:20: ExcType` lines locate it. `short test summary info` lists
 * `FAILED|ERROR nodeid - message`; `-v` prints `nodeid PASSED|FAILED|RERUN`. A test that reran and
 * then passed is flaky. Final line: `== 2 failed, 7 passed, 1 error in 0.89s ==`.
 */


/** `-q` prints the final counts without the `=` rule. */
const QUIET_FINAL = /^(\d+ (?:passed|failed|errors?|skipped|deselected|xfailed|xpassed|rerun|warnings?)\b.*) in [\d.]+s(?: \([\d:.]+\))?$/;
const BLOCK = /^_{3,} (.+?) _{3,}$/;
const SUMMARY_ITEM = /^(FAILED|ERROR) (\S+?)(?: - (.*))?$/;
const VERBOSE = /^(?:\[gw\d+\] (?:\[\s*\d+%\] )?)?(\S+::\S+|\S+\.py) (PASSED|FAILED|ERROR|RERUN|SKIPPED|XFAIL|XPASS)\b/;
const VERBOSE_XDIST = /^(?:\[gw\d+\] (?:\[\s*\d+%\] )?)(PASSED|FAILED|ERROR|RERUN|SKIPPED) (\S+)/;
const SECTION = /^=+ (.+?) =+$/;
const BLOCK_ERROR = /^ERROR (at (setup|teardown) of|collecting) (.+)$/;
/** `path.py:20: ExcType`: where a block's traceback passed. */
const pytest_LOCATION = /^((?:[A-Za-z]:)?[^\s:]+\.py):(\d+): (.*)$/;
const FINAL = /^=+ (.*\d+ (?:passed|failed|error|errors|skipped|deselected|xfailed|xpassed|rerun|warnings?)\b.*) in [\d.]+s.*=+$/;
function splitNodeId(nodeid) {
    const parts = [];
    let depth = 0;
    let cur = '';
    for (let i = 0; i < nodeid.length; i++) {
        const ch = nodeid[i];
        if (ch === '[')
            depth++;
        if (ch === ']')
            depth = Math.max(0, depth - 1);
        if (depth === 0 && ch === ':' && nodeid[i + 1] === ':') {
            parts.push(cur);
            cur = '';
            i++;
            continue;
        }
        cur += ch;
    }
    parts.push(cur);
    return parts;
}
class PytestParser {
    runner = 'pytest';
    ended = false;
    c;
    paths;
    /** Blocks by their short name (bounded by the failure cap). */
    blocks = new Map();
    block;
    section = 'none';
    lastSummary;
    /** The last summary item had no FAILURES block: its continuation lines are its detail. */
    summaryTakesDetail = false;
    reran = new Set();
    constructor(ctx = new ParseContext()) {
        this.c = new Collector(ctx);
        this.paths = ctx.paths;
    }
    /** Each line goes to the first handler that takes it, then to the section it is in. */
    push(line) {
        if (this.onQuietFinal(line) || this.onSection(line) || this.crash(line) || this.onVerbose(line))
            return;
        if (this.section === 'summary')
            this.onSummaryLine(line);
        else if (this.section === 'failures' && !this.onBlockHeader(line) && this.block)
            this.onBlockLine(this.block, line);
    }
    /** `-q`'s bare `3 failed, 4 passed in 0.05s`. */
    onQuietFinal(line) {
        const quiet = QUIET_FINAL.exec(line)?.[1];
        if (!quiet)
            return false;
        this.readFinal(quiet);
        this.section = 'none';
        return true;
    }
    /** `=== FAILURES ===`, `=== short test summary info ===`, the final `=== 2 failed in 1s ===`. */
    onSection(line) {
        const title = SECTION.exec(line)?.[1];
        if (!title)
            return false;
        this.block = undefined;
        const fin = FINAL.exec(line)?.[1];
        if (fin)
            this.readFinal(fin);
        this.section = fin
            ? 'none'
            : /^(FAILURES|ERRORS)$/.test(title)
                ? 'failures'
                : /short test summary info/.test(title)
                    ? 'summary'
                    : 'none';
        return true;
    }
    /** `-v`: `nodeid PASSED|FAILED|RERUN...` (xdist: `[gw0] PASSED nodeid`). */
    onVerbose(line) {
        const v = VERBOSE.exec(line) ?? swapXdist(VERBOSE_XDIST.exec(line));
        if (!v || !v[1] || !v[2])
            return false;
        this.verbose(v[1], v[2]);
        return true;
    }
    /** `FAILED nodeid - message` (and its indented continuation lines). */
    onSummaryLine(line) {
        const s = SUMMARY_ITEM.exec(line);
        if (s && s[2])
            this.fromSummary(s[1] === 'ERROR', s[2], s[3]);
        // Lines under an item continue its message (under CI, pytest prints the whole assertion
        // diff there); kept only when no FAILURES block already gave the failure its detail.
        else if (this.lastSummary && this.summaryTakesDetail && /^\s/.test(line))
            addDetail(this.c.get(this.lastSummary), line.trim());
    }
    /** `____ name ____`, `____ ERROR at setup of name ____`, `____ ERROR collecting file ____`. */
    onBlockHeader(line) {
        const header = BLOCK.exec(line)?.[1];
        if (!header || /^_ _/.test(line))
            return false;
        const err = BLOCK_ERROR.exec(header);
        const name = err?.[3] ?? header;
        const when = err?.[2];
        const kind = !err
            ? 'test'
            : when === 'setup'
                ? 'setup_error'
                : when === 'teardown'
                    ? 'teardown_error'
                    : 'collection_error';
        if (this.blocks.size < 500) {
            this.block = { name, kind, message: '', detail: [], frames: [] };
            this.blocks.set(`${kind === 'teardown_error' ? 'T:' : ''}${name}`, this.block);
        }
        return true;
    }
    /** In a block: `E   ` lines (the first is the message), `path.py:20: Exc` locations. */
    onBlockLine(b, line) {
        const e = /^E\s{1,8}(.*)$/.exec(line);
        if (e) {
            this.onErrorLine(b, (e[1] ?? '').trim());
            return;
        }
        const loc = pytest_LOCATION.exec(line);
        if (loc && loc[1])
            this.onLocation(b, this.paths.rel(loc[1]), Number(loc[2]));
        else if (!b.message &&
            b.kind === 'collection_error' &&
            line.trim() !== '' &&
            b.detail.length < 16)
            b.detail.push(line.trim());
    }
    onErrorLine(b, text) {
        // A SyntaxError shows `File "…", line N`, the source and a caret before its own line.
        if (/^\s*File ".*", line \d+/.test(b.message) && /^[\w.]*(Error|Exception)\b.*?: /.test(text)) {
            b.detail.unshift(b.message);
            b.message = text;
        }
        else if (!b.message && text !== '')
            b.message = text;
        else if (b.detail.length < 16 && text !== '')
            b.detail.push(text);
    }
    /** The innermost location comes last in a block: keep the innermost three, innermost first. */
    onLocation(b, file, line) {
        if (!(0,util/* isProjectPath */.Rw)(file))
            return;
        b.frames.unshift(`${file}:${line}`);
        if (b.frames.length > 3)
            b.frames.pop();
        if (!b.file || (!(0,util/* isTestPath */.MQ)(b.file) && (0,util/* isTestPath */.MQ)(file))) {
            b.file = file;
            b.line = line;
        }
    }
    fatal;
    /**
     * `Fatal Python error: Segmentation fault` (faulthandler) kills pytest mid-run; the dump that
     * follows, most recent call first, names the test that was running: that test failed.
     */
    crash(line) {
        const fatal = /Fatal Python error: .*$/.exec(line);
        if (fatal) {
            this.fatal = fatal[0].trim();
            return true;
        }
        if (!this.fatal)
            return false;
        const fr = /^\s*File "([^"]+)", line (\d+) in (\w+)/.exec(line);
        if (fr && fr[1] && fr[3]) {
            const file = this.paths.rel(fr[1]);
            if ((0,util/* isTestPath */.MQ)(file) && (0,util/* isProjectPath */.Rw)(file) && /^test/.test(fr[3])) {
                const f = this.c.fail({
                    id: `${file} > ${fr[3]}`,
                    file,
                    kind: 'crash',
                    message: this.fatal,
                });
                if (f) {
                    f.line = Number(fr[2]);
                    f.frames.push(`${file}:${fr[2]}`);
                }
                this.fatal = undefined;
            }
            return true;
        }
        if (/^(Current thread|Thread) 0x/.test(line) || line.trim() === '')
            return true;
        this.fatal = undefined;
        return false;
    }
    verbose(nodeid, status) {
        const id = splitNodeId(nodeid).join(' > ');
        if (status === 'RERUN')
            this.reran.add(id);
        if (status === 'PASSED' && this.reran.has(id))
            this.c.markFlaky(id);
        if (status === 'PASSED')
            this.c.pass(id);
    }
    fromSummary(isError, nodeid, msg) {
        const parts = splitNodeId(nodeid);
        const file = parts[0] ?? nodeid;
        const id = parts.join(' > ');
        const short = parts.slice(1).join('.');
        const block = (isError && this.blocks.get(`T:${parts[parts.length - 1] ?? ''}`)) ||
            this.blocks.get(short) ||
            this.blocks.get(parts[parts.length - 1] ?? '') ||
            this.blocks.get(nodeid) ||
            this.blocks.get(file);
        const kind = block?.kind ?? (isError ? (parts.length === 1 ? 'collection_error' : 'setup_error') : 'test');
        const f = this.c.fail({ id, file, kind });
        this.lastSummary = id;
        this.summaryTakesDetail = block === undefined;
        if (!f)
            return;
        if (block) {
            this.consume(block, f);
        }
        if (!f.message && msg)
            f.message = msg.trim();
        if (!f.message)
            f.message = block?.detail[0] ?? (isError ? 'ERROR' : 'FAILED');
        if (block && !block.message && block.detail.length > 0) {
            f.detail = f.detail.filter((d) => d !== f.message);
        }
    }
    consume(block, f) {
        if (!f)
            return;
        if (block.message)
            f.message = block.message;
        for (const d of block.detail)
            addDetail(f, d);
        for (const fr of block.frames)
            addFrame(f, fr);
        if (block.line !== undefined && block.file === f.file)
            f.line = block.line;
        for (const [k, v] of this.blocks)
            if (v === block)
                this.blocks.delete(k);
    }
    readFinal(text) {
        this.ended = true;
        // Deselected tests (`--lf`, `-k`, testmon) are not counted: the counts are not all the tests.
        this.c.summary = !/\d+ deselected/.test(text);
        for (const m of text.matchAll(/(\d+) (passed|failed|errors?|skipped|xfailed)/g)) {
            const n = Number(m[1]);
            if (m[2] === 'passed')
                this.c.passed += n;
            else if (m[2] === 'failed' || m[2]?.startsWith('error'))
                this.c.failed += n;
            else
                this.c.skipped += n;
        }
    }
    finish() {
        // Without a short summary (-rN, -q), fall back to the blocks themselves.
        for (const b of this.blocks.values()) {
            const file = b.file ?? (b.kind === 'collection_error' ? b.name : undefined);
            const parts = b.kind === 'collection_error' ? [] : b.name.split(/\.(?![^[]*\])/);
            const fileForId = b.kind === 'collection_error' ? b.name : file && (0,util/* isTestPath */.MQ)(file) ? file : undefined;
            const id = [...(fileForId ? [fileForId] : []), ...parts].join(' > ');
            const f = this.c.fail({ id, kind: b.kind, ...(fileForId ? { file: fileForId } : {}) });
            if (f) {
                this.consume(b, f);
                if (!f.message)
                    f.message = b.detail[0] ?? b.name;
            }
        }
        return this.c.result(this.runner);
    }
}
function swapXdist(m) {
    return m && m[1] && m[2] ? [m[0], m[2], m[1]] : null;
}

;// CONCATENATED MODULE: ./src/checks/parsers/tap.ts
/**
 * TAP (version 13/14) with nested subtests, as printed by node-tap and by `node --test` (whose
 * default reporter is TAP when stdout is not a TTY). Grammar handled:
 *   `# Subtest: name`            opens a child at the next indentation level
 *   `ok N - name # SKIP|TODO`    a point; `not ok` fails it
 *   `  ---` ... `  ...`          YAML diagnostics of the preceding point
 *   `# pass N` / `# fail N` ...  node:test totals
 * A `not ok` point whose children failed (or whose YAML says `subtestsFailed`) is a parent and is
 * not a failure of its own, unless node names another cause (a suite's hook failed or its body
 * threw). Ids join the subtest names with ` > `, prefixed with the test file.
 */


const POINT = /^(\s*)(not ok|ok)\b\s*\d*\s*(?:-\s*)?(.*?)\s*$/;
const SUBTEST = /^(\s*)# Subtest: (.*)$/;
/** node:test's totals: `# pass 9`, `# fail 1`, ... */
const tap_TOTAL = /^# (pass|fail|skipped|todo|cancelled|tests|suites) (\d+)$/;
/** What node prints when a test file throws while loading: `# /path/x.test.js:5` then the error. */
const THROWN_AT = /^((?:file:\/\/)?(?:[A-Za-z]:)?[\\/]\S+\.[cm]?[jt]sx?):\d+$/;
const THROWN = /^[\w$.]*(?:Error|Exception)\b(?: \[\w+\])?: \S/;
function looksLikeFile(name) {
    return /\.[cm]?[jt]sx?$/.test(name) || /^(\/|[A-Za-z]:\\)/.test(name);
}
class TapParser {
    runner = 'tap';
    ended = false;
    c;
    paths;
    nodeMarkers = 0;
    tapMarkers = 0;
    totals = false;
    leafPass = 0;
    leafSkip = 0;
    /** Passed parent tests (`t.test`): node counts them in `# pass`; they are not named tests. */
    parentPass = 0;
    /** Stack of open subtests by indentation. */
    stack = [];
    pending;
    thrownIn;
    loadErrors = new Map();
    constructor(ctx = new ParseContext()) {
        this.c = new Collector(ctx);
        this.paths = ctx.paths;
    }
    /** Each line goes to the first handler that takes it (comments may also be load errors). */
    push(line) {
        if (this.onYaml(line))
            return;
        this.onComment(line);
        const t = line.trim();
        if (this.onSubtest(line) || this.onPoint(line) || this.onTotal(t))
            return;
        if (/^# (failed \d+ of \d+ tests|time=)/.test(t))
            this.tapMarkers++;
        if (/^1\.\.\d+/.test(line)) {
            this.flush();
            this.ended = true;
        }
    }
    /** `  ---` ... `  ...`: the YAML diagnostics of the point before. */
    onYaml(line) {
        const p = this.pending;
        if (!p)
            return false;
        if (p.inYaml) {
            if (/^\s*\.\.\.\s*$/.test(line)) {
                p.inYaml = false;
                this.flush();
            }
            else if (p.yaml.length < 200)
                p.yaml.push(line);
            return true;
        }
        if (!/^\s*---\s*$/.test(line))
            return false;
        p.inYaml = true;
        return true;
    }
    /** `# /path/x.test.js:5` then `# Error: ...`: what a test file threw while loading. */
    onComment(line) {
        const comment = /^# (.*)$/.exec(line)?.[1];
        if (!comment)
            return;
        const where = THROWN_AT.exec(comment)?.[1];
        if (where)
            this.thrownIn = this.paths.rel(where.replace(/^file:\/\//, ''));
        else if (this.thrownIn && THROWN.test(comment)) {
            if (this.loadErrors.size < 100)
                this.loadErrors.set(this.thrownIn, comment.trim());
            this.thrownIn = undefined;
        }
    }
    /** `# Subtest: name` opens a child at the next indentation level. */
    onSubtest(line) {
        const sub = SUBTEST.exec(line);
        if (!sub)
            return false;
        this.flush();
        const indent = sub[1]?.length ?? 0;
        this.popTo(indent);
        this.stack.push({ indent, name: sub[2]?.trim() ?? '', childFailed: false, hasChildren: false });
        return true;
    }
    /** `ok N - name # SKIP|TODO` / `not ok N - name`: a point, pending until its YAML ends. */
    onPoint(line) {
        const pt = POINT.exec(line);
        if (!pt || !pt[2])
            return false;
        this.flush();
        const indent = pt[1]?.length ?? 0;
        const parent = this.closeLevels(indent);
        let raw = pt[3] ?? '';
        const directive = /\s+#\s+(SKIP|TODO)\b.*$/i.exec(raw);
        if (directive)
            raw = raw.slice(0, directive.index);
        this.pending = {
            indent,
            names: this.stack.map((l) => l.name ?? '').filter((n) => n !== ''),
            name: raw.replace(/\s+#\s+time=[\d.]+m?s$/, '').trim(),
            failed: pt[2] === 'not ok' && !(directive && /todo/i.test(directive[1] ?? '')),
            skipped: directive !== null,
            parent,
            yaml: [],
            inYaml: false,
        };
        this.markParentFailed(indent, this.pending.failed);
        return true;
    }
    /**
     * Closes the levels at or below `indent` (the level at this indent is the point's own
     * subtest): whether the point is a parent (it had children, or one of them failed).
     */
    closeLevels(indent) {
        let parent = false;
        while (this.stack.length > 0 && (this.stack[this.stack.length - 1]?.indent ?? 0) >= indent) {
            const lvl = this.stack.pop();
            if (lvl && (lvl.hasChildren || lvl.indent > indent || lvl.childFailed))
                parent = true;
        }
        for (const lvl of this.stack)
            lvl.hasChildren = true;
        return parent;
    }
    onTotal(t) {
        const total = tap_TOTAL.exec(t);
        if (!total)
            return false;
        this.nodeMarkers++;
        this.totals = true;
        const n = Number(total[2]);
        if (total[1] === 'pass')
            this.c.passed = n;
        else if (total[1] === 'skipped' || total[1] === 'todo')
            this.c.skipped += n;
        // `# pass` counts passed parent tests (kept: the runner's count; they are not named). `# fail` is not the failure
        // count: node counts in it a parent test whose subtests failed,
        // and neither a suite whose hook failed or whose body threw nor a cancelled test (measured
        // on Node 20, 22 and 24: test/fixtures/digest/node-suites). The failures listed are.
        if (total[1] === 'fail' || total[1] === 'pass')
            this.ended = true;
        return true;
    }
    markParentFailed(indent, failed) {
        if (!failed)
            return;
        for (const lvl of this.stack)
            if (lvl.indent < indent)
                lvl.childFailed = true;
    }
    popTo(indent) {
        while (this.stack.length > 0 && (this.stack[this.stack.length - 1]?.indent ?? 0) >= indent)
            this.stack.pop();
    }
    flush() {
        const p = this.pending;
        this.pending = undefined;
        if (!p)
            return;
        const yaml = p.yaml.map((l) => l.trim());
        const field = (k) => yaml
            .find((l) => l.startsWith(`${k}:`))
            ?.slice(k.length + 1)
            .trim();
        if (field('duration_ms') !== undefined || field('failureType') !== undefined)
            this.nodeMarkers++;
        if (field('tapCaught') !== undefined)
            this.tapMarkers++;
        const suite = field('type') === "'suite'";
        if (suite)
            p.parent = true;
        if (!p.failed) {
            this.passed(p, suite);
            return;
        }
        // A parent fails on its own when node names another cause than its children (a suite whose
        // hook failed: hookFailed; whose body threw: testCodeFailure); node-tap names none.
        const failureType = field('failureType') ?? '';
        if (/subtestsFailed/.test(failureType) || (p.parent && failureType === ''))
            return;
        const location = field('location');
        const locFrame = location ? this.paths.frame(location.replace(/^'|'$/g, '')) : undefined;
        const atFile = field('file');
        let file = locFrame?.file ?? (atFile ? this.paths.rel(atFile) : undefined);
        const top = p.names[0] ?? (looksLikeFile(p.name) ? p.name : undefined);
        if (top && looksLikeFile(top))
            file = this.paths.rel(top);
        const id = this.idOf(p, file);
        const kind = /cancelled/i.test(failureType)
            ? 'cancelled'
            : /hook/i.test(failureType)
                ? 'hook'
                : /timeout|timed out/i.test(`${field('error') ?? ''} ${failureType}`) ||
                    field('expired') !== undefined
                    ? 'timeout'
                    : field('tapCaught') !== undefined
                        ? 'error'
                        : 'test';
        const f = this.c.fail({ id, kind, ...(file ? { file } : {}) });
        if (!f)
            return;
        if (locFrame?.line !== undefined)
            f.line = locFrame.line;
        f.message = this.messageOf(p, yaml);
        // node: a file that threw while loading reports only 'test failed'; its stderr, printed
        // as `# ` comments above, has the error.
        const thrown = this.loadErrors.get(id);
        if (thrown && (f.message === 'test failed' || f.message === '')) {
            f.message = thrown;
            f.kind = 'load_error';
        }
        this.collectYamlDetail(f, p.yaml);
    }
    /** A passed or skipped point: every test is named (the integrity check compares identities). */
    passed(p, suite) {
        if (p.parent) {
            if (!suite && !p.skipped)
                this.parentPass++;
            return;
        }
        if (p.skipped)
            this.leafSkip++;
        else
            this.leafPass++;
        if (p.skipped)
            this.c.see(this.idOf(p, undefined));
        else
            this.c.pass(this.idOf(p, undefined));
    }
    idOf(p, file) {
        const names = [...p.names];
        if (names[0] && looksLikeFile(names[0]))
            names[0] = this.paths.rel(names[0]);
        else if (file && !(names.length === 0 && looksLikeFile(p.name)))
            names.unshift(file);
        names.push(looksLikeFile(p.name) && names.length === 0 ? this.paths.rel(p.name) : p.name);
        return names.join(' > ');
    }
    messageOf(p, yaml) {
        if (this.nodeMarkers > this.tapMarkers || yaml.some((l) => l.startsWith('failureType:'))) {
            const idx = yaml.findIndex((l) => l.startsWith('error:'));
            if (idx >= 0) {
                const v = (yaml[idx] ?? '').slice(6).trim();
                if (/^[|>][-+]?$/.test(v)) {
                    const next = yaml.slice(idx + 1).find((l) => l !== '');
                    if (next)
                        return next;
                }
                else if (v)
                    return v.replace(/^'(.*)'$/, '$1').replace(/^"(.*)"$/, '$1');
            }
        }
        return p.name;
    }
    collectYamlDetail(f, yaml) {
        let section = '';
        for (const raw of yaml) {
            const t = raw.trim();
            const key = /^(\w+):/.exec(t);
            if (key && raw.search(/\S/) <= (yaml[0]?.search(/\S/) ?? 0))
                section = key[1] ?? '';
            if (section === 'stack' && !key) {
                const fr = this.paths.frame(t);
                if (fr && (0,util/* isProjectPath */.Rw)(fr.file) && f.frames.length < 3)
                    f.frames.push((0,util/* frameText */.R_)(fr));
            }
            else if ((section === 'diff' || section === 'error') && !key) {
                if (!/^(---|\+\+\+|@@) /.test(t) && t !== '' && t !== f.message)
                    addDetail(f, t);
            }
            else if ((section === 'type' || section === 'name') &&
                key &&
                !/^'?(suite|test)'?$/.test(t.slice(section.length + 1).trim())) {
                addDetail(f, t
                    .slice(section.length + 1)
                    .trim()
                    .replace(/^'(.*)'$/, '$1'));
            }
            else if (section === 'at' && /^file: /.test(t) && f.frames.length === 0) {
                const line = yaml.find((l) => /^\s*line: \d+/.test(l));
                const file = this.paths.rel(t.slice(6));
                if ((0,util/* isProjectPath */.Rw)(file))
                    f.frames.push(line ? `${file}:${line.trim().slice(6)}` : file);
            }
        }
    }
    finish() {
        this.flush();
        this.runner = this.nodeMarkers > this.tapMarkers ? 'node-test' : 'tap';
        if (!this.totals) {
            this.c.passed = this.leafPass;
            this.c.skipped = this.leafSkip;
        }
        else {
            this.c.summary = true;
            this.c.unnamedPasses = Math.min(this.parentPass, this.c.passed);
        }
        return this.c.result(this.runner);
    }
}

;// CONCATENATED MODULE: ./src/checks/parsers/unittest.ts
/**
 * Python unittest. Verbose lines `name (module.Class.name) ... ok|FAIL|ERROR|skipped`; blocks
 * `====` / `FAIL: name (module.Class.name) [(params)]` / `----` / traceback. The message is the final
 * exception line of the (last chained) traceback. Totals: `Ran 7 tests`, `FAILED (failures=1, errors=2, skipped=1)`.
 */


const unittest_HEADER = /^(FAIL|ERROR|UNEXPECTED SUCCESS): (\S+) \(([\w.]+)\)(.*)$/;
const unittest_VERBOSE = /^\s*(\S+) \(([\w.]+)\)(.*?) \.\.\. (ok|FAIL|ERROR|skipped|expected failure|unexpected success)\b/;
/** Maps `name (pkg.module.Class.name) extra` to an id `pkg/module.py > Class > name extra`. */
function unittestId(name, dotted, extra) {
    const parts = dotted.split('.');
    if (parts[0] === 'unittest' && parts[1] === 'loader') {
        // A module that failed to import: `tests.test_x (unittest.loader._FailedTest.tests.test_x)`.
        const file = /^[\w.]+$/.test(name) ? `${name.split('.').join('/')}.py` : undefined;
        return { id: file ?? name, kind: 'load_error', ...(file ? { file } : {}) };
    }
    if (parts[parts.length - 1] === name)
        parts.pop();
    let cls;
    if (parts.length > 1 && /^[A-Z]/.test(parts[parts.length - 1] ?? ''))
        cls = parts.pop();
    const file = `${parts.join('/')}.py`;
    const hook = /^(setUpClass|tearDownClass|setUpModule|tearDownModule)$/.test(name);
    const full = `${name}${extra.trimEnd()}`;
    return {
        id: [file, ...(cls ? [cls] : []), full].join(' > '),
        file,
        kind: hook ? 'hook' : extra.trim() ? 'subtest' : 'test',
    };
}
class UnittestParser {
    runner = 'unittest';
    ended = false;
    c;
    paths;
    okLines = 0;
    ran = 0;
    current;
    inTrace = false;
    sawTrace = false;
    /** `... skipped` / `... expected failure` lines since the last `OK`/`FAILED` line. */
    skipLines = 0;
    constructor(ctx = new ParseContext()) {
        this.c = new Collector(ctx);
        this.paths = ctx.paths;
    }
    /** Each line goes to the first handler that takes it; the rest belong to the open block. */
    push(line) {
        if (this.onVerbose(line) || this.onHeader(line) || this.onRan(line) || this.onFinal(line))
            return;
        if (this.current)
            this.onBlockLine(this.current, line);
    }
    /** `name (module.Class.name) ... ok|FAIL|ERROR|skipped`. */
    onVerbose(line) {
        const v = unittest_VERBOSE.exec(line);
        if (!v)
            return false;
        if (v[4] === 'ok') {
            this.okLines++;
            this.c.pass(unittestId(v[1] ?? '', v[2] ?? '', v[3] ?? '').id);
        }
        else if (v[4] === 'skipped' || v[4] === 'expected failure')
            this.skipLines++;
        return true;
    }
    /** `FAIL: name (module.Class.name)` opens a block. */
    onHeader(line) {
        const h = unittest_HEADER.exec(line);
        if (!h)
            return false;
        const meta = unittestId(h[2] ?? '', h[3] ?? '', h[4] ?? '');
        this.current = this.c.fail({
            id: meta.id,
            kind: meta.kind,
            ...(meta.file ? { file: meta.file } : {}),
        });
        this.inTrace = false;
        this.sawTrace = false;
        return true;
    }
    onRan(line) {
        const ran = /^Ran (\d+) tests? in /.exec(line);
        if (!ran)
            return false;
        this.ran += Number(ran[1]);
        this.current = undefined;
        return true;
    }
    /** `OK` or `FAILED (failures=2, errors=3, skipped=1, expected failures=1)` after `Ran N tests`. */
    onFinal(line) {
        const fin = /^(OK|FAILED)(?: \((.*)\))?\s*$/.exec(line);
        if (!fin || this.ran === 0)
            return false;
        this.ended = true;
        this.c.summary = true;
        let bad = 0;
        for (const m of (fin[2] ?? '').matchAll(/([a-z ]+)=(\d+)/g)) {
            const key = (m[1] ?? '').trim();
            const n = Number(m[2]);
            if (key === 'skipped' || key === 'expected failures')
                this.c.skipped += n;
            if (key === 'failures' || key === 'errors' || key === 'unexpected successes')
                bad += n;
        }
        this.skipLines = 0;
        this.c.failed += bad;
        this.c.passed += this.okLines > 0 ? this.okLines : Math.max(0, this.ran - bad - this.c.skipped);
        this.okLines = 0;
        this.ran = 0;
        return true;
    }
    /** A block: rules, the traceback's frames, then the exception line (the last one wins). */
    onBlockLine(f, line) {
        if (/^(=|-){20,}$/.test(line)) {
            if (line.startsWith('='))
                this.current = undefined;
        }
        else if (/^Traceback \(most recent call last\):/.test(line)) {
            f.frames = [];
            this.inTrace = true;
            this.sawTrace = true;
        }
        else if (/^\s/.test(line) && this.inTrace)
            this.onFrame(f, line);
        else if (line.trim() === '')
            return;
        else if (this.inTrace || !this.sawTrace) {
            if (f.message)
                addDetail(f, f.message);
            f.message = line.trim();
            this.inTrace = false;
            this.sawTrace = true;
        }
        else
            addDetail(f, line);
    }
    /** Python prints the innermost frame last: keep the innermost three, innermost first. */
    onFrame(f, line) {
        const fr = this.paths.frame(line);
        if (!fr || !/^\s*File "/.test(line) || !(0,util/* isProjectPath */.Rw)(fr.file))
            return;
        f.frames.unshift((0,util/* frameText */.R_)(fr));
        if (f.frames.length > 3)
            f.frames.pop();
        if (f.file === fr.file)
            f.line = fr.line;
    }
    finish() {
        this.c.skipped += this.skipLines;
        this.skipLines = 0;
        return this.c.result(this.runner);
    }
}

;// CONCATENATED MODULE: ./src/checks/parsers/uvu.ts
/**
 * uvu. Per file: the file name, a progress line (`suite  • • ✘   (2 / 3)`), then for each failure
 * `FAIL  suite  "test name"` (no suite for uvu's default `test`), the message line (an assertion
 * ends with its operator in parentheses: `punctuation stays  (equal)`), a diff and the stack; the
 * test's own file is the first project frame. Totals: `Total:`, `Passed:`, `Skipped:`.
 */


const FAIL = /^\s*FAIL\s+(?:(.+?)\s+)?"(.*)"\s*$/;
class UvuParser {
    runner = 'uvu';
    ended = false;
    c;
    paths;
    constructor(ctx = new ParseContext()) {
        this.c = new Collector(ctx);
        this.paths = ctx.paths;
    }
    block;
    total = 0;
    push(line) {
        const fail = FAIL.exec(line);
        if (fail) {
            this.close();
            this.block = {
                ...(fail[1] ? { suite: fail[1] } : {}),
                name: fail[2] ?? '',
                message: '',
                detail: [],
                frames: [],
            };
            return;
        }
        const n = /^\s*(Total|Passed|Skipped):\s+(\d+)\s*$/.exec(line);
        if (n) {
            this.close();
            this.c.summary = true;
            if (n[1] === 'Total')
                this.total = Number(n[2]);
            else if (n[1] === 'Passed')
                this.c.passed += Number(n[2]);
            else
                this.c.skipped += Number(n[2]);
            return;
        }
        if (/^\s*Duration:\s/.test(line)) {
            this.close();
            this.ended = true;
            return;
        }
        const b = this.block;
        if (!b)
            return;
        const t = line.trim();
        if (t === '')
            return;
        if (!b.message) {
            b.message = t.replace(/\s+\((\w+)\)$/, '');
            return;
        }
        if (/^at /.test(t)) {
            const fr = this.paths.frame(t);
            if (fr && (0,util/* isProjectPath */.Rw)(fr.file) && b.frames.length < 3) {
                b.frames.push((0,util/* frameText */.R_)(fr));
                if (!b.file) {
                    b.file = fr.file;
                    if (fr.line !== undefined)
                        b.line = fr.line;
                }
            }
            return;
        }
        if (b.detail.length < 12)
            b.detail.push(t);
    }
    close() {
        const b = this.block;
        this.block = undefined;
        if (!b)
            return;
        const id = [b.file, b.suite, b.name].filter((x) => x !== undefined && x !== '').join(' > ');
        const f = this.c.fail({
            id,
            message: b.message,
            kind: 'test',
            ...(b.file ? { file: b.file } : {}),
            ...(b.line !== undefined ? { line: b.line } : {}),
        });
        for (const fr of b.frames)
            addFrame(f, fr);
        for (const d of b.detail)
            addDetail(f, d);
    }
    finish() {
        this.close();
        // uvu prints no failed total: Total - Passed - Skipped.
        this.c.failed = Math.max(0, this.total - this.c.passed - this.c.skipped);
        return this.c.result(this.runner);
    }
}

;// CONCATENATED MODULE: ./src/checks/parsers/vitest.ts
/**
 * vitest default reporter. Failure blocks: `FAIL  <file> > <describe> > <test>` (or
 * `FAIL  <file> [ <file> ]` for a file that failed to load), then the error line, diff, and a
 * `❯ file:line:col` location with a code frame. Summary: `Tests  3 failed | 9 passed (12)`.
 */


const FAIL_HEADER = /^\s*FAIL\s+(?:\|[^|]+\|\s+)?(\S.*?)\s*$/;
const SEPARATOR = /^\s*⎯{3,}/;
const vitest_TESTS_SUMMARY = /^\s*Tests\s+(.*\(\d+\))\s*$/;
const RETRY_PASS = /^\s*[✓√]\s+(.+?)\s+\(retry x\d+\)/;
class VitestParser {
    runner = 'vitest';
    ended = false;
    c;
    paths;
    current;
    awaitingMessage = false;
    inUnhandled = false;
    /**
     * Tests whose `FAIL` headers came right before the current one: vitest prints one error block
     * under several headers when they failed with the same error (a failing beforeEach).
     */
    siblings = [];
    constructor(ctx = new ParseContext()) {
        this.c = new Collector(ctx);
        this.paths = ctx.paths;
    }
    /** Each line goes to the first handler that takes it; the rest belong to the open failure. */
    push(line) {
        if (this.onFailHeader(line) || this.onSeparator(line) || this.onSummary(line))
            return;
        const retry = RETRY_PASS.exec(line)?.[1];
        if (retry)
            this.c.markFlaky(retry.trim());
        if (/^\s*Test Files\s/.test(line) || /^\s*(Start at|Duration)\s/.test(line)) {
            this.current = undefined;
            return;
        }
        if (this.onUnhandled(line) || !this.current)
            return;
        this.onFailureLine([this.current, ...this.siblings], line);
    }
    /** ` FAIL  file > suite > test` (or ` FAIL  file [ file ]` for a file that failed to load). */
    onFailHeader(line) {
        const spec = FAIL_HEADER.exec(line)?.[1];
        if (!spec || !(spec.includes(' > ') || / \[ .+ \]$/.test(spec) || /\.\w+$/.test(spec)))
            return false;
        this.startFailure(spec);
        return true;
    }
    /** `⎯⎯⎯ Failed Tests 2 ⎯⎯⎯`, `⎯⎯⎯ Unhandled Errors ⎯⎯⎯`, or the rule between two failures. */
    onSeparator(line) {
        if (!SEPARATOR.test(line))
            return false;
        this.inUnhandled = /Unhandled (Error|Rejection|Exception)\b/i.test(line);
        this.current = undefined;
        this.siblings = [];
        this.awaitingMessage = this.inUnhandled;
        return true;
    }
    /** `Tests  2 failed | 7 passed (9)`. */
    onSummary(line) {
        const summary = vitest_TESTS_SUMMARY.exec(line)?.[1];
        if (!summary)
            return false;
        this.readSummary(summary);
        this.ended = true;
        this.current = undefined;
        return true;
    }
    /** The first line of an unhandled error is a failure of its own (of the file it came from). */
    onUnhandled(line) {
        if (!this.inUnhandled || !this.awaitingMessage || line.trim() === '')
            return false;
        const origin = /originated in "([^"]+)"/.exec(line)?.[1];
        const msg = line.trim();
        this.current = this.c.fail({ id: `unhandled error: ${msg}`, message: msg, kind: 'error' });
        this.awaitingMessage = false;
        if (origin && this.current)
            this.current.file = this.paths.rel(origin);
        return true;
    }
    /** Under one or more `FAIL` headers: the error line, then frames, code frame and detail. */
    onFailureLine(group, line) {
        const t = line.trim();
        if (this.awaitingMessage) {
            if (t !== '')
                this.setMessage(group, t);
        }
        else if (/^❯ /.test(t) || /^at /.test(t)) {
            const fr = this.paths.frame(t.replace(/^❯ (?:\S+ )?/, ' at '));
            if (!fr || !(0,util/* isProjectPath */.Rw)(fr.file))
                return;
            for (const f of group) {
                addFrame(f, (0,util/* frameText */.R_)(fr));
                if (f.line === undefined && fr.file === f.file)
                    f.line = fr.line;
            }
        }
        else if (!/^\d+\|/.test(t) && !/^\|/.test(t))
            for (const f of group)
                addDetail(f, line);
    }
    setMessage(group, t) {
        for (const f of group) {
            f.message = t;
            if (/timed out in \d+ms/i.test(t))
                f.kind = 'timeout';
            else if (/^(SyntaxError|Error: Failed to (load|resolve)|Error: Cannot find)/.test(t) &&
                !f.id.includes(' > '))
                f.kind = 'load_error';
        }
        this.awaitingMessage = false;
    }
    startFailure(spec) {
        let id = spec;
        let kind = 'test';
        const load = / \[ (.+) \]$/.exec(spec);
        if (load) {
            id = spec.slice(0, load.index);
            kind = 'load_error';
        }
        const parts = id.split(' > ');
        const file = parts[0] ?? id;
        // A header right after another (no error line yet) shares the error that follows.
        const prev = this.awaitingMessage ? this.current : undefined;
        if (!prev)
            this.siblings = [];
        else if (!this.siblings.includes(prev))
            this.siblings.push(prev);
        this.current = this.c.fail({ id, file, kind });
        this.siblings = this.siblings.filter((f) => f !== this.current);
        if (parts.some((p) => /^(before|after)(All|Each)\b|hook/.test(p)) && this.current)
            this.current.kind = 'hook';
        this.awaitingMessage = true;
        this.inUnhandled = false;
    }
    readSummary(text) {
        this.c.summary = true;
        for (const m of text.matchAll(/(\d+) (failed|passed|skipped|todo)/g)) {
            const n = Number(m[1]);
            if (m[2] === 'failed')
                this.c.failed += n;
            else if (m[2] === 'passed')
                this.c.passed += n;
            else
                this.c.skipped += n;
        }
    }
    finish() {
        return this.c.result(this.runner);
    }
}

;// CONCATENATED MODULE: ./src/checks/sniff.ts
/**
 * Runner detection from log lines. Each marker is specific to one runner; `start` markers open a
 * run (a new segment when another run already ended), the others only identify the runner.
 */














const RUNNERS = [
    'vitest',
    'jest',
    'mocha',
    'node-test',
    'ava',
    'tap',
    'pytest',
    'unittest',
    'cargo',
    'go',
    'uvu',
    'junit',
    'generic',
];
const MARKERS = [
    { family: 'junit', re: /^\s*(<\?xml\b.*\?>\s*)?<testsuites?[\s>]/, start: true, first: '<' },
    { family: 'vitest', re: /^\s*RUN\s+v\d+\.\d+\.\d+/, start: true, first: 'R' },
    {
        family: 'vitest',
        re: /^\s*[✓❯×]\s+(\|[^|]+\|\s+)?\S+\.(test|spec)\.[cm]?[jt]sx?\s+\(\d+ tests?/,
        first: '✓❯×',
    },
    { family: 'vitest', re: /^\s*Test Files\s+\d+ (failed|passed)/, first: 'T' },
    { family: 'vitest', re: /^\s*⎯{3,}.*Failed Tests \d+/, first: '⎯' },
    {
        family: 'jest',
        re: /^(PASS|FAIL)\s+(\S+\s+)?\S+\.[cm]?[jt]sx?(\s+\([\d.]+ m?s\))?\s*$/,
        start: true,
        first: 'PF',
    },
    { family: 'jest', re: /^\s+● .+ › .+$/, first: '●' },
    { family: 'jest', re: /^Test Suites: \d+/, first: 'T' },
    {
        family: 'mocha',
        re: /^\s+\d+ passing \(\d+(\.\d+)?m?s\)\s*$/,
        first: '0123456789',
        has: ' passing (',
    },
    // mocha could not load a spec file and ran nothing (lib/cli/run-helpers prints this)
    { family: 'mocha', re: /^\s*Exception during run: /, start: true, first: 'E' },
    { family: 'tap', re: /^TAP version 1[34]\s*$/, start: true, first: 'T' },
    { family: 'node-spec', re: /^ℹ (tests|suites|pass|fail) \d+$/, first: 'ℹ' },
    { family: 'node-spec', re: /^\s*[✔✖]\s+.+\s+\(\d+\.\d+ms\)\s*$/, first: '✔✖', has: 'ms)' },
    { family: 'ava', re: /^\s*✘\s+\[(fail|timeout|crash)\]:\s/, first: '✘' },
    { family: 'ava', re: /^\s*✔\s+\S.*›.*\S$/, first: '✔', has: '›' },
    {
        family: 'pytest',
        re: /^=+ test session starts =+$/,
        start: true,
        first: '=',
        has: 'test session starts',
    },
    { family: 'pytest', re: /^platform \S+ -- Python \d/, first: 'p' },
    // `pytest -q` prints no session header: its section rules and bare final line identify it.
    {
        family: 'pytest',
        re: /^=+ (FAILURES|ERRORS|short test summary info) =+$/,
        first: '=',
    },
    {
        family: 'pytest',
        // Also a run of skipped tests only (`5 skipped in 0.13s`): pytest's -q final line.
        re: /^\d+ (failed|passed|errors?|skipped|xfailed|xpassed)(, \d+ [a-z]+)* in \d+\.\d+s( \([\d:.]+\))?$/,
        first: '0123456789',
        has: ' in ',
    },
    {
        family: 'unittest',
        re: /^\S+ \([\w.]+\)(?: \(.*\))? \.\.\. (ok|FAIL|ERROR|skipped)/,
        has: ') ... ',
    },
    { family: 'unittest', re: /^(FAIL|ERROR): \w+ \([\w.]+\)/, first: 'FE' },
    { family: 'unittest', re: /^Ran \d+ tests? in [\d.]+s$/, first: 'R' },
    { family: 'cargo', re: /^\s+Compiling \S+ v\d/, start: true, first: 'C' },
    { family: 'cargo', re: /^\s+Running (unittests )?\S+ \(target[\\/]/, start: true, first: 'R' },
    { family: 'cargo', re: /^running \d+ tests?$/, first: 'r' },
    { family: 'cargo', re: /^test result: (ok|FAILED)\. \d+ passed/, first: 't' },
    // uvu's per-file progress: `suite  • • ✘   (2 / 3)`
    { family: 'uvu', re: /[•✘] +\(\d+ \/ \d+\)\s*$/, has: ' / ' },
    { family: 'go', re: /^=== RUN\s+Test/, first: '=' },
    { family: 'go', re: /^\s*--- (FAIL|PASS): Test\S* \([\d.]+s\)/, first: '-' },
    { family: 'go', re: /^(ok|FAIL)\s+\S+\s+([\d.]+s|\(cached\)|\[build failed\])/, first: 'oF' },
    { family: 'go', re: /^\?\s+\S+\s+\[no test files\]/, first: '?' },
];
const byFirst = new Map();
/** Markers that can match a line starting with `ch` (cached; keeps the table's order). */
function candidates(ch) {
    let list = byFirst.get(ch);
    if (!list) {
        list = MARKERS.filter((m) => m.first === undefined || m.first.includes(ch));
        if (byFirst.size < 2000)
            byFirst.set(ch, list);
    }
    return list;
}
/** The runner a line identifies, if it carries a marker. Runs on every line, so it is gated. */
function sniffLine(line) {
    let i = 0;
    while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9))
        i++;
    if (i >= line.length)
        return undefined;
    const code = line.charCodeAt(i);
    // Keep surrogate pairs (no marker starts with one today, but stay correct).
    const first = code >= 0xd800 && code <= 0xdbff ? line.slice(i, i + 2) : line.charAt(i);
    for (const m of candidates(first)) {
        if (m.has !== undefined && !line.includes(m.has))
            continue;
        if (m.re.test(line))
            return { family: m.family, start: m.start === true };
    }
    return undefined;
}
/**
 * The parser family for a runner name as a user (or a truth file) spells it: `node --test`,
 * `cargo test`, `python unittest`, `tap (node-tap 16)`... Unknown names map to `generic`.
 */
function familyOf(runner) {
    const r = runner.toLowerCase().trim();
    if (/^node[\s-]*(--)?test|^node$/.test(r))
        return 'tap';
    if (r === 'node-spec')
        return 'node-spec';
    if (/^(python[\s-]+)?unittest/.test(r))
        return 'unittest';
    if (/^(cargo|rust|libtest)/.test(r))
        return 'cargo';
    if (/^go(\s|-|$)|^golang/.test(r))
        return 'go';
    if (/^(junit|xunit)/.test(r))
        return 'junit';
    const word = /^[a-z]+/.exec(r)?.[0] ?? '';
    return RUNNERS.includes(word) ? word : 'generic';
}
/** A forced `node-test` may be TAP or the spec reporter: leave that choice to detection. */
function isAmbiguousNodeRunner(runner) {
    return /^node[\s-]*(--)?test|^node$/.test(runner.toLowerCase().trim());
}
const PARSERS = {
    vitest: VitestParser,
    jest: JestParser,
    mocha: MochaParser,
    tap: TapParser,
    'node-spec': NodeSpecParser,
    ava: AvaParser,
    pytest: PytestParser,
    unittest: UnittestParser,
    cargo: CargoParser,
    go: GoParser,
    uvu: UvuParser,
    junit: JunitParser,
    generic: GenericParser,
};
/** A parser of `family` for one digest (`ctx` is that digest's paths and budgets). */
function createParser(family, ctx) {
    return new PARSERS[family](ctx);
}
const FAMILY_RUNNER = {
    vitest: 'vitest',
    jest: 'jest',
    mocha: 'mocha',
    tap: 'tap',
    'node-spec': 'node-test',
    ava: 'ava',
    pytest: 'pytest',
    unittest: 'unittest',
    cargo: 'cargo',
    go: 'go',
    uvu: 'uvu',
    junit: 'junit',
    generic: 'generic',
};
/**
 * The runner that produced a log (first one when several ran), from its content; `generic` when
 * nothing is recognised. TAP logs are told apart as node-test or tap by their diagnostics.
 */
function detectRunner(text) {
    const lines = text.split(/\r?\n/);
    for (const raw of lines) {
        const s = sniffLine(stripAnsi(raw));
        if (!s)
            continue;
        if (s.family === 'tap') {
            return /^\s*(duration_ms:|failureType:|# suites \d+)/m.test(text) ? 'node-test' : 'tap';
        }
        return FAMILY_RUNNER[s.family];
    }
    return 'generic';
}

;// CONCATENATED MODULE: ./src/checks/segment.ts
/**
 * Splits a log into runner segments and routes lines to parsers. Lines carrying a monorepo task
 * prefix (turbo `pkg:test: `, pnpm `packages/a test: `) are routed per prefix, so interleaved
 * packages do not mix. Within a stream, a marker of another runner (or a new run after the
 * current one ended) closes the segment. Lines seen before any runner is recognised are kept in a
 * bounded buffer and replayed into the first parser.
 */



/**
 * Task prefixes: turbo `web:test: `, pnpm `packages/web test: `, lerna --stream `@scope/web: `,
 * yarn workspaces foreach `[@scope/web]: `.
 */
const PREFIX = /^((?:@[\w.-]+\/)?[\w.-]+(?::[\w.-]+)*:test(?::[\w.-]+)*: |[\w@./-]+ test(?::[\w-]+)?: |@[\w.-]+\/[\w.-]+: |\[@?[\w./-]+\]: )/;
const MAX_STREAMS = 64;
const REPLAY_LINES = 200;
const REPLAY_LINE_CHARS = 1000;
const CRASH = /(FATAL ERROR: .*|Fatal Python error: .*|JavaScript heap out of memory|Segmentation fault( \(core dumped\))?|\bSIGSEGV\b|\bSIGKILL\b|\bSIGABRT\b|fatal runtime error: .*|Killed$|out of memory|signal: (segmentation fault|killed|aborted)|Worker (terminated|exited) unexpectedly)/i;
const MAX_CRASHES = 5;
class Stream {
    forced;
    ctx;
    current;
    replay = new RingBuffer(REPLAY_LINES);
    /**
     * What parsers closed when another runner's output began gave. One still waiting for a module
     * (a JUnit parser for the XML parser) is kept and finishes in `finish()`: a close happens
     * mid-stream, inside a synchronous line callback.
     */
    closed = [];
    constructor(forced, ctx) {
        this.forced = forced;
        this.ctx = ctx;
        if (forced)
            this.current = { family: forced, parser: createParser(forced, ctx) };
    }
    push(line) {
        if (!this.forced) {
            const s = sniffLine(line);
            if (s) {
                const cur = this.current;
                if (!cur) {
                    this.open(s.family);
                    for (const l of this.replay.toArray())
                        this.current?.parser.push(l);
                }
                else if (s.family !== cur.family || (s.start && cur.parser.ended)) {
                    this.close();
                    this.open(s.family);
                }
            }
        }
        if (this.current)
            this.current.parser.push(line);
        else
            this.replay.push(line.length > REPLAY_LINE_CHARS ? line.slice(0, REPLAY_LINE_CHARS) : line);
    }
    open(family) {
        this.current = { family, parser: createParser(family, this.ctx) };
    }
    close() {
        const parser = this.current?.parser;
        if (parser && this.closed.length < MAX_FAILURES)
            this.closed.push(parser.waiting?.() ? parser : parser.finish());
        this.current = undefined;
    }
    finish() {
        this.close();
        return this.closed.map((r) => ('finish' in r ? r.finish() : r));
    }
}
/** Routes every line of a log; keeps generic error snippets and the tail for the digest. */
class Segmenter {
    forced;
    ctx;
    streams = new Map();
    generic;
    crashes = [];
    constructor(forced, ctx) {
        this.forced = forced;
        this.ctx = ctx;
        this.generic = new GenericParser(ctx);
    }
    push(line) {
        this.generic.push(line);
        if (this.crashes.length < MAX_CRASHES) {
            const crash = CRASH.exec(line);
            const text = crash ? line.slice(crash.index).trim() : '';
            if (crash && !this.crashes.includes(text))
                this.crashes.push(text);
        }
        let key = '';
        let body = line;
        const m = this.forced ? null : PREFIX.exec(line);
        if (m && m[1]) {
            key = m[1];
            body = line.slice(m[1].length);
        }
        let stream = this.streams.get(key);
        if (!stream) {
            if (this.streams.size >= MAX_STREAMS) {
                key = '';
                body = line;
                stream = this.streams.get('');
            }
            if (!stream) {
                stream = new Stream(this.forced, this.ctx);
                this.streams.set(key, stream);
            }
        }
        stream.push(body);
    }
    finish() {
        const out = [];
        for (const s of this.streams.values())
            out.push(...s.finish());
        return out;
    }
}

;// CONCATENATED MODULE: ./src/checks/digest.ts
/**
 * The failure digest: parses a test log (streamed line by line) and renders at most `tokens`
 * tokens for the model, in priority order:
 *   1. a counts line; 2. every failing test id; 3. each failure's message (shortened evenly when
 *   ids + messages alone exceed the budget); 4. the first project stack frame with a short code
 *   excerpt read from `projectRoot`; 5. detail lines; 6. flaky tests; 7. generic error lines and
 *   the log tail (always for unrecognised logs; otherwise only when failures were missed).
 * Output is deterministic for a given log and options.
 */










const DEFAULT_TOKENS = 2000;
/** Longest line kept from a log (longer lines are cut: minified bundles, base64 dumps). */
const MAX_INPUT_LINE = 4000;
const EXCERPT_RADIUS = 2;
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?/;
const MAX_SOURCE_BYTES = 2_000_000;
function digestJson(d) {
    return {
        runner: d.runner,
        counts: { passed: d.counts.passed, failed: d.counts.failed, skipped: d.counts.skipped },
        failures: d.failures.map((f) => ({
            id: f.id,
            ...(f.file !== undefined ? { file: f.file } : {}),
            ...(f.line !== undefined ? { line: f.line } : {}),
            message: f.message,
            ...(f.kind !== undefined ? { kind: f.kind } : {}),
            ...(f.detail !== undefined ? { detail: f.detail } : {}),
        })),
        flaky: [...(d.flaky ?? [])],
        text: d.text,
        tokens: d.tokens,
    };
}
/** Incremental digest: feed raw lines (ANSI allowed), then `finish`. Memory stays bounded. */
class DigestBuilder {
    options;
    seg;
    /** This digest's own paths and budgets, shared by its parsers (JUnit reports included). */
    ctx;
    lines = 0;
    constructor(options) {
        this.options = options;
        const forced = options.runner && !isAmbiguousNodeRunner(options.runner)
            ? familyOf(options.runner)
            : undefined;
        this.ctx = new ParseContext(options.projectRoot);
        this.seg = new Segmenter(forced, this.ctx);
    }
    push(raw) {
        this.lines++;
        let line = raw.length > MAX_INPUT_LINE ? raw.slice(0, MAX_INPUT_LINE) : raw;
        if (line.includes('\r')) {
            const parts = line.split('\r').filter((p) => p !== '');
            line = parts[parts.length - 1] ?? '';
        }
        if (line.includes('\u001b') || line.includes('\u009b'))
            line = (0,strip_ansi/* default */.A)(line);
        // GitHub Actions raw logs prefix every line with an ISO timestamp.
        if (TIMESTAMP.test(line))
            line = line.replace(TIMESTAMP, '');
        this.seg.push(line);
    }
    finish(extra = []) {
        const results = extra.length > 0 ? extra : this.seg.finish();
        return render(results, this.seg, this.options);
    }
}
/**
 * Digests a log held in memory. Synchronous: a log holding JUnit XML needs `await loadXml()`
 * first (digestFile loads the XML parser itself).
 */
function digestText(text, options) {
    const b = new DigestBuilder(options);
    let start = 0;
    while (start <= text.length) {
        let end = text.indexOf('\n', start);
        if (end < 0)
            end = text.length;
        if (end > start || end < text.length)
            b.push(text.slice(start, end).replace(/\r$/, ''));
        start = end + 1;
    }
    return b.finish();
}
/** Digests a log file as a stream (readline over createReadStream); never loads it whole. */
async function digestFile(file, options) {
    const b = new DigestBuilder(options);
    await eachLine(file, (line) => b.push(line));
    const reports = await readReports(options, b.ctx);
    // A JUnit XML log holds its test cases until the XML parser has loaded.
    await xmlLoading();
    return b.finish(reports);
}
/** Calls `onLine` for every line of a file, streamed (readline 'line' events, no async iterator). */
async function eachLine(file, onLine) {
    // Small chunks: a chunk and its lines are alive while they are parsed, and whatever a young-
    // generation GC finds alive twice moves to the old generation. With 256 KB chunks a 20 MB log
    // peaked 21-52 MB above just reading it; with 16 KB, 1-5 MB (test/checks/memory.heavy.ts).
    const input = external_node_fs_default().createReadStream(file, { encoding: 'utf8', highWaterMark: 16 * 1024 });
    const rl = external_node_readline_default().createInterface({ input, crlfDelay: Infinity });
    // readline's lines are slices of its read chunk: each line gets its own copy so that what the
    // parsers keep (names, messages, buffered output) does not keep whole chunks alive.
    rl.on('line', (line) => onLine(own(line)));
    await new Promise((resolve, reject) => {
        input.once('error', reject);
        rl.once('close', resolve);
    });
}
async function readReports(options, ctx) {
    if (!options.reportGlob || !options.projectRoot)
        return [];
    const { glob } = await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(382)]).then(__webpack_require__.bind(__webpack_require__, 73382));
    const files = (await glob(options.reportGlob, { cwd: options.projectRoot, absolute: true })).sort();
    const out = [];
    if (files.length > 0)
        await loadXml();
    for (const f of files) {
        const p = new JunitParser(ctx);
        await eachLine(f, (line) => p.push(line));
        const r = p.finish();
        if (r.failures.length > 0 || r.counts.passed > 0 || r.counts.skipped > 0)
            out.push(r);
    }
    return out;
}
function merge(results) {
    const failures = [];
    const seen = new Set();
    const seenWithMessage = new Set();
    const flaky = new Set();
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const runners = [];
    let summaries = 0;
    let found = 0;
    for (const r of results) {
        if (r.failures.length === 0 &&
            r.counts.passed + r.counts.failed + r.counts.skipped === 0 &&
            r.flaky.length === 0)
            continue;
        if (!runners.includes(r.runner))
            runners.push(r.runner);
        found += 1;
        if (r.countsFromSummary)
            summaries += 1;
        counts.passed += r.counts.passed;
        counts.failed += r.counts.failed;
        counts.skipped += r.counts.skipped;
        // Segments are deduped within themselves; across segments (monorepo packages) only an
        // identical id + message is a repeat.
        for (const f of r.failures) {
            const key = `${f.id}\u0000${f.message}`;
            if (seenWithMessage.has(key))
                continue;
            seenWithMessage.add(key);
            seen.add(f.id);
            failures.push(f);
        }
        for (const id of r.flaky)
            flaky.add(id);
    }
    counts.failed = Math.max(counts.failed, failures.length);
    const known = results.length > 0 && results.every((r) => r.tests !== undefined);
    return {
        failures,
        flaky: [...flaky].filter((id) => !seen.has(id)).sort(),
        counts,
        runners,
        tests: known ? [...new Set(results.flatMap((r) => r.tests ?? []))] : undefined,
        // One run only: in a log of several (a monorepo), a cached package may print nothing.
        countsFromSummary: found === 1 && summaries === 1,
    };
}
/**
 * Crashes (OOM, segfault, killed worker) to show next to the counts, not as test failures: the
 * tests they interrupted never ran, and runners that report them (jest, go) already did.
 */
function unreported(crashes, failures) {
    return crashes
        .filter((c) => !failures.some((f) => f.message.includes(c) ||
        (f.detail ?? '').includes(c) ||
        (f.kind === 'crash' && c.includes(f.message))))
        .slice(0, 2);
}
function runnerName(options, results, runners) {
    if (options.runner && runners.length <= 1)
        return normaliseRunner(options.runner, runners[0]);
    if (runners.length > 0)
        return runners.join('+');
    // Segments that found nothing still name the runner when no segment found anything.
    const detected = [...new Set(results.map((r) => r.runner))].filter((r) => r !== 'generic');
    return detected.length > 0 ? detected.join('+') : 'generic';
}
function headerText(runner, { passed, failed, skipped }, crashes, options) {
    const exit = options.exitCode !== undefined && options.exitCode !== null
        ? `, exit code ${options.exitCode}`
        : '';
    const killed = options.timedOut ? ', killed by timeout' : '';
    return [
        `${runner}: ${failed} failed, ${passed} passed, ${skipped} skipped${exit}${killed}`,
        ...crashes.map((c) => `The test process crashed: ${c.length > 200 ? `${c.slice(0, 199)}…` : c}`),
    ].join('\n');
}
function render(results, seg, options) {
    const { failures, flaky, counts, runners, tests, countsFromSummary } = merge(results);
    const crashes = unreported(seg.crashes, failures);
    const runner = runnerName(options, results, runners);
    const genericWanted = failures.length === 0 || counts.failed > failures.length || crashes.length > 0;
    const text = layout({
        header: headerText(runner, counts, crashes, options),
        blocks: failures.map((f) => makeBlock(f, options.projectRoot)),
        flaky,
        generic: genericWanted ? seg.generic : undefined,
        genericOnly: failures.length === 0,
        budget: Math.max(1, Math.floor(options.tokens ?? DEFAULT_TOKENS)),
        tokens: (s) => (s === '' ? 0 : options.counter.count(s)),
    });
    return {
        runner,
        counts,
        failures,
        flaky,
        text: text.text,
        tokens: text.tokens,
        ...(tests ? { tests } : {}),
        ...(countsFromSummary ? { countsFromSummary } : {}),
        ...(seg.crashes.length > 0 ? { crashes: [...seg.crashes] } : {}),
    };
}
function normaliseRunner(forced, parsed) {
    const f = familyOf(forced);
    if (f === 'tap' && parsed)
        return parsed;
    if (f === 'node-spec')
        return 'node-test';
    return f;
}
function makeBlock(f, projectRoot) {
    const frame = f.frames[0] ?? (f.file && f.line !== undefined ? `${f.file}:${f.line}` : undefined);
    const excerpt = frame && projectRoot ? readExcerpt(projectRoot, frame) : [];
    const detail = (f.detail ?? '')
        .split('\n')
        .filter((l, i, a) => l !== f.message && !(l === '' && (i === 0 || a[i - 1] === '')));
    return {
        id: f.id,
        message: f.message,
        ...(frame ? { location: frame } : {}),
        excerpt,
        detail: detail.filter((l) => l.trim() !== '' || detail.length > 0),
        show: { location: false, excerpt: false, detail: 0 },
    };
}
/** A few lines around `file:line` from the project, when the file exists and is small. */
function readExcerpt(projectRoot, frame) {
    const m = /^(.*?):(\d+)(?::\d+)?$/.exec(frame);
    if (!m || !m[1])
        return [];
    const file = external_node_path_default().isAbsolute(m[1]) ? m[1] : external_node_path_default().join(projectRoot, m[1]);
    const lineNo = Number(m[2]);
    try {
        const st = external_node_fs_default().statSync(file);
        if (!st.isFile() || st.size > MAX_SOURCE_BYTES)
            return [];
        const lines = external_node_fs_default().readFileSync(file, 'utf8').split(/\r?\n/);
        const from = Math.max(1, lineNo - EXCERPT_RADIUS);
        const to = Math.min(lines.length, lineNo + EXCERPT_RADIUS);
        const out = [];
        for (let i = from; i <= to; i++) {
            const src = (lines[i - 1] ?? '').slice(0, 160);
            out.push(`${i === lineNo ? '>' : ' '} ${String(i).padStart(4)} | ${src}`);
        }
        return out;
    }
    catch {
        return [];
    }
}

// EXTERNAL MODULE: ./src/checks/compare.ts
var compare = __webpack_require__(6474);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
var promises_default = /*#__PURE__*/__webpack_require__.n(promises_);
;// CONCATENATED MODULE: ./src/checks/detect.ts
/** Finds the command that runs a project's tests, from its manifest and lock files. */


const NPM_DEFAULT_TEST = /no test specified/;
async function read(file) {
    try {
        return await promises_default().readFile(file, 'utf8');
    }
    catch {
        return undefined;
    }
}
async function exists(file) {
    try {
        await promises_default().access(file);
        return true;
    }
    catch {
        return false;
    }
}
async function nodeCommand(dir) {
    const text = await read(external_node_path_default().join(dir, 'package.json'));
    if (text === undefined)
        return undefined;
    let script;
    try {
        const pkg = JSON.parse(text);
        script = pkg.scripts?.['test'];
    }
    catch {
        return undefined;
    }
    if (typeof script !== 'string' || script.trim() === '' || NPM_DEFAULT_TEST.test(script))
        return undefined;
    const managers = [
        ['pnpm-lock.yaml', 'pnpm test'],
        ['yarn.lock', 'yarn test'],
        ['bun.lockb', 'bun run test'],
        ['bun.lock', 'bun run test'],
        ['package-lock.json', 'npm test'],
    ];
    for (const [lock, command] of managers) {
        if (await exists(external_node_path_default().join(dir, lock))) {
            return {
                command,
                reason: `package.json has a test script (${script}) and ${lock} names the package manager`,
            };
        }
    }
    return { command: 'npm test', reason: `package.json has a test script (${script})` };
}
async function pytestCommand(dir) {
    const command = 'python -m pytest';
    if (await exists(external_node_path_default().join(dir, 'pytest.ini')))
        return { command, reason: 'pytest.ini exists' };
    if (/^\[tool\.pytest/m.test((await read(external_node_path_default().join(dir, 'pyproject.toml'))) ?? ''))
        return { command, reason: 'pyproject.toml has [tool.pytest]' };
    if (/^\[tool:pytest\]/m.test((await read(external_node_path_default().join(dir, 'setup.cfg'))) ?? ''))
        return { command, reason: 'setup.cfg has [tool:pytest]' };
    if (/^\[pytest\]/m.test((await read(external_node_path_default().join(dir, 'tox.ini'))) ?? ''))
        return { command, reason: 'tox.ini has [pytest]' };
    if (await exists(external_node_path_default().join(dir, 'conftest.py')))
        return { command, reason: 'conftest.py exists' };
    return undefined;
}
const PYTEST_FILE = /^test_.*\.py$|_test\.py$/;
/**
 * pytest without configuration: test files named the way pytest collects them by default
 * (`test_*.py` or `*_test.py`, pytest's `python_files` default) at the top or in tests/ or test/.
 * Checked last, so Python files in another ecosystem's project do not take over.
 */
async function pytestFilesCommand(dir) {
    for (const sub of ['.', 'tests', 'test']) {
        try {
            const names = await promises_default().readdir(external_node_path_default().join(dir, sub));
            const where = sub === '.' ? 'the top folder' : `${sub}/`;
            if (names.some((n) => PYTEST_FILE.test(n)))
                return {
                    command: 'python -m pytest',
                    reason: `${where} holds test_*.py or *_test.py files`,
                };
        }
        catch {
            // no such folder
        }
    }
    return undefined;
}
async function makeCommand(dir) {
    for (const name of ['Makefile', 'makefile', 'GNUmakefile']) {
        const text = await read(external_node_path_default().join(dir, name));
        if (text !== undefined && /^test\s*:/m.test(text))
            return { command: 'make test', reason: `${name} has a test target` };
    }
    return undefined;
}
/**
 * The test command for a project: package.json `test` script (with the lockfile's package
 * manager), configured pytest, cargo, go, maven, gradle, a Makefile `test` target, then pytest
 * for unconfigured Python test files; undefined if none.
 */
async function detectTestCommand(projectDir) {
    const node = await nodeCommand(projectDir);
    if (node)
        return node;
    const py = await pytestCommand(projectDir);
    if (py)
        return py;
    if (await exists(external_node_path_default().join(projectDir, 'Cargo.toml')))
        return { command: 'cargo test', reason: 'Cargo.toml exists' };
    if (await exists(external_node_path_default().join(projectDir, 'go.mod')))
        return { command: 'go test ./...', reason: 'go.mod exists' };
    if (await exists(external_node_path_default().join(projectDir, 'pom.xml')))
        return { command: 'mvn -B test', reason: 'pom.xml exists' };
    for (const g of ['build.gradle', 'build.gradle.kts']) {
        if (await exists(external_node_path_default().join(projectDir, g))) {
            const wrapper = await exists(external_node_path_default().join(projectDir, 'gradlew'));
            return {
                command: wrapper ? './gradlew test' : 'gradle test',
                reason: `${g} exists${wrapper ? ' with a gradlew wrapper' : ''}`,
            };
        }
    }
    return (await makeCommand(projectDir)) ?? pytestFilesCommand(projectDir);
}

;// CONCATENATED MODULE: ./src/checks/index.ts
/** The checks module: test-log digests, run comparison, test command detection. */







/***/ }),

/***/ 38648:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gm: () => (/* binding */ ERROR_LINE),
/* harmony export */   MQ: () => (/* binding */ isTestPath),
/* harmony export */   Mq: () => (/* binding */ ProjectPaths),
/* harmony export */   R_: () => (/* binding */ frameText),
/* harmony export */   Rw: () => (/* binding */ isProjectPath)
/* harmony export */ });
/** Path and stack-frame helpers shared by the parsers (pure, no I/O). */
const CI_PREFIXES = [
    /^\/home\/runner\/work\/[^/]+\/[^/]+\//,
    /^\/github\/workspace\//,
    /^\/builds\/[^/]+\/[^/]+\//,
    /^\/__w\/[^/]+\/[^/]+\//,
    /^[A-Za-z]:[\\/]a[\\/][^\\/]+[\\/][^\\/]+[\\/]/,
    /^\/Users\/runner\/work\/[^/]+\/[^/]+\//,
];
const FOREIGN = /(^|[\\/])(node_modules|site-packages|dist-packages|\.cargo[\\/]registry|\.rustup)([\\/]|$)|^node:|^internal[\\/]|^\/rustc\/|^<|[\\/]go[\\/]src[\\/]|[\\/]go-\d[\d.]*[\\/]src[\\/]|[\\/]lib[\\/]python\d|[\\/]pkg[\\/]mod[\\/]|^\/usr\/(local\/)?lib[\\/]|hostedtoolcache|^native$|^(evalmachine|anonymous)/;
/** Whether a frame path is the project's own code (not deps, runtime or standard library). */
function isProjectPath(p) {
    if (!p || FOREIGN.test(p))
        return false;
    return /\.[A-Za-z]{1,6}$/.test(p);
}
const TEST_FILE = /(^|[\\/])(tests?|__tests__|spec|specs)[\\/]|[._-](test|spec)s?\.[cm]?[jt]sx?$|(^|[\\/])test_[^\\/]*\.py$|_test\.(py|go)$|\.test\.|\.spec\./;
function isTestPath(p) {
    return TEST_FILE.test(p);
}
const FRAME_PATTERNS = [
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
function frameText(f) {
    return f.line === undefined
        ? f.file
        : `${f.file}:${f.line}${f.col === undefined ? '' : `:${f.col}`}`;
}
const ERROR_LINE = /^(?:[\w$.]+\.)?[A-Z]?[\w$]*(?:Error|Exception|Failure|Panic|Fault)(?: \[[\w_]+\])?(?::|$)/;
/**
 * Paths as one digest sees them: absolute paths under its project root (or a CI runner's
 * checkout folder) become relative. Each digest has its own (see ParseContext), so concurrent
 * digests of different projects never share a root.
 */
class ProjectPaths {
    root;
    constructor(projectRoot) {
        this.root = projectRoot ? projectRoot.replace(/[\\/]+$/, '') : undefined;
    }
    /** Makes a path from a log relative to the project when it recognisably lives in it. */
    rel(raw) {
        let p = raw.trim().replace(/^file:\/\//, '');
        if (/^\/[A-Za-z]:[\\/]/.test(p))
            p = p.slice(1);
        const root = this.root;
        if (root && (p.startsWith(`${root}/`) || p.startsWith(`${root}\\`)))
            return p.slice(root.length + 1);
        for (const re of CI_PREFIXES) {
            const m = re.exec(p);
            if (m)
                return p.slice(m[0].length);
        }
        return p;
    }
    /** Extracts a stack frame from a line, path made project-relative. */
    frame(line) {
        for (const re of FRAME_PATTERNS) {
            const m = re.exec(line);
            if (m && m[1]) {
                const frame = { file: this.rel(m[1]) };
                if (m[2])
                    frame.line = Number(m[2]);
                if (m[3])
                    frame.col = Number(m[3]);
                return frame;
            }
        }
        return undefined;
    }
    /** A project frame from the line, if any. */
    projectFrame(line) {
        const f = this.frame(line);
        return f && isProjectPath(f.file) ? f : undefined;
    }
}


/***/ }),

/***/ 53643:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hr: () => (/* binding */ o200k),
/* harmony export */   Ut: () => (/* binding */ itemTokens),
/* harmony export */   Ym: () => (/* binding */ loadTokenizer),
/* harmony export */   i7: () => (/* binding */ ESTIMATE_FLOOR),
/* harmony export */   ih: () => (/* binding */ countTokens),
/* harmony export */   tj: () => (/* binding */ isTokenizerLoaded)
/* harmony export */ });
/* unused harmony exports TOKENIZER_CHUNK, countInChunks, estimateTokens, itemText, estimateItemsTokens */
let counter;
let loading;
/** Load the o200k tokenizer once; later calls return the same promise. */
function loadTokenizer() {
    loading ??= __webpack_require__.e(/* import() */ 359).then(__webpack_require__.bind(__webpack_require__, 15359)).then((mod) => {
        counter = (text) => countInChunks(text, mod.countTokens);
    });
    return loading;
}
/**
 * Longest text handed to the tokenizer in one call. Its byte-pair merge is quadratic in the
 * length of one pre-tokenizer piece, and a piece has no length limit (a run of one letter, of
 * punctuation, of spaces): 80,000 'Z's took 19 s, so a model answer of that kind would block
 * the event loop (and the run's deadline) for hours.
 */
const TOKENIZER_CHUNK = 4096;
/**
 * `count` summed over chunks of at most TOKENIZER_CHUNK characters, cut before a space or line
 * break where the chunk's second half has one (the pre-tokenizer mostly starts a piece there),
 * else inside the run. Each cut adds at most one token: never an undercount. On the real runner
 * logs the sum equals the whole count, or exceeds it by one.
 */
function countInChunks(text, count) {
    if (text.length <= TOKENIZER_CHUNK)
        return count(text);
    let total = 0;
    let start = 0;
    while (start < text.length) {
        let end = Math.min(start + TOKENIZER_CHUNK, text.length);
        if (end < text.length) {
            const cut = lastBreakBefore(text, end, start + TOKENIZER_CHUNK / 2);
            if (cut > start)
                end = cut;
        }
        total += count(text.slice(start, end));
        start = end;
    }
    return total;
}
/** The last index in (min, end] at which a space or line break follows a non-blank character. */
function lastBreakBefore(text, end, min) {
    for (let i = end; i > min; i--) {
        const c = text.charCodeAt(i);
        const before = text.charCodeAt(i - 1);
        const blank = (x) => isSpace(x) || isNewline(x);
        if (blank(c) && !blank(before))
            return i;
    }
    return -1;
}
function isTokenizerLoaded() {
    return counter !== undefined;
}
/** Tokens in `text`: exact once the tokenizer has loaded, `estimateTokens` before. */
function countTokens(text) {
    if (text === '')
        return 0;
    return counter ? counter(text) : estimateTokens(text);
}
/**
 * Weights of the estimate, fitted (least squares on the relative error) against o200k_base on
 * 858 pieces of 3,000 characters: the real runner logs under test/fixtures/logs/real, src/ and
 * fixture sources, the READMEs. estimate / exact over those pieces: median 1.00, 5th-95th
 * percentile 0.88-1.12, extremes 0.72 and 1.73 (test/model/tokens.test.ts checks the spread on
 * the logs). About 20 times cheaper than the tokenizer, and it needs no tables.
 */
const WEIGHT = {
    word: 1.07,
    longWordChar: 0.044,
    digits: 2.03,
    punctuation: 0.563,
    newlines: 0.514,
    spaces: 1.29,
    nonAscii: 2.27,
};
/** Lowest estimate / exact ratio seen in the calibration: `estimate / this` bounds the count. */
const ESTIMATE_FLOOR = 0.72;
const isLower = (c) => c >= 97 && c <= 122;
const isUpper = (c) => c >= 65 && c <= 90;
const isDigit = (c) => c >= 48 && c <= 57;
const isSpace = (c) => c === 32 || c === 9;
const isNewline = (c) => c === 10 || c === 13;
const isPunctuation = (c) => c > 32 && c < 127 && !isLower(c) && !isUpper(c) && !isDigit(c);
/** End of the run of characters from `i` that pass `test`. */
function runEnd(text, i, test) {
    let j = i;
    while (j < text.length && test(text.charCodeAt(j)))
        j++;
    return j;
}
/**
 * Estimated o200k tokens of `text` without the tokenizer: counts the pieces its pre-tokenizer
 * splits text into (words split at case changes, digit groups of three, punctuation runs, line
 * breaks, runs of spaces) and weighs them (see WEIGHT).
 */
function estimateTokens(text) {
    let sum = 0;
    let i = 0;
    while (i < text.length) {
        const c = text.charCodeAt(i);
        let j;
        if (isLower(c) || isUpper(c)) {
            j = runEnd(text, runEnd(text, i, isUpper), isLower);
            sum += WEIGHT.word + Math.max(0, j - i - 6) * WEIGHT.longWordChar;
        }
        else if (isDigit(c)) {
            j = runEnd(text, i, isDigit);
            sum += Math.ceil((j - i) / 3) * WEIGHT.digits;
        }
        else if (isNewline(c)) {
            j = runEnd(text, i, isNewline);
            sum += WEIGHT.newlines;
        }
        else if (isSpace(c)) {
            j = runEnd(text, i, isSpace);
            // One space joins the word after it; longer runs (indentation) are pieces of their own.
            if (j - i > 1 || j === text.length)
                sum += WEIGHT.spaces;
        }
        else if (c > 127) {
            j = i + 1;
            sum += WEIGHT.nonAscii;
        }
        else {
            j = runEnd(text, i + 1, isPunctuation);
            sum += (1 + Math.floor((j - i - 1) / 2)) * WEIGHT.punctuation;
        }
        i = j;
    }
    return Math.max(1, Math.round(sum));
}
/**
 * The o200k counter as the token-counting port, for budgets that must hold (the digest): exact
 * once the tokenizer has loaded; before (it is not on the way to the first model request), a
 * bound from the calibrated estimate.
 */
const o200k = {
    count: (text) => isTokenizerLoaded() ? countTokens(text) : Math.ceil(estimateTokens(text) / ESTIMATE_FLOOR),
};
/** Per-message framing the API adds around each item (role markers etc.). */
const ITEM_OVERHEAD = 4;
/** Tokens one conversation item adds to a request (its text plus framing). */
function itemTokens(item) {
    return ITEM_OVERHEAD + countTokens(itemText(item));
}
/** The text of one conversation item, as it is counted. */
function itemText(item) {
    switch (item.type) {
        case 'message':
            return item.text;
        case 'tool_call':
            return `${item.call.name} ${item.call.rawArgs ?? JSON.stringify(item.call.args ?? null)}`;
        case 'tool_result':
            return item.result.output;
        case 'opaque':
            return JSON.stringify(item.item);
    }
}
/**
 * Estimated prompt tokens of a request: instructions, every item and the tool
 * schemas. Opaque items (encrypted reasoning/compaction blobs) are counted by
 * their JSON size, which overestimates: safe for deciding when to compact.
 */
function estimateItemsTokens(instructions, items, tools) {
    let total = countTokens(instructions) + ITEM_OVERHEAD;
    for (const item of items)
        total += countTokens(itemText(item)) + ITEM_OVERHEAD;
    for (const tool of tools) {
        total += countTokens(`${tool.name} ${tool.description} ${JSON.stringify(tool.parameters)}`);
        total += ITEM_OVERHEAD;
    }
    return total;
}


/***/ })

};
