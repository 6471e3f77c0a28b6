import type * as chrono from 'chrono-node';
import { dayPartsOf } from './calendar.ts';

/** The day before yesterday, as news in each language writes it (a space may be any run of spaces). */
const BEFORE_YESTERDAY = [
  // Indian and other regional English drop the article: "Day before yesterday, the collector…".
  '(?:the )?day before yesterday',
  'avant-hier',
  'avant hier',
  'vorgestern',
  'anteayer',
  'antes de ayer',
  'antier',
  'anteontem',
  "l['’]altro ieri",
  "ieri l['’]altro",
  'eergisteren',
  'позавчера',
  'позавчора',
].join('|');

/** The day after tomorrow. */
const AFTER_TOMORROW = [
  '(?:the )?day after tomorrow',
  'après-demain',
  'après demain',
  'übermorgen',
  'pasado mañana',
  'depois de amanhã',
  'dopodomani',
  'overmorgen',
  'послезавтра',
  'післязавтра',
].join('|');

const spaced = (phrases: string) => phrases.replace(/ /g, String.raw`\s+`);
const BEFORE = new RegExp(`^(?:${spaced(BEFORE_YESTERDAY)})$`, 'iu');
const EITHER = `(?:${spaced(BEFORE_YESTERDAY)}|${spaced(AFTER_TOMORROW)})`;
const PHRASE = new RegExp(String.raw`(?<!\p{L})${EITHER}(?!\p{L})`, 'iu');
const WHOLE = new RegExp(`^${EITHER}$`, 'iu');

/**
 * Whether a date's whole text is two days off ("avant-hier", "pasado mañana"): chrono reads most of
 * them as their last word alone ("hier", "ayer"), a day out.
 */
export const isTwoDaysOff = (text: string): boolean => WHOLE.test(text.trim());

const twoDaysOff: chrono.Parser = {
  pattern: () => PHRASE,
  extract: (context, match) =>
    context.createParsingComponents(dayPartsOf(context.refDate, BEFORE.test(match[0]) ? -2 : 2)),
};

/**
 * "Last evening": yesterday's evening, as Indian and other regional English write it where British
 * and American copy say "yesterday evening" or "last night". chrono reads no date in it. Not
 * someone's last evening ("his last evening at home"), which is no day.
 */
const LAST_EVENING =
  /(?<!\b(?:the|his|her|their|its|my|our|your|a|one|that|this)\s+)(?<!\p{L})last\s+evening(?!\p{L})/iu;

const lastEvening: chrono.Parser = {
  pattern: () => LAST_EVENING,
  extract: (context) => context.createParsingComponents(dayPartsOf(context.refDate, -1)),
};

/**
 * A language's chrono parser that also reads the day before yesterday and the day after tomorrow,
 * and English "last evening".
 */
export function withCasualDays(parser: chrono.Chrono): chrono.Chrono {
  const read = parser.clone();
  read.parsers.unshift(twoDaysOff, lastEvening);
  return read;
}
