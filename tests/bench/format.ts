import type { Cell, Row } from './section.ts';

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Thousands separators make counts readable at a glance: 12,345 rather than 12345. */
export function count(value: number): string {
  return NUMBER.format(value);
}

/** Items per second from a count and a duration in nanoseconds. */
export function perSecond(items: number, ns: number): number {
  return ns > 0 ? (items * 1e9) / ns : 0;
}

/** "0.42×": how fast `value` is relative to `baseline`, the form every section compares in. */
export function ratio(value: number, baseline: number): string {
  if (baseline === 0) return '—';
  const r = value / baseline;
  return `${r.toFixed(r < 10 ? 2 : 1)}×`;
}

export function bytes(value: number): string {
  if (value < 1024) return `${value} B`;
  if (value < 1024 * 1024) return `${(value / 1024).toFixed(1)} KB`;
  return `${(value / (1024 * 1024)).toFixed(2)} MB`;
}

export function duration(ns: number): string {
  const ms = ns / 1e6;
  if (ms < 1) return `${(ns / 1e3).toFixed(0)} µs`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/**
 * Numbers and numeric-looking strings ("1,234", "0.42×", "3.1 MB") read best right-aligned; an empty
 * cell or a dash (a figure not measured) leaves the column's alignment to the others.
 */
function isNumeric(cell: Cell): boolean {
  return (
    typeof cell === 'number' ||
    cell === '' ||
    cell === '—' ||
    /^[\d.,]+\s*(?:×|%|[kKMG]?B|µs|ms|s)?$/.test(cell)
  );
}

function escapeCell(cell: Cell): string {
  return String(cell).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/**
 * A Markdown (GFM) table, padded so it also reads well as plain terminal output. Columns come from
 * the first row; a column is right-aligned when every cell in it is numeric.
 */
export function markdownTable(rows: Row[]): string {
  const [first] = rows;
  if (!first) return '';
  const columns = Object.keys(first);
  const cells = rows.map((row) => columns.map((column) => escapeCell(row[column] ?? '')));
  const right = columns.map((column) => rows.every((row) => isNumeric(row[column] ?? '')));
  const widths = columns.map((column, i) =>
    Math.max(3, column.length, ...cells.map((line) => (line[i] ?? '').length)),
  );
  const pad = (text: string, i: number) =>
    right[i] ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0);
  const line = (values: string[]) => `| ${values.map(pad).join(' | ')} |`;
  const rule = widths.map((width, i) => (right[i] ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width)));
  return [line(columns), `| ${rule.join(' | ')} |`, ...cells.map(line)].join('\n');
}
