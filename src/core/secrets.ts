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

export const REDACTED = '***';

/** Finding reported when one of the run's own secrets (or an encoded form) was replaced. */
export const KNOWN_SECRET = 'a secret of this run';

/**
 * The one minimum length: a shorter value is never treated as a secret, because replacing it
 * would shred ordinary text (`true`, `enabled`, `develop` are what secret-named variables hold
 * when they are switches). Real credentials are far longer (GitHub tokens 40, OpenAI keys 50+).
 */
export const MIN_SECRET_LENGTH = 8;

/**
 * Names refused even when allowed for children (or added through `allow`).
 * Tested against the upper-cased name.
 */
const DENIED: readonly RegExp[] = [
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
const NEVER: readonly RegExp[] = [/^INPUT_/, /^ACTIONS_/];

/** Names that say what they hold is a secret (not merely an input or a runner variable). */
const SECRET_WORDS = /TOKEN(?!S)|KEY|SECRET|PASSWORD|PASSWD|CREDENTIAL|AUTH/;

/** Whether a variable name is never passed to children (secrets, inputs, runner internals). */
export function isSecretName(name: string): boolean {
  const upper = name.toUpperCase();
  return DENIED.some((re) => re.test(upper));
}

/** Whether no input (not even `pass-secrets`) may pass this variable to children. */
export function isNeverPassed(name: string): boolean {
  const upper = name.toUpperCase();
  return NEVER.some((re) => re.test(upper));
}

/** Whether a variable's name says its value is a secret, so the value is redacted wherever it turns up. */
export function namesASecret(name: string): boolean {
  return SECRET_WORDS.test(name.toUpperCase());
}

/** Where the secrets of a run come from. */
export interface SecretSources {
  /** The run's own credentials (API key, GitHub token); empty ones are skipped. */
  readonly known: readonly (string | undefined)[];
  /** The parent environment: values of secret-named variables are secrets. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** `pass-secrets`: variables passed on purpose, still redacted from everything written. */
  readonly passSecrets?: readonly string[];
}

/** The values to redact, trimmed, each at least `MIN_SECRET_LENGTH` long. */
export function secretValues(sources: SecretSources): string[] {
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
export function redactFields(value: object, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(value));
  for (const field of fields) {
    if (field in out) out[field] = out[field] ? REDACTED : '';
  }
  return out;
}

/** A URL without its user and password (`https://u:p@host/v1` -> `https://host/v1`); else as given. */
export function withoutUrlCredentials(text: string): string {
  try {
    const url = new URL(text);
    if (url.username === '' && url.password === '') return text;
    url.username = '';
    url.password = '';
    return url.href.replace(/\/$/, '');
  } catch {
    return text;
  }
}

interface TokenShape {
  readonly kind: string;
  readonly pattern: RegExp;
  /** Extra check on the match (e.g. character mix), to avoid false positives. */
  readonly accept?: (match: string) => boolean;
  /** Index of the capture group to redact; the rest of the match is kept. 0 = whole match. */
  readonly group?: number;
}

function mixedAlnum(value: string): boolean {
  return /[0-9]/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value);
}

const PEM_BEGIN = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----/;
const PEM_BLOCK =
  /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----[\s\S]*?-----END \1PRIVATE KEY\2-----/g;

/** Known credential shapes, most specific first. All are global regexes. */
const TOKEN_SHAPES: readonly TokenShape[] = [
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
    pattern:
      /(aws_?secret(?:_access)?(?:_key)?["']?\s*[:=]\s*["']?)([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi,
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

export interface ScanResult {
  readonly redacted: string;
  /** Kinds of credentials found (deduplicated), never their values. */
  readonly findings: string[];
}

/** Replaces every known credential shape in `text` with `***` and lists the kinds found. */
export function scanForTokenShapes(text: string): ScanResult {
  const findings = new Set<string>();
  let out = text.replace(PEM_BLOCK, (_m, type: string, block: string | undefined) => {
    findings.add('private key (PEM)');
    const suffix = block ?? '';
    return `-----BEGIN ${type}PRIVATE KEY${suffix}-----\n${REDACTED}\n-----END ${type}PRIVATE KEY${suffix}-----`;
  });
  for (const shape of TOKEN_SHAPES) {
    out = out.replace(shape.pattern, (match: string, ...groups: unknown[]) => {
      const group = shape.group ?? 0;
      const target = group === 0 ? match : String(groups[group - 1] ?? '');
      if (shape.accept && !shape.accept(target)) return match;
      findings.add(shape.kind);
      if (group === 0) return REDACTED;
      const prefix = String(groups[0] ?? '');
      return prefix + REDACTED + match.slice(prefix.length + target.length);
    });
  }
  return { redacted: out, findings: [...findings] };
}

/** The forms a secret takes in logs and on the wire. */
export function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
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

/** A stateful line-by-line redactor for streaming logs (PEM blocks span lines). */
export type LineRedactor = (line: string) => { line: string | undefined; findings: string[] };

/**
 * Redacts the run's own secrets (and their derived forms) and any credential-shaped token.
 * Construct once per run with every secret; pass it to everything that writes or prints.
 */
export class Redactor {
  private readonly forms: string[];

  constructor(secrets: readonly (string | undefined)[]) {
    const all = new Set<string>();
    for (const raw of secrets) {
      if (!raw) continue;
      const secret = raw.trim();
      if (secret.length < MIN_SECRET_LENGTH) continue;
      for (const form of secretForms(secret)) all.add(form);
      // A multi-line secret (a PEM key) can also leak one line at a time.
      for (const line of secret.split(/\r?\n/)) {
        if (line.trim().length >= MIN_SECRET_LENGTH * 2) all.add(line.trim());
      }
    }
    // Longest first, so a form that contains another is replaced whole.
    this.forms = [...all].sort((a, b) => b.length - a.length);
  }

  /** Replaces exact secrets (all derived forms) only. */
  redactSecrets(text: string): string {
    let out = text;
    for (const form of this.forms) {
      if (out.includes(form)) out = out.split(form).join(REDACTED);
    }
    return out;
  }

  /** Exact secrets, then token shapes; also returns what kinds of token shape were found. */
  redactWithFindings(text: string): ScanResult {
    const exact = this.redactSecrets(text);
    const scan = scanForTokenShapes(exact);
    if (exact === text) return scan;
    return { redacted: scan.redacted, findings: [KNOWN_SECRET, ...scan.findings] };
  }

  /** Exact secrets, then token shapes. */
  redact(text: string): string {
    return this.redactWithFindings(text).redacted;
  }

  /**
   * Deeply redacts a JSON-able value: every string (and object key) goes through `redact`.
   * Findings are added to `findings`.
   */
  redactValue(value: unknown, findings: Set<string> = new Set()): unknown {
    if (typeof value === 'string') {
      const r = this.redactWithFindings(value);
      for (const f of r.findings) findings.add(f);
      return r.redacted;
    }
    if (Array.isArray(value)) return value.map((v) => this.redactValue(v, findings));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        out[this.redactValue(k, findings) as string] = this.redactValue(v, findings);
      }
      return out;
    }
    return value;
  }

  /**
   * A line redactor for streams: like `redact` per line, but a PEM private key block that spans
   * lines is swallowed from its BEGIN line to its END line.
   */
  lineRedactor(): LineRedactor {
    let inPem = false;
    return (line: string) => {
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
