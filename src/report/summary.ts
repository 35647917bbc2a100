/**
 * The job summary: markdown a reviewer takes in at a glance. Pure: `RunRecord` in, string out.
 *
 * Order: status line, failing before → after, totals (and a loud sandbox warning), warnings,
 * test lists, flaky tests, per-iteration table, charts, files changed, dropped files, plan, the
 * model's explanation, the diff (collapsed). Everything that came from a model, a log, a test id
 * or the diff is escaped (see escape.ts). The result never exceeds `maxBytes`: sections are cut,
 * lowest priority first (diff, then iteration rows, then lists and the explanation).
 */
import type { Failure } from '../checks/types.js';
import {
  failingCount,
  type IterationRecord,
  type RunRecord,
  type RunStatus,
  type TestSummary,
} from '../core/record.js';
import { codeBlock, escapeHtml, escapeMarkdown, escapeTableCell } from './escape.js';
import {
  formatBytes,
  formatCost,
  formatDuration,
  formatPercent,
  formatTokens,
} from '../loop/progress.js';

export interface SummaryOptions {
  /** Hard cap on the summary's UTF-8 size. Default 900 000 (the job summary limit is 1 MiB). */
  readonly maxBytes?: number;
  /** The diff is cut (on a line boundary) past this many bytes. Default 60 000. */
  readonly diffLimitBytes?: number;
}

/**
 * Where the full diff is when the summary shows only part of it: true of summary.md where it is
 * written (and in an artifact, beside it). Publishing replaces it with where the diff went.
 */
export const FULL_DIFF_NOTE = 'The full diff is `greenloop.diff`, beside this summary.';

export const DEFAULT_MAX_BYTES = 900_000;
export const DEFAULT_DIFF_LIMIT_BYTES = 60_000;

/** How much of each long section to show; tightened until the summary fits. */
interface Limits {
  readonly diffBytes: number;
  readonly iterationRows: number;
  readonly listItems: number;
  readonly explanationChars: number;
  readonly messageChars: number;
}

const STATUS_EMOJI: Record<RunStatus, string> = {
  success: '✅',
  'already-green': '✅',
  'budget-iterations': '⚠️',
  'budget-turns': '⚠️',
  'budget-tokens': '⚠️',
  'budget-cost': '⚠️',
  timeout: '⏱️',
  'no-progress': '⚠️',
  'model-gave-up': '⚠️',
  'model-error': '❌',
  'auth-error': '❌',
  'context-full': '⚠️',
  'no-passing-attempt': '⚠️',
  cancelled: '🛑',
  error: '❌',
};

/** Emoji for a status (also used by PR titles/comments). */
export function statusEmoji(status: RunStatus): string {
  return STATUS_EMOJI[status] ?? '❔';
}

/** The first line of the summary: `## ✅ greenloop: success — all tests pass`. */
export function headline(record: Pick<RunRecord, 'status' | 'stopReason'>): string {
  const reason = escapeTableCell(record.stopReason);
  return `## ${statusEmoji(record.status)} greenloop: ${record.status}${reason ? ` — ${reason}` : ''}`;
}

export function renderSummary(record: RunRecord, options: SummaryOptions = {}): string {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const diffLimit = options.diffLimitBytes ?? DEFAULT_DIFF_LIMIT_BYTES;
  const base: Limits = {
    diffBytes: diffLimit,
    iterationRows: 200,
    listItems: 50,
    explanationChars: 20_000,
    messageChars: 300,
  };

  const first = render(record, base);
  if (byteLength(first) <= maxBytes) return first;

  // 1. The diff: give it whatever room is left, or drop it.
  const withoutDiff = render(record, { ...base, diffBytes: 0 });
  const room = maxBytes - byteLength(withoutDiff) - 1024;
  if (room >= 1024) {
    const fitted = render(record, { ...base, diffBytes: Math.min(diffLimit, room) });
    if (byteLength(fitted) <= maxBytes) return fitted;
  }
  if (byteLength(withoutDiff) <= maxBytes) return withoutDiff;

  // 2. Iteration rows, 3. lists and the explanation.
  const tighter: Limits[] = [
    { ...base, diffBytes: 0, iterationRows: 20 },
    { ...base, diffBytes: 0, iterationRows: 6 },
    { diffBytes: 0, iterationRows: 6, listItems: 20, explanationChars: 4000, messageChars: 200 },
    { diffBytes: 0, iterationRows: 4, listItems: 5, explanationChars: 1000, messageChars: 120 },
    { diffBytes: 0, iterationRows: 2, listItems: 0, explanationChars: 0, messageChars: 0 },
  ];
  let last = withoutDiff;
  for (const limits of tighter) {
    last = render(record, limits);
    if (byteLength(last) <= maxBytes) return last;
  }
  // 4. Still too big (huge warnings or stop reason): hard cut, keeping the headline.
  const note = '\n\n_Summary truncated to fit the job summary size limit; see report.json._\n';
  return truncateBytes(last, Math.max(0, maxBytes - byteLength(note))).text + note;
}

