import * as chrono from 'chrono-node';
import { withoutAppositeWeekdays } from './apposition.ts';
import { withBetweenSpans } from './between-spans.ts';
import { boundsTheTime, isBookedUntil, isBound, namesAnEvent, namesTheAgent, POSSESSIVE } from './bounds.ts';
import {
  dayOf,
  dayOfMonthDate,
  daysBetween,
  inferMonthYear,
  isoDay,
  isoMonth,
  resolveNamedWeekday,
  resolveWeekday,
  shiftDay,
  shiftYears,
} from './calendar.ts';
import { withCasualDays } from './casual-days.ts';
import { isCasualDayText } from './casual-words.ts';
import { clauseSpan, quotationSpans, spanHolding } from './clauses.ts';
import { dayFirstIfPast, withDayFirstNumbers } from './day-first.ts';
import { mayHoldEnglishDate } from './english-date-cue.ts';
import { germanChrono } from './german.ts';
import { holidayInYear, holidayOf, holidaysNamed } from './holidays.ts';
import { isFirstOfMonth, italianChrono } from './italian.ts';
import type { DateMention } from './mention.ts';
import {
  ENGLISH_MONTH,
  ENGLISH_MONTHS,
  type MonthMention,
  monthMentions,
  monthSpans,
} from './month-names.ts';
import { ordinalDays } from './ordinal-days.ts';
import { withOvernightSpans } from './overnight.ts';
import { readable } from './readable.ts';
import { datesAnEvent, periodMentions } from './relative-period.ts';
import {
  dateTense,
  framedTense,
  invitationsIn,
  isBookedEvent,
  isNextOccasion,
  isScheduledPresent,
  isTimetabledAhead,
  planOfRecentSaying,
  reportedPlanAhead,
  startsAPeriod,
  type Tense,
} from './tense.ts';
import { turkishChrono, turkishMonthMentions } from './turkish.ts';
import { ENGLISH_WEEKDAY, namesOneWeekday } from './weekday.ts';
import { withWeekdayDays } from './weekday-day.ts';
import { withWrittenYear } from './written-year.ts';
import { inferYear, utcDay } from './year.ts';

export type { DateMention, DatePrecision } from './mention.ts';

export interface FindOptions {
  language?: string;
  /** How to read a clause with no tense marker; list items are written in the historical present. */
  presentAs?: Tense;
  /**
   * The year a heading over the text names ("2023" above a timeline's entries): a day or month
   * written without a year falls in it, whatever the tense would choose.
   */
  year?: number;
}

/** A day or month chrono read without a year, moved into the year a heading names. */
function inHeadingYear(resolved: Resolved, result: Result, year: number | undefined): Resolved {
  if (year === undefined || result.start.isCertain('year') || !result.start.isCertain('month'))
    return resolved;
  const shift = year - Number(resolved.date.slice(0, 4));
  const endDate = resolved.endDate && shiftYears(resolved.endDate, shift);
  return { ...resolved, date: shiftYears(resolved.date, shift), endDate };
}

type Result = chrono.ParsedResult;
type Components = Result['start'];
type Parser = { parse(text: string, ref: chrono.ParsingReference): Result[] };
type Resolved = Pick<DateMention, 'date' | 'precision' | 'endDate'>;

const PARSERS: Record<string, Parser> = Object.fromEntries(
  Object.entries({
    en: withDayFirstNumbers(chrono.casual, false),
    de: germanChrono(),
    fr: chrono.fr.casual,
    es: chrono.es.casual,
    pt: chrono.pt.casual,
    nl: chrono.nl.casual,
    it: italianChrono(),
    ru: chrono.ru.casual,
    uk: chrono.uk.casual,
    sv: chrono.sv.casual,
    ja: chrono.ja.casual,
    zh: chrono.zh.casual,
    tr: withDayFirstNumbers(turkishChrono, true),
  }).map(([language, parser]) => [language, withWeekdayDays(withCasualDays(parser), language)]),
);
const BRITISH = withCasualDays(chrono.en.GB);

const primary = (language?: string) => (language ?? 'en').toLowerCase().split('-')[0] ?? 'en';

/** English outside North America writes the day first: "8/10" is 8 October in a British feed. */
const DAY_FIRST_ENGLISH = /^en-(?:gb|uk|ie|au|nz|in|za)$/i;

function parserFor(language: string | undefined): Parser {
  if (language && DAY_FIRST_ENGLISH.test(language)) return BRITISH;
  return PARSERS[primary(language)] ?? (PARSERS.en as Parser);
}

function chronoRead(text: string, instant: Date, language: string | undefined): Result[] {
  const parser = parserFor(language);
  const english = parser === PARSERS.en || parser === BRITISH;
  if (english && !mayHoldEnglishDate(text)) return [];
  return parser.parse(text, { instant, timezone: 'UTC' });
}

/**
 * A month standing alone is a date only after words that make it one: "in June", not "May I". The
 * other languages' parsers take most of theirs with the month; Italian's parts of a month ("a metà
 * ottobre", "ai primi di novembre", "alla fine di ottobre", "nel mese di marzo") they leave before it.
 */
const MONTH_CONTEXT =
  /(?:\b(?:in|by|until|till|from|during|through|early|late|mid|end of|beginning of|start of|of|last|this|next|di|metà|nel mese di)[\s-]+)$/iu;
/** "two days ago", "48 hours ago": chrono counts them back from publication; the day they land on is the date. */
const DAYS_AGO =
  /\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:days?|hours?)\s+ago\b/i;
/** Spanish "mañana" is also the morning: "por la mañana", "esta mañana", "a media mañana", "esa misma mañana". */
const THE_MORNING = /\b(?:la|esta|esa|aquella|misma|una|cada|media)\s+$/i;

