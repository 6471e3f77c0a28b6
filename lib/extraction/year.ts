import type { Tense } from './tense.ts';

const DAY_MS = 86_400_000;

/** A day as a UTC date; undefined for one the month lacks (30 February). */
export function utcDay(year: number, month: number, day: number): Date | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 ? date : undefined;
}

/**
 * Publication timestamps are UTC while the text speaks local time, anywhere from UTC-12 to UTC+14:
 * a day "has begun" by publication if it began within a day after it, and "is not over" if it ends
 * within a day before it.
 */
function fits(dayStart: number, published: number, direction: 'past' | 'future'): boolean {
  return direction === 'past' ? dayStart <= published + DAY_MS : dayStart + DAY_MS >= published - DAY_MS;
}

function yearTowards(month: number, day: number, publishedAt: Date, direction: 'past' | 'future'): number {
  const published = publishedAt.getTime();
  const step = direction === 'past' ? -1 : 1;
  // Start one year on the other side so the slack also works across New Year's Eve.
  const first = publishedAt.getUTCFullYear() - step;
  for (let offset = 0; offset <= 9; offset++) {
    const year = first + step * offset;
    const date = utcDay(year, month, day);
    if (date && fits(date.getTime(), published, direction)) return year;
  }
  throw new RangeError(`no year has day ${day} in month ${month}`);
}

function distance(year: number, month: number, day: number, publishedAt: Date): number {
  return Math.abs((utcDay(year, month, day)?.getTime() ?? Number.POSITIVE_INFINITY) - publishedAt.getTime());
}

/**
 * News mostly looks back, so a tenseless date goes forward only when that reading is much nearer:
 * "10 November" in an October article is ahead, "1 April" in an October article is behind.
 */
export const FORWARD_BIAS = 0.5;

/**
 * The year of a day and month written without one. A report looks back: the latest such date not
 * after publication. An announcement looks forward: the earliest not before it. A clause that says
 * neither (a timeline item, "the runoff on 3 November") looks forward only when that date is much
 * nearer than the past one. 29 February moves to a leap year.
 */
export function inferYear(month: number, day: number, publishedAt: Date, tense: Tense = 'past'): number {
  if (tense !== 'present') return yearTowards(month, day, publishedAt, tense);
  const past = yearTowards(month, day, publishedAt, 'past');
  const future = yearTowards(month, day, publishedAt, 'future');
  const ahead = distance(future, month, day, publishedAt);
  return ahead < FORWARD_BIAS * distance(past, month, day, publishedAt) ? future : past;
}
