import * as chrono from 'chrono-node';
import { dayPartsOf } from './calendar.ts';
import { monthNames } from './month-names.ts';

/**
 * "il primo dicembre", "dal primo marzo": Italian writes the first of a month as a word (or "1°",
 * which chrono reads); chrono's Italian reads no date in "primo".
 */
const FIRST_OF_MONTH = new RegExp(
  String.raw`(?<!\p{L})primo\s+(${monthNames('it').join('|')})(?!\p{L})`,
  'iu',
);

/** Whether a date's text is the first of a month written as a word (chrono may add "il" before it). */
export const isFirstOfMonth = (text: string): boolean => FIRST_OF_MONTH.test(text);

const firstOfMonth: chrono.Parser = {
  pattern: () => FIRST_OF_MONTH,
  extract: (context, match) => {
    const month = monthNames('it').indexOf((match[1] as string).toLowerCase()) + 1;
    const start = context.createParsingComponents({ day: 1, month });
    start.imply('year', context.refDate.getFullYear());
    return start;
  },
};

/**
 * Today's parts in one word or with "questa": "stamattina", "stamani", "stasera", "stanotte", "questa
 * mattina", "questo pomeriggio". chrono's Italian reads none of them.
 */
export const ITALIAN_TODAY =
  /(?<!\p{L})(?:stamattina|stamane|stamani|stasera|stanotte|questa\s+(?:mattina|sera|notte)|questo\s+pomeriggio)(?!\p{L})/iu;

const partOfToday: chrono.Parser = {
  pattern: () => ITALIAN_TODAY,
  extract: (context) => context.createParsingComponents(dayPartsOf(context.refDate)),
};

/** chrono's Italian with the first of a month written as a word and today's parts of the day. */
export function italianChrono(): chrono.Chrono {
  const read = chrono.it.casual.clone();
  read.parsers.unshift(firstOfMonth, partOfToday);
  return read;
}
