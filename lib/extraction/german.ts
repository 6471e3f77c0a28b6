import * as chrono from 'chrono-node';
import { dayPartsOf } from './calendar.ts';
import { GERMAN_WEEKDAYS } from './weekday.ts';

/** German weekdays from Monday as listings shorten them. */
const SHORT = ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'];

/**
 * "am 24.10.", "vom 3.11. bis", "Do, 24.10.", "Donnerstag, 24.10.": German writes a day and month
 * as numbers closed by points, without the year, in programmes, schedules and regional news, and
 * chrono reads them only with a year. Only after a preposition of dates or a weekday, so that a
 * clock time closing a sentence ("um 10.11.") or a score stays what it is.
 */
const NUMERIC_DAY = String.raw`(\d{1,2})\.\s?(\d{1,2})\.(?!\s?\d)`;
const DAY_MONTH = new RegExp(
  String.raw`(?<!\p{L})(?:(?:am|vom|zum|bis|seit|den|dem)\s+|(${GERMAN_WEEKDAYS.join('|')}|${SHORT.join('|')})\.?,?\s*)${NUMERIC_DAY}(?:\s*(?:bis(?:\s+zum)?|–|-)\s*${NUMERIC_DAY})?`,
  'iu',
);

const isDay = (day: number, month: number) => day >= 1 && day <= 31 && month >= 1 && month <= 12;

/** Monday 1 … Sunday 0, as chrono numbers the week. */
function weekdayNumber(word: string): number {
  const index = word.length === 2 ? SHORT.indexOf(word) : GERMAN_WEEKDAYS.indexOf(word.toLowerCase());
  return (index + 1) % 7;
}

const dayMonth: chrono.Parser = {
  pattern: () => DAY_MONTH,
  extract: (context, match) => {
    const weekdayWord = match[1];
    const [day = 0, month = 0, endDay = 0, endMonth = 0] = [2, 3, 4, 5].map((group) =>
      Number(match[group] ?? 0),
    );
    if (!isDay(day, month)) return null;
    // A two-letter weekday is one only as a listing writes it, capitalised: "so" and "do" are words.
    if (weekdayWord?.length === 2 && !SHORT.includes(weekdayWord)) return null;
    const start = context.createParsingComponents({ day, month });
    start.imply('year', context.refDate.getFullYear());
    if (weekdayWord) start.assign('weekday', weekdayNumber(weekdayWord));
    // "vom 3.11. bis 24.11.": one span, not two days.
    if (!isDay(endDay, endMonth)) return start;
    const end = context.createParsingComponents({ day: endDay, month: endMonth });
    end.imply('year', context.refDate.getFullYear());
    return context.createParsingResult(match.index ?? 0, match[0], start, end);
  },
};

/**
 * "kündigt an, morgen früh das Gebiet zu besuchen": lower-case "morgen" is tomorrow, with its part of
 * the day after it, where chrono reads "the morning" of today. Capitalised it is the morning ("am
 * Morgen", "heute Morgen"), and so is lower-case "morgen" after the day it belongs to ("gestern
 * morgen", "heute morgen" in the old spelling) or an article.
 */
const TOMORROW =
  /(?<!\p{L})(?<!(?:heute|gestern|vorgestern|am|jeden|den|dem|des|frühen|guten)\s+)morgen(?:\s+(?:früh|vormittag|mittag|nachmittag|abend))?(?!\p{L})/u;

const tomorrow: chrono.Parser = {
  pattern: () => TOMORROW,
  extract: (context) => context.createParsingComponents(dayPartsOf(context.refDate, 1)),
};

/** chrono's German, reading a day and month written as numbers without the year, and tomorrow, too. */
export function germanChrono(): chrono.Chrono {
  const read = chrono.de.casual.clone();
  read.parsers.unshift(dayMonth, tomorrow);
  return read;
}
