import type { Source } from '../timeline/index.ts';
import { sortDate } from '../timeline/index.ts';

type Dated = Pick<Source, 'date' | 'datePrecision'>;

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * Whether two accounts can be of one event by their dates: days a day apart (a late-evening event is
 * the next day in another time zone), a day inside a month, equal months, equal years.
 */
export function datesCompatible(a: Dated, b: Dated): boolean {
  if (a.datePrecision === 'day' && b.datePrecision === 'day') {
    return Math.abs(dayNumber(a.date) - dayNumber(b.date)) <= 1;
  }
  if (a.datePrecision === 'year' || b.datePrecision === 'year') {
    return a.datePrecision === b.datePrecision && a.date === b.date;
  }
  return a.date.slice(0, 7) === b.date.slice(0, 7);
}

/** An inclusive range of timeline sort keys. */
export interface SortRange {
  lower: string;
  upper: string;
}

const monthLevel = (month: string): SortRange => ({ lower: `${month}-00#`, upper: `${month}-00#~` });

/**
 * How far an event's date may sit from the accounts that could join it. An event takes the day most
 * of its accounts give, and accounts a day apart chain, so a long-running story's date can move a few
 * days from some of its accounts; a window this wide still finds it.
 */
export const WINDOW_DAYS = 7;

/**
 * The sort-key ranges holding every event an account could belong to: the days around it (wide, see
 * WINDOW_DAYS), plus the month-level entries of those months; for a month, the whole month; for a
 * year, the year's own entries. Reads only the window, however large the table.
 */
export function candidateRanges({ date, datePrecision }: Dated): SortRange[] {
  if (datePrecision === 'year') return [{ lower: `${date}-00-00#`, upper: `${date}-00-00#~` }];
  if (datePrecision === 'month') return [{ lower: `${date}-00#`, upper: `${date}-31#~` }];
  const day = dayNumber(date);
  const first = isoOf(day - WINDOW_DAYS);
  const last = isoOf(day + WINDOW_DAYS);
  const months = [...new Set([first.slice(0, 7), date.slice(0, 7), last.slice(0, 7)])].sort();
  return [{ lower: `${sortDate(first)}#`, upper: `${sortDate(last)}#~` }, ...months.map(monthLevel)];
}
