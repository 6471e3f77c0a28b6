import { isoDay, isoMonth } from './calendar.ts';
import type { DateMention } from './mention.ts';

type Found = Omit<DateMention, 'tense'>;

/**
 * Holidays English news names as days, by month and day; Thanksgiving (day 0 here) is the fourth
 * Thursday of November, so its day depends on the year.
 */
const HOLIDAYS: Array<[RegExp, number, number]> = [
  [/christmas eve$/i, 12, 24],
  [/christmas(?: day)?$/i, 12, 25],
  [/new year['’]s eve$/i, 12, 31],
  [/new year['’]s(?: day)?$/i, 1, 1],
  [/halloween$/i, 10, 31],
  [/valentine['’]s day$/i, 2, 14],
  [/thanksgiving(?: day)?$/i, 11, 0],
  // Fixed days that British, Irish, Commonwealth and French news name without a date.
  [/boxing day$/i, 12, 26],
  [/hogmanay$/i, 12, 31],
  [/(?:st\.?|saint) patrick['’]s day$/i, 3, 17],
  [/bastille day$/i, 7, 14],
  [/(?:guy fawkes|bonfire) night$/i, 11, 5],
  [/(?:armistice|remembrance) day$/i, 11, 11],
  [/anzac day$/i, 4, 25],
  [/canada day$/i, 7, 1],
  [/australia day$/i, 1, 26],
  [/waitangi day$/i, 2, 6],
];

/** A holiday's day in a year: its own, or the fourth Thursday of November. */
function holidayDay(year: number, month: number, day: number): string {
  if (day) return isoDay(year, month, day);
  const first = new Date(Date.UTC(year, 10, 1)).getUTCDay();
  return isoDay(year, 11, 1 + ((4 - first + 7) % 7) + 21);
}

/**
 * "on Christmas Eve", "at Halloween": a holiday named as the day something happened, its year by the
 * tense, or as written after it ("on Christmas Day 2019"). "Over" or "during" a holiday with its year
 * ("over Christmas 2019") is the holidays, at the month's precision.
 */
const ON_HOLIDAY =
  /(?<!\p{L})(on|at|over|during)\s+((?:christmas|new year['’]s)(?:\s+(?:eve|day))?|halloween|valentine['’]s day|thanksgiving(?:\s+day)?|boxing day|hogmanay|(?:st\.?|saint) patrick['’]s day|bastille day|(?:guy fawkes|bonfire) night|(?:armistice|remembrance|anzac|canada|australia|waitangi) day)(?!\p{L})(?!\s+(?:last|this|next)\s+year)(?:\s+((?:19|20)\d\d)(?!\d))?/giu;

/** A cheap test first: a word every holiday ON_HOLIDAY reads has. */
const HOLIDAY_WORD =
  /christmas|new year|halloween|valentine|thanksgiving|boxing|hogmanay|patrick|bastille|fawkes|bonfire|armistice|remembrance|anzac|canada day|australia day|waitangi/i;

/**
 * "on Christmas Eve last year", "just before Thanksgiving last year": "last year" there says which
 * year's holiday, and the holiday is the date (a bound like "before" then applies to it as to any
 * date); read as the whole year, it would date the event to a year it only happened in.
 */
export function holidayOf(
  sentence: string,
  index: number,
  year: number,
  yearText: string,
): Found | undefined {
  const from = Math.max(0, index - 24);
  const before = sentence.slice(from, index).trimEnd();
  for (const [name, month, day] of HOLIDAYS) {
    const found = name.exec(before);
    if (!found || (found.index > 0 && /\p{L}/u.test(before[found.index - 1] ?? ''))) continue;
    const start = from + found.index;
    return {
      index: start,
      text: sentence.slice(start, index + yearText.length),
      date: holidayDay(year, month, day),
      precision: 'day',
      endDate: null,
    };
  }
  return undefined;
}

/**
 * A holiday's day in the year `yearOf` picks: Thanksgiving falls between 22 and 28 November, so the
 * 25th stands for it when the year is chosen.
 */
export const holidayInYear = (month: number, day: number, yearOf: (day: number) => number): string =>
  holidayDay(yearOf(day || 25), month, day);

/**
 * The holidays a sentence names as days, dated "?month-day" for findDates to give the year its tense
 * points to, or in the year written after them.
 */
export function holidaysNamed(sentence: string): Found[] {
  // Asked of every English sentence: the full pattern, with its lookarounds, only where one is named.
  if (!HOLIDAY_WORD.test(sentence)) return [];
  const found: Found[] = [];
  for (const match of sentence.matchAll(ON_HOLIDAY)) {
    const [whole, word = '', name = '', year] = match;
    const holiday = HOLIDAYS.find(([pattern]) => pattern.test(name));
    if (!holiday) continue;
    const [, month, day] = holiday;
    const span = /^(?:over|during)$/i.test(word);
    // Over or during the holiday, with no year to say which, is too loose a date.
    if (span && !year) continue;
    const start = match.index ?? 0;
    const index = start + whole.indexOf(name, word.length);
    const [date, precision] = !year
      ? [`?${month}-${day}`, 'day' as const]
      : span
        ? [isoMonth(Number(year), month), 'month' as const]
        : [holidayDay(Number(year), month, day), 'day' as const];
    found.push({ index, text: sentence.slice(index, start + whole.length), date, precision, endDate: null });
  }
  return found;
}
