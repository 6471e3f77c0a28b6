import type { Tense } from './tense.ts';
import { FORWARD_BIAS } from './year.ts';

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
