export type Tense = 'past' | 'future';

const DAY_MS = 86_400_000;
/** Publication timestamps are UTC while the text is local: a day either side is still "not after". */
const TIMEZONE_SLACK_MS = DAY_MS;

function utcDay(year: number, month: number, day: number): Date | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 ? date : undefined;
}

/**
 * The year of a day and month written without one. News reports the past, so the answer is the latest
 * such date not after publication; an announcement ("will meet on 15 November") looks forward, so it
 * is the earliest such date not before publication. 29 February moves to the nearest leap year.
 */
export function inferYear(month: number, day: number, publishedAt: Date, tense: Tense = 'past'): number {
  const published = publishedAt.getTime();
  const base = publishedAt.getUTCFullYear();
  const step = tense === 'past' ? -1 : 1;
  for (let offset = 0; offset <= 8; offset++) {
    const year = base + step * offset;
    const date = utcDay(year, month, day);
    if (!date) continue;
    const fits =
      tense === 'past'
        ? date.getTime() <= published + TIMEZONE_SLACK_MS
        : date.getTime() >= published - TIMEZONE_SLACK_MS;
    if (fits) return year;
  }
  throw new RangeError(`no year has day ${day} in month ${month}`);
}
