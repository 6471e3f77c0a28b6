import { withoutFractions } from './fractions.ts';
import { ENGLISH_MONTH } from './month-names.ts';
import { ENGLISH_WEEKDAY, GERMAN_WEEKDAYS, ROMANCE_WEEKDAYS } from './weekday.ts';

/**
 * A sentence as chrono can read it: parts of the day it would take for the date blanked, spans and
 * clock times written as it reads them, fractions and words in figures blanked. Every character stays
 * where it was, so chrono's indices still point into the sentence.
 */

/** German writes the part of the day into the weekday: "am Sonntagabend", "am frühen Montagmorgen". */
const GERMAN_DAY_PART = new RegExp(
  `(${GERMAN_WEEKDAYS.join('|')})(morgen|vormittag|mittag|nachmittag|abend|nacht)`,
  'giu',
);

/**
 * "the morning of 26 March", "in the evening of 18 June": chrono reads the part of the day and
 * loses the date, so the part of the day is blanked before a written day.
 */
// Case by hand: under the "i" flag \p{Lu} takes any letter, and "this morning of a walkout" lost its morning.
const DAY_PART_OF =
  /\b(?:[Tt]he\s+)?(?:[Ee]arly\s+|[Ll]ate\s+)?(?:[Mm]orning|[Aa]fternoon|[Ee]vening|[Nn]ight)\s+of(?=\s+(?:\d|\p{Lu}))/gu;
/**
 * "mid-afternoon Monday", "late morning Tuesday", as American agency copy writes the time before
 * the day: chrono reads "afternoon Monday" as this afternoon and the weekday is lost, so the part of
 * the day is blanked.
 */
const DAY_PART_BEFORE_WEEKDAY = new RegExp(
  String.raw`\b(?:(?:mid|early|late)[-\s])?(?:morning|afternoon|evening|night)(?=\s+${ENGLISH_WEEKDAY}\b)`,
  'giu',
);
/**
 * "la noche de este lunes", "la tarde de ayer", "le soir de lundi", "à 4h du matin lundi": Spanish
 * and French write the part of the day before its weekday, and chrono reads "noche de este lunes",
 * "matin lundi" as no day at all, so the part of the day is blanked.
 */
const ROMANCE_DAY_PART_OF_WEEKDAY: Record<string, RegExp> = {
  es: new RegExp(
    String.raw`(?<!\p{L})(?:noche|tarde|mañana|madrugada)(?=\s+del?\s+(?:ayer|anteayer|hoy|(?:(?:este|ese|pasado|próximo)\s+)?(?:${ROMANCE_WEEKDAYS.es?.join('|')}))(?!\p{L}))`,
    'giu',
  ),
  fr: new RegExp(
    String.raw`(?<!\p{L})(?:soir|soirée|matin|matinée|après-midi|nuit)(?=\s+(?:de\s+)?(?:${ROMANCE_WEEKDAYS.fr?.join('|')})(?!\p{L}))`,
    'giu',
  ),
};
/**
 * "del 3 al 5 de junio": chrono's Spanish parser reads "del 3 al 5" as clock times and the days are
 * lost. Read as "el 3 al 5 de junio", chrono takes the last day and the range's first is found before it.
 */
/**
 * "Wed 12 Nov 20.45 GMT", "Updated 18 Mar 09.05": British pages stamp their entries with a dotted clock
 * time after the day, which chrono reads as a two-digit year (2020, 2009). Written with a colon, it is
 * the time it is.
 */
const DOTTED_CLOCK_AFTER_DAY = new RegExp(
  String.raw`(\b\d{1,2}\s+(?:${ENGLISH_MONTH})\.?,?\s+)([01]?\d|2[0-3])\.([0-5]\d)(?![.,]?\d)`,
  'giu',
);

