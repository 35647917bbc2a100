export const id = 572;
export const ids = [572];
export const modules = {

/***/ 94849:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  o4: () => (/* binding */ parseConfig),
  lP: () => (/* binding */ redactedConfig),
  ry: () => (/* binding */ splitList)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/config/types.ts
/**
 * The fields of `RunConfig` that hold credentials: the one list that reports,
 * checkpoints and logs hide. Every other setting is published as it is.
 */
const SECRET_CONFIG_FIELDS = [
    'apiKey',
    'githubToken',
];

// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __webpack_require__(64389);
// EXTERNAL MODULE: ./src/core/result.ts
var result = __webpack_require__(39294);
// EXTERNAL MODULE: ./src/core/secrets.ts
var secrets = __webpack_require__(58198);
;// CONCATENATED MODULE: ./src/config/parse.ts
/**
 * Raw inputs (from the action or the CLI) → one validated, frozen RunConfig.
 * Every bad value gets one line naming the input, the value and what is
 * allowed; all problems are reported together.
 */






const DEFAULTS = Object.fromEntries(inputs/* INPUTS */.m.map((input) => [input.name, input.default]));
/** Inputs declared in action.yml whose behaviour is not built yet: setting them fails clearly. */
const NOT_SUPPORTED_YET = [];
class Reader {
    raw;
    errors = [];
    constructor(raw) {
        this.raw = raw;
    }
    text(name) {
        const value = this.raw[name];
        if (value === undefined || value.trim() === '')
            return DEFAULTS[name].startsWith('${{') ? '' : DEFAULTS[name];
        return value.trim();
    }
    /** The value exactly as given, for error messages. */
    given(name) {
        return this.raw[name] ?? '';
    }
    fail(name, allowed) {
        this.errors.push(`Input '${name}' must be ${allowed}, got '${oneLine(this.given(name))}'.`);
    }
    integer(name, min, max) {
        const text = this.text(name);
        const value = /^[+]?\d+$/.test(text) ? Number(text) : Number.NaN;
        if (!Number.isSafeInteger(value) || value < min || value > max) {
            this.fail(name, `an integer from ${min} to ${max}`);
            return min;
        }
        return value;
    }
    number(name, min, max) {
        const text = this.text(name);
        const value = /^[+]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
        if (!Number.isFinite(value) || value < min || value > max) {
            this.fail(name, `a number from ${min} to ${max}`);
            return min;
        }
        return value;
    }
    /**
     * The spellings @actions/core's getBooleanInput accepts (the YAML 1.2 core schema's): `true`,
     * `True`, `TRUE` and the same of `false`. `yes`, `on` or `1` are refused, as the action's own
     * runtime would refuse them.
     */
    boolean(name) {
        const text = this.text(name);
        if (['true', 'True', 'TRUE'].includes(text))
            return true;
        if (['false', 'False', 'FALSE'].includes(text))
            return false;
        this.fail(name, "'true' or 'false'");
        return false;
    }
    choice(name, allowed) {
        const text = this.text(name).toLowerCase();
        if (allowed.includes(text))
            return text;
        this.fail(name, `one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
        return allowed[0];
    }
    list(name) {
        return splitList(this.text(name));
    }
}
/**
 * `pass-env`: variable names or globs (`*`, `?`); an exact name that looks like a secret must be
 * listed in `pass-secrets` too. `pass-secrets`: exact names; greenloop's own inputs and the
 * runner's internal tokens are never passed.
 */
function parsePassEnv(read) {
    const passEnv = read.list('pass-env');
    const passSecrets = read.list('pass-secrets');
    const secretsUpper = new Set(passSecrets.map((n) => n.toUpperCase()));
    for (const name of passEnv) {
        if (!/^[A-Za-z_*?][\w*?]*$/.test(name)) {
            read.errors.push(`Input 'pass-env' must list variable names or globs (letters, digits, _, * and ?), got '${oneLine(name)}'.`);
        }
        else if (!/[*?]/.test(name) && (0,secrets/* isSecretName */.eh)(name) && !secretsUpper.has(name.toUpperCase())) {
            read.errors.push(`Input 'pass-env' names '${name}', which looks like a secret: list it in 'pass-secrets' to pass it anyway (the model can then read it).`);
        }
    }
    for (const name of passSecrets) {
        if (!/^[A-Za-z_]\w*$/.test(name)) {
            read.errors.push(`Input 'pass-secrets' must list exact variable names, got '${oneLine(name)}'.`);
        }
        else if ((0,secrets/* isNeverPassed */.pC)(name)) {
            read.errors.push(`Input 'pass-secrets' cannot pass '${name}': greenloop's inputs (INPUT_*) and the runner's tokens (ACTIONS_*) never reach the tests.`);
        }
    }
    return { passEnv, passSecrets };
}
/** Splits a comma or newline separated list, dropping blanks. */
function splitList(text) {
    return text
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter((item) => item !== '');
}
function oneLine(text) {
    const flat = text.replace(/\s+/g, ' ');
    return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}
const OUTPUT_KINDS = ['artifact', 'commit', 'pull-request', 'none'];
const EFFORTS = ['low', 'medium', 'high', 'xhigh', 'none', 'minimal'];
function parseConfig(raw, environment) {
    const read = new Reader(raw);
    for (const name of NOT_SUPPORTED_YET) {
        if (read.given(name).trim() !== '')
            read.errors.push(`Input '${name}' is not supported yet.`);
    }
    const workspace = external_node_path_.resolve(environment.baseDir, read.text('working-directory'));
    if (!isInside(environment.baseDir, workspace)) {
        read.fail('working-directory', 'a folder inside the workspace');
    }
    const config = {
        workspace,
        task: read.text('task') || readTaskFile(read, workspace),
        testCommand: read.text('test-command'),
        setupCommand: read.text('setup-command'),
        testReport: read.text('test-report'),
        ...parseModel(read, environment.env),
        ...parseLimits(read),
        ...parsePublishing(read),
        ...parseWorkspaceRules(read),
        ...parseTrust(read),
        resumeFrom: read.text('resume-from'),
        resumeFromAnyBranch: read.boolean('resume-from-any-branch'),
    };
    return read.errors.length > 0 ? (0,result/* err */._)(read.errors) : (0,result.ok)(Object.freeze(config));
}
/** Which model, through which API and endpoint, at which price. */
function parseModel(read, env) {
    const model = read.text('model');
    if (model === '')
        read.fail('model', 'a model name');
    const baseUrl = read.text('base-url') || env.OPENAI_BASE_URL?.trim() || '';
    if (baseUrl !== '' && !/^https?:\/\/[^\s]+$/i.test(baseUrl)) {
        read.fail('base-url', 'an http(s) URL');
    }
    const api = read.choice('api', ['responses', 'chat']);
    const toolStyle = read.choice('tool-style', ['auto', 'native', 'function']);
    if (api === 'chat' && toolStyle === 'native') {
        read.errors.push("Input 'tool-style' must be 'auto' or 'function' with api 'chat' (native tools are a Responses API feature), got 'native'.");
    }
    return {
        model,
        reasoningEffort: read.choice('reasoning-effort', EFFORTS),
        api,
        toolStyle,
        baseUrl,
        apiKey: read.text('api-key') || env.OPENAI_API_KEY?.trim() || '',
        price: parsePrice(read),
    };
}
/** Budgets, timeouts and how the conversation is kept within the context window. */
function parseLimits(read) {
    return {
        maxIterations: read.integer('max-iterations', 1, 100),
        maxTurns: read.integer('max-turns', 1, 1000),
        maxTokens: read.integer('max-tokens', 0, 1_000_000_000),
        maxCostUsd: read.number('max-cost-usd', 0, 10_000),
        timeoutMinutes: read.integer('timeout-minutes', 1, 360),
        testTimeoutSeconds: read.integer('test-timeout-seconds', 1, 21_600),
        digestTokens: read.integer('digest-tokens', 200, 20_000),
        flakyReruns: read.integer('flaky-reruns', 0, 5),
        flakyRerunMaxSeconds: read.integer('flaky-rerun-max-seconds', 0, 21_600),
        contextWindow: read.integer('context-window', 0, 10_000_000),
        compactThreshold: read.number('compact-threshold', 0.1, 0.95),
        compaction: read.choice('compaction', [
            'auto',
            'server',
            'summary',
            'mask',
            'off',
        ]),
    };
}
/** Where the result goes: artifact, commit, pull request, comment. */
function parsePublishing(read) {
    const output = parseOutput(read);
    const branch = read.text('branch');
    if (branch !== '' && !isPlausibleBranch(branch)) {
        read.fail('branch', 'a valid git branch name');
    }
    const artifactName = read.text('artifact-name');
    if (artifactName !== '' && !/^[\w.-]{1,100}$/.test(artifactName)) {
        read.fail('artifact-name', 'empty, or letters, digits, dot, dash or underscore (1-100)');
    }
    return {
        output,
        branch,
        artifactName,
        jobMatrix: read.text('matrix'),
        // Up to 90 days on public and 400 on private repositories (GitHub docs, "Configuring the
        // retention period for GitHub Actions artifacts and logs"); the service caps it further at
        // the repository's setting.
        retentionDays: read.integer('retention-days', 0, 400),
        commitMessage: read.text('commit-message'),
        prTitle: read.text('pr-title'),
        prDraft: read.boolean('pr-draft'),
        comment: read.boolean('comment'),
    };
}
/** What the model may touch and what its commands may see. */
function parseWorkspaceRules(read) {
    return {
        protectedPaths: read.list('protected-paths'),
        allowTestEdits: read.boolean('allow-test-edits'),
        sandbox: read.choice('sandbox', ['auto', 'bwrap', 'none']),
        ...parsePassEnv(read),
        mode: read.choice('mode', ['loop', 'select']),
    };
}
/** Who may start a run, and with which token. */
function parseTrust(read) {
    const allowBots = read.list('allow-bots');
    if (allowBots.includes('*')) {
        read.errors.push(`Input 'allow-bots' must list bot logins; '*' is refused, got '${oneLine(read.given('allow-bots'))}'.`);
    }
    return {
        allowUsers: read.list('allow-users'),
        allowBots,
        allowUntrustedCode: read.boolean('allow-untrusted-code'),
        allowGreenloopBranch: read.boolean('allow-greenloop-branch'),
        githubToken: read.text('github-token'),
    };
}
function parseOutput(read) {
    const items = read.list('output').map((item) => item.toLowerCase());
    const bad = items.filter((item) => !OUTPUT_KINDS.includes(item));
    if (items.length === 0 || bad.length > 0) {
        read.fail('output', `a comma list of ${OUTPUT_KINDS.map((k) => `'${k}'`).join(', ')}`);
        return ['artifact'];
    }
    if (items.includes('none') && items.length > 1) {
        read.fail('output', "'none' alone, or a list without 'none'");
        return ['none'];
    }
    return [...new Set(items)];
}
function parsePrice(read) {
    const text = read.text('price');
    if (text === '')
        return undefined;
    const parts = text.split(',').map((part) => part.trim());
    const values = parts.map((part) => /^(\d+(\.\d*)?|\.\d+)$/.test(part) ? Number(part) : Number.NaN);
    if (values.length !== 3 || values.some((value) => !Number.isFinite(value))) {
        read.fail('price', "three numbers 'input,cached-input,output' in USD per million tokens");
        return undefined;
    }
    const [input, cachedInput, output] = values;
    return { input, cachedInput, output };
}
const MAX_TASK_BYTES = 100_000;
/** The task from `task-file` (relative to the working directory), read once here. */
function readTaskFile(read, workspace) {
    const name = read.text('task-file');
    if (name === '')
        return '';
    try {
        // Follow symlinks before checking the place, and refuse devices and FIFOs
        // (a committed symlink to /dev/zero must not hang the run).
        const file = (0,external_node_fs_.realpathSync)(external_node_path_.resolve(workspace, name));
        if (!isInside((0,external_node_fs_.realpathSync)(workspace), file))
            throw new Error('outside');
        const fd = (0,external_node_fs_.openSync)(file, external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NONBLOCK ?? 0));
        try {
            const stat = (0,external_node_fs_.fstatSync)(fd);
            if (!stat.isFile() || stat.size > MAX_TASK_BYTES)
                throw new Error('not a small file');
            const buffer = Buffer.alloc(MAX_TASK_BYTES + 1);
            const length = (0,external_node_fs_.readSync)(fd, buffer, 0, buffer.length, 0);
            if (length > MAX_TASK_BYTES)
                throw new Error('too large');
            return buffer.subarray(0, length).toString('utf8').trim();
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
    catch {
        read.fail('task-file', `a readable text file (under ${MAX_TASK_BYTES / 1000} kB) inside the working directory`);
        return '';
    }
}
function isInside(root, candidate) {
    const relative = external_node_path_.relative(external_node_path_.resolve(root), candidate);
    return relative === '' || (!relative.startsWith('..') && !external_node_path_.isAbsolute(relative));
}
/** The rules of `git check-ref-format --branch`, enough to refuse obvious junk before anything runs. */
function isPlausibleBranch(name) {
    return (/^[\w./-]+$/.test(name) &&
        !name.startsWith('/') &&
        !name.endsWith('/') &&
        !name.endsWith('.lock') &&
        !name.includes('..') &&
        !name.includes('//') &&
        !name.startsWith('-') &&
        !name.split('/').some((part) => part.startsWith('.')));
}
/** The config without secrets, for reports and checkpoints: each field of `SECRET_CONFIG_FIELDS` becomes `***` (or stays empty). */
function redactedConfig(config) {
    return (0,secrets/* redactFields */.$F)(config, SECRET_CONFIG_FIELDS);
}


/***/ }),

/***/ 39294:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ err),
/* harmony export */   ok: () => (/* binding */ ok)
/* harmony export */ });
function ok(value) {
    return { ok: true, value };
}
function err(error) {
    return { ok: false, error };
}


/***/ }),

/***/ 58198:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $F: () => (/* binding */ redactFields),
/* harmony export */   VX: () => (/* binding */ secretValues),
/* harmony export */   eh: () => (/* binding */ isSecretName),
/* harmony export */   el: () => (/* binding */ withoutUrlCredentials),
/* harmony export */   eo: () => (/* binding */ secretForms),
/* harmony export */   pC: () => (/* binding */ isNeverPassed),
/* harmony export */   pO: () => (/* binding */ Redactor)
/* harmony export */ });
/* unused harmony exports REDACTED, KNOWN_SECRET, MIN_SECRET_LENGTH, namesASecret, scanForTokenShapes */
/**
 * The one secrets module: which values are secret, the forms they take on the wire, and their
 * redaction from text and from config objects. Part of the core (it imports nothing), so every
 * layer that writes, prints or passes on something asks it.
 *
 * - Names: `isSecretName` (never passed to a child process), `namesASecret` (its value is
 *   redacted wherever it turns up), `isNeverPassed` (not even `pass-secrets` may pass it).
 * - Values: `secretValues` gathers the run's known secrets, the values of secret-named variables
 *   and of variables passed on purpose by `pass-secrets`; one minimum length for all of them.
 * - Forms: `secretForms`: base64 of `x-access-token:<token>` (git's HTTP basic auth), base64 of
 *   the secret itself, their unpadded and URL-safe variants, URL-encoded.
 * - Redaction: `Redactor` replaces those forms, then token *shapes* (`scanForTokenShapes`):
 *   credentials the run does not know about but that look like real ones (GitHub, OpenAI, AWS,
 *   JWT, Slack, npm, Google, PEM private keys), reported by kind, never by value. The patterns
 *   require the real prefixes, lengths and character sets so ordinary code ("risk-free",
 *   "sk-learn") is left alone. `redactFields` hides an explicit list of fields of an object.
 */
const REDACTED = '***';
/** Finding reported when one of the run's own secrets (or an encoded form) was replaced. */
const KNOWN_SECRET = 'a secret of this run';
/**
 * The one minimum length: a shorter value is never treated as a secret, because replacing it
 * would shred ordinary text (`true`, `enabled`, `develop` are what secret-named variables hold
 * when they are switches). Real credentials are far longer (GitHub tokens 40, OpenAI keys 50+).
 */
const MIN_SECRET_LENGTH = 8;
/**
 * Names refused even when allowed for children (or added through `allow`).
 * Tested against the upper-cased name.
 */
const DENIED = [
    /^INPUT_/,
    /^GITHUB_TOKEN$/,
    /^ACTIONS_/,
    /^GH_/,
    /_TOKEN$/,
    /TOKEN/,
    /KEY/,
    /SECRET/,
    /PASSWORD/,
    /PASSWD/,
    /CREDENTIAL/,
    /AUTH/,
    /^OPENAI_/,
    /^AWS_/,
    /^AZURE_/,
];
/** Names no input can pass: greenloop's own inputs and the runner's internal tokens. */
const NEVER = [/^INPUT_/, /^ACTIONS_/];
/** Names that say what they hold is a secret (not merely an input or a runner variable). */
const SECRET_WORDS = /TOKEN(?!S)|KEY|SECRET|PASSWORD|PASSWD|CREDENTIAL|AUTH/;
/** Whether a variable name is never passed to children (secrets, inputs, runner internals). */
function isSecretName(name) {
    const upper = name.toUpperCase();
    return DENIED.some((re) => re.test(upper));
}
/** Whether no input (not even `pass-secrets`) may pass this variable to children. */
function isNeverPassed(name) {
    const upper = name.toUpperCase();
    return NEVER.some((re) => re.test(upper));
}
/** Whether a variable's name says its value is a secret, so the value is redacted wherever it turns up. */
function namesASecret(name) {
    return SECRET_WORDS.test(name.toUpperCase());
}
/** The values to redact, trimmed, each at least `MIN_SECRET_LENGTH` long. */
function secretValues(sources) {
    const env = sources.env ?? {};
    const named = Object.entries(env)
        .filter(([name]) => namesASecret(name))
        .map(([, value]) => value);
    const passed = (sources.passSecrets ?? []).map((name) => env[name]);
    const values = [...sources.known, ...named, ...passed]
        .map((v) => (v ?? '').trim())
        .filter((v) => v.length >= MIN_SECRET_LENGTH);
    return [...new Set(values)];
}
/**
 * `value` with each of `fields` that is set replaced by `***` (an empty one stays empty): the
 * explicit list of secret fields decides, never a guess from the field's name (`maxTokens` and
 * `digestTokens` are settings, not tokens).
 */
function redactFields(value, fields) {
    const out = Object.fromEntries(Object.entries(value));
    for (const field of fields) {
        if (field in out)
            out[field] = out[field] ? REDACTED : '';
    }
    return out;
}
/** A URL without its user and password (`https://u:p@host/v1` -> `https://host/v1`); else as given. */
function withoutUrlCredentials(text) {
    try {
        const url = new URL(text);
        if (url.username === '' && url.password === '')
            return text;
        url.username = '';
        url.password = '';
        return url.href.replace(/\/$/, '');
    }
    catch {
        return text;
    }
}
function mixedAlnum(value) {
    return /[0-9]/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value);
}
const PEM_BEGIN = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----/;
const PEM_BLOCK = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----[\s\S]*?-----END \1PRIVATE KEY\2-----/g;
/** Known credential shapes, most specific first. All are global regexes. */
const TOKEN_SHAPES = [
    {
        kind: 'GitHub fine-grained token (github_pat_)',
        pattern: /\bgithub_pat_[A-Za-z0-9_]{60,255}\b/g,
    },
    { kind: 'GitHub token (ghp_)', pattern: /\bghp_[A-Za-z0-9]{36,251}\b/g },
    { kind: 'GitHub OAuth token (gho_)', pattern: /\bgho_[A-Za-z0-9]{36,251}\b/g },
    { kind: 'GitHub user-to-server token (ghu_)', pattern: /\bghu_[A-Za-z0-9]{36,251}\b/g },
    { kind: 'GitHub server-to-server token (ghs_)', pattern: /\bghs_[A-Za-z0-9]{36,251}\b/g },
    { kind: 'GitHub refresh token (ghr_)', pattern: /\bghr_[A-Za-z0-9]{36,251}\b/g },
    {
        kind: 'OpenAI project key (sk-proj-)',
        pattern: /\bsk-proj-[A-Za-z0-9_-]{32,}/g,
        accept: (m) => mixedAlnum(m.slice(8)),
    },
    {
        kind: 'API secret key (sk-)',
        pattern: /\bsk-(?:[a-z]+-)?[A-Za-z0-9_-]{32,}/g,
        accept: (m) => mixedAlnum(m.slice(3)),
    },
    { kind: 'AWS access key id', pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g },
    {
        kind: 'AWS secret access key',
        pattern: /(aws_?secret(?:_access)?(?:_key)?["']?\s*[:=]\s*["']?)([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi,
        group: 2,
    },
    {
        kind: 'JSON Web Token',
        pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
    },
    { kind: 'Slack token (xox)', pattern: /\bxox[bpars]-[A-Za-z0-9-]{10,}/g },
    { kind: 'npm token (npm_)', pattern: /\bnpm_[A-Za-z0-9]{36}\b/g },
    { kind: 'Google API key (AIza)', pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
    {
        kind: 'authorization header',
        pattern: /(authorization:\s*(?:bearer|basic|token)\s+)([A-Za-z0-9._~+/=-]{16,})/gi,
        group: 2,
    },
];
/** Replaces every known credential shape in `text` with `***` and lists the kinds found. */
function scanForTokenShapes(text) {
    const findings = new Set();
    let out = text.replace(PEM_BLOCK, (_m, type, block) => {
        findings.add('private key (PEM)');
        const suffix = block ?? '';
        return `-----BEGIN ${type}PRIVATE KEY${suffix}-----\n${REDACTED}\n-----END ${type}PRIVATE KEY${suffix}-----`;
    });
    for (const shape of TOKEN_SHAPES) {
        out = out.replace(shape.pattern, (match, ...groups) => {
            const group = shape.group ?? 0;
            const target = group === 0 ? match : String(groups[group - 1] ?? '');
            if (shape.accept && !shape.accept(target))
                return match;
            findings.add(shape.kind);
            if (group === 0)
                return REDACTED;
            const prefix = String(groups[0] ?? '');
            return prefix + REDACTED + match.slice(prefix.length + target.length);
        });
    }
    return { redacted: out, findings: [...findings] };
}
/** The forms a secret takes in logs and on the wire. */
function secretForms(secret) {
    const forms = new Set([secret]);
    const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');
    const basic = b64(`x-access-token:${secret}`);
    const plain = b64(secret);
    for (const form of [basic, plain]) {
        forms.add(form);
        forms.add(form.replace(/=+$/, ''));
        forms.add(form.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
    }
    forms.add(encodeURIComponent(secret));
    forms.add(encodeURIComponent(`x-access-token:${secret}`));
    return [...forms].filter((f) => f.length >= MIN_SECRET_LENGTH);
}
/**
 * Redacts the run's own secrets (and their derived forms) and any credential-shaped token.
 * Construct once per run with every secret; pass it to everything that writes or prints.
 */
class Redactor {
    forms;
    constructor(secrets) {
        const all = new Set();
        for (const raw of secrets) {
            if (!raw)
                continue;
            const secret = raw.trim();
            if (secret.length < MIN_SECRET_LENGTH)
                continue;
            for (const form of secretForms(secret))
                all.add(form);
            // A multi-line secret (a PEM key) can also leak one line at a time.
            for (const line of secret.split(/\r?\n/)) {
                if (line.trim().length >= MIN_SECRET_LENGTH * 2)
                    all.add(line.trim());
            }
        }
        // Longest first, so a form that contains another is replaced whole.
        this.forms = [...all].sort((a, b) => b.length - a.length);
    }
    /** Replaces exact secrets (all derived forms) only. */
    redactSecrets(text) {
        let out = text;
        for (const form of this.forms) {
            if (out.includes(form))
                out = out.split(form).join(REDACTED);
        }
        return out;
    }
    /** Exact secrets, then token shapes; also returns what kinds of token shape were found. */
    redactWithFindings(text) {
        const exact = this.redactSecrets(text);
        const scan = scanForTokenShapes(exact);
        if (exact === text)
            return scan;
        return { redacted: scan.redacted, findings: [KNOWN_SECRET, ...scan.findings] };
    }
    /** Exact secrets, then token shapes. */
    redact(text) {
        return this.redactWithFindings(text).redacted;
    }
    /**
     * Deeply redacts a JSON-able value: every string (and object key) goes through `redact`.
     * Findings are added to `findings`.
     */
    redactValue(value, findings = new Set()) {
        if (typeof value === 'string') {
            const r = this.redactWithFindings(value);
            for (const f of r.findings)
                findings.add(f);
            return r.redacted;
        }
        if (Array.isArray(value))
            return value.map((v) => this.redactValue(v, findings));
        if (value !== null && typeof value === 'object') {
            const out = {};
            for (const [k, v] of Object.entries(value)) {
                out[this.redactValue(k, findings)] = this.redactValue(v, findings);
            }
            return out;
        }
        return value;
    }
    /**
     * A line redactor for streams: like `redact` per line, but a PEM private key block that spans
     * lines is swallowed from its BEGIN line to its END line.
     */
    lineRedactor() {
        let inPem = false;
        return (line) => {
            if (inPem) {
                if (/-----END (?:[A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----/.test(line)) {
                    inPem = false;
                    return { line: `${REDACTED}\n${line.replace(/^.*?(-----END)/, '$1')}`, findings: [] };
                }
                return { line: undefined, findings: [] };
            }
            const r = this.redactWithFindings(line);
            const begin = PEM_BEGIN.exec(r.redacted);
            if (begin && !/-----END (?:[A-Z0-9]+ )*PRIVATE KEY/.test(r.redacted.slice(begin.index))) {
                inPem = true;
                const kept = r.redacted.slice(0, begin.index + begin[0].length);
                return { line: kept, findings: [...new Set([...r.findings, 'private key (PEM)'])] };
            }
            return { line: r.redacted, findings: r.findings };
        };
    }
}


/***/ }),

/***/ 96357:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  QF: () => (/* binding */ applyPatchOperation),
  U$: () => (/* binding */ applyPatchText),
  Tc: () => (/* binding */ applyShellPatch),
  EA: () => (/* reexport */ patchFromCommand),
  wh: () => (/* binding */ patchMessage)
});

// UNUSED EXPORTS: ALL_STRATEGIES, DEFAULT_MAX_FILE_BYTES, EXACT_ONLY, PatchParseError, applyPatch, detectShape, parseOperation, parsePatch

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/core/result.ts
var result = __webpack_require__(39294);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/workspace/types.ts
var types = __webpack_require__(74516);
;// CONCATENATED MODULE: ./src/tools/patch/apply.ts
/**
 * Patch applier: takes parsed `PatchOp`s, locates every hunk of every file against the files as
 * they are (nothing written), builds the new contents, then writes them all. All or nothing: when
 * any hunk cannot be placed nothing is written; when a write fails midway, the files already
 * written are restored.
 *
 * Hunk matching tries, in order: exact, ignoring trailing whitespace, ignoring leading and
 * trailing whitespace, and with typographic punctuation normalised. Between several candidates it
 * prefers those after the previous hunk, then the `@@ <context>` line, then line-number hints;
 * when a hunk still matches several places equally well it is refused, never guessed.
 */





const ALL_STRATEGIES = ['exact', 'trimEnd', 'trim', 'punctuation'];
const EXACT_ONLY = (/* unused pure expression or super */ null && (['exact']));
const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;
/** A problem the model can fix by changing its patch. */
class PatchRejected extends Error {
    name = 'PatchRejected';
}
const BOM = '\uFEFF';
function decode(buf) {
    let s = buf.toString('utf8');
    const bom = s.startsWith(BOM);
    if (bom)
        s = s.slice(1);
    const lines = [];
    const eols = [];
    let crlf = 0;
    let lf = 0;
    let start = 0;
    for (;;) {
        const i = s.indexOf('\n', start);
        if (i < 0)
            break;
        if (i > start && s.charCodeAt(i - 1) === 13) {
            lines.push(s.slice(start, i - 1));
            eols.push('\r\n');
            crlf++;
        }
        else {
            lines.push(s.slice(start, i));
            eols.push('\n');
            lf++;
        }
        start = i + 1;
    }
    if (start < s.length) {
        lines.push(s.slice(start));
        eols.push('');
    }
    const finalNewline = lines.length === 0 || eols[eols.length - 1] !== '';
    return { bom, lines, eols, eol: crlf > lf ? '\r\n' : '\n', finalNewline };
}
function encode(ft) {
    const parts = [];
    const n = ft.lines.length;
    for (let i = 0; i < n; i++) {
        let eol = ft.eols[i] || ft.eol;
        if (i === n - 1 && !ft.finalNewline)
            eol = '';
        parts.push(ft.lines[i] + eol);
    }
    return Buffer.from((ft.bom ? BOM : '') + parts.join(''), 'utf8');
}
// ---------------------------------------------------------------------------------------------
// Normalisation
const PUNCTUATION = {
    '\u2018': "'",
    '\u2019': "'",
    '\u201A': "'",
    '\u201B': "'",
    '\u2032': "'",
    '\u201C': '"',
    '\u201D': '"',
    '\u201E': '"',
    '\u201F': '"',
    '\u2033': '"',
    '\u00AB': '"',
    '\u00BB': '"',
    '\u2010': '-',
    '\u2011': '-',
    '\u2012': '-',
    '\u2013': '-',
    '\u2014': '-',
    '\u2015': '-',
    '\u2212': '-',
    '\u2026': '...',
};
const PUNCTUATION_RE = /[\u2018\u2019\u201A\u201B\u2032\u201C-\u201F\u2033\u00AB\u00BB\u2010-\u2015\u2212\u2026]/g;
const UNICODE_SPACES_RE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\u200B\uFEFF]/g;
function normalisePunctuation(s) {
    return s
        .replace(PUNCTUATION_RE, (c) => PUNCTUATION[c] ?? c)
        .replace(UNICODE_SPACES_RE, ' ')
        .replace(/[ \t]+/g, ' ')
        .trim();
}
const NORMALISERS = {
    exact: (s) => s,
    trimEnd: (s) => s.trimEnd(),
    trim: (s) => s.trim(),
    punctuation: normalisePunctuation,
};
function oldLines(h) {
    return h.lines.filter((l) => l.op !== '+').map((l) => l.text);
}
function describeHunk(file, index, h) {
    const first = h.lines.find((l) => l.op !== '+') ?? h.lines[0];
    const firstText = first ? `'${clip(first.text)}'` : '(empty)';
    return `'${file}' hunk ${index + 1} (first old line ${firstText})`;
}
function clip(s, max = 80) {
    return s.length > max ? `${s.slice(0, max - 3)}...` : s;
}
class Locator {
    lines;
    strategies;
    cache = new Map();
    constructor(lines, strategies) {
        this.lines = lines;
        this.strategies = strategies;
    }
    normalised(s) {
        let v = this.cache.get(s);
        if (!v) {
            v = this.lines.map(NORMALISERS[s]);
            this.cache.set(s, v);
        }
        return v;
    }
    /** All positions where `old` matches with the first strategy that finds any. */
    find(old, endOfFile) {
        const n = this.lines.length;
        for (const s of this.strategies) {
            const norm = NORMALISERS[s];
            const want = old.map(norm);
            const have = this.normalised(s);
            const positions = [];
            const m = want.length;
            for (let p = 0; p + m <= n; p++) {
                let ok = true;
                for (let i = 0; i < m; i++) {
                    if (have[p + i] !== want[i]) {
                        ok = false;
                        break;
                    }
                }
                if (ok)
                    positions.push(p);
            }
            const fitting = endOfFile ? positions.filter((p) => this.endsFile(p + m)) : positions;
            if (fitting.length > 0)
                return { positions: fitting, strategy: s };
        }
        return { positions: [], strategy: 'exact' };
    }
    /** Whether everything from `end` on is blank (the hunk reaches the end of the file). */
    endsFile(end) {
        for (let i = end; i < this.lines.length; i++)
            if (this.lines[i].trim() !== '')
                return false;
        return true;
    }
    /** Lines equal to the `@@` context line (loosely compared; a long context may be a prefix). */
    contextPositions(context) {
        const want = normalisePunctuation(context);
        const have = this.normalised('punctuation');
        const out = [];
        if (want === '')
            return out;
        for (let i = 0; i < have.length; i++) {
            const h = have[i];
            if (h === want || (want.length >= 8 && h.startsWith(want)))
                out.push(i);
        }
        return out;
    }
    /** The window most similar to `old`, as numbered lines for an error message. */
    closest(old) {
        const n = this.lines.length;
        if (n === 0)
            return 'The file is empty.';
        const k = Math.min(old.length, 6);
        if (k === 0)
            return '';
        const budget = 200_000;
        const limit = Math.min(n, Math.max(1, Math.floor(budget / k)));
        const want = old.slice(0, k).map((s) => bigrams(normalisePunctuation(s)));
        const haveCache = new Map();
        const have = (i) => {
            let v = haveCache.get(i);
            if (!v) {
                v = bigrams(normalisePunctuation(this.lines[i] ?? ''));
                haveCache.set(i, v);
            }
            return v;
        };
        let best = 0;
        let bestScore = -1;
        for (let p = 0; p < limit; p++) {
            let score = 0;
            for (let i = 0; i < k && p + i < n; i++)
                score += dice(want[i], have(p + i));
            if (score > bestScore) {
                bestScore = score;
                best = p;
            }
        }
        const show = Math.min(Math.max(old.length, 5), 8);
        const from = Math.max(0, Math.min(best, n - show));
        const to = Math.min(n, from + show);
        const width = String(to).length;
        const body = this.lines
            .slice(from, to)
            .map((l, i) => `${String(from + i + 1).padStart(width)} | ${clip(l, 160)}`)
            .join('\n');
        return `Closest lines in the file (lines ${from + 1}-${to}):\n${body}`;
    }
}
function bigrams(s) {
    const m = new Map();
    const t = s.length < 2 ? ` ${s} ` : s;
    for (let i = 0; i + 1 < t.length; i++) {
        const g = t.slice(i, i + 2);
        m.set(g, (m.get(g) ?? 0) + 1);
    }
    return m;
}
function dice(a, b) {
    let total = 0;
    let common = 0;
    for (const v of a.values())
        total += v;
    for (const v of b.values())
        total += v;
    if (total === 0)
        return 1;
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    for (const [g, v] of small)
        common += Math.min(v, large.get(g) ?? 0);
    return (2 * common) / total;
}
function withoutTrailingBlankContext(h) {
    let end = h.lines.length;
    while (end > 0 && h.lines[end - 1].op === ' ' && h.lines[end - 1].text.trim() === '')
        end--;
    if (end === h.lines.length || !h.lines.slice(0, end).some((l) => l.op !== '+'))
        return undefined;
    return { ...h, lines: h.lines.slice(0, end) };
}
function placeHunks(file, lines, hunks, strategies) {
    const loc = new Locator(lines, strategies);
    const placements = [];
    const keys = hunks.map((h) => oldLines(h).join('\n'));
    let cursor = 0;
    hunks.forEach((original, index) => {
        const what = describeHunk(file, index, original);
        if (oldLines(original).length === 0) {
            const start = insertionPoint(file, index, original, loc, lines.length, cursor);
            placements.push({ start, oldLen: 0, hunk: original, strategy: 'exact', index });
            cursor = start;
            return;
        }
        const { hunk, positions, strategy } = findHunk(loc, original, what);
        const old = oldLines(hunk);
        // Identical hunks still to come can take the candidates in order.
        let sameAhead = 0;
        for (let j = index; j < hunks.length; j++)
            if (keys[j] === keys[index])
                sameAhead++;
        const start = choose(positions, cursor, hunk, loc, sameAhead);
        if (start === undefined) {
            const fwd = positions.filter((p) => p >= cursor);
            const shown = (fwd.length > 1 ? fwd : positions).map((p) => p + 1);
            throw new PatchRejected(`${what} matches ${shown.length} places (lines ${shown.slice(0, 10).join(', ')}): add more context lines or an '@@ <line>' header naming the enclosing function or class.`);
        }
        placements.push({ start, oldLen: old.length, hunk, strategy, index });
        cursor = start + old.length;
    });
    return inFileOrder(file, placements);
}
/**
 * Where a hunk's old lines are, by the first strategy that finds any. A trailing blank context
 * line often stands for the end of the file: without a match, the hunk is retried without it.
 */
function findHunk(loc, hunk, what) {
    const found = loc.find(oldLines(hunk), hunk.endOfFile);
    if (found.positions.length > 0)
        return { hunk, ...found };
    const trimmed = withoutTrailingBlankContext(hunk);
    if (trimmed) {
        const again = loc.find(oldLines(trimmed), hunk.endOfFile);
        if (again.positions.length > 0)
            return { hunk: trimmed, ...again };
    }
    const where = hunk.endOfFile ? ' at the end of the file' : '';
    throw new PatchRejected(`${what} was not found${where}. Copy the old lines exactly from the file.\n${loc.closest(oldLines(hunk))}`);
}
/** The placements sorted by line, refused when two overlap. */
function inFileOrder(file, placements) {
    const sorted = [...placements].sort((a, b) => a.start - b.start || a.index - b.index);
    for (let i = 1; i < sorted.length; i++) {
        const a = sorted[i - 1];
        const b = sorted[i];
        if (b.start < a.start + a.oldLen) {
            throw new PatchRejected(`'${file}' hunks ${a.index + 1} and ${b.index + 1} overlap (lines ${a.start + 1} and ${b.start + 1}): merge them into one hunk.`);
        }
    }
    return sorted;
}
function choose(positions, cursor, hunk, loc, sameAhead) {
    let cands = [...positions];
    const fwd = cands.filter((p) => p >= cursor);
    if (fwd.length > 0)
        cands = fwd;
    if (cands.length === 1)
        return cands[0];
    if (hunk.context !== undefined) {
        // For each place the context line occurs, the first candidate at or after it.
        const picked = new Set();
        for (const c of loc.contextPositions(hunk.context)) {
            const next = cands.find((p) => p >= c);
            if (next !== undefined)
                picked.add(next);
        }
        if (picked.size > 0)
            cands = [...picked].sort((a, b) => a - b);
        if (cands.length === 1)
            return cands[0];
    }
    if (hunk.lineHint !== undefined) {
        const target = hunk.lineHint - 1;
        const byDistance = [...cands].sort((a, b) => Math.abs(a - target) - Math.abs(b - target));
        const d0 = Math.abs(byDistance[0] - target);
        const d1 = Math.abs(byDistance[1] - target);
        if (d0 * 2 < d1)
            return byDistance[0];
    }
    if (sameAhead === cands.length)
        return cands[0];
    return undefined;
}
function insertionPoint(file, index, hunk, loc, n, cursor) {
    if (hunk.lineHint !== undefined)
        return Math.max(0, Math.min(n, hunk.lineHint - 1));
    if (hunk.context !== undefined) {
        const all = loc.contextPositions(hunk.context);
        const fwd = all.filter((p) => p >= cursor);
        const cands = fwd.length > 0 ? fwd : all;
        if (cands.length === 1)
            return cands[0] + 1;
        const what = `'${file}' hunk ${index + 1} (only '+' lines, after '@@ ${clip(hunk.context)}')`;
        if (cands.length === 0) {
            throw new PatchRejected(`${what}: the '@@' line was not found. ${loc.closest([hunk.context])}`);
        }
        throw new PatchRejected(`${what}: the '@@' line matches ${cands.length} places (lines ${cands
            .slice(0, 10)
            .map((p) => p + 1)
            .join(', ')}): add context lines around the insertion.`);
    }
    return n;
}
/** When matched ignoring indentation, re-indent added lines by the same consistent shift. */
function indentShift(fileLines, start, hunk) {
    const leading = (s) => /^[ \t]*/.exec(s)[0];
    let add;
    let remove;
    let k = start;
    for (const l of hunk.lines) {
        if (l.op === '+')
            continue;
        const actual = fileLines[k++];
        if (l.text.trim() === '')
            continue;
        const fileWs = leading(actual);
        const patchWs = leading(l.text);
        if (add === undefined && remove === undefined) {
            if (fileWs.endsWith(patchWs))
                add = fileWs.slice(0, fileWs.length - patchWs.length);
            else if (patchWs.endsWith(fileWs))
                remove = patchWs.slice(0, patchWs.length - fileWs.length);
            else
                return undefined;
        }
        if (add !== undefined && fileWs !== add + patchWs)
            return undefined;
        if (remove !== undefined && remove + fileWs !== patchWs)
            return undefined;
    }
    if (add) {
        const a = add;
        return (s) => (s.trim() === '' ? s : a + s);
    }
    if (remove) {
        const r = remove;
        return (s) => (s.startsWith(r) ? s.slice(r.length) : s);
    }
    return undefined;
}
/** Applies the hunks of one update to a file's text. Throws PatchRejected. */
function applyHunks(file, ft, hunks, strategies, finalNewline) {
    const placements = placeHunks(file, ft.lines, hunks, strategies);
    const lines = [];
    const eols = [];
    let idx = 0;
    for (const p of placements) {
        for (; idx < p.start; idx++) {
            lines.push(ft.lines[idx]);
            eols.push(ft.eols[idx]);
        }
        const shift = p.strategy === 'trim' || p.strategy === 'punctuation'
            ? indentShift(ft.lines, p.start, p.hunk)
            : undefined;
        let k = p.start;
        for (const l of p.hunk.lines) {
            if (l.op === ' ') {
                lines.push(ft.lines[k]);
                eols.push(ft.eols[k]);
                k++;
            }
            else if (l.op === '-') {
                k++;
            }
            else {
                lines.push(shift ? shift(l.text) : l.text);
                eols.push(ft.eol);
            }
        }
        idx = p.start + p.oldLen;
    }
    for (; idx < ft.lines.length; idx++) {
        lines.push(ft.lines[idx]);
        eols.push(ft.eols[idx]);
    }
    const keepFinal = ft.lines.length === 0 ? true : ft.finalNewline;
    return { ...ft, lines, eols, finalNewline: finalNewline ?? keepFinal };
}
class Plan {
    maxFileBytes;
    entries = new Map();
    constructor(maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }
    /** `sizeLimit`: refuse files over the limit (not needed to delete a file). */
    async entry(abs, shown, sizeLimit = true) {
        const known = this.entries.get(abs);
        if (known)
            return known;
        let original = null;
        let mode;
        try {
            const st = await promises_.stat(abs);
            if (st.isDirectory())
                throw new PatchRejected(`'${shown}' is a directory, not a file.`);
            if (!st.isFile())
                throw new PatchRejected(`'${shown}' is not a regular file.`);
            if (sizeLimit && st.size > this.maxFileBytes) {
                throw new PatchRejected(`'${shown}' is too large to patch (${st.size} bytes, limit ${this.maxFileBytes}); edit it with a shell command instead.`);
            }
            original = await promises_.readFile(abs);
            mode = st.mode & 0o7777;
        }
        catch (e) {
            if (!isNotFound(e))
                throw e;
        }
        const entry = { abs, original, originalMode: mode, current: original, mode };
        this.entries.set(abs, entry);
        return entry;
    }
}
function isNotFound(e) {
    const code = e?.code;
    return code === 'ENOENT' || code === 'ENOTDIR';
}
function textOf(e, shown) {
    const buf = e.current;
    if (buf.includes(0)) {
        throw new PatchRejected(`'${shown}' is a binary file (it contains NUL bytes); the patch tool edits text files only.`);
    }
    return decode(buf);
}
function resolvePath(guard, p) {
    try {
        return guard.resolve(p, 'write');
    }
    catch (e) {
        if (e instanceof types/* PathRefusedError */.E || (e instanceof Error && e.name === 'PathRefusedError')) {
            throw new PatchRejected(`${e.message}. Use a path inside the workspace (not under .git/).`);
        }
        throw e;
    }
}
/** Applies parsed ops, all or nothing. Problems the model can fix come back as `ok: false`. */
async function applyPatch(ops, guard, options = {}) {
    if (ops.length === 0)
        return (0,result/* err */._)('The patch contains no file operations.');
    const strategies = options.strategies?.length ? options.strategies : ALL_STRATEGIES;
    const plan = new Plan(options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    const changes = { added: [], modified: [], deleted: [], moved: [] };
    try {
        await planOps(ops, { guard, plan, strategies, changes });
    }
    catch (e) {
        if (e instanceof PatchRejected)
            return (0,result/* err */._)(`Patch not applied (no files were changed): ${e.message}`);
        throw e;
    }
    try {
        await write(plan);
    }
    catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        return (0,result/* err */._)(`Patch not applied (no files were changed): writing failed: ${why}`);
    }
    return (0,result.ok)(applied(changes));
}
/** Locates every op against the files as they are and records the new contents in the plan. */
async function planOps(ops, planning) {
    const { guard, plan, changes } = planning;
    // Resolve every path first so a refused path fails before any reading.
    const resolved = ops.map((op) => ({
        abs: resolvePath(guard, op.path),
        to: op.kind === 'update' && op.moveTo !== undefined ? resolvePath(guard, op.moveTo) : undefined,
    }));
    for (const [i, op] of ops.entries()) {
        const { abs, to } = resolved[i];
        const shown = guard.relative(abs);
        const e = await plan.entry(abs, shown, op.kind !== 'delete');
        if (op.kind === 'add') {
            if (e.current !== null) {
                throw new PatchRejected(`Cannot add '${shown}': it already exists. Use '*** Update File: ${shown}' to change it.`);
            }
            e.current = Buffer.from(op.content, 'utf8');
            changes.added.push(shown);
        }
        else if (op.kind === 'delete') {
            if (e.current === null)
                throw new PatchRejected(`Cannot delete '${shown}': file does not exist.`);
            e.current = null;
            changes.deleted.push(shown);
        }
        else {
            await planUpdate(op, e, shown, to !== abs ? to : undefined, planning);
        }
    }
}
/** An update: its hunks placed in the file's current text, then kept in place or moved. */
async function planUpdate(op, e, shown, moveTo, at) {
    if (e.current === null) {
        throw new PatchRejected(`Cannot update '${shown}': file does not exist. Use '*** Add File: ${shown}' to create it.`);
    }
    const next = op.hunks.length > 0
        ? encode(applyHunks(shown, textOf(e, shown), op.hunks, at.strategies, op.finalNewline))
        : e.current;
    if (moveTo === undefined) {
        e.current = next;
        at.changes.modified.push(shown);
        return;
    }
    const target = at.guard.relative(moveTo);
    const t = await at.plan.entry(moveTo, target);
    if (t.current !== null)
        throw new PatchRejected(`Cannot move '${shown}' to '${target}': '${target}' already exists.`);
    t.current = next;
    t.mode = e.mode;
    e.current = null;
    at.changes.moved.push({ from: shown, to: target });
}
/** The result the model reads: the changed paths, each once, and one line per change. */
function applied(changes) {
    const lines = [
        ...changes.added.map((p) => `A ${p}`),
        ...changes.modified.map((p) => `M ${p}`),
        ...changes.deleted.map((p) => `D ${p}`),
        ...changes.moved.map((m) => `R ${m.from} -> ${m.to}`),
    ];
    return {
        added: unique(changes.added),
        modified: unique(changes.modified),
        deleted: unique(changes.deleted),
        moved: changes.moved,
        message: `Applied patch:\n${unique(lines).join('\n')}`,
    };
}
function unique(xs) {
    return [...new Set(xs)];
}
/** Writes the plan: removals are renamed aside first, then contents written; undone on failure. */
async function write(plan) {
    const undo = [];
    const backups = [];
    try {
        for (const e of plan.entries.values()) {
            if (e.original !== null && e.current === null) {
                const bak = `${e.abs}.greenloop-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.bak`;
                await promises_.rename(e.abs, bak);
                backups.push(bak);
                undo.push(() => promises_.rename(bak, e.abs));
            }
        }
        for (const e of plan.entries.values()) {
            if (e.current === null)
                continue;
            if (e.original !== null && e.original.equals(e.current) && e.mode === e.originalMode)
                continue;
            const dir = external_node_path_.dirname(e.abs);
            const created = await promises_.mkdir(dir, { recursive: true });
            if (created !== undefined)
                undo.push(() => promises_.rm(created, { recursive: true, force: true }));
            if (e.original === null) {
                undo.push(() => promises_.rm(e.abs, { force: true }));
                await promises_.writeFile(e.abs, e.current, { flag: 'wx' });
            }
            else {
                const orig = e.original;
                undo.push(async () => {
                    await promises_.writeFile(e.abs, orig);
                    if (e.originalMode !== undefined)
                        await promises_.chmod(e.abs, e.originalMode);
                });
                await promises_.writeFile(e.abs, e.current);
            }
            if (e.mode !== undefined && process.platform !== 'win32')
                await promises_.chmod(e.abs, e.mode);
        }
    }
    catch (err) {
        for (const u of undo.reverse()) {
            try {
                await u();
            }
            catch {
                // best effort: keep undoing the rest
            }
        }
        throw err;
    }
    for (const b of backups)
        await promises_.rm(b, { force: true });
}

;// CONCATENATED MODULE: ./src/tools/patch/parse.ts
/**
 * Patch parser: text in, typed operations out. Pure, no I/O.
 *
 * One output type (`PatchOp[]`) for three input shapes, detected by `parsePatch`:
 *
 * 1. The Codex envelope (V4A):
 *
 *      patch    := '*** Begin Patch' NL fileop* ('*** End Patch' NL?)?
 *      fileop   := add | delete | update
 *      add      := '*** Add File: ' path NL ('+' text NL)*
 *      delete   := '*** Delete File: ' path NL
 *      update   := '*** Update File: ' path NL ('*** Move to: ' path NL)? hunk*
 *      hunk     := header? line+ ('*** End of File' NL)?
 *      header   := '@@' | '@@ ' context-line | '@@ -l,n +l,n @@' section?
 *      line     := ' ' text | '-' text | '+' text | '' (an empty context line)
 *
 *    Only the first hunk of a file may omit its header. Lenient where harmless: a missing
 *    `*** End Patch` (or `*** Begin Patch` when the first line is a file header), blank lines
 *    around the patch, a patch wrapped in ``` fences or in a heredoc (`apply_patch <<'EOF' … EOF`),
 *    blank lines inside hunks (empty context lines; trailing ones at the end of a hunk are dropped),
 *    and whitespace around the markers and file headers (`  *** Update File: a.py  `) wherever a
 *    file header is expected. Codex's own parser (codex-rs/apply-patch/src/parser.rs, "lenient
 *    mode") accepts the same padding, so models trained on it write it. Inside a hunk a padded
 *    header is a context line, as there: a line ' *** Update File: x' may be the file's own text.
 *
 * 2. The Responses API's per-file operation `{ type: 'create_file'|'update_file'|'delete_file',
 *    path, diff }` (see `parseOperation`): `diff` is the hunk grammar above without the envelope
 *    and file headers; for create_file it is '+' lines.
 *
 * 3. A unified diff (git or plain):
 *
 *      udiff    := (junk* file)+
 *      file     := ('diff --git a/x b/y' NL extended*)? ('--- ' old NL '+++ ' new NL hunk*)?
 *      extended := 'new file mode' | 'deleted file mode' | 'rename from x' | 'rename to y' | 'index …' | …
 *      hunk     := '@@ -a[,b] +c[,d] @@' section? NL (' ' | '-' | '+' text NL | '\ No newline…' NL)*
 *
 *    '/dev/null' marks adds and deletes; 'a/' and 'b/' prefixes are removed; hunk counts are used
 *    to find where a hunk ends and tolerated when wrong.
 *
 * Errors are `PatchParseError`s whose message starts with `line N:` and says what was expected.
 */
const BEGIN_PATCH = '*** Begin Patch';
const END_PATCH = '*** End Patch';
const ADD_FILE = '*** Add File: ';
const DELETE_FILE = '*** Delete File: ';
const UPDATE_FILE = '*** Update File: ';
const MOVE_TO = '*** Move to: ';
const END_OF_FILE = '*** End of File';
const HUNK_HEADER = '@@';
const FENCE = '```';
const DIFF_GIT = 'diff --git ';
const UNIFIED_OLD = '--- ';
const UNIFIED_NEW = '+++ ';
const DEV_NULL = '/dev/null';
const NO_NEWLINE = '\\';
const RENAME_FROM = 'rename from ';
const RENAME_TO = 'rename to ';
const BINARY_FILES = 'Binary files ';
const GIT_BINARY_PATCH = 'GIT binary patch';
class PatchParseError extends Error {
    line;
    detail;
    name = 'PatchParseError';
    constructor(
    /** 1-based line in the text given to the parser (0 when not tied to a line). */
    line, detail) {
        super(line > 0 ? `line ${line}: ${detail}` : detail);
        this.line = line;
        this.detail = detail;
    }
    static isPatchParseError(e) {
        return e instanceof PatchParseError;
    }
}
const UNIFIED_RANGE = /^@@+ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@+ ?(.*)$/;
const HEREDOC_START = /^(?:[\w./-]+\s+)*<<-?\s*['"]?(\w+)['"]?\s*$/;
/** Parses a patch in any supported text shape. Throws PatchParseError. */
function parsePatch(text) {
    const lines = unwrap(toLines(text));
    const shape = detectShape(lines);
    if (shape === 'unified')
        return parseUnified(lines);
    return parseEnvelope(lines);
}
/** Which shape `parsePatch` will read the text as. */
function detectShape(lines) {
    const ls = typeof lines === 'string' ? unwrap(toLines(lines)) : lines;
    for (const l of ls) {
        if (l.text.trim() === '')
            continue;
        if (l.text.trimStart().startsWith('*** '))
            return 'envelope';
        if (l.text.startsWith(DIFF_GIT))
            return 'unified';
        if (l.text.startsWith(UNIFIED_OLD) || l.text.startsWith(UNIFIED_NEW))
            return 'unified';
        if (UNIFIED_RANGE.test(l.text))
            return 'unified';
        if (l.text.startsWith(HUNK_HEADER))
            return 'hunks';
        // Free text before a unified diff (a commit message, `index` lines) is allowed.
        if (ls.some((x) => x.text.startsWith(DIFF_GIT) || x.text.startsWith(UNIFIED_OLD)))
            return 'unified';
        return 'envelope';
    }
    return 'envelope';
}
/** Parses one native Responses API operation. Throws PatchParseError. */
function parseOperation(op) {
    if (typeof op.path !== 'string' || op.path.trim() === '') {
        throw new PatchParseError(0, `operation needs a non-empty 'path'`);
    }
    const path = op.path.trim();
    switch (op.type) {
        case 'delete_file':
            return { kind: 'delete', path };
        case 'create_file': {
            const lines = unwrap(toLines(op.diff ?? ''));
            const body = trimBlankEdges(lines);
            const out = [];
            for (const l of body) {
                if (l.text.startsWith('+'))
                    out.push(l.text.slice(1));
                else if (l.text === '')
                    out.push('');
                else
                    throw new PatchParseError(l.n, `create_file diff lines must start with '+', got ${quote(l.text)}`);
            }
            return { kind: 'add', path, content: out.length === 0 ? '' : out.join('\n') + '\n' };
        }
        case 'update_file': {
            const lines = trimBlankEdges(unwrap(toLines(op.diff ?? '')));
            if (lines.length === 0)
                throw new PatchParseError(0, `update_file for '${path}' has an empty diff`);
            const cur = new Cursor(lines);
            const hunks = parseHunks(cur, path, true);
            if (!cur.done()) {
                const l = cur.peek();
                throw new PatchParseError(l?.n ?? 0, `expected a hunk line (' ', '-', '+'), '@@' or '${END_OF_FILE}', got ${quote(l?.text ?? '')}`);
            }
            if (hunks.length === 0)
                throw new PatchParseError(0, `update_file for '${path}' has no hunks`);
            return { kind: 'update', path, hunks };
        }
        default:
            throw new PatchParseError(0, `unknown operation type ${quote(String(op.type))}: expected 'create_file', 'update_file' or 'delete_file'`);
    }
}
// ---------------------------------------------------------------------------------------------
// Input normalisation
function toLines(text) {
    const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
    const raw = body.split('\n');
    if (raw.length > 0 && raw[raw.length - 1] === '')
        raw.pop();
    return raw.map((t, i) => ({ n: i + 1, text: t.endsWith('\r') ? t.slice(0, -1) : t }));
}
function trimBlankEdges(lines) {
    let a = 0;
    let b = lines.length;
    while (a < b && lines[a].text.trim() === '')
        a++;
    while (b > a && lines[b - 1].text.trim() === '')
        b--;
    return lines.slice(a, b);
}
/** Removes surrounding blank lines, ``` fences and a heredoc wrapper, repeatedly. */
function unwrap(input) {
    let lines = trimBlankEdges(input);
    for (;;) {
        const first = lines[0]?.text.trim() ?? '';
        if (first.startsWith(FENCE) && !first.slice(3).includes(FENCE)) {
            // Up to the closing fence (a line that is exactly ```; hunk lines always carry a prefix).
            const close = lines.findIndex((l, i) => i > 0 && l.text.trimEnd() === FENCE);
            lines = trimBlankEdges(lines.slice(1, close > 0 ? close : undefined));
            continue;
        }
        const heredoc = HEREDOC_START.exec(first);
        if (heredoc && lines.length > 1) {
            const tag = heredoc[1];
            const close = lines.findIndex((l, i) => i > 0 && l.text.trim() === tag);
            lines = trimBlankEdges(lines.slice(1, close > 0 ? close : undefined));
            continue;
        }
        return lines;
    }
}
class Cursor {
    lines;
    i = 0;
    constructor(lines) {
        this.lines = lines;
    }
    peek(offset = 0) {
        return this.lines[this.i + offset];
    }
    next() {
        const l = this.lines[this.i];
        if (!l)
            throw new PatchParseError(this.lastLine() + 1, 'unexpected end of patch');
        this.i++;
        return l;
    }
    done() {
        return this.i >= this.lines.length;
    }
    lastLine() {
        return this.lines[this.lines.length - 1]?.n ?? 0;
    }
}
function quote(s) {
    const short = s.length > 80 ? `${s.slice(0, 77)}...` : s;
    return `'${short}'`;
}
// ---------------------------------------------------------------------------------------------
// Envelope
const FILE_HEADERS = `'${ADD_FILE.trim()}', '${DELETE_FILE.trim()}' or '${UPDATE_FILE.trim()}'`;
function isFileHeader(t) {
    return t.startsWith(ADD_FILE) || t.startsWith(DELETE_FILE) || t.startsWith(UPDATE_FILE);
}
/**
 * A file header where one is expected (after `*** Begin Patch`, an added file's content, a delete
 * or a file's last hunk): surrounding whitespace is dropped, as Codex does (its `parse_one_hunk`
 * trims the line before matching the markers).
 */
function asFileHeader(l) {
    const t = l.text.trim();
    return isFileHeader(t) ? { n: l.n, text: t } : undefined;
}
function isEnd(t) {
    return t.trim() === END_PATCH;
}
function headerPath(l, marker) {
    const p = l.text.slice(marker.length).trim();
    if (p === '')
        throw new PatchParseError(l.n, `'${marker.trim()}' needs a path`);
    return p;
}
function parseEnvelope(lines) {
    const cur = new Cursor(lines);
    const first = cur.peek();
    if (!first)
        throw new PatchParseError(0, `empty patch: expected '${BEGIN_PATCH}'`);
    if (first.text.trim() === BEGIN_PATCH)
        cur.next();
    else if (!asFileHeader(first)) {
        throw new PatchParseError(first.n, `expected '${BEGIN_PATCH}', got ${quote(first.text)}`);
    }
    const ops = [];
    while (!cur.done()) {
        const raw = cur.next();
        const l = asFileHeader(raw) ?? raw;
        const t = l.text;
        if (isEnd(t)) {
            expectNothingAfterEnd(cur);
            break;
        }
        if (t.trim() === '')
            continue;
        if (t.startsWith(ADD_FILE)) {
            ops.push(readAddFile(cur, headerPath(l, ADD_FILE)));
        }
        else if (t.startsWith(DELETE_FILE)) {
            ops.push({ kind: 'delete', path: headerPath(l, DELETE_FILE) });
        }
        else if (t.startsWith(UPDATE_FILE)) {
            ops.push(readUpdateFile(cur, headerPath(l, UPDATE_FILE)));
        }
        else {
            const prev = ops[ops.length - 1];
            const hint = prev?.kind === 'add' && /^[ -]/.test(t)
                ? ` (every line of an added file starts with '+')`
                : '';
            throw new PatchParseError(l.n, `expected ${FILE_HEADERS}, got ${quote(t)}${hint}`);
        }
    }
    return ops;
}
function expectNothingAfterEnd(cur) {
    const rest = trimBlankEdges(linesAfter(cur));
    if (rest.length > 0) {
        throw new PatchParseError(rest[0].n, `unexpected text after '${END_PATCH}': ${quote(rest[0].text)}`);
    }
}
/** The `+` lines after `*** Add File:` (blank lines between them too): the new file's content. */
function readAddFile(cur, path) {
    const content = [];
    while (!cur.done()) {
        const c = cur.peek();
        if (c.text.startsWith('+'))
            content.push(cur.next().text.slice(1));
        else if (c.text === '' && continuesAdd(cur)) {
            cur.next();
            content.push('');
        }
        else
            break;
    }
    return { kind: 'add', path, content: content.length ? content.join('\n') + '\n' : '' };
}
/** What follows `*** Update File:`: an optional `*** Move to:`, then hunks (none only for a move). */
function readUpdateFile(cur, path) {
    let moveTo;
    const m = cur.peek();
    if (m && m.text.startsWith(MOVE_TO))
        moveTo = headerPath(cur.next(), MOVE_TO);
    const hunks = parseHunks(cur, path, true);
    if (hunks.length === 0 && moveTo === undefined) {
        const nx = cur.peek();
        throw new PatchParseError(nx?.n ?? cur.lastLine() + 1, `'${UPDATE_FILE}${path}' has no hunks: expected '@@' or a line starting with ' ', '-' or '+', got ${nx ? quote(nx.text) : 'end of patch'}`);
    }
    return moveTo === undefined
        ? { kind: 'update', path, hunks }
        : { kind: 'update', path, moveTo, hunks };
}
function linesAfter(cur) {
    const out = [];
    for (let k = 0; cur.peek(k); k++)
        out.push(cur.peek(k));
    return out;
}
/** A blank line inside an added file is content only when more '+' lines follow. */
function continuesAdd(cur) {
    for (let k = 0;; k++) {
        const l = cur.peek(k);
        if (!l)
            return false;
        if (l.text === '')
            continue;
        return l.text.startsWith('+');
    }
}
function readHunkHeader(text) {
    const range = UNIFIED_RANGE.exec(text);
    if (range) {
        const section = range[5].trim();
        return { lineHint: Number(range[1]), ...(section !== '' ? { context: section } : {}) };
    }
    const c = text.slice(HUNK_HEADER.length);
    const ctx = c.startsWith(' ') ? c.slice(1) : c;
    return ctx.trim() !== '' ? { context: ctx } : {};
}
/** A hunk's lines, up to the next `@@`, file header or end; blank lines at its end dropped. */
function readHunkLines(cur, path) {
    const lines = [];
    let trailingBlank = 0;
    let endOfFile = false;
    while (!cur.done()) {
        const x = cur.peek();
        const t = x.text;
        if (t.trim() === END_OF_FILE) {
            cur.next();
            endOfFile = true;
            break;
        }
        if (t.startsWith(HUNK_HEADER) || isFileHeader(t) || isEnd(t))
            break;
        if (t.startsWith('*** ')) {
            throw new PatchParseError(x.n, `expected ${FILE_HEADERS}, '${END_OF_FILE}' or '${END_PATCH}', got ${quote(t)}`);
        }
        const op = t[0];
        if (op === ' ' || op === '-' || op === '+') {
            lines.push({ op, text: t.slice(1) });
            trailingBlank = 0;
        }
        else if (t === '' || t.trim() === '') {
            lines.push({ op: ' ', text: '' });
            trailingBlank++;
        }
        else if (t.startsWith(NO_NEWLINE)) {
            // "\ No newline at end of file" pasted into an envelope: the hunk ends the file.
            endOfFile = true;
        }
        else {
            throw new PatchParseError(x.n, `in '${path}': expected a hunk line starting with ' ', '-' or '+', '@@', '${END_OF_FILE}' or a file header, got ${quote(t)}`);
        }
        cur.next();
    }
    if (trailingBlank > 0)
        lines.splice(lines.length - trailingBlank, trailingBlank);
    return { lines, endOfFile };
}
/**
 * Reads hunks until a file header, `*** End Patch` or the end. `firstMayOmitHeader`: the first
 * hunk may start directly with lines.
 */
function parseHunks(cur, path, firstMayOmitHeader) {
    const hunks = [];
    for (;;) {
        const l = cur.peek();
        if (!l || isFileHeader(l.text) || isEnd(l.text))
            break;
        let header = {};
        const headerLine = l;
        if (l.text.startsWith(HUNK_HEADER)) {
            cur.next();
            header = readHunkHeader(l.text);
        }
        else if (hunks.length > 0 || !firstMayOmitHeader) {
            if (l.text.trim() === '') {
                cur.next();
                continue;
            }
            throw new PatchParseError(l.n, `expected '@@', '${END_OF_FILE}', ${FILE_HEADERS} or '${END_PATCH}', got ${quote(l.text)}`);
        }
        const { lines, endOfFile } = readHunkLines(cur, path);
        if (lines.length === 0) {
            // Consecutive headers (`@@ class A` then `@@ def f`): the inner one wins.
            if (header.context !== undefined && cur.peek()?.text.startsWith(HUNK_HEADER))
                continue;
            throw new PatchParseError(headerLine.n, `hunk in '${path}' has no lines`);
        }
        if (!lines.some((x) => x.op !== ' ')) {
            throw new PatchParseError(headerLine.n, `hunk in '${path}' changes nothing: it needs a '-' or '+' line`);
        }
        hunks.push({ lines, endOfFile, ...header });
    }
    return hunks;
}
// ---------------------------------------------------------------------------------------------
// Unified diff
function stripPrefix(p) {
    return p.startsWith('a/') || p.startsWith('b/') ? p.slice(2) : p;
}
function unquote(p) {
    if (!(p.startsWith('"') && p.endsWith('"') && p.length >= 2))
        return p;
    return p
        .slice(1, -1)
        .replace(/\\(["\\tn])/g, (_m, c) => (c === 't' ? '\t' : c === 'n' ? '\n' : c));
}
/** Path from a `--- x` / `+++ y` line: drops a trailing timestamp and the a/ b/ prefix. */
function unifiedPath(l, marker) {
    let p = l.text.slice(marker.length);
    const tab = p.indexOf('\t');
    if (tab >= 0)
        p = p.slice(0, tab);
    p = unquote(p.trim());
    if (p === '')
        throw new PatchParseError(l.n, `'${marker.trim()}' needs a path`);
    return p === DEV_NULL ? p : stripPrefix(p);
}
function gitHeaderPaths(t) {
    const rest = t.slice(DIFF_GIT.length).trim();
    const q = /^"((?:[^"\\]|\\.)*)" "((?:[^"\\]|\\.)*)"$/.exec(rest);
    if (q)
        return [stripPrefix(unquote(`"${q[1]}"`)), stripPrefix(unquote(`"${q[2]}"`))];
    // `a/x b/x`: split at the middle " b/" when both halves are equal, else at the last " b/".
    const mid = rest.lastIndexOf(' b/');
    if (mid > 0)
        return [stripPrefix(rest.slice(0, mid)), rest.slice(mid + 3)];
    const parts = rest.split(' ');
    if (parts.length === 2)
        return [stripPrefix(parts[0]), stripPrefix(parts[1])];
    return undefined;
}
function looksLikeFileStart(cur) {
    const a = cur.peek();
    const b = cur.peek(1);
    return !!a && a.text.startsWith(UNIFIED_OLD) && !!b && b.text.startsWith(UNIFIED_NEW);
}
function parseUnified(lines) {
    const cur = new Cursor(lines);
    const ops = [];
    while (!cur.done()) {
        const l = cur.peek();
        if (l.text.startsWith(DIFF_GIT)) {
            ops.push(...parseUnifiedFile(cur));
        }
        else if (l.text.startsWith(UNIFIED_OLD) && cur.peek(1)?.text.startsWith(UNIFIED_NEW)) {
            ops.push(...parseUnifiedFile(cur));
        }
        else if (l.text.startsWith(HUNK_HEADER)) {
            throw new PatchParseError(l.n, `hunk without file headers: expected '--- a/<path>' and '+++ b/<path>' before it`);
        }
        else if (/^[-+ ]/.test(l.text) && !l.text.startsWith(UNIFIED_OLD) && ops.length > 0) {
            throw new PatchParseError(l.n, `hunk line outside a hunk: expected '@@ -l,n +l,n @@', 'diff --git' or '--- a/<path>', got ${quote(l.text)} (check the @@ line counts)`);
        }
        else if (l.text.startsWith(UNIFIED_OLD)) {
            throw new PatchParseError(l.n, `'--- ${l.text.slice(4)}' must be followed by '+++ <path>'`);
        }
        else {
            cur.next(); // free text between files (commit message, "index" lines, ...)
        }
    }
    if (ops.length === 0)
        throw new PatchParseError(0, 'no file changes found in the unified diff');
    return ops;
}
function parseUnifiedFile(cur) {
    const h = { isNew: false, isDeleted: false };
    const first = cur.peek();
    if (first.text.startsWith(DIFF_GIT))
        readGitHeaders(cur, h);
    const hunks = [];
    let finalNewline;
    if (looksLikeFileStart(cur)) {
        const o = unifiedPath(cur.next(), UNIFIED_OLD);
        const n = unifiedPath(cur.next(), UNIFIED_NEW);
        if (o === DEV_NULL)
            h.isNew = true;
        else
            h.oldPath = o;
        if (n === DEV_NULL)
            h.isDeleted = true;
        else
            h.newPath = n;
        while (cur.peek()?.text.startsWith(HUNK_HEADER)) {
            const { hunk, newNoNewline, oldNoNewline } = parseUnifiedHunk(cur);
            hunks.push(hunk);
            if (newNoNewline)
                finalNewline = false;
            else if (oldNoNewline)
                finalNewline = true;
        }
    }
    const oldPath = h.renameFrom ?? h.oldPath;
    const newPath = h.renameTo ?? h.newPath;
    if (h.isNew && h.isDeleted)
        throw new PatchParseError(first.n, `'${DEV_NULL}' on both sides`);
    if (h.isNew) {
        if (!newPath)
            throw new PatchParseError(first.n, 'added file has no path');
        const body = hunks.flatMap((k) => k.lines.filter((x) => x.op !== '-').map((x) => x.text));
        const content = body.length === 0 ? '' : body.join('\n') + (finalNewline === false ? '' : '\n');
        return [{ kind: 'add', path: newPath, content }];
    }
    if (h.isDeleted) {
        if (!oldPath)
            throw new PatchParseError(first.n, 'deleted file has no path');
        return [{ kind: 'delete', path: oldPath }];
    }
    if (!oldPath || !newPath) {
        throw new PatchParseError(first.n, `expected '--- a/<path>' and '+++ b/<path>' file headers`);
    }
    if (hunks.length === 0 && oldPath === newPath)
        return []; // mode-only change
    const base = { kind: 'update', path: oldPath, hunks };
    const moved = oldPath !== newPath ? { ...base, moveTo: newPath } : base;
    return [finalNewline === undefined ? moved : { ...moved, finalNewline }];
}
/** `diff --git a/x b/x` and its extended header lines (new, deleted, renamed), into `h`. */
function readGitHeaders(cur, h) {
    const paths = gitHeaderPaths(cur.next().text);
    if (paths)
        [h.oldPath, h.newPath] = paths;
    while (!cur.done()) {
        const t = cur.peek().text;
        if (t.startsWith(DIFF_GIT) || t.startsWith(HUNK_HEADER) || looksLikeFileStart(cur))
            break;
        if (t.startsWith(BINARY_FILES) || t.startsWith(GIT_BINARY_PATCH)) {
            throw new PatchParseError(cur.peek().n, `binary patches are not supported (${h.oldPath ?? 'file'})`);
        }
        if (t.startsWith('new file mode'))
            h.isNew = true;
        else if (t.startsWith('deleted file mode'))
            h.isDeleted = true;
        else if (t.startsWith(RENAME_FROM))
            h.renameFrom = unquote(t.slice(RENAME_FROM.length).trim());
        else if (t.startsWith(RENAME_TO))
            h.renameTo = unquote(t.slice(RENAME_TO.length).trim());
        else if (t.startsWith('copy from') || t.startsWith('copy to')) {
            throw new PatchParseError(cur.peek().n, `copies are not supported: use '*** Add File:'`);
        }
        cur.next();
    }
}
function parseUnifiedHunk(cur) {
    const head = cur.next();
    const m = UNIFIED_RANGE.exec(head.text);
    if (!m && (head.text === HUNK_HEADER || head.text.startsWith(`${HUNK_HEADER} `))) {
        return parseCountlessHunk(cur, head);
    }
    if (!m) {
        throw new PatchParseError(head.n, `expected '@@ -<line>,<count> +<line>,<count> @@', got ${quote(head.text)}`);
    }
    const oldStart = Number(m[1]);
    const oldCount = m[2] === undefined ? 1 : Number(m[2]);
    const newCount = m[4] === undefined ? 1 : Number(m[4]);
    const section = m[5].trim();
    const lines = [];
    let oldSeen = 0;
    let newSeen = 0;
    let oldNoNewline = false;
    let newNoNewline = false;
    let last;
    while (!cur.done()) {
        const x = cur.peek();
        const t = x.text;
        if (t.startsWith(NO_NEWLINE)) {
            cur.next();
            if (last === '-' || last === ' ')
                oldNoNewline = true;
            if (last === '+' || last === ' ')
                newNoNewline = true;
            continue;
        }
        if (oldSeen >= oldCount && newSeen >= newCount)
            break;
        if (t.startsWith(HUNK_HEADER) || t.startsWith(DIFF_GIT) || looksLikeFileStart(cur))
            break;
        const op = t === '' ? ' ' : t[0];
        if (op !== ' ' && op !== '-' && op !== '+')
            break;
        lines.push({ op, text: t.slice(1) });
        if (op !== '+')
            oldSeen++;
        if (op !== '-')
            newSeen++;
        last = op;
        cur.next();
    }
    if (!lines.some((x) => x.op !== ' ') && !oldNoNewline && !newNoNewline) {
        throw new PatchParseError(head.n, `hunk changes nothing: it needs a '-' or '+' line`);
    }
    // For a pure insertion (-l,0) the new lines go after line l; the hint names the line after it.
    const lineHint = oldCount === 0 ? oldStart + 1 : oldStart;
    const hunk = {
        lines,
        endOfFile: oldNoNewline,
        lineHint,
    };
    if (section !== '')
        hunk.context = section;
    return { hunk, oldNoNewline, newNoNewline };
}
/**
 * A hunk under a bare `@@` or `@@ <context>` header (no line numbers), as models often write in
 * unified diffs: it runs until the next header.
 */
function parseCountlessHunk(cur, head) {
    const lines = [];
    let oldNoNewline = false;
    let newNoNewline = false;
    let last;
    while (!cur.done()) {
        const t = cur.peek().text;
        if (t.startsWith(HUNK_HEADER) || t.startsWith(DIFF_GIT) || looksLikeFileStart(cur))
            break;
        if (t.startsWith(NO_NEWLINE)) {
            if (last === '-' || last === ' ')
                oldNoNewline = true;
            if (last === '+' || last === ' ')
                newNoNewline = true;
            cur.next();
            continue;
        }
        const op = t === '' ? ' ' : t[0];
        if (op !== ' ' && op !== '-' && op !== '+')
            break;
        lines.push({ op, text: t.slice(1) });
        last = op;
        cur.next();
    }
    let trailing = 0;
    while (trailing < lines.length &&
        lines[lines.length - 1 - trailing].text === '' &&
        lines[lines.length - 1 - trailing].op === ' ')
        trailing++;
    lines.splice(lines.length - trailing, trailing);
    if (!lines.some((x) => x.op !== ' ')) {
        throw new PatchParseError(head.n, `hunk changes nothing: it needs a '-' or '+' line`);
    }
    const context = head.text.slice(HUNK_HEADER.length).trim();
    const hunk = { lines, endOfFile: oldNoNewline };
    if (context !== '')
        hunk.context = context;
    return { hunk, oldNoNewline, newNoNewline };
}

;// CONCATENATED MODULE: ./src/tools/patch/invocation.ts
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

const COMMANDS = new Set(['apply_patch', 'applypatch']);
const SHELLS = new Set(['sh', 'bash', 'zsh']);
const SHELL_FLAGS = new Set(['-c', '-lc']);
/** `[cd <dir> &&] apply_patch <<[-]['"]TAG['"]` on the first line of a script. */
const HEREDOC_HEAD = /^(?:cd\s+(?:'([^']*)'|"([^"\\$`]*)"|([^\s'"&;|<>()$`\\]+))\s*&&\s*)?(?:apply_patch|applypatch)\s*<<-?\s*(?:'(\w+)'|"(\w+)"|(\w+))\s*$/;
/** The patch a shell command applies when it is an `apply_patch` invocation, else undefined. */
function patchFromCommand(command) {
    if (typeof command === 'string')
        return fromScript(command);
    const [name, a, b, ...rest] = command;
    if (name === undefined || rest.length > 0)
        return undefined;
    if (COMMANDS.has(name) && a !== undefined && b === undefined) {
        return a.trim() === '' ? undefined : { patch: a };
    }
    if (SHELLS.has(external_node_path_.posix.basename(name)) && a !== undefined && SHELL_FLAGS.has(a) && b) {
        return fromScript(b);
    }
    return undefined;
}
function fromScript(script) {
    const lines = script.replace(/\r\n/g, '\n').trim().split('\n');
    if (lines.length < 3)
        return undefined;
    const head = HEREDOC_HEAD.exec(lines[0].trim());
    if (!head)
        return undefined;
    const tag = head[4] ?? head[5] ?? head[6];
    if (lines[lines.length - 1].trim() !== tag)
        return undefined;
    const body = lines.slice(1, -1);
    // The heredoc ends at the first line that is the tag: text after it would be more commands.
    if (body.some((l) => l.trim() === tag))
        return undefined;
    const dir = head[1] ?? head[2] ?? head[3];
    const patch = body.join('\n');
    return dir === undefined || dir === '.' ? { patch } : { patch, dir };
}

;// CONCATENATED MODULE: ./src/tools/patch/index.ts
/**
 * The patch tool: parse a patch (Codex envelope, unified diff, or the Responses API's native
 * per-file operation) and apply it through the workspace guard, all or nothing. Parse errors and
 * patches that do not apply come back as `{ ok: false, error }` written for the model.
 */







const FORMAT_HINT = "Format: '*** Begin Patch', then '*** Add File: <path>' / '*** Delete File: <path>' / '*** Update File: <path>' sections with '@@' hunks, then '*** End Patch' (a unified diff is also accepted).";
/** What the model (or the CLI's user) reads either way: what changed, or why nothing did. */
function patchMessage(result) {
    return result.ok ? result.value.message : result.error;
}
/** Parses `text` in any supported shape and applies it. */
async function applyPatchText(text, guard, options) {
    return applyShellPatch({ patch: text }, guard, options);
}
/** `path` of an operation read relative to `dir` (a `cd <dir> &&` before `apply_patch`). */
function inDir(op, dir) {
    const join = (p) => (p.startsWith('/') ? p : external_node_path_.posix.join(dir, p));
    if (op.kind !== 'update' || op.moveTo === undefined)
        return { ...op, path: join(op.path) };
    return { ...op, path: join(op.path), moveTo: join(op.moveTo) };
}
/** Applies the patch of an `apply_patch` shell command (see invocation.ts). */
async function applyShellPatch(call, guard, options) {
    let ops;
    try {
        const parsed = parsePatch(call.patch);
        const dir = call.dir;
        ops = dir === undefined ? parsed : parsed.map((op) => inDir(op, dir));
    }
    catch (e) {
        if (e instanceof PatchParseError) {
            return (0,result/* err */._)(`Invalid patch (no files were changed): ${e.message}. ${FORMAT_HINT}`);
        }
        throw e;
    }
    return applyPatch(ops, guard, options);
}
/** Applies one native Responses API `apply_patch_call` operation. */
async function applyPatchOperation(op, guard, options) {
    let parsed;
    try {
        parsed = parseOperation(op);
    }
    catch (e) {
        if (e instanceof PatchParseError) {
            return (0,result/* err */._)(`Invalid ${String(op.type)} operation for '${String(op.path)}' (nothing was changed): ${e.message}`);
        }
        throw e;
    }
    return applyPatch([parsed], guard, options);
}


/***/ }),

/***/ 56256:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ow: () => (/* binding */ createGuard)
/* harmony export */ });
/* unused harmony exports realpathLoose, isInside */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(14006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74516);
/**
 * The workspace guard: every path the model names goes through `resolve`
 * before anything reads or writes it.
 *
 * - Relative paths are taken from the root; absolute paths must lie inside it.
 * - Symlinks are followed for the longest existing prefix (and for dangling
 *   links, their target), so a link pointing outside the root is refused even
 *   when the file behind it does not exist yet.
 * - Writes are refused under any component named `.git` (case-insensitively on
 *   every platform: `.GIT` is `.git` on Windows and macOS, and refusing it on
 *   Linux costs nothing) and for paths matching a protected glob
 *   (picomatch, `dot: true`).
 */




const MAX_LINK_DEPTH = 40;
const caseInsensitiveFs = process.platform === 'win32' || process.platform === 'darwin';
/** Real path of `p`, resolving symlinks on the longest existing prefix and dangling links. */
function realpathLoose(p, depth = 0) {
    if (depth > MAX_LINK_DEPTH)
        throw new Error('too many levels of symbolic links');
    try {
        return node_fs__WEBPACK_IMPORTED_MODULE_0___default().realpathSync.native(p);
    }
    catch {
        // falls through: part of the path does not exist (or is a dangling link)
    }
    const parent = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(p);
    if (parent === p)
        return p;
    const realParent = realpathLoose(parent, depth);
    const joined = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(realParent, node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(p));
    let stat;
    try {
        stat = node_fs__WEBPACK_IMPORTED_MODULE_0___default().lstatSync(joined);
    }
    catch {
        return joined;
    }
    if (stat.isSymbolicLink()) {
        const target = node_fs__WEBPACK_IMPORTED_MODULE_0___default().readlinkSync(joined);
        return realpathLoose(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(realParent, target), depth + 1);
    }
    return joined;
}
/** Whether `candidate` is `root` or below it (both absolute, normalised). */
function isInside(root, candidate) {
    const a = caseInsensitiveFs ? root.toLowerCase() : root;
    const b = caseInsensitiveFs ? candidate.toLowerCase() : candidate;
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(a, b);
    if (rel === '')
        return true;
    if (node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(rel))
        return false; // another drive on Windows
    return rel !== '..' && !rel.startsWith('..' + (node_path__WEBPACK_IMPORTED_MODULE_1___default().sep));
}
function toSlash(p) {
    return p.split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join('/');
}
function createGuard(root, protectedGlobs) {
    const realRoot = node_fs__WEBPACK_IMPORTED_MODULE_0___default().realpathSync.native(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(root));
    const matchers = protectedGlobs.map((g) => picomatch__WEBPACK_IMPORTED_MODULE_3___default()(g, { dot: true, nocase: caseInsensitiveFs }));
    function isProtected(relativePath) {
        const rel = relativePath.replace(/\\/g, '/').replace(/^\.\/+/, '');
        const parts = rel.split('/');
        if (parts.some((part) => part.toLowerCase() === '.git'))
            return true;
        return matchers.some((m) => m(rel));
    }
    function relative(absolute) {
        return toSlash(node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(realRoot, absolute));
    }
    function resolve(input, access) {
        if (typeof input !== 'string' || input.trim() === '') {
            throw new _types_js__WEBPACK_IMPORTED_MODULE_2__/* .PathRefusedError */ .E(String(input), 'empty path');
        }
        if (input.includes('\0'))
            throw new _types_js__WEBPACK_IMPORTED_MODULE_2__/* .PathRefusedError */ .E(input, 'path contains a NUL byte');
        // Accept forward slashes from the model on Windows too.
        const native = process.platform === 'win32' ? input.replace(/\//g, '\\') : input;
        const lexical = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(realRoot, native);
        if (!isInside(realRoot, lexical)) {
            throw new _types_js__WEBPACK_IMPORTED_MODULE_2__/* .PathRefusedError */ .E(input, `outside the workspace (${realRoot})`);
        }
        let real;
        try {
            real = realpathLoose(lexical);
        }
        catch (error) {
            throw new _types_js__WEBPACK_IMPORTED_MODULE_2__/* .PathRefusedError */ .E(input, error.message);
        }
        if (!isInside(realRoot, real)) {
            throw new _types_js__WEBPACK_IMPORTED_MODULE_2__/* .PathRefusedError */ .E(input, 'a symbolic link leads outside the workspace');
        }
        if (access === 'write') {
            const lexicalRel = toSlash(node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(realRoot, lexical));
            const realRel = relative(real);
            if (isProtected(lexicalRel) || isProtected(realRel)) {
                const what = [lexicalRel, realRel].some((r) => r.split('/').some((part) => part.toLowerCase() === '.git'))
                    ? 'writes inside .git/ are not allowed'
                    : 'the path is protected (protected-paths); it cannot be changed in this run';
                throw new _types_js__WEBPACK_IMPORTED_MODULE_2__/* .PathRefusedError */ .E(input, what);
            }
        }
        return real;
    }
    return { root: realRoot, resolve, relative, isProtected };
}


/***/ }),

/***/ 74516:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ PathRefusedError)
/* harmony export */ });
/** Thrown by the guard; tools turn it into a message for the model. */
class PathRefusedError extends Error {
    path;
    reason;
    name = 'PathRefusedError';
    constructor(path, reason) {
        super(`Refused '${path}': ${reason}`);
        this.path = path;
        this.reason = reason;
    }
}


/***/ })

};
