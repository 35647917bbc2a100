/** The job summary section of a select step: every attempt, its verified result, and the choice. */
import { escapeMarkdown, escapeTableCell } from '../report/escape.js';
import { describeVerification, type Selection } from './rank.js';

function count(value: number | null): string {
  return value === null ? '–' : String(value);
}

export function attemptsTable(selection: Selection): string {
  const rows = selection.ranked.map((r) => {
    const c = r.claim;
    const verified = describeVerification(r.verification);
    const mark =
      r === selection.winner ? '**chosen**' : r.falseClaim ? 'claimed success, tests fail' : '';
    return `| ${[
      escapeTableCell(c.name),
      escapeTableCell(c.model),
      escapeTableCell(c.reasoningEffort || '–'),
      escapeTableCell(c.status),
      count(c.failingAfter),
      String(c.diffLines),
      String(c.tokens),
      `$${c.costUsd.toFixed(4)}`,
      escapeTableCell(verified),
      mark,
    ].join(' | ')} |`;
  });
  return [
    `### Attempts (${selection.ranked.length})`,
    '',
    '| attempt | model | effort | status | failing after (claimed) | diff lines | tokens | cost | verified | |',
    '|---|---|---|---|---:|---:|---:|---:|---|---|',
    ...rows,
    '',
    escapeMarkdown(selection.why),
    '',
  ].join('\n');
}