/** "this morning", "ce soir", "esta tarde": the day is today, though chrono only implies it. */
const THIS_PART_OF_DAY = /^(?:this|ce|cet|cette|esta)\s+\p{L}/iu;
const isPartOfToday = (result: Result): boolean =>
  THIS_PART_OF_DAY.test(result.text.trim()) &&
  hasTag(result, /^casualReference\/(?:morning|afternoon|evening|night)$/);

function isCasualDay(result: Result, sentence: string): boolean {
  const text = result.text.trim();
  if (/^mañana$/i.test(text) && THE_MORNING.test(sentence.slice(0, result.index))) return false;
  return (
    isPartOfToday(result) ||
    isCasualDayText(text) ||
    hasTag(result, /^casualReference\/(?:yesterday|today|tomorrow)$/)
  );
}

/**
 * "between 3 and 5 February", "on 2 and 3 May", "am 7. und 8. März", "entre el 3 y el 5 de mayo",
 * "entre le 3 et le 5 mai": the range's first day before chrono's date. Not a score or a figure ("won
 * 2-1 a 5 de maio", "3:1", "1,500 and 3 May"): a number written after another is none.
 */
const RANGE_START =
  /(?<![\d.,:–-]\s?)(?<!\d)(\d{1,2})(?:st|nd|rd|th|\.)?\s*(?:and|to|until|till|through|und|bis|et|au|y|al|e|a|і|и|по|–|—|-)\s*(?:(?:el|le|the|il)\s+)?$/i;
/**
 * "between Jan. 3 and Feb. 17": a number after a month name is that month's day, a date of its own,
 * not the first day of a range in the month after it.
 */
const MONTH_FIRST_BEFORE = new RegExp(String.raw`\b(?:${ENGLISH_MONTH})\.?\s*$`, 'i');

/** The first day of a range chrono read only the last day of ("15 and " of "15 and 16 April"), if one opens it. */
function rangeOpening(before: string): RegExpExecArray | undefined {
  const first = RANGE_START.exec(before);
  return first && !MONTH_FIRST_BEFORE.test(before.slice(0, first.index)) ? first : undefined;
}

/**
 * Where a date's words begin for reading its tense: at a range's first day. "will strike on 15 and
 * 16 April, the union said": after "and", the last day's clause is the attribution's, and its "said"
 * would send a plan a year back.
 */
const tenseStart = (sentence: string, index: number) =>
  rangeOpening(sentence.slice(0, index))?.index ?? index;

/** Whether chrono tagged the result with what it recognised it as ("result/relativeDate", …). */
function hasTag(result: Result, pattern: RegExp): boolean {
  const tags = typeof result.tags === 'function' ? result.tags() : new Set<string>();
  return [...tags].some((tag) => pattern.test(tag));
}

function calendarDay(components: Components, publishedAt: Date, tense: Tense): string {
  const month = components.get('month') ?? 1;
  const day = components.get('day') ?? 1;
  if (components.isCertain('year'))
    return isoDay(components.get('year') ?? publishedAt.getUTCFullYear(), month, day);
  const year = inferYear(month, day, publishedAt, tense);
  const weekday = components.isCertain('weekday') ? components.get('weekday') : null;
  return isoDay(weekday === null ? year : yearOfWeekday(year, month, day, weekday, publishedAt), month, day);
}

/**
 * "Saturday, 3 February", "Sa., 3 Feb": a weekday written with a day and month says which year,
 * whatever the tense suggests; the same day falls on the same weekday a year apart only after five
 * years or more. The inferred year unless it is the wrong weekday and a year beside it is right
 * (the nearer to publication when both are).
 */
function yearOfWeekday(year: number, month: number, day: number, weekday: number, publishedAt: Date): number {
  // A 29 February outside a leap year is no day, and has no weekday.
  const weekdayIn = (y: number) => utcDay(y, month, day)?.getUTCDay();
  if (weekdayIn(year) === weekday) return year;
  const away = (y: number) => Math.abs(Date.UTC(y, month - 1, day) - publishedAt.getTime());
  const matching = [year - 1, year + 1]
    .filter((y) => weekdayIn(y) === weekday)
    .sort((a, b) => away(a) - away(b));
  return matching[0] ?? year;
}

function rangeEnd(result: Result, start: string): string | null {
  const { end } = result;
  if (!end?.isCertain('day')) return null;
  const startYear = Number(start.slice(0, 4));
  const startMonth = Number(start.slice(5, 7));
  const month = end.get('month') ?? startMonth;
  const year = end.isCertain('year')
    ? (end.get('year') ?? startYear)
    : startYear + (month < startMonth ? 1 : 0);
  const date = isoDay(year, month, end.get('day') ?? 1);
  return date > start ? date : null;
}

/**
 * "on Nov. 17 and 18, the union said", "on April 15 and 16.": chrono reads the month's first day and
 * leaves the second, a bare number. Only where the number ends the phrase, so "on April 15 and 16
 * people" stays one day.
 */
const MONTH_THEN_DAY = new RegExp(String.raw`\b(?:${ENGLISH_MONTH})\.?\s+\d{1,2}(?:st|nd|rd|th)?$`, 'i');
const SECOND_DAY_AFTER = /^\s*(?:and|&)\s+(\d{1,2})(?:st|nd|rd|th)?(?=\s*(?:[,.;:)]|$))/;

function secondDayAfter(result: Result, sentence: string, start: string): string | null {
  if (!MONTH_THEN_DAY.test(result.text)) return null;
  const second = SECOND_DAY_AFTER.exec(sentence.slice(result.index + result.text.length));
  if (!second) return null;
  // "Nov. 30 and 31": a day the month lacks is no range.
  const end = utcDay(Number(start.slice(0, 4)), Number(start.slice(5, 7)), Number(second[1]))
    ?.toISOString()
    .slice(0, 10);
  return end && end > start ? end : null;
}

