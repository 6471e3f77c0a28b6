import type { Tense } from './tense.ts';
import { FORWARD_BIAS, utcDay } from './year.ts';

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

export function isoDay(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function isoMonth(year: number, month: number): string {
  return `${year}-${pad(month)}`;
}

/** The publication's calendar day (UTC), shifted by whole days. */
export function dayOf(publishedAt: Date, shiftDays = 0): string {
  return new Date(publishedAt.getTime() + shiftDays * DAY_MS).toISOString().slice(0, 10);
}

/** The UTC day, month and year `shiftDays` after `at`: a day a parser counts from its reference instant. */
export function dayPartsOf(at: Date, shiftDays = 0): { day: number; month: number; year: number } {
  const day = new Date(at.getTime() + shiftDays * DAY_MS);
  return { day: day.getUTCDate(), month: day.getUTCMonth() + 1, year: day.getUTCFullYear() };
}

/** A calendar day (YYYY-MM-DD) moved by whole days. */
export const shiftDay = (day: string, days: number): string => dayOf(new Date(`${day}T00:00:00Z`), days);

/** A date (YYYY-MM-DD, YYYY-MM or YYYY) moved by whole years, its month and day as written. */
export const shiftYears = (date: string, years: number): string =>
  `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;

/** How many days lie between two calendar days, either way round. */
export const daysBetween = (a: string, b: string): number => Math.abs(Date.parse(a) - Date.parse(b)) / DAY_MS;

/**
 * "On Tuesday" in a report is the latest Tuesday on or before publication; in an announcement, the
 * next one on or after it. "last"/"next" in the text win over tense.
 */
export function resolveWeekday(weekday: number, publishedAt: Date, tense: Tense): string {
  const today = publishedAt.getUTCDay();
  const back = (today - weekday + 7) % 7;
  const ahead = (weekday - today + 7) % 7;
  const shift = tense === 'past' ? -back : tense === 'future' ? ahead : ahead < back ? ahead : -back;
  return dayOf(publishedAt, shift);
}

/**
 * "last Thursday", "next Thursday", "jeudi dernier" written on a Thursday: a week off, never that day.
 * `yesterdayTooNear`: English "last Thursday" written on a Friday is the week before's, as a writer
 * meaning the day before says "on Thursday" or "yesterday".
 */
export function resolveNamedWeekday(
  weekday: number,
  publishedAt: Date,
  direction: 'past' | 'future',
  yesterdayTooNear = false,
): string {
  const date = resolveWeekday(weekday, publishedAt, direction);
  if (yesterdayTooNear && date === dayOf(publishedAt, -1)) return dayOf(publishedAt, -8);
  if (date !== dayOf(publishedAt, 0)) return date;
  return dayOf(publishedAt, direction === 'past' ? -7 : 7);
}

/** A month named without a year: the latest such month not after publication, or the next for announcements. */
export function inferMonthYear(month: number, publishedAt: Date, tense: Tense): number {
  const year = publishedAt.getUTCFullYear();
  const current = publishedAt.getUTCMonth() + 1;
  const past = month <= current ? year : year - 1;
  const future = month >= current ? year : year + 1;
  if (tense !== 'present') return tense === 'past' ? past : future;
  const monthsBack = (current - month + 12) % 12;
  const monthsAhead = (month - current + 12) % 12;
  return monthsAhead < FORWARD_BIAS * monthsBack ? future : past;
}

/**
 * The date of a day of the month written alone ("on the 11th", "on the 25th of this month"): in the
 * month of publication or one either side of it, as the tense points (the nearer one, favouring the
 * past, when it points neither way), or as the writer said ("of last month"). Undefined for a day
 * the month the writer named lacks.
 */
export function dayOfMonthDate(
  day: number,
  publishedAt: Date,
  tense: Tense,
  which?: 'this' | 'last' | 'next',
): string | undefined {
  const shift = which ? MONTH_NAMED[which] : monthShift(day, publishedAt.getUTCDate(), tense);
  const found = dayInMonth(publishedAt, shift, day);
  // "due on the 31st", written in November: the nearest month with one, the way the tense points.
  if (found || which) return found;
  return dayInMonth(publishedAt, shift + (tense === 'past' ? -1 : 1), day);
}

function dayInMonth(publishedAt: Date, shift: number, day: number): string | undefined {
  const first = new Date(Date.UTC(publishedAt.getUTCFullYear(), publishedAt.getUTCMonth() + shift, 1));
  return utcDay(first.getUTCFullYear(), first.getUTCMonth() + 1, day)
    ?.toISOString()
    .slice(0, 10);
}

const MONTH_NAMED = { this: 0, last: -1, next: 1 } as const;

/** How many months from publication's a day of the month falls, by tense (see inferMonthYear). */
function monthShift(day: number, today: number, tense: Tense): number {
  const back = day <= today ? 0 : -1;
  const ahead = day >= today ? 0 : 1;
  if (tense !== 'present') return tense === 'past' ? back : ahead;
  const daysBack = back === 0 ? today - day : today + 30 - day;
  const daysAhead = ahead === 0 ? day - today : 30 - today + day;
  return daysAhead < FORWARD_BIAS * daysBack ? ahead : back;
}