/** "from 3 to 5 May": chrono reads "from 3 to 5" as clock times; without "from" it reads the span. */
const FROM_DAY_SPAN = new RegExp(
  String.raw`\bfrom(?=\s+\d{1,2}(?:st|nd|rd|th)?\s*(?:to|until|till|-|–)\s*\d{1,2}(?:st|nd|rd|th)?\s+(?:${ENGLISH_MONTH})\b)`,
  'giu',
);
const SPANISH_DAY_SPAN = /(?<!\p{L})del(?=\s+\d{1,2}\s+al\s+\d{1,2}\s+de\s)/giu;
/**
 * "rose to 24 on Sunday", "beat the Packers 27-24 Sunday night": chrono reads a 24 before a date as the
 * hour 24, finds no such time and drops the date with it; any other figure it leaves alone. A count
 * before "on" or a weekday, never a day ("24 November" stays).
 */
const COUNT_24_BEFORE_DATE = new RegExp(
  String.raw`(?<![\d:.,/])24(?=\s+(?:on\s|${ENGLISH_WEEKDAY}\b))`,
  'giu',
);
/**
 * "from Tuesday, December 1, to Thursday, December 3": the comma after the first day, as American copy
 * sets off a date, hides the span from chrono, which then gives two single days.
 */
const FROM_DAY_COMMA =
  /(?<=\bfrom\s[^;.]{0,30}\d{1,2}(?:st|nd|rd|th)?),(?=\s+(?:to|through|until|till)\s)/giu;
/**
 * "am Sonntag, dem 8. Februar", "Montag, den 9. März", "Heute ist Sonntag, der 22. Februar": German sets
 * the date after its weekday with an article, and chrono then reads two dates, the weekday alone (the
 * nearest such day) and the written day. Without the article it reads one, the written day.
 */
const GERMAN_WEEKDAY_ARTICLE = new RegExp(
  String.raw`(?<=(?:${GERMAN_WEEKDAYS.join('|')}),\s+)(?:der|den|dem)(?=\s+\d{1,2}\.)`,
  'giu',
);
/** "mid-May", "mid-October": chrono reads "mid May" as the month, but not with the hyphen. */
const MID_HYPHEN = /\b(mid)-(?=\p{L})/giu;

/**
 * "AT1 bondholders", "at1 notes": chrono reads "at" with a figure run on as a clock time ("March 4 –
 * AT1" as 1 o'clock that day), though a time is written with its space ("at 1 p.m."). Run on, it is a
 * code: a bond class, a model, a grade, and stays a word chrono does not know.
 */
const AT_RUN_ON_FIGURE = /(?<!\p{L})at(?=\d)/giu;

/** The sentence as chrono can read it, each character where it was, so indices still point into the original. */
export function readable(sentence: string, language: string): string {
  const blank = (text: string) => ' '.repeat(text.length);
  let english = withoutFractions(sentence);
  // Each rewrite needs a plain word or mark, looked for first: the patterns' lookarounds cost every
  // sentence more than a search.
  if (/\d\.\d/.test(english)) english = english.replace(DOTTED_CLOCK_AFTER_DAY, '$1$2:$3');
  if (/from/i.test(english)) english = english.replace(FROM_DAY_SPAN, blank).replace(FROM_DAY_COMMA, ' ');
  if (/morning|afternoon|evening|night/i.test(english))
    english = english.replace(DAY_PART_OF, blank).replace(DAY_PART_BEFORE_WEEKDAY, blank);
  if (/mid-/i.test(english)) english = english.replace(MID_HYPHEN, '$1 ');
  if (/at\d/i.test(english)) english = english.replace(AT_RUN_ON_FIGURE, 'xx');
  if (english.includes('24')) english = english.replace(COUNT_24_BEFORE_DATE, blank);
  if (language === 'de')
    return english
      .replace(GERMAN_DAY_PART, (_, day: string, part: string) => day + blank(part))
      .replace(GERMAN_WEEKDAY_ARTICLE, blank);
  if (language === 'es')
    return english.replace(ROMANCE_DAY_PART_OF_WEEKDAY.es as RegExp, blank).replace(SPANISH_DAY_SPAN, ' el');
  const romance = ROMANCE_DAY_PART_OF_WEEKDAY[language];
  return romance ? english.replace(romance, blank) : english;
}