/** A score or a figure's first half right before chrono's text: "2-" of "2-1", "3:" of "3:1". */
const SCORE_BEFORE = /\d\s?[-:–]\s?$/;
/**
 * A name whose number chrono's range took as its first day: "Dublin 2 – 3rd March", "Terminal 5 – 12
 * May" (a postal district, a building). Not a month or a weekday, whose number is a day.
 */
const NAME_BEFORE_NUMBER = /(?<!\p{L})\p{Lu}\p{Ll}+\s$/u;
// Nor a word that opens a span ("Vom 7. bis 10. März", "Du 3 au 6 avril", "From 2 to 3 May").
const DAY_WORD_BEFORE = new RegExp(
  String.raw`\b(?:${ENGLISH_MONTH}|${ENGLISH_WEEKDAY}|from|between|on|vom|von|zwischen|am|du|des|entre|le|del|de|desde|el|dal|il|al|au)\s$`,
  'i',
);
const namesItsNumber = (before: string) => NAME_BEFORE_NUMBER.test(before) && !DAY_WORD_BEFORE.test(before);

/** A written day ("8 October", "Oct. 8", "08.10.2024"), with the range chrono missed when the first day stands alone. */
function writtenDay(result: Result, sentence: string, publishedAt: Date, tense: Tense): Resolved | undefined {
  const { start, text } = result;
  // chrono also gives "now" and "tonight" a day; a written day has digits, or is Italian's "primo".
  const written = /\d/.test(text) || isFirstOfMonth(text);
  if (!written || (!/\p{L}/u.test(text) && !/\d{1,4}[./-]\d{1,2}/.test(text))) return undefined;
  // "venceu por 2-1 a 5 de maio": chrono's range opens on a score's last figure; the day is its end.
  // So does it on a name's number: "Merrion Square, Dublin 2 – 3rd March 2026".
  const before = sentence.slice(0, result.index);
  if (
    (SCORE_BEFORE.test(before) || (/^\d/.test(text) && namesItsNumber(before))) &&
    result.end?.isCertain('day')
  )
    return { date: calendarDay(result.end, publishedAt, tense), precision: 'day', endDate: null };
  const date = dayFirstIfPast(text, calendarDay(start, publishedAt, tense), publishedAt, tense);
  const endDate = rangeEnd(result, date) ?? secondDayAfter(result, sentence, date);
  const first = rangeOpening(before);
  const firstDay = first ? Number(first[1]) : 0;
  if (!endDate && firstDay && firstDay < (start.get('day') ?? 0)) {
    return {
      date: `${date.slice(0, 8)}${String(firstDay).padStart(2, '0')}`,
      precision: 'day',
      endDate: date,
    };
  }
  return { date, precision: 'day', endDate };
}

const NEXT =
  /(?<!\p{L})(?:next|prochain|prochaine|próximo|próxima|nächsten|kommenden|prossimo|prossima|gelecek|önümüzdeki)(?!\p{L})/iu;
const LAST =
  /(?<!\p{L})(?:last|dernier|dernière|pasado|pasada|letzten|vergangenen|scorso|scorsa|passado|passada|último|última|geçen|geçtiğimiz)(?!\p{L})/iu;
/**
 * "el próximo 3 de julio", "le 3 juillet prochain", "el pasado 3 de febrero", "next Tuesday": a word
 * beside a day written without its year, or a weekday, says which way it lies, whatever the clause's
 * verb ("fijó la vista para el próximo 3 de julio" books a hearing, "claimed the attack and threatened
 * to publish the data next Tuesday" a threat). So does "tomorrow" in the writer's own words
 * ("cancelled today, cuts to continue tomorrow"); inside a quotation it is the speaker's, told by then.
 */
function namedDirection(sentence: string, result: Result): Tense | undefined {
  const { start } = result;
  if (hasTag(result, /^casualReference\/tomorrow$/))
    return spanHolding(quotationSpans(sentence), result.index) ? undefined : 'future';
  const written = start.isCertain('day') && start.isCertain('month') && !start.isCertain('year');
  const weekday = start.isCertain('weekday') && !start.isCertain('day');
  return written || weekday ? directionWord(sentence, result) : undefined;
}

/** Which way "next", "prochain", "last", "pasado" and their kin beside a date point, if one stands there. */
function directionWord(sentence: string, result: Result): 'future' | 'past' | undefined {
  const said = withWordsAround(sentence, result);
  return NEXT.test(said) ? 'future' : LAST.test(said) ? 'past' : undefined;
}

/** What a weekday is booked for: "ahead of Tuesday's vote", "go into Sunday's election". */
const BOOKED_BEFORE = /(?:\bfor|ahead of|before|into|avant|vor)\s+$/i;
/**
 * "Before" in a past clause may order two acts gone by ("had been expected before Monday's quake") or
 * tell what came before a booked one ("rallied before Sunday's referendum"): the nearer day decides.
 */
const ORDERED_BEFORE = /(?:\bbefore|avant|vor)\s+$/i;

/** "ahead of Sunday's referendum": a day something is booked for lies ahead, whatever the clause says. */
function weekdayTense(result: Result, sentence: string, tense: Tense): Tense {
  if (tense === 'future') return tense;
  const possessive = POSSESSIVE.test(sentence.slice(result.index + result.text.length));
  const before = sentence.slice(Math.max(0, result.index - 24), result.index);
  if (possessive && tense === 'past' && ORDERED_BEFORE.test(before)) return 'present';
  return possessive && BOOKED_BEFORE.test(before) ? 'future' : tense;
}