function render(record: RunRecord, limits: Limits): string {
  const sections = [
    headline(record),
    failingLine(record),
    totalsLine(record),
    sandboxWarning(record),
    warningsSection(record, limits),
    taskSection(record),
    testsSection(record, limits),
    flakySection(record, limits),
    iterationsSection(record, limits),
    chartsSection(record),
    filesSection(record, limits),
    droppedSection(record, limits),
    planSection(record, limits),
    explanationSection(record, limits),
    diffSection(record, limits),
    footer(record),
  ];
  return `${sections.filter((s) => s !== '').join('\n\n')}\n`;
}

function failingLine(record: RunRecord): string {
  const { baseline, final } = record;
  if (!baseline && !final) return '**Failing tests:** no test run recorded';
  const show = (s: TestSummary | undefined): string =>
    s ? `${failingCount(s)}${s.timedOut ? ' (timed out)' : ''}` : '?';
  const c = record.comparison;
  return (
    `**Failing tests:** ${show(baseline)} → ${show(final)}` +
    ` · fixed ${c.fixed.length} · still failing ${c.stillFailing.length}` +
    ` · newly failing ${c.newlyFailing.length}` +
    (record.final && countsPasses(record) ? ` · passing ${record.final.counts.passed}` : '')
  );
}

/**
 * Whether the test runner counted passing tests in this run. Some print only failures (`go test`
 * without `-v`): "0 passed" would then read as "nothing passes", so no figure is shown.
 */
function countsPasses(record: RunRecord): boolean {
  return (
    (record.baseline?.counts.passed ?? 0) > 0 ||
    (record.final?.counts.passed ?? 0) > 0 ||
    record.iterations.some((it) => it.passed > 0)
  );
}

function totalsLine(record: RunRecord): string {
  const t = record.totals;
  const cached = formatPercent(t.cachedInputTokens, t.inputTokens);
  const parts = [
    `**${t.iterations}** ${t.iterations === 1 ? 'iteration' : 'iterations'}`,
    `**${t.turns}** turns`,
    `**${formatTokens(t.tokens)}** tokens (${cached} of input cached)`,
    `**${formatCost(t.costUsd, record.model)}**`,
    `**${formatDuration(record.durationMs)}**`,
    `model ${escapeTableCell(record.model)} (${record.api})`,
    `sandbox **${record.sandbox.mode}**`,
  ];
  if (t.compactions > 0) parts.push(`${t.compactions} compaction${t.compactions === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

function sandboxWarning(record: RunRecord): string {
  if (record.sandbox.mode !== 'none') return '';
  const reason = escapeTableCell(record.sandbox.reason);
  return (
    '> ⚠️ **No sandbox.** Test commands and commands requested by the model ran without ' +
    `isolation, with this job's permissions${reason ? ` (${reason})` : ''}. Review the diff with care.`
  );
}

function warningsSection(record: RunRecord, limits: Limits): string {
  if (record.warnings.length === 0) return '';
  const items = capList(
    record.warnings,
    Math.max(limits.listItems, 5),
    (w) => `- ${escapeTableCell(w)}`,
  );
  return `### Warnings\n\n${items}`;
}

function taskSection(record: RunRecord): string {
  if (!record.task.trim()) return '';
  return `**Task:**\n\n${blockquote(clip(record.task, 2000))}`;
}

function messageOf(failures: readonly Failure[] | undefined, id: string): string | undefined {
  return failures?.find((f) => f.id === id)?.message;
}

function testsSection(record: RunRecord, limits: Limits): string {
  const c = record.comparison;
  if (c.fixed.length + c.stillFailing.length + c.newlyFailing.length === 0) return '';
  const withMessage =
    (failures: readonly Failure[] | undefined) =>
    (id: string): string => {
      const message = limits.messageChars > 0 ? messageOf(failures, id) : undefined;
      const tail = message ? ` — ${escapeTableCell(clip(message, limits.messageChars))}` : '';
      return `- ${escapeTableCell(id)}${tail}`;
    };
  const parts = ['### Tests'];
  const add = (title: string, ids: readonly string[], line: (id: string) => string): void => {
    if (ids.length === 0) return;
    parts.push(`**${title} (${ids.length})**\n\n${capList(ids, limits.listItems, line)}`);
  };
  add('Fixed', c.fixed, (id) => `- ${escapeTableCell(id)}`);
  add('Still failing', c.stillFailing, withMessage(record.final?.failures));
  add('Newly failing', c.newlyFailing, withMessage(record.final?.failures));
  return parts.join('\n\n');
}

