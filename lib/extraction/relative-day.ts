import { boundsTheCount } from './bounded-count.ts';
import { isoMonth, shiftDay } from './calendar.ts';
import { clockTimeSaidAt, opensOnClockTime } from './clock.ts';
import { countOf } from './counts.ts';
import type { DateMention } from './mention.ts';
import { tenseOf } from './tense.ts';
import { TURKISH_PLUPERFECT } from './tense-markers.ts';

// "later that day", "earlier in the day", "the same evening", "that night": the day before's own.
const SAME_DAY =
  /\b(?:(?:later|earlier)\s+(?:that|the same|in the)\s+(?:day|morning|afternoon|evening|night)|(?:that|the) same (?:day|morning|afternoon|evening|night)|that (?:morning|afternoon|evening|night))\b/i;
const SAME_DAY_ABROAD = new RegExp(
  `(?<!\\p{L})(?:${[
    'am (?:selben|gleichen) (?:Tag|Abend|Morgen)',
    'le même jour|le (?:jour|soir) même|ce (?:soir|jour)-là',
    '(?:ese|el) mismo día|esa misma (?:noche|tarde|mañana)',
    '(?:lo|quello) stesso giorno|la stessa sera',
    '(?:no|nesse) mesmo dia',
    'aynı (?:gün|sabah|akşam|gece)',
  ].join('|')})(?!\\p{L})`,
  'iu',
);
/** A count of days in Italian, Portuguese and Turkish, before the word for days. */
const COUNT_ABROAD = '(un|uno|due|tre|um|dois|três|bir|iki|İki|üç)';
/** The count a phrase's first group says. */
const countIn = (match: RegExpExecArray) => countOf(match[1]);

