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

/** The part of the day written after it: "avant-hier soir", "vorgestern Abend", "antes de ayer por la noche". */
const PART_OF_DAY = [
  'morning',
  'afternoon',
  'evening',
  'night',
  'matin',
  'après-midi',
  'soir',
  'morgen',
  'vormittag',
  'nachmittag',
  'abend',
  'nacht',
  'por la (?:mañana|tarde|noche)',
  '(?:de|à) (?:manhã|tarde|noite)',
  'mattina',
  'pomeriggio',
  'sera',
].join('|');

const spaced = (phrases: string) => phrases.replace(/ /g, String.raw`\s+`);
const BEFORE = new RegExp(`^(?:${spaced(BEFORE_YESTERDAY)})`, 'iu');
const EITHER = `(?:${spaced(BEFORE_YESTERDAY)}|${spaced(AFTER_TOMORROW)})(?:\\s+(?:${spaced(PART_OF_DAY)}))?`;
const PHRASE = new RegExp(String.raw`(?<!\p{L})${EITHER}(?!\p{L})`, 'iu');
const WHOLE = new RegExp(`^${EITHER}$`, 'iu');

/**
 * Whether a date's whole text is two days off ("avant-hier", "pasado mañana"): chrono reads most of
 * them as their last word alone ("hier", "ayer"), a day out.
 */
export const isTwoDaysOff = (text: string): boolean => WHOLE.test(text.trim());

/**
 * A word every phrase above holds, looked for first: PHRASE's lookarounds cost chrono's scan of every
 * sentence more than one plain search, and few sentences say either day.
 */
const TWO_DAYS_WORD =
  /yesterday|tomorrow|hier|gestern|ayer|antier|ontem|ieri|eergisteren|позавч|demain|morgen|mañana|amanhã|domani|послезавтра|післязавтра/i;
/**
 * A word every phrase the parsers here read holds: what a test before chrono must let through
 * (english-date-cue.ts), so a parser added here is a word added there.
 */
export const CASUAL_DAY_WORD = new RegExp(`${TWO_DAYS_WORD.source}|evening|night|noche|madrugada`, 'i');
/** A pattern that fails at once: anchored, it is tried at the start only. */
const NEVER = /^(?!)/;

const twoDaysOff: chrono.Parser = {
  pattern: (context) => (TWO_DAYS_WORD.test(context.text) ? PHRASE : NEVER),
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
 * "Last night" is the evening before the newsroom's day whenever it is written; chrono reads it as
 * today's small hours when its reference is before 6 a.m., so copy filed before dawn ("declared a
 * snow emergency at 7 p.m. last night") dated it a day late. Not someone's last night ("his last
 * night in office").
 */
const SOMEONES = String.raw`\b(?:the|his|her|their|its|my|our|your|a|one|that|this)\s+`;
const LAST_NIGHT = new RegExp(String.raw`(?<!${SOMEONES})(?<!\p{L})last\s+night(?!\p{L})`, 'iu');
const SOMEONES_LAST_NIGHT_BEFORE = new RegExp(`${SOMEONES}$`, 'iu');

const lastNight: chrono.Parser = {
  pattern: () => LAST_NIGHT,
  extract: (context) => context.createParsingComponents(dayPartsOf(context.refDate, -1)),
};

/** chrono's own reading of someone's last night, which the parser above declines. */
const withoutSomeonesLastNight: chrono.Refiner = {
  refine: (context, results) =>
    results.filter(
      (result) =>
        !/^last\s+night$/i.test(result.text) ||
        !SOMEONES_LAST_NIGHT_BEFORE.test(context.text.slice(Math.max(0, result.index - 8), result.index)),
    ),
};

/**
 * "Tonight" written in the small hours is the night under way, which began the day before: a game
 * report filed at 00:45 ("tonight's loss stings") tells the evening before. From 3 a.m. on, "tonight"
 * is the coming one, as chrono reads it.
 */
const TONIGHT = /(?<!\p{L})tonight(?!\p{L})/iu;
const SMALL_HOURS_END = 3;

const tonightInSmallHours: chrono.Parser = {
  pattern: () => TONIGHT,
  extract: (context) =>
    context.refDate.getUTCHours() < SMALL_HOURS_END
      ? context.createParsingComponents(dayPartsOf(context.refDate, -1))
      : null,
};

/** Spanish "anoche" (last night) and "antenoche" (the night before): chrono's Spanish reads neither. */
const LAST_NIGHT_ES = /(?<!\p{L})(?:(ante)noche|anoche)(?!\p{L})/iu;

const lastNightSpanish: chrono.Parser = {
  pattern: () => LAST_NIGHT_ES,
  extract: (context, match) =>
    context.createParsingComponents(dayPartsOf(context.refDate, match[1] ? -2 : -1)),
};

/**
 * Spanish and Portuguese "esta madrugada", "nesta madrugada": the small hours of today, when agency
 * copy dates what happened overnight. chrono reads "madrugada" as no day.
 */
const SMALL_HOURS_TODAY = /(?<!\p{L})(?:esta|nesta)\s+madrugada(?!\p{L})/iu;

const smallHoursToday: chrono.Parser = {
  pattern: () => SMALL_HOURS_TODAY,
  extract: (context) => context.createParsingComponents(dayPartsOf(context.refDate)),
};

/**
 * A language's chrono parser that also reads the day before yesterday and the day after tomorrow,
 * English "last evening", "last night" and a small hours' "tonight", Spanish "anoche" and "esta
 * madrugada".
 */
export function withCasualDays(parser: chrono.Chrono): chrono.Chrono {
  const read = parser.clone();
  read.parsers.unshift(
    twoDaysOff,
    lastEvening,
    lastNight,
    tonightInSmallHours,
    lastNightSpanish,
    smallHoursToday,
  );
  read.refiners.push(withoutSomeonesLastNight);
  return read;
}
