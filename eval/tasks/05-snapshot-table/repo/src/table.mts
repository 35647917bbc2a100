export type Cell = string | number;

function escape(cell: Cell): string {
  return String(cell).replace(/\|/g, '\\|');
}

function isNumeric(rows: readonly Cell[][], column: number): boolean {
  return rows.length > 0 && rows.every((row) => typeof row[column] === 'number');
}

/** Render `rows` under `header` as an aligned Markdown table. */
export function renderTable(header: readonly string[], rows: readonly Cell[][]): string {
  const widths = header.map((title) => Math.max(3, escape(title).length));
  const right = header.map((_, column) => isNumeric(rows as Cell[][], column));
  const line = (cells: readonly Cell[]) =>
    '| ' +
    cells
      .map((cell, column) => {
        const text = escape(cell);
        const width = widths[column] ?? 3;
        return right[column] ? text.padStart(width) : text.padEnd(width);
      })
      .join(' | ') +
    ' |';
  const rule =
    '| ' +
    widths.map((width, column) => (right[column] ? '-'.repeat(width - 1) + ':' : '-'.repeat(width))).join(' | ') +
    ' |';
  return [line(header), rule, ...rows.map(line)].join('\n');
}