function flakySection(record: RunRecord, limits: Limits): string {
  if (record.flaky.length === 0) return '';
  return (
    `### Flaky tests (${record.flaky.length})\n\nThese gave different results on reruns of the ` +
    `same code and are not counted.\n\n${capList(record.flaky, limits.listItems, (id) => `- ${escapeTableCell(id)}`)}`
  );
}

function iterationTokens(it: IterationRecord): number {
  return it.inputTokens + it.outputTokens;
}

function iterationNote(it: IterationRecord): string {
  const notes: string[] = [];
  if (it.rolledBack) notes.push(`↩️ rolled back${it.note ? `: ${escapeTableCell(it.note)}` : ''}`);
  else if (it.note) notes.push(escapeTableCell(it.note));
  if (it.compactions > 0) notes.push(`compacted ×${it.compactions}`);
  if (it.exitCode === null) notes.push('tests did not finish');
  return notes.join(' · ');
}

function iterationsSection(record: RunRecord, limits: Limits): string {
  const passed = (n: number): string => (countsPasses(record) ? String(n) : '–');
  const rows: string[] = [
    '| # | failing | passed | turns | tokens | cost | duration | note |',
    '|--:|--:|--:|--:|--:|--:|--:|:--|',
  ];
  if (record.baseline) {
    const b = record.baseline;
    const note = b.timedOut ? 'timed out' : '';
    rows.push(`| baseline | ${failingCount(b)} | ${passed(b.counts.passed)} | | | | | ${note} |`);
  }
  const its = record.iterations;
  const row = (it: IterationRecord): string =>
    `| ${it.index} | ${it.failing} | ${passed(it.passed)} | ${it.turns} | ${formatTokens(iterationTokens(it))} ` +
    `| ${formatCost(it.costUsd, record.model)} | ${formatDuration(it.durationMs)} | ${iterationNote(it)} |`;
  if (its.length <= limits.iterationRows) {
    rows.push(...its.map(row));
  } else {
    const head = Math.ceil(limits.iterationRows / 2);
    const tail = limits.iterationRows - head;
    rows.push(...its.slice(0, head).map(row));
    rows.push(
      `| … | | | | | | | ${its.length - head - tail} iterations not shown (see report.json) |`,
    );
    rows.push(...its.slice(its.length - tail).map(row));
  }
  if (its.length === 0) {
    // A select step's record: its iterations ran in the attempts (each one's report lists them).
    const n = record.totals.iterations;
    const none =
      n > 0
        ? `${n} iteration${n === 1 ? '' : 's'} ran in the attempts (see the attempts below and each one's report.json).`
        : 'No iteration ran.';
    return `### Iterations\n\n${none}${record.baseline ? `\n\n${rows.join('\n')}` : ''}`;
  }
  return `### Iterations\n\n${rows.join('\n')}`;
}

function chartNumber(n: number): string {
  if (!Number.isFinite(n)) return '0';
  return String(Math.round(n * 10_000) / 10_000);
}

function chartsSection(record: RunRecord): string {
  const its = record.iterations;
  if (its.length === 0) return '';
  const labels = (record.baseline ? ['baseline'] : []).concat(its.map((it) => String(it.index)));
  const failing = (record.baseline ? [failingCount(record.baseline) ?? 0] : []).concat(
    its.map((it) => it.failing),
  );
  const maxFailing = Math.max(1, ...failing);
  const failingChart = [
    'xychart-beta',
    '  title "Failing tests per iteration"',
    `  x-axis [${labels.map((l) => `"${l}"`).join(', ')}]`,
    `  y-axis "failing tests" 0 --> ${maxFailing}`,
    `  line [${failing.map(chartNumber).join(', ')}]`,
  ].join('\n');
  const costs = its.map((it) => it.costUsd);
  const maxCost = Math.max(0.01, ...costs);
  const costChart = [
    'xychart-beta',
    '  title "Cost per iteration (USD)"',
    `  x-axis [${its.map((it) => `"${it.index}"`).join(', ')}]`,
    `  y-axis "USD" 0 --> ${chartNumber(maxCost)}`,
    `  bar [${costs.map(chartNumber).join(', ')}]`,
  ].join('\n');
  return `${codeBlock(failingChart, 'mermaid')}\n\n${codeBlock(costChart, 'mermaid')}`;
}