/**
 * "a week on Thursday", "Thursday week": British for the Thursday a week after the coming one (a
 * hearing adjourned, a match rearranged), which the weekday alone would put a week early. Told in
 * the past ("A week on Monday, the strike was still going") it counts from a day gone by: left alone.
 */
const WEEK_ON_BEFORE = /\ba week(?:\s+on)?\s+$/i;
const WEEK_AFTER = /^\s+week\b(?!['’]s|\s+(?:of|ago|later|earlier|before|after))/i;
function isWeekAfterNext(sentence: string, result: Result): boolean {
  const text = result.text.replace(/^on\s+/i, '');
  const start = result.index + (result.text.length - text.length);
  return (
    WEEK_ON_BEFORE.test(sentence.slice(0, start)) ||
    WEEK_AFTER.test(sentence.slice(result.index + result.text.length))
  );
}

/** English "last" right before the weekday ("last Thursday", "last Thursday night"). */
const LAST_WEEKDAY = new RegExp(String.raw`\blast\s+${ENGLISH_WEEKDAY}\b`, 'i');
const lastBefore = (sentence: string, result: Result, language: string) =>
  language === 'en' &&
  LAST_WEEKDAY.test(sentence.slice(Math.max(0, result.index - 5), result.index + result.text.length));

/**
 * "am kommenden Dienstag", "el martes pasado", "martedì scorso", "geçen salı", "Tuesday last": chrono
 * may leave the word that says which weekday outside its text, before it or right after it.
 */
function withWordsAround(sentence: string, result: Result): string {
  const before = /(\p{L}+)\s+$/u.exec(sentence.slice(Math.max(0, result.index - 24), result.index))?.[1];
  const end = result.index + result.text.length;
  // Not past a comma chrono took in: "on Monday, last seen…" says nothing of which Monday.
  const after = /[,;:.]\s*$/.test(result.text)
    ? undefined
    : /^\s+(\p{L}+)/u.exec(sentence.slice(end, end + 24))?.[1];
  return [before, result.text, after].filter(Boolean).join(' ');
}

/**
 * "at the end of September", "the end of December 2025": chrono makes it the 30th, the writer meant
 * late in the month. A day written in it ("the end of September 30") is that day.
 */
const isEndOfMonth = (result: Result) =>
  hasTag(result, /EndOfPeriod/) && !/\d/.test(result.text.replace(/(?<!\d)\d{4}(?!\d)/, ''));

/** A date chrono found, as a timeline date, or undefined when it dates nothing (a time, "this week", "last month"). */
function classify(
  result: Result,
  sentence: string,
  publishedAt: Date,
  tense: Tense,
  language: string,
): Resolved | undefined {
  const { start, text } = result;
  if (hasTag(result, /relativeDate/)) {
    return DAYS_AGO.test(text)
      ? { date: calendarDay(start, publishedAt, 'past'), precision: 'day', endDate: null }
      : undefined;
  }
  if (isCasualDay(result, sentence)) {
    if (!start.isCertain('day') && !isPartOfToday(result)) return undefined;
    return {
      date: isoDay(start.get('year') ?? 0, start.get('month') ?? 1, start.get('day') ?? 1),
      precision: 'day',
      endDate: null,
    };
  }
  if (isEndOfMonth(result)) {
    const month = start.get('month') ?? 1;
    const year = start.isCertain('year')
      ? (start.get('year') ?? 0)
      : inferMonthYear(month, publishedAt, tense);
    return {
      date: isoMonth(year, month),
      precision: 'month',
      endDate: null,
    };
  }
  if (start.isCertain('day') && start.isCertain('month'))
    return writtenDay(result, sentence, publishedAt, tense);
  if (start.isCertain('weekday') && !start.isCertain('day')) {
    // "weekend shifts": chrono's weekend on its own is Saturday; the dated weekends are read apart.
    if (/^weekend$/i.test(text.trim())) return undefined;
    if (!namesOneWeekday(sentence, result.index, text, language)) return undefined;
    if (tense !== 'past' && isWeekAfterNext(sentence, result))
      return {
        date: shiftDay(resolveWeekday(start.get('weekday') ?? 0, publishedAt, 'future'), 7),
        precision: 'day',
        endDate: null,
      };
    const named = directionWord(sentence, result);
    const weekday = start.get('weekday') ?? 0;
    const date = named
      ? resolveNamedWeekday(
          weekday,
          publishedAt,
          named,
          named === 'past' && lastBefore(sentence, result, language),
        )
      : resolveWeekday(weekday, publishedAt, weekdayTense(result, sentence, tense));
    return { date, precision: 'day', endDate: weekdayRangeEnd(result, date) };
  }
  if (start.isCertain('month') && !start.isCertain('day') && !start.isCertain('hour')) {
    if (/\b(?:this|last|next|that)\s+month\b/i.test(text)) return undefined;
    const span = monthSpanStart(result, sentence, publishedAt, tense);
    if (span) return span;
    const framed = MONTH_CONTEXT.test(sentence.slice(0, result.index)) || start.isCertain('year');
    if (!/\p{L}{3,}/u.test(text) || !framed) return undefined;
    const month = start.get('month') ?? 1;
    const year = start.isCertain('year') ? (start.get('year') ?? 0) : spanYear(result, publishedAt, tense);
    return { date: isoMonth(year, month), precision: 'month', endDate: null };
  }
  return undefined;
}

/**
 * A span of months written with its year once, at its end ("from March to June 2022", "March-June
 * 2022"): the year is the first month's too, or the one before when the span turns the year
 * ("November to February 2023"). Without it the first month took the year nearest publication.
 */
function spanYear({ start, end }: Result, publishedAt: Date, tense: Tense): number {
  const month = start.get('month') ?? 1;
  if (!end?.isCertain('year') || !end.isCertain('month')) return inferMonthYear(month, publishedAt, tense);
  return (end.get('year') ?? 0) - (month > (end.get('month') ?? 12) ? 1 : 0);
}

/** "between March and June 2022": chrono reads the last month alone. */
const BETWEEN_MONTHS = new RegExp(String.raw`\bbetween\s+(${ENGLISH_MONTH})\.?\s+and\s+$`, 'i');

/** The first month of a span "between March and June (2022)", which is when it began. */
function monthSpanStart(
  result: Result,
  sentence: string,
  publishedAt: Date,
  tense: Tense,
): Resolved | undefined {
  const opening = BETWEEN_MONTHS.exec(sentence.slice(0, result.index));
  if (!opening) return undefined;
  const written = (opening[1] as string).slice(0, 3).toLowerCase();
  const month = ENGLISH_MONTHS.findIndex((name) => name.slice(0, 3).toLowerCase() === written) + 1;
  const last = result.start.get('month') ?? 12;
  const lastYear = result.start.isCertain('year')
    ? (result.start.get('year') ?? 0)
    : inferMonthYear(last, publishedAt, tense);
  return { date: isoMonth(lastYear - (month > last ? 1 : 0), month), precision: 'month', endDate: null };
}

/** "from Friday to Sunday": the range runs to the first such weekday after its start, within the week. */
function weekdayRangeEnd({ start, end }: Result, date: string): string | null {
  if (!end?.isCertain('weekday') || end.isCertain('day')) return null;
  const days = ((end.get('weekday') ?? 0) - (start.get('weekday') ?? 0) + 7) % 7;
  return days === 0 ? null : shiftDay(date, days);
}

const YEAR_ONLY =
  /(?<!\p{L})(?:in|during|from|im(?: Jahre?)?|en(?: el año)?|em|no ano de|nel|в|у|a)\s+(?:(?:early|late|mid-?)\s*)?((?:19|20)\d{2})(?:\s*(?:году|році|р\.|г\.))?(?![\d./-]\d)/giu;
/** A year YEAR_ONLY could read, looked for first: most sentences write none. */
const HAS_YEAR = /(?:19|20)\d\d/;
const LAST_YEAR =
  /\blast year\b|\bl'année dernière\b|\bel año pasado\b|\bletztes jahr\b|\bletzten jahr\b|\bno ano passado\b|(?<!\p{L})минулого року(?!\p{L})|(?<!\p{L})в прошлом году(?!\p{L})/giu;

/** A cheap test first: the full pattern, with its lookarounds, is slow on every sentence. */
const LAST_YEAR_WORD = /year|année|año|jahr|ano|року|году/i;

/** "mid-May", "late May": chrono leaves a bare "May" alone, as it could be the verb. */
const MONTH_PART = new RegExp(String.raw`\b(?:early|mid|late)[\s-]+(${ENGLISH_MONTHS.join('|')})\b`, 'g');

/** What chrono does not read: "in 2019", "last year", and months in other languages ("en mars 2015"). */
function otherMentions(
  sentence: string,
  publishedAt: Date,
  language: string,
  monthSpansFound: MonthMention[],
): Array<Omit<DateMention, 'tense'>> {
  const found: Array<Omit<DateMention, 'tense'>> = [];
  for (const match of sentence.matchAll(MONTH_PART)) {
    const month = ENGLISH_MONTHS.indexOf(match[1] as (typeof ENGLISH_MONTHS)[number]) + 1;
    const index = (match.index ?? 0) + match[0].length - (match[1] ?? '').length;
    found.push({ index, text: match[1] as string, date: `?${month}`, precision: 'month', endDate: null });
  }
  for (const match of HAS_YEAR.test(sentence) ? sentence.matchAll(YEAR_ONLY) : []) {
    const year = Number(match[1]);
    const index = (match.index ?? 0) + match[0].indexOf(match[1] as string);
    if (year <= publishedAt.getUTCFullYear() + 5)
      found.push({ index, text: match[1] as string, date: String(year), precision: 'year', endDate: null });
  }
  for (const match of LAST_YEAR_WORD.test(sentence) ? sentence.matchAll(LAST_YEAR) : []) {
    const year = publishedAt.getUTCFullYear() - 1;
    const index = match.index ?? 0;
    found.push(
      holidayOf(sentence, index, year, match[0]) ?? {
        index,
        text: match[0],
        date: String(year),
        precision: 'year',
        endDate: null,
      },
    );
  }
  found.push(...ordinalDays(sentence, language));
  if (language !== 'en') {
    const months =
      language === 'tr'
        ? turkishMonthMentions(sentence, publishedAt.getUTCFullYear())
        : monthMentions(sentence, language, monthSpansFound);
    for (const month of months) {
      const date = month.year ? isoMonth(month.year, month.month) : undefined;
      found.push({
        index: month.index,
        text: month.text,
        date: date ?? `?${month.month}`,
        precision: 'month',
        endDate: null,
      });
    }
  }
  return found;
}

/**
 * News names a holiday of its own weeks, and writes the year of one further off ("on Good Friday last
 * year"): a holiday the tense sends most of a year away, when one lies within a few weeks the other
 * way, is that near one. "confirmed that flights from Good Friday would remain cancelled", two days
 * before it, is not last year's.
 */
const HOLIDAY_NEAR_DAYS = 45;
const HOLIDAY_FAR_DAYS = 300;

function holidayByTense(spec: string, publishedAt: Date, tense: Tense): string {
  const inYearOf = (towards: Tense) =>
    holidayInYear(spec, publishedAt.getUTCFullYear(), (month, day) =>
      inferYear(month, day, publishedAt, towards),
    );
  const day = inYearOf(tense);
  const published = dayOf(publishedAt);
  if (tense === 'present' || daysBetween(day, published) < HOLIDAY_FAR_DAYS) return day;
  const near = inYearOf(tense === 'past' ? 'future' : 'past');
  return daysBetween(near, published) <= HOLIDAY_NEAR_DAYS ? near : day;
}

/**
 * A month ("?11") or a holiday ("?h3", see holidaysNamed) in the year the tense points to, or a
 * day of the month ("?d11", "?d11@last") in the month it points to.
 */
function yearByTense(spec: string, publishedAt: Date, tense: Tense): string {
  if (spec.startsWith('d')) {
    const [day, which] = spec.slice(1).split('@') as [string, 'this' | 'last' | 'next' | undefined];
    return dayOfMonthDate(Number(day), publishedAt, tense, which) ?? '';
  }
  if (spec.startsWith('h')) return holidayByTense(spec, publishedAt, tense);
  const month = Number(spec);
  return isoMonth(inferMonthYear(month, publishedAt, tense), month);
}

/**
 * A month abbreviation read at the head of a longer word is no date: French "11 décès" (deaths) is
 * not 11 December, nor Dutch "3 meisjes" (girls) 3 May. A whole word run on is German's compound
 * ("am Montagmorgen"), a date still.
 */
const CUT_WORD = /(?<!\p{L})\p{L}{1,4}$/u;
const endsInsideAWord = (sentence: string, result: Result): boolean =>
  CUT_WORD.test(result.text) && /^\p{L}/u.test(sentence.slice(result.index + result.text.length));

function overlaps(index: number, spans: Array<[number, number]>, length = 1): boolean {
  return spans.some(([from, to]) => index < to && index + length > from);
}

/**
 * Turkish "İ" (dotted capital I) has no case-blind match for "i" in JavaScript's patterns, so a
 * sentence opening "İki hafta önce" (two weeks ago) missed every pattern written in lower case. The
 * plain capital has one, and the text keeps its length, so every index still holds.
 */
const withPlainCapitalI = (text: string) => text.replace(/İ/g, 'I');

/**
 * The reading of a day booked by an act (a meeting called or invited to, a declared period's start):
 * at or after the act. An act dated to publication, or an invitation the sentence gives no day (the
 * report's own news), books a day ahead; an act dated before it, the day nearest publication, which
 * may have passed since.
 */
function bookedTense(before: string, publishedAt: Date, options: FindOptions, invited: boolean): Tense {
  const act = findDates(before, publishedAt, options).findLast((mention) => mention.precision === 'day');
  if (act) return act.date >= dayOf(publishedAt) ? 'future' : 'present';
  return invited ? 'future' : 'present';
}

/**
 * A day's outcome named by its possessive ("Friday's decision", "Monday's verdict", "Tuesday's
 * deadly blast"): a thing that has happened, unlike a fixture ("Saturday's match", "Friday's vote").
 */
const NAMES_AN_OUTCOME =
  /^['’]s\s+(?:[\p{L}-]+\s+)?(?:decision|ruling|verdict|judg(?:e)?ment|announcement|attack|crash|blast|explosion|shooting|resignation|arrest|raid|defeat|victory|win|result|collapse|outage|derailment|accident|quake|earthquake)s?(?!\p{L})/iu;

/** A past perfect: what it tells lies before the time the sentence speaks of. */
const PAST_PERFECT: Record<string, RegExp> = {
  en: /\bhad\b/i,
  de: /(?<!\p{L})(?:hatte|hatten|war|waren)(?!\p{L})/iu,
  fr: /(?<!\p{L})(?:avait|avaient|était|étaient)(?!\p{L})/iu,
  es: /(?<!\p{L})(?:había|habían)(?!\p{L})/iu,
};

/**
 * "Eberl resigned on March 12, three days after the takeover had been announced on Sunday evening",
 * "trat am 12. März zurück, drei Tage nachdem die Übernahme am Sonntagabend verkündet worden war": a
 * weekday told in the past perfect after a written day lies before that day. Counted from
 * publication, it fell after it, in the week the article appeared.
 */
function beforeWrittenDay(
  resolved: Resolved,
  result: Result,
  mentions: DateMention[],
  sentence: string,
  language: string,
): Resolved | undefined {
  if (resolved.precision !== 'day' || !result.start.isCertain('weekday') || result.start.isCertain('day'))
    return undefined;
  const written = mentions.findLast((m) => m.precision === 'day' && /\d/.test(m.text) && !m.endDate);
  if (!written || resolved.date <= written.date) return undefined;
  // In the weekday's own clause: "said it had hired advisers, and it reported on Friday" is no past perfect's.
  const [start, end] = clauseSpan(sentence, result.index, language);
  const told = sentence.slice(Math.max(start, written.index + written.text.length), end);
  if (!PAST_PERFECT[language]?.test(told)) return undefined;
  return classify(result, sentence, new Date(`${written.date}T12:00:00Z`), 'past', language);
}

/**
 * Dates in one sentence, resolved against the publication date: explicit days (with or without a
 * year), ranges, weekdays, yesterday/today, "N days ago", months named in context ("in early
 * October") and years ("in 2019", "last year"). Times of day, weeks, vague relatives ("last
 * month"), comparison points ("since 2021") and deadlines ("by Tuesday") date nothing here.
 */
export function findDates(written: string, publishedAt: Date, options: FindOptions = {}): DateMention[] {
  const language = primary(options.language);
  const sentence = language === 'tr' ? withPlainCapitalI(written) : written;
  const isInvitationTo = invitationsIn(sentence);
  const tenseAt = (index: number, length: number): Tense => {
    // The event that did the harm is past, whatever the sentence's verb: "will visit towns hit by the Feb. 6 quake".
    if (namesTheAgent(sentence, index, length)) return 'past';
    const before = sentence.slice(0, index);
    const text = sentence.slice(index, index + length);
    // "since Saturday, when a vacant home was destroyed": what a thing has run since lies behind.
    if (SINCE_BEFORE.test(before)) return 'past';
    // "adjourned the hearing until Tuesday", "till November 11": the day a thing was moved to lies
    // after the moving.
    if (isBookedUntil(before)) return 'future';
    const invited = isInvitationTo(before);
    if (invited || isBookedEvent(before) || startsAPeriod(before) || isNextOccasion(before))
      return bookedTense(before, publishedAt, options, invited);
    if (reportedPlanAhead(before, text)) return 'future';
    const own = dateTense(sentence, index, length, language);
    // "arrested shortly before midnight on Friday": "before" bounds the hour, it books no day.
    const timed = boundsTheTime(before.slice(-24), text);
    // "had been expected before Monday's quake": an event named in a past clause books nothing.
    const named = own === 'past' && namesAnEvent(sentence, index, length);
    const tense = timed || named ? own : framedTense(before, own, language);
    // "Yesterday's ruling will be appealed", "today's investments will help": a thing of the day the
    // word names, whatever the verb; only "tomorrow's" lies ahead (its day is after publication).
    if (tense === 'future' && POSSESSIVE.test(sentence.slice(index + length)) && isCasualDayText(text))
      return 'present';
    // "Friday's ruling will be appealed": a weekday's outcome is one gone by, whatever is announced of it.
    if (tense === 'future' && NAMES_AN_OUTCOME.test(sentence.slice(index + length))) return 'past';
    if (tense === 'present' && options.presentAs) return options.presentAs;
    if (tense === 'past' && !options.presentAs && isTimetabledAhead(before, text, language)) return 'future';
    return tense === 'present' && isScheduledPresent(before, text, language) ? 'future' : tense;
  };
  const results = chronoRead(readable(sentence, language), publishedAt, options.language);
  const mentions: DateMention[] = [];
  // Weeks, weekends and months counted from publication win over chrono's reading of the same words;
  // announced for one ("will be sentenced next week", "later this month") they are a forecast, no date.
  const found = periodMentions(sentence, publishedAt);
  // So do spans of two months in other languages ("entre marzo y junio de 2022"): chrono reads the last alone.
  const months = monthSpans(sentence, language);
  // So do holidays whose names hold a weekday ("Good Friday", "el Viernes Santo"), unless a day is written.
  const { found: holidays, namedDaySpans: holidaySpans } = holidaysNamed(sentence, language);
  const periodSpans = [...found, ...months].map((m): [number, number] => [m.index, m.index + m.text.length]);
  // A plan of a saying of the past week, read as long gone, is the coming one (planOfRecentSaying).
  const aheadOfRecentSaying = (at: { index: number; text: string }, resolved: Resolved | undefined) =>
    longGone(resolved, publishedAt) && planOfRecentSaying(sentence.slice(0, at.index), at.text);
  // chrono read `readable`'s text, whose characters stand where the sentence's do: quote the sentence.
  const asWritten = (result: Result) => sentence.slice(result.index, result.index + result.text.length);
  for (const result of results) {
    if (overlaps(result.index, periodSpans, result.text.length) || endsInsideAWord(sentence, result))
      continue;
    // "on Good Friday": chrono's Friday is any Friday; "Good Friday, April 3" writes its day.
    if (overlaps(result.index, holidaySpans, result.text.length) && !result.start.isCertain('day')) continue;
    const opening = tenseStart(sentence, result.index);
    let tense =
      namedDirection(sentence, result) ??
      joinedTense(
        sentence,
        mentions.at(-1),
        result,
        tenseAt(opening, result.index + result.text.length - opening),
      );
    let classified = classify(result, sentence, publishedAt, tense, language);
    if (
      (beyondPlanReach(classified, publishedAt) &&
        reportedPlanAhead(sentence.slice(0, result.index), result.text)) ||
      aYearAway(classified, result, publishedAt)
    ) {
      tense = 'present';
      classified = classify(result, sentence, publishedAt, tense, language);
    }
    if (tense === 'present' && aheadOfRecentSaying(result, classified)) {
      tense = 'future';
      classified = classify(result, sentence, publishedAt, tense, language);
    }
    const resolved =
      classified &&
      ((tense === 'past' && beforeWrittenDay(classified, result, mentions, sentence, language)) ||
        inHeadingYear(classified, result, options.year));
    if (resolved)
      mentions.push(
        withWrittenYear(
          { index: result.index, text: asWritten(result), tense, ...resolved },
          sentence,
          publishedAt,
        ),
      );
  }
  // A range's words open on its first day ("the 15th and 16th of April"), which read alone is no date of its own.
  const spans = mentions.map((m): [number, number] => [
    m.endDate ? tenseStart(sentence, m.index) : m.index,
    m.index + m.text.length,
  ]);
  const periods = found.filter((m) => datesAnEvent(m, sentence, tenseAt(m.index, m.text.length), mentions));
  // After "last year"'s holiday ("on Christmas Eve last year"), which holds the holiday's name.
  const others = [...periods, ...otherMentions(sentence, publishedAt, language, months), ...holidays].sort(
    (a, b) => a.index - b.index,
  );
  for (const other of others) {
    if (overlaps(other.index, spans, other.text.length)) continue;
    let tense = tenseAt(other.index, other.text.length);
    let date = other.date.startsWith('?') ? yearByTense(other.date.slice(1), publishedAt, tense) : other.date;
    if (other.date.startsWith('?') && tense === 'present' && aheadOfRecentSaying(other, { ...other, date })) {
      tense = 'future';
      date = yearByTense(other.date.slice(1), publishedAt, tense);
    }
    // "on the 31st" of a month of thirty days: no date.
    if (!date) continue;
    // A holiday taken the other way than its tense (holidayByTense) lies that way.
    if (other.date.startsWith('?h') && tense !== 'present')
      tense = date > dayOf(publishedAt) ? 'future' : date < dayOf(publishedAt) ? 'past' : tense;
    // A holiday's span ends some days after its first ("+3", see holidaysNamed), in the same year.
    const endDate = other.endDate?.startsWith('+')
      ? shiftDay(date, Number(other.endDate.slice(1)))
      : other.endDate;
    const mention = withWrittenYear({ ...other, date, endDate, tense }, sentence, publishedAt);
    mentions.push(mention);
    spans.push([mention.index, mention.index + mention.text.length]);
  }
  const kept = withoutBounds(
    sentence,
    mentions.sort((a, b) => a.index - b.index),
    language,
  );
  const dated = withBetweenSpans(
    sentence,
    withOvernightSpans(sentence, withoutAppositeWeekdays(sentence, kept)),
  );
  // Each mention's text as written: the dotted capital back where it stood.
  return sentence === written
    ? dated
    : dated.map((m) => ({ ...m, text: written.slice(m.index, m.index + m.text.length) }));
}

/**
 * A conjunction alone between two dates ("will meet on Tuesday and Wednesday", "late Saturday or
 * early Sunday", "lundi et mardi", "am Montag und Dienstag"): the second has no verb of its own and
 * shares the first's. Read alone it was present, or took a trailing attribution's past, and went to
 * the nearer day, often the one gone by.
 */
const JOINED_TO_PREVIOUS =
  /^\s*,?\s*(?:and|or|und|oder|et|ou|y|o|e|ed|en|ve|и|і)\s+(?:(?:on|early|late|am|le|el)\s+)?$/iu;

const joined = (sentence: string, previous: DateMention, index: number) => {
  const end = previous.index + previous.text.length;
  return end <= index && JOINED_TO_PREVIOUS.test(sentence.slice(end, index));
};

function joinedTense(sentence: string, previous: DateMention | undefined, result: Result, own: Tense): Tense {
  // Unless a verb of its own announces it ("ended on Thursday, and on Saturday the crews will sail"):
  // a trailing attribution's past is no verb of its own ("will close Thursday and Friday, the
  // district announced").
  return own !== 'future' && previous && joined(sentence, previous, result.index) ? previous.tense : own;
}

/**
 * The mentions that date something: not bounds, forecasts or yardsticks (isBound), nor a date joined
 * by a conjunction to one that is ("expected to make landfall late Saturday or early Sunday").
 */
function withoutBounds(sentence: string, sorted: DateMention[], language: string): DateMention[] {
  let previous: { mention: DateMention; bound: boolean } | undefined;
  return sorted.filter((mention) => {
    const bound =
      isBound(sentence, mention, language) ||
      (previous?.bound === true && joined(sentence, previous.mention, mention.index));
    previous = { mention, bound };
    return !bound;
  });
}

/** "since", "seit", "depuis", "desde" right before a date: the date is behind. */
const SINCE_BEFORE = /(?<!\p{L})(?:since|seit|depuis|desde)\s+(?:(?:the|dem|le|el)\s+)?$/iu;

/** How far back a plan's day may have passed since a saying of the past week. */
const SAYING_WEEK_DAYS = 7;

/** A date whose whole span ended more than a week before publication. */
function longGone(resolved: Resolved | undefined, publishedAt: Date): boolean {
  if (!resolved) return false;
  const [year, month] = resolved.date.split('-').map(Number) as [number, number];
  const last =
    resolved.precision === 'month'
      ? shiftDay(isoDay(year + Math.floor(month / 12), (month % 12) + 1, 1), -1)
      : (resolved.endDate ?? resolved.date);
  return last.length === 10 && last < shiftDay(dayOf(publishedAt), -SAYING_WEEK_DAYS);
}

/** How far ahead a plan reported with "would" plausibly lies: half a year. */
const PLAN_REACH_DAYS = 183;

/**
 * "The department first announced it would set up a fund on 20 November", published in December:
 * read as a plan, the date is next November, eleven months on. A plan told with "would" and no day
 * for the saying is of the coming weeks or months, so past half a year its date is read as any date
 * is, nearest to publication (here the announcement's own day).
 */
function beyondPlanReach(resolved: Resolved | undefined, publishedAt: Date): boolean {
  return resolved !== undefined && daysAhead(resolved, publishedAt) > PLAN_REACH_DAYS;
}

/** How many days after publication a date begins (a month on its first day); 0 for one not after it. */
function daysAhead(resolved: Resolved, publishedAt: Date): number {
  const first = resolved.date.length === 7 ? `${resolved.date}-01` : resolved.date;
  const published = dayOf(publishedAt);
  return first > published ? daysBetween(published, first) : 0;
}

/** Past this many days ahead, a plan's day is written with its year. */
const UNWRITTEN_YEAR_REACH_DAYS = 300;

/**
 * "will return to flight in May, following the closure of the inquiry into the crash on March 7",
 * published in April: read ahead, a day written without its year lands eleven months on, where no
 * writer leaves the year out. It is the day nearest publication, most often just gone.
 */
function aYearAway(resolved: Resolved | undefined, result: Result, publishedAt: Date): boolean {
  if (!resolved || resolved.precision !== 'day' || result.start.isCertain('year')) return false;
  return daysAhead(resolved, publishedAt) > UNWRITTEN_YEAR_REACH_DAYS;
}

/** Whether a mention announces something still to come, as of publication. */
export function isAnnounced(mention: DateMention, publishedAt: Date): boolean {
  if (mention.tense === 'future') return true;
  return mention.tense === 'present' && mention.date > dayOf(publishedAt).slice(0, mention.date.length);
}
