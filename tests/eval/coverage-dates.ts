/** An inclusive span of calendar days, as YYYY-MM-DD strings (which compare as dates). */
export interface Span {
  start: string;
  end: string;
}

/** A timeline entry's date as the contract gives it (PRODUCT.md: `week` runs Monday to Sunday). */
export interface EntryDate {
  date: string;
  datePrecision: string;
  endDate: string | null;
}

const lastDayOfMonth = (month: string) => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/** The days a written date covers: a day is itself, a month all of its days, a year all of its. */
export function spanOf(point: string): Span {
  if (point.length === 10) return { start: point, end: point };
  if (point.length === 7) return { start: `${point}-01`, end: lastDayOfMonth(point) };
  return { start: `${point}-01-01`, end: `${point}-12-31` };
}

/** `2023-11-18/2023-11-19` or a single point, as a span. */
export function reportedSpan(reported: string): Span {
  const [from, to = from] = reported.split('/') as [string, string?];
  return { start: spanOf(from).start, end: spanOf(to as string).end };
}

export function entrySpan(entry: EntryDate): Span {
  const span = spanOf(entry.date);
  return entry.endDate ? { start: span.start, end: spanOf(entry.endDate).end } : span;
}

const within = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;
const overlaps = (a: Span, b: Span) => a.start <= b.end && b.start <= a.end;

/** What the README accepts for a gold event: its date, an alternative date, or a day inside its range. */
export interface GoldDate {
  date: string;
  date_end?: string | undefined;
  date_precision: 'day' | 'month';
  alt_dates: string[];
}

function dayAgrees(entry: EntryDate, gold: GoldDate): boolean {
  const range = { start: gold.date, end: gold.date_end ?? gold.date };
  // A week lies "inside [date, date_end]" when the gold gives a range that holds all of it ("last
  // week" annotated as its seven days); against a single day it is too coarse.
  if (entry.datePrecision === 'week') return within(entrySpan(entry), range);
  if (entry.datePrecision !== 'day') return false;
  return gold.alt_dates.includes(entry.date) || within(spanOf(entry.date), range);
}

function monthAgrees(entry: EntryDate, gold: GoldDate): boolean {
  const months = { start: spanOf(gold.date).start, end: spanOf(gold.date_end ?? gold.date).end };
  const accepted = [months, ...gold.alt_dates.map(spanOf)];
  // A week straddling two months counts for either; a day or a month must lie inside.
  if (entry.datePrecision === 'week') return accepted.some((span) => overlaps(entrySpan(entry), span));
  if (entry.datePrecision === 'year') return false;
  return accepted.some((span) => within(spanOf(entry.date), span));
}

/** Whether an entry's date is the gold event's at the gold precision (README, scoring step 1a). */
export function dateAgrees(entry: EntryDate, gold: GoldDate): boolean {
  return gold.date_precision === 'day' ? dayAgrees(entry, gold) : monthAgrees(entry, gold);
}

/** Whether an entry's date lies inside what one article supports (`date_as_reported`). */
export function dateAsReported(entry: EntryDate, reported: string): boolean {
  return within(entrySpan(entry), reportedSpan(reported));
}
