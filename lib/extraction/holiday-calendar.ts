import { isoDay, shiftDay } from './calendar.ts';

/** A holiday's month and day in a given year. */
export type DayInYear = (year: number) => readonly [month: number, day: number];

export const fixed =
  (month: number, day: number): DayInYear =>
  () => [month, day];

/** The `nth` given weekday (0 Sunday … 6 Saturday) of a month; -1 for the last. */
export const nthWeekday =
  (month: number, weekday: number, nth: number): DayInYear =>
  (year) => {
    if (nth < 0) {
      const last = new Date(Date.UTC(year, month, 0));
      return [month, last.getUTCDate() - ((last.getUTCDay() - weekday + 7) % 7)];
    }
    const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    return [month, 1 + ((weekday - first + 7) % 7) + 7 * (nth - 1)];
  };

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus). */
function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = (19 * a + b - Math.floor(b / 4) - Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3) + 15) % 30;
  const e = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - d - (c % 4)) % 7;
  const f = Math.floor((a + 11 * d + 22 * e) / 451);
  const month = Math.floor((d + e - 7 * f + 114) / 31);
  return new Date(Date.UTC(year, month - 1, ((d + e - 7 * f + 114) % 31) + 1));
}

const daysFrom =
  (anchor: (year: number) => Date, days: number): DayInYear =>
  (year) => {
    const day = new Date(anchor(year).getTime() + days * 86_400_000);
    return [day.getUTCMonth() + 1, day.getUTCDate()];
  };
export const fromEaster = (days: number) => daysFrom(easterSunday, days);
export const thanksgiving = nthWeekday(11, 4, 4);
export const fromThanksgiving = (days: number) =>
  daysFrom((year) => {
    const [month, day] = thanksgiving(year);
    return new Date(Date.UTC(year, month - 1, day));
  }, days);

/** A holiday's day in a year. */
export const holidayDay = (rule: DayInYear, year: number): string => isoDay(year, ...rule(year));

/** The day before or after `day` ("d"), or the nearest given weekday (0 Sunday … 6 Saturday) that way. */
export function countedFrom(day: string, unit: string, step: number): string {
  let at = shiftDay(day, step);
  while (unit !== 'd' && new Date(`${at}T00:00:00Z`).getUTCDay() !== Number(unit)) at = shiftDay(at, step);
  return at;
}
