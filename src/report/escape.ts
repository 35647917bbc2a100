/**
 * Escaping for everything greenloop prints that came from a model, a log, a test id or a diff.
 *
 * - `escapeMarkdown` makes text inert inside GitHub-flavoured markdown (job summary, PR body):
 *   no HTML, no links/images/badges, no emphasis, no table breaks, no headings or lists.
 * - `escapeTableCell` is the same for one table cell (newlines collapsed).
 * - `codeBlock` / `codeSpan` wrap text verbatim in a fence longer than any backtick run inside.
 * - `escapeHtml` for text placed inside raw HTML (`<summary>`).
 * - `neutraliseWorkflowCommands` defuses lines the Actions runner would execute as workflow
 *   commands (`::add-mask::`, `::set-output`, `::stop-commands::`, `##[...]`).
 */

const ZWSP = '\u200b';

/** ANSI escape sequences (CSI and OSC) and the C0/C1 control characters except tab and newlines. */
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g;
/** Bidirectional overrides/isolates ("trojan source"). */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/** Removes ANSI colour codes, control characters (keeps `\t`, `\n`, `\r`) and bidi overrides. */
export function stripUnsafeCharacters(text: string): string {
  return text.replace(ANSI, '').replace(CONTROL, '').replace(BIDI, '');
}

/**
 * What the runner trims before it looks for `::`: .NET's `String.TrimStart()` removes every
 * character for which `Char.IsWhiteSpace` is true (U+0009-U+000D, U+0020, U+0085, U+00A0, U+1680,
 * U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000; see the `Char.IsWhiteSpace` docs).
 * JavaScript's `\s` misses U+0085 (NEL), so the set is written out; U+FEFF is added for safety.
 * Newlines are left out: they end the line.
 *
 * A workflow command is a line whose trimmed start is `::name` (v2 syntax); the legacy `##[name]`
 * syntax is recognised anywhere in a line. Leading whitespace and colour codes do not hide either.
 */
const V2_COMMAND =
  /^((?:[\t\v\f \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]|\x1b\[[0-?]*[ -/]*[@-~])*):(?=:)/gm;
const V1_COMMAND = /#(?=#\[)/g;

/**
 * Defuses every line the Actions runner would treat as a workflow command by putting a zero-width
 * space between the two leading colons (and between `#` and `#[`). Readable text is unchanged.
 */
export function neutraliseWorkflowCommands(text: string): string {
  return text.replace(V2_COMMAND, `$1:${ZWSP}`).replace(V1_COMMAND, `#${ZWSP}`);
}

/** Escapes `&`, `<`, `>`, `"` and `'` for raw HTML. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Markdown punctuation that is escaped wherever it appears (CommonMark allows `\` before any). */
const INLINE_SPECIAL = /[\\`*_{}[\]()!|~$]/g;
/** Constructs that only mean something at the start of a line. */
const LINE_START = /^(\s*)([#+\-=:]|\d+[.)])/;

function escapeLine(line: string): string {
  let out = line.replace(INLINE_SPECIAL, (ch) => `\\${ch}`);
  out = out.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  // An `@name` mention would notify people when the text lands in a PR or comment.
  out = out.replace(/@(?=[A-Za-z0-9])/g, `@${ZWSP}`);
  // GitHub links `#12`, `GH-12` and `owner/repo#12` to issues (a back-reference in the issue, and
  // after `Fixes`/`Closes`/`Resolves` a merge closes it; docs: "Autolinked references and URLs",
  // "Linking a pull request to an issue"), and GFM's autolink extension turns bare `http(s)://`
  // and `www.` text into links. A zero-width space keeps the text readable and inert.
  out = out
    .replace(/#(?=\d)/g, `#${ZWSP}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1-${ZWSP}`)
    .replace(/([A-Za-z][A-Za-z0-9+.-]*):(?=\/\/)/g, `$1:${ZWSP}`)
    .replace(/\b(www)\./gi, `$1${ZWSP}.`);
  const m = LINE_START.exec(out);
  if (m) {
    const [, lead = '', marker = ''] = m;
    const escaped = /^\d/.test(marker)
      ? `${marker.slice(0, -1)}\\${marker.slice(-1)}`
      : `\\${marker}`;
    out = lead + escaped + out.slice(lead.length + marker.length);
  }
  // Four leading spaces would start an indented code block; keep the text visible instead.
  return out.replace(/^[ \t]+/, (ws) => ws.replace(/\t/g, '    ').replace(/ /g, '&nbsp;'));
}

/**
 * Escapes untrusted text so that it renders as literal text in GitHub markdown. Newlines are kept
 * (each line is escaped on its own); control characters, colour codes and bidi overrides are
 * removed; workflow commands are defused.
 */
export function escapeMarkdown(text: string): string {
  const clean = stripUnsafeCharacters(text).replace(/\r\n?/g, '\n');
  return neutraliseWorkflowCommands(clean.split('\n').map(escapeLine).join('\n'));
}

/**
 * Characters a web URL may hold here: RFC 3986's unreserved ones (`_` is common in repository
 * names) and the reserved ones a URL from GitHub uses, plus `%`; nothing that ends an autolink
 * (`<`, `>`, spaces, controls) or could read as markdown around it (brackets, parentheses,
 * backslash, backtick, `*`, `&`).
 */
const URL_SAFE = /^[\w\-.~:/?#@%=+,;]+$/;

/**
 * A URL from a trusted answer (GitHub's `html_url`) as a link GitHub renders: a CommonMark
 * autolink `<https://...>` (no backslash escapes or markdown apply inside one). Only an
 * http(s) URL the URL parser accepts and made of URL-safe characters; anything else is
 * printed as escaped text.
 */
export function markdownUrl(url: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  const web = parsed !== undefined && (parsed.protocol === 'https:' || parsed.protocol === 'http:');
  return web && URL_SAFE.test(url) ? `<${url}>` : escapeMarkdown(url);
}

/** Like `escapeMarkdown`, for a single table cell or list item: all whitespace runs become one space. */
export function escapeTableCell(text: string): string {
  return escapeMarkdown(stripUnsafeCharacters(text).replace(/\s+/g, ' ').trim());
}

function longestRun(text: string, ch: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === ch ? current + 1 : 0;
    if (current > longest) longest = current;
  }
  return longest;
}

/**
 * A fenced code block holding `text` verbatim: the fence is one backtick longer than the longest
 * backtick run inside (at least three), so the text cannot close it. The info string is reduced to
 * a safe language name. Nothing else is changed (callers neutralise workflow commands if needed).
 */
export function codeBlock(text: string, lang = ''): string {
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  const info = lang.replace(/[^A-Za-z0-9_+.-]/g, '');
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `${fence}${info}\n${body}${fence}`;
}

/**
 * Inline code for a short single-line value (a model name, a path). The delimiter is longer than
 * any backtick run inside; `|` is replaced by a look-alike because GFM tables split on it even in
 * code spans.
 */
export function codeSpan(text: string): string {
  const flat = stripUnsafeCharacters(text).replace(/\s+/g, ' ').replace(/\|/g, '\u2223');
  const ticks = '`'.repeat(longestRun(flat, '`') + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}