/** Phrases that date a sentence by the one before it, and by how many days. */
const RELATIVE_DAYS: Array<[RegExp, (match: RegExpExecArray) => number]> = [
  [/\bthe (?:next|following) (?:day|morning)\b/i, () => 1],
  [SAME_DAY, () => 0],
  // "a day after he said so", "two days after that": counted from the thing just told.
  [/\b(a|one|two|three|four|five) days? after (?:he|she|it|they|this|that|which)\b/i, countIn],
  [SAME_DAY_ABROAD, () => 0],
  // Not "two days later than planned": a delay, counted from nothing told.
  [/\b(a|one|two|three|four|five) days? later\b(?!\s+than)/i, countIn],
  [/\b(a|one|two|three|four|five) days? earlier\b/i, (m) => -countIn(m)],
  [/\b(a|one|two|three) weeks? later\b(?!\s+than)/i, (m) => 7 * countIn(m)],
  // "the day before the vote" counts from the vote; only a bare "the day before," counts from the sentence before.
  [
    /\bthe (?:previous|preceding) (?:day|evening|night)\b|\bthe (?:day|night|evening) before(?=\s*[,.;]|$)/i,
    () => -1,
  ],
  [/\bam (?:nächsten|folgenden) (?:Tag|Morgen)\b|\btags darauf\b|\bam Tag (?:darauf|danach)\b/i, () => 1],
  [/\b(einen|zwei|drei) Tage? später\b/i, countIn],
  // "am Vortag", "am Vorabend", "tags zuvor", "zwei Tage zuvor": the day or days before the one told.
  [/(?<!\p{L})(?:am Vortag|am Vorabend|tags zuvor)(?!\p{L})/iu, () => -1],
  [/\b(einen|zwei|drei) Tage? (?:zuvor|vorher|davor)\b/i, (m) => -countIn(m)],
  // Not "le lendemain de l'incendie", "al día siguiente del incendio", "am Tag nach dem Brand": counted from what they name.
  [/\ble lendemain\b(?!\s+(?:de|du|des|d['’]))/i, () => 1],
  [/\bla veille(?!\s+d)/i, () => -1],
  [/\b(un|deux|trois) jours? plus tard\b/i, countIn],
  [/\b(un|deux|trois) jours? plus tôt(?!\p{L})/iu, (m) => -countIn(m)],
  [/\bal día siguiente\b(?!\s+(?:de|del|a)\b)/i, () => 1],
  // Not "un día después de recibir la propuesta", "tres días después del rescate": a day after the
  // thing named, which came before.
  [/\b(un|dos|tres) días? después\b(?!\s+del?\b)/i, countIn],
  // Italian, Portuguese and Turkish: "il giorno dopo", "l'indomani", "no dia seguinte", "ertesi
  // gün", "due giorni dopo", "dois dias depois", "iki gün sonra"; "la vigilia", "na véspera", "il
  // giorno prima". Not "all'indomani della strage", "na véspera do voto", "um dia depois de ter
  // recebido", "depremden iki gün sonra": counted from what they name.
  [
    /(?<!\p{L})(?:il giorno (?:dopo|seguente)|l['’]indomani(?!\s+d)|no dia (?:seguinte|a seguir)|ertesi (?:gün|sabah|akşam))(?!\p{L})/iu,
    () => 1,
  ],
  [
    new RegExp(
      `(?<!(?:den|dan|ten|tan)\\s)(?<!\\p{L})${COUNT_ABROAD} (?:giorni|giorno|dias|dia|gün) (?:dopo|depois|sonra)(?!\\p{L})(?!\\s+(?:de|di|da|do|della|del|dello|dos|das|che|que|il|la|l['’]|aver|avere|ter))`,
      'iu',
    ),
    countIn,
  ],
  [
    /(?<!\p{L})(?:il giorno prima|la vigilia(?!\s+d)|na véspera(?!\s+d)|no dia anterior)(?!\p{L})/iu,
    () => -1,
  ],
  // Turkish "bir gün önce" in a sentence told in the pluperfect: the day before the one told.
  [
    new RegExp(`(?<!\\p{L})${COUNT_ABROAD} gün önce(?!\\p{L})(?=[^.]*${TURKISH_PLUPERFECT})`, 'iu'),
    (m) => -countIn(m),
  ],
  [
    new RegExp(
      `(?<!\\p{L})${COUNT_ABROAD} (?:giorni|giorno|dias|dia) (?:prima|antes)(?!\\s+d)(?!\\p{L})`,
      'iu',
    ),
    (m) => -countIn(m),
  ],
  // "el día anterior", "la víspera", "un día antes,": not "un día antes de la votación", counted from
  // the vote.
  [/(?<!\p{L})(?:el día anterior|la noche anterior|la víspera(?!\s+de))(?!\p{L})/iu, () => -1],
  [/(?<!\p{L})(un|dos|tres) días? antes(?!\s+de)(?!\p{L})/iu, (m) => -countIn(m)],
];

/**
 * A sentence that opens on one of the phrases above, after an optional "Meanwhile," or "Then": it
 * places itself on the day the story tells, or days from it.
 */
const OPENS_ON_STORY_DAY = new RegExp(
  String.raw`^\s*(?:meanwhile,?\s+|then,?\s+)?(?:${RELATIVE_DAYS.map(([phrase]) => phrase.source).join('|')})`,
  'iu',
);

/**
 * Whether a sentence opens by placing itself on the day the story tells, or days from it
 * ("Earlier in the day, the minister…", "Am selben Abend …", "Two days later, divers…"): a narrative
 * link to that day, which need not be the sentence right before's (a sentence or a paragraph of
 * background may come between). Inside a sentence the phrase is as often the speaker's day ("aides
 * said he would speak later in the day"), and it counts from the sentence before alone.
 */
export const opensOnStoryDay = (sentence: string): boolean =>
  OPENS_ON_STORY_DAY.test(sentence) || opensOnClockTime(sentence);

/**
 * A time of day with no day of its own, in the sentence right after a dated one ("A second quake
 * struck at 1:24 pm", "Shortly after, the minister resigned", "Am Mittag folgte ein zweites Beben",
 * "Peu avant midi, …", "a las 20:04"): the same day as that sentence. Only for what has happened or
 * is happening; "the service will run at 9 am" books a time, it tells nothing.
 */
const TIME_OF_THAT_DAY =
  /\bat (?:noon|midday)\b|\b(?:shortly|moments|minutes|hours) (?:after|afterwards|later)(?=\s*,)|\b(?:minutes|hours) later\b|(?<!\p{L})(?:am Mittag|mittags|gegen Mittag|(?:peu )?(?:avant|après) midi|à midi|al mediodía)(?!\p{L})/iu;

/** The first time of day a sentence gives without a day: a word for it or a clock time said as when. */
function timeOfThatDay(sentence: string): { index: number; text: string } | undefined {
  const word = TIME_OF_THAT_DAY.exec(sentence);
  const clock = clockTimeSaidAt(sentence);
  if (!word) return clock;
  return clock && clock.index < word.index ? clock : { index: word.index, text: word[0] };
}

const SAME_MONTH = /\b(?:the same month|(?:later|earlier) (?:that|the same) month|that same month)\b/i;

/**
 * "On 3 October, the talks collapsed. The next day, the minister resigned." A sentence dated only
 * by the one before it ("the next day", "two days later", "le lendemain"): that day, counted from
 * the anchor given: the sentence before's own day, or, for a sentence that opens on the phrase
 * (opensOnStoryDay), the last day the story reported. Nothing without an anchor.
 */
export function relativeDayMention(
  sentence: string,
  anchor: string | undefined,
  language?: string,
): DateMention | undefined {
  if (!anchor) return undefined;
  const month = SAME_MONTH.exec(sentence);
  // "the same month", "later that month": the month of the day before.
  if (month)
    return {
      index: month.index,
      text: month[0],
      date: anchor.slice(0, 7),
      precision: 'month',
      endDate: null,
      tense: 'past',
    };
  const time = tenseOf(sentence, language) === 'future' ? undefined : timeOfThatDay(sentence);
  if (time) return { ...time, date: anchor, precision: 'day', endDate: null, tense: 'past' };
  for (const [phrase, shift] of RELATIVE_DAYS) {
    const match = phrase.exec(sentence);
    if (!match) continue;
    if (boundsTheCount(sentence, match.index)) return undefined;
    const days = shift(match);
    if (days === undefined || Number.isNaN(days)) return undefined;
    return {
      index: match.index,
      text: match[0],
      date: shiftDay(anchor, days),
      precision: 'day',
      endDate: null,
      tense: 'past',
    };
  }
  return undefined;
}

const COUNT_WORD = '(a|one|two|three|four|five|six|seven|eight|nine|ten)';
/** "two years later", "a year later", "the following year": counted in years from the year before. */
const YEARS_LATER = new RegExp(String.raw`\b(?:${COUNT_WORD} years? later|the following year)\b`, 'i');
/** "three months later", "the following month": counted in months from the month before. */
const MONTHS_LATER = new RegExp(String.raw`\b(?:${COUNT_WORD} months? later|the following month)\b`, 'i');

/** The count of a phrase that may have none ("the following year" is one). */
const countOrOne = (match: RegExpExecArray) => (match[1] ? countOf(match[1]) : 1);

/**
 * "The bridge was proposed in 2015. Two years later, engineers warned…"; "signed in January last
 * year, and work resumed the following month": a sentence dated only by a count of years or months
 * from the sentence before's own date, as explainers, obituaries and background paragraphs run. A
 * count of months needs a month or day before it; a count of years any date. Nothing without one.
 */
export function relativePeriodMention(sentence: string, before: string | undefined): DateMention | undefined {
  if (!before) return undefined;
  const years = YEARS_LATER.exec(sentence);
  if (years) {
    if (boundsTheCount(sentence, years.index)) return undefined;
    const date = String(Number(before.slice(0, 4)) + countOrOne(years));
    return { index: years.index, text: years[0], date, precision: 'year', endDate: null, tense: 'past' };
  }
  const months = MONTHS_LATER.exec(sentence);
  if (!months || before.length < 7 || boundsTheCount(sentence, months.index)) return undefined;
  const total = Number(before.slice(0, 4)) * 12 + Number(before.slice(5, 7)) - 1 + countOrOne(months);
  const date = isoMonth(Math.floor(total / 12), (total % 12) + 1);
  return { index: months.index, text: months[0], date, precision: 'month', endDate: null, tense: 'past' };
}
