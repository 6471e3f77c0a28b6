import type { Source } from '../timeline/index.ts';
import { sortDate } from '../timeline/index.ts';

type Dated = Pick<Source, 'date' | 'datePrecision'> & Partial<Pick<Source, 'kind' | 'datedByLead'>>;

/**
 * A report whose text gives no day for its news (its lead and the paragraphs near the top date
 * nothing): dated by its publication, which is the day of its news or the day after, as a morning
 * paper reports the evening before. Never the day before: news is not published ahead of itself.
 */
export const datedByPublication = (a: Dated): boolean =>
  a.kind === 'report' && !a.datedByLead && a.datePrecision === 'day';

export const DAY_MS = 86_400_000;
// Asked for both dates of every pair judged, of the few dates a neighbourhood holds: parsed once each.
const dayNumbers = new Map<string, number>();
const CACHED_DATES = 10_000;

/** An ISO day as days since 1970-01-01. */
export function dayNumber(date: string): number {
  let day = dayNumbers.get(date);
  if (day === undefined) {
    if (dayNumbers.size >= CACHED_DATES) dayNumbers.clear();
    day = Date.parse(`${date}T00:00:00Z`) / DAY_MS;
    dayNumbers.set(date, day);
  }
  return day;
}

export const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * How two accounts' dates relate: the same day; a day apart (a late-evening event is the next day
 * in another time zone); the same month or year at the coarser precision (a day inside a month,
 * equal months, equal years); or too far apart to be one event.
 */
export type DateRelation = 'same-day' | 'next-day' | 'same-period' | 'apart';

/** A week ("last week") holds its seven days from Monday; a week and a month meet in the Monday's or Sunday's month. */
function weekRelation(week: Dated, other: Dated): DateRelation {
  const monday = dayNumber(week.date);
  if (other.datePrecision === 'week') return other.date === week.date ? 'same-period' : 'apart';
  if (other.datePrecision === 'day') {
    const day = dayNumber(other.date);
    return day >= monday && day <= monday + 6 ? 'same-period' : 'apart';
  }
  if (other.datePrecision === 'month')
    return [week.date, isoOf(monday + 6)].some((d) => d.startsWith(other.date)) ? 'same-period' : 'apart';
  return week.date.startsWith(other.date) ? 'same-period' : 'apart';
}

export function dateRelation(a: Dated, b: Dated): DateRelation {
  if (a.datePrecision === 'week') return weekRelation(a, b);
  if (b.datePrecision === 'week') return weekRelation(b, a);
  if (a.datePrecision === 'day' && b.datePrecision === 'day') {
    const gap = Math.abs(dayNumber(a.date) - dayNumber(b.date));
    if (gap !== 1) return gap === 0 ? 'same-day' : 'apart';
    // Asked for every pair judged: no array to destructure.
    const later = a.date > b.date ? a : b;
    const earlier = later === a ? b : a;
    return datedByPublication(later) && !datedByPublication(earlier) ? 'same-day' : 'next-day';
  }
  if (a.datePrecision === 'year' || b.datePrecision === 'year') {
    return a.datePrecision === b.datePrecision && a.date === b.date ? 'same-period' : 'apart';
  }
  return a.date.slice(0, 7) === b.date.slice(0, 7) ? 'same-period' : 'apart';
}

/** An inclusive range of timeline sort keys. */
export interface SortRange {
  lower: string;
  upper: string;
}

const monthLevel = (month: string): SortRange => ({ lower: `${month}-00#`, upper: `${month}-00#~` });

/**
 * The sort-key ranges holding every posting an account's date is compatible with: the day before to
 * the day after, plus the month-level entries of those months; for a month, the whole month; for a
 * year, the year's own entries. Reads only the window, however large the table.
 */
export function candidateRanges({ date, datePrecision }: Dated): SortRange[] {
  if (datePrecision === 'year') return [{ lower: `${date}-00-00#`, upper: `${date}-00-00#~` }];
  if (datePrecision === 'month') return [{ lower: `${date}-00#`, upper: `${date}-31#~` }];
  const day = dayNumber(date);
  const first = isoOf(day - 1);
  const last = isoOf(day + (datePrecision === 'week' ? 7 : 1));
  const months = [...new Set([first.slice(0, 7), last.slice(0, 7)])].sort();
  return [{ lower: `${sortDate(first)}#`, upper: `${sortDate(last)}#~` }, ...months.map(monthLevel)];
}