function filesSection(record: RunRecord, limits: Limits): string {
  const files = record.filesChanged;
  if (files.length === 0) return '### Files changed\n\nNone.';
  const added = files.reduce((n, f) => n + f.added, 0);
  const removed = files.reduce((n, f) => n + f.removed, 0);
  const cap = Math.max(limits.listItems * 4, 10);
  const rows = files
    .slice(0, cap)
    .map((f) =>
      f.binary
        ? `| ${escapeTableCell(f.path)} | ${f.status} | binary | |`
        : `| ${escapeTableCell(f.path)} | ${f.status} | +${f.added} | −${f.removed} |`,
    );
  if (files.length > cap) rows.push(`| …and ${files.length - cap} more | | | |`);
  return (
    `### Files changed (${files.length}, +${added} −${removed})\n\n` +
    `| file | change | + | − |\n|:--|:--|--:|--:|\n${rows.join('\n')}`
  );
}

function droppedSection(record: RunRecord, limits: Limits): string {
  if (record.dropped.length === 0) return '';
  const items = capList(
    record.dropped,
    Math.max(limits.listItems, 5),
    (d) => `- ${escapeTableCell(d.path)} — ${escapeTableCell(d.reason)}`,
  );
  return `### Dropped from the diff (${record.dropped.length})\n\nThe integrity filter kept these changes out:\n\n${items}`;
}

function planSection(record: RunRecord, limits: Limits): string {
  if (record.plan.length === 0) return '';
  const items = capList(record.plan, Math.max(limits.listItems, 10), (p) => {
    const box = p.status === 'completed' ? '[x]' : '[ ]';
    const suffix = p.status === 'in_progress' ? ' _(in progress)_' : '';
    return `- ${box} ${escapeTableCell(p.step)}${suffix}`;
  });
  return `### Plan\n\n${items}`;
}

function explanationSection(record: RunRecord, limits: Limits): string {
  const text = record.explanation.trim();
  if (!text || limits.explanationChars <= 0) return '';
  const quoted = blockquote(clip(text, limits.explanationChars));
  if (text.split('\n').length <= 30) return `### Model's explanation\n\n${quoted}`;
  return `<details>\n<summary>Model's explanation</summary>\n\n${quoted}\n\n</details>`;
}

function diffSection(record: RunRecord, limits: Limits): string {
  const diff = record.diff;
  if (!diff.trim()) return '';
  const total = byteLength(diff);
  const files = record.filesChanged.length;
  const added = record.filesChanged.reduce((n, f) => n + f.added, 0);
  const removed = record.filesChanged.reduce((n, f) => n + f.removed, 0);
  const title = escapeHtml(
    `Diff: ${files} file${files === 1 ? '' : 's'}, +${added} −${removed}, ${formatBytes(total)}`,
  );
  if (limits.diffBytes <= 0) {
    return (
      `### Diff\n\n_The diff (${formatBytes(total)}) is left out to fit the job summary size ` +
      `limit._ ${FULL_DIFF_NOTE}`
    );
  }
  const cut = truncateBytes(diff, limits.diffBytes);
  const note = cut.truncated
    ? `\n\n> ⚠️ Diff truncated: showing the first ${formatBytes(byteLength(cut.text))} of ` +
      `${formatBytes(total)}. ${FULL_DIFF_NOTE}`
    : '';
  return `<details>\n<summary>${title}</summary>\n\n${codeBlock(cut.text, 'diff')}${note}\n\n</details>`;
}

function footer(record: RunRecord): string {
  return (
    `<sub>greenloop · started ${escapeHtml(record.startedAt)} · finished ` +
    `${escapeHtml(record.finishedAt)} · details in report.json</sub>`
  );
}

function blockquote(text: string): string {
  return escapeMarkdown(text)
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

function capList<T>(items: readonly T[], cap: number, line: (item: T) => string): string {
  const shown = items.slice(0, Math.max(0, cap)).map(line);
  if (items.length > shown.length)
    shown.push(`- …and ${items.length - shown.length} more (see report.json)`);
  return shown.join('\n');
}

function clip(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  return `${text.slice(0, Math.max(0, maxChars))}… (${text.length - maxChars} more characters)`;
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Cuts `text` to at most `maxBytes` UTF-8 bytes, on the last line break that fits if any. */
export function truncateBytes(
  text: string,
  maxBytes: number,
): { text: string; truncated: boolean } {
  if (byteLength(text) <= maxBytes) return { text, truncated: false };
  const buf = Buffer.from(text, 'utf8').subarray(0, Math.max(0, maxBytes));
  let cut = buf.toString('utf8');
  // A multi-byte character cut in half decodes as U+FFFD: drop it.
  cut = cut.replace(/\uFFFD$/, '');
  while (byteLength(cut) > maxBytes) cut = cut.slice(0, -1);
  const nl = cut.lastIndexOf('\n');
  if (nl > 0) cut = cut.slice(0, nl + 1);
  return { text: cut, truncated: true };
}
