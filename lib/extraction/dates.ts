import * as chrono from 'chrono-node';
import { dayOf, inferMonthYear, isoDay, isoMonth, resolveWeekday } from './calendar.ts';
import { clauseAround, tenseOf } from './tense.ts';
import { inferYear, type Tense } from './year.ts';

export type DatePrecision = 'day' | 'month' | 'year';

/** A date found in text, already resolved to ISO form against the publication date. */
export interface DateMention {
  index: number;
  text: string;
  date: string;
  precision: DatePrecision;
  endDate: string | null;
  /** Whether the clause holding the date announces (future) or reports (past). */
  tense: Tense;
}

type Result = chrono.ParsedResult;
type Components = Result['start'];
type Parser = { parse(text: string, ref: chrono.ParsingReference): Result[] };

const PARSERS: Record<string, Parser> = {
  en: chrono.casual,
  de: chrono.de.casual,
  fr: chrono.fr.casual,
  es: chrono.es.casual,
  pt: chrono.pt.casual,
  nl: chrono.nl.casual,
  it: chrono.it.casual,
  ru: chrono.ru.casual,
  uk: chrono.uk.casual,
  sv: chrono.sv.casual,
  ja: chrono.ja.casual,
  zh: chrono.zh.casual,
};

/** chrono's parser for a feed's language (BCP 47), English when the language is unknown. */
function parserFor(language: string | undefined): Parser {
  const primary = (language ?? 'en').toLowerCase().split('-')[0] ?? 'en';
  return PARSERS[primary] ?? chrono.casual;
}

/** A month standing alone is a date only after words that make it one: "in June", not "May I". */
const MONTH_CONTEXT =
  /(?:\b(?:in|since|by|until|till|from|during|through|early|late|mid|end of|beginning of|start of|of|last|this|next|im|seit|bis|en|depuis|desde|hasta|em|desde|в|у|з|до)[\s-]+)$/i;
const DAYS_AGO = /\b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+days?\s+ago\b/i;
const CASUAL_DAY =
  /^(?:yesterday|today|tomorrow|tonight|last night|this morning|this afternoon|this evening)$/i;

function tags(result: Result): Set<string> {
  return typeof result.tags === 'function' ? result.tags() : new Set();
}

function yearOf(components: Components, publishedAt: Date, tense: Tense): number {
  if (components.isCertain('year')) return components.get('year') ?? publishedAt.getUTCFullYear();
  return inferYear(components.get('month') ?? 1, components.get('day') ?? 1, publishedAt, tense);
}

function calendarDay(components: Components, publishedAt: Date, tense: Tense): string {
  return isoDay(
    yearOf(components, publishedAt, tense),
    components.get('month') ?? 1,
    components.get('day') ?? 1,
  );
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

/** A date chrono found, as a timeline date, or undefined when it dates nothing (a time, "this week", "last month"). */
function classify(
  result: Result,
  sentence: string,
  publishedAt: Date,
): Omit<DateMention, 'index' | 'text' | 'tense'> | undefined {
  const { start, text } = result;
  const tense = tenseOf(clauseAround(sentence, result.index));
  const labels = tags(result);
  if ([...labels].some((tag) => tag.includes('relativeDate'))) {
    return DAYS_AGO.test(text)
      ? { date: calendarDay(start, publishedAt, 'past'), precision: 'day', endDate: null }
      : undefined;
  }
  if (CASUAL_DAY.test(text.trim())) {
    return start.isCertain('day')
      ? {
          date: isoDay(start.get('year') ?? 0, start.get('month') ?? 1, start.get('day') ?? 1),
          precision: 'day',
          endDate: null,
        }
      : undefined;
  }
  if (start.isCertain('day') && start.isCertain('month')) {
    // A written day: "8 October", "Oct. 8", "08.10.2024"; chrono also dates "now" and "tonight".
    if (!/\d/.test(text) || (!/\p{L}/u.test(text) && !/\d{1,4}[./-]\d{1,2}/.test(text))) return undefined;
    const date = calendarDay(start, publishedAt, tense);
    return { date, precision: 'day', endDate: rangeEnd(result, date) };
  }
  if (start.isCertain('weekday') && !start.isCertain('day')) {
    const direction = /\bnext\b/i.test(text) ? 'future' : /\blast\b/i.test(text) ? 'past' : tense;
    return {
      date: resolveWeekday(start.get('weekday') ?? 0, publishedAt, direction),
      precision: 'day',
      endDate: null,
    };
  }
  if (start.isCertain('month') && !start.isCertain('day') && !start.isCertain('hour')) {
    const named = /\p{L}{3,}/u.test(text);
    const framed = MONTH_CONTEXT.test(sentence.slice(0, result.index)) || start.isCertain('year');
    if (!named || !framed) return undefined;
    const month = start.get('month') ?? 1;
    const year = start.isCertain('year')
      ? (start.get('year') ?? 0)
      : inferMonthYear(month, publishedAt, tense);
    return { date: isoMonth(year, month), precision: 'month', endDate: null };
  }
  return undefined;
}

const YEAR_ONLY =
  /\b(?:in|since|by|during|until|from|im|seit|en|desde|em|в|у)\s+((?:19|20)\d{2})\b(?![./-]\d)/giu;

/** "in 2019": a year on its own, which chrono does not read. */
function yearMentions(sentence: string, taken: Array<[number, number]>, publishedAt: Date): DateMention[] {
  const mentions: DateMention[] = [];
  for (const match of sentence.matchAll(YEAR_ONLY)) {
    const index = (match.index ?? 0) + match[0].length - (match[1] as string).length;
    if (taken.some(([from, to]) => index >= from && index < to)) continue;
    const year = Number(match[1]);
    if (year > publishedAt.getUTCFullYear() + 5) continue;
    const tense = tenseOf(clauseAround(sentence, index));
    mentions.push({
      index,
      text: match[1] as string,
      date: String(year),
      precision: 'year',
      endDate: null,
      tense,
    });
  }
  return mentions;
}

/**
 * Dates in one sentence, resolved against the publication date: explicit days (with or without a
 * year), ranges, weekdays, yesterday/today, "N days ago", months named in context ("in early
 * October") and years ("in 2019"). Times of day, weeks and vague relatives ("last month") date
 * nothing here.
 */
export function findDates(sentence: string, publishedAt: Date, language?: string): DateMention[] {
  const results = parserFor(language).parse(sentence, { instant: publishedAt, timezone: 'UTC' });
  const mentions: DateMention[] = [];
  for (const result of results) {
    const resolved = classify(result, sentence, publishedAt);
    if (!resolved) continue;
    const tense = tenseOf(clauseAround(sentence, result.index));
    mentions.push({ index: result.index, text: result.text, tense, ...resolved });
  }
  const taken = results.map((r): [number, number] => [r.index, r.index + r.text.length]);
  return [...mentions, ...yearMentions(sentence, taken, publishedAt)].sort((a, b) => a.index - b.index);
}
