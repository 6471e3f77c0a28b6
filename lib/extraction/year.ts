export type Tense = 'past' | 'future';

const DAY_MS = 86_400_000;

function utcDay(year: number, month: number, day: number): Date | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 ? date : undefined;
}

/**
 * Publication timestamps are UTC while the text speaks local time, anywhere from UTC-12 to UTC+14:
 * a day "has begun" by publication if it began within a day after it, and "is not over" if it ends
 * within a day before it.
 */
function fits(dayStart: number, published: number, tense: Tense): boolean {
  return tense === 'past' ? dayStart <= published + DAY_MS : dayStart + DAY_MS >= published - DAY_MS;
}

/**
 * The year of a day and month written without one. News reports the past, so the answer is the latest
 * such date not after publication; an announcement ("will meet on 15 November") looks forward, so it
 * is the earliest such date not before publication. 29 February moves to the nearest leap year.
 */
export function inferYear(month: number, day: number, publishedAt: Date, tense: Tense = 'past'): number {
  const published = publishedAt.getTime();
  const step = tense === 'past' ? -1 : 1;
  // Start one year on the other side so the slack also works across New Year's Eve.
  const first = publishedAt.getUTCFullYear() - step;
  for (let offset = 0; offset <= 9; offset++) {
    const year = first + step * offset;
    const date = utcDay(year, month, day);
    if (date && fits(date.getTime(), published, tense)) return year;
  }
  throw new RangeError(`no year has day ${day} in month ${month}`);
}
