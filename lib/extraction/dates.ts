import * as chrono from 'chrono-node';
import { inferYear, type Tense } from './year.ts';

export type DatePrecision = 'day' | 'month' | 'year';

/** A calendar date found in text, already resolved to ISO form. */
export interface DateMention {
  index: number;
  text: string;
  date: string;
  precision: DatePrecision;
  endDate: string | null;
  /** Whether the clause holding the date announces (future) or reports (past). */
  tense: Tense;
}

type ParsedComponents = chrono.ParsedResult['start'];

const FUTURE =
  /\b(will|shall|is (?:scheduled|due|set|expected|planned|slated) to|are (?:scheduled|due|set|expected|planned|slated) to|to be held|upcoming|plans? to|is to|are to)\b/i;

/** Whether a sentence announces rather than reports: decides which way an unwritten year goes. */
export function tenseOf(sentence: string): Tense {
  return FUTURE.test(sentence) ? 'future' : 'past';
}

const CLAUSE_BOUNDARY = /[;:—–]\s|,\s+(?:and|but|while|whereas|although)\s/g;

/** The clause around a position: "ratified on 24 October; the Kremlin is expected to…" is two tenses. */
function clauseAround(sentence: string, index: number): string {
  let start = 0;
  let end = sentence.length;
  for (const match of sentence.matchAll(CLAUSE_BOUNDARY)) {
    const at = match.index ?? 0;
    if (at < index) start = at + match[0].length;
    else if (at > index) {
      end = at;
      break;
    }
  }
  return sentence.slice(start, end);
}

const MONTH_WORD = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?/i;
const NUMERIC_DATE = /\d{1,4}[./-]\d{1,2}/;

/** A calendar date names its month: chrono's strict mode still reads "a day after" as one. */
function isCalendarDate(text: string): boolean {
  return /\d/.test(text) && (MONTH_WORD.test(text) || NUMERIC_DATE.test(text));
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoDay(components: ParsedComponents, year: number): string {
  return `${year}-${pad(components.get('month') ?? 1)}-${pad(components.get('day') ?? 1)}`;
}

function resolvedYear(components: ParsedComponents, publishedAt: Date, tense: Tense): number {
  if (components.isCertain('year')) return components.get('year') ?? publishedAt.getUTCFullYear();
  return inferYear(components.get('month') ?? 1, components.get('day') ?? 1, publishedAt, tense);
}

/**
 * Explicit calendar dates (a day and a month, with or without a year) in one sentence. Relative
 * expressions are not dates here: chrono's strict mode ignores "today" or "last week".
 */
export function findDates(sentence: string, publishedAt: Date): DateMention[] {
  const results = chrono.strict.parse(sentence, { instant: publishedAt, timezone: 'UTC' });
  const mentions: DateMention[] = [];
  for (const result of results) {
    const { start, end } = result;
    if (!start.isCertain('day') || !start.isCertain('month') || !isCalendarDate(result.text)) continue;
    const tense = tenseOf(clauseAround(sentence, result.index));
    const year = resolvedYear(start, publishedAt, tense);
    let endDate: string | null = null;
    if (end?.isCertain('day')) {
      const endYear = end.isCertain('year')
        ? (end.get('year') ?? year)
        : year + ((end.get('month') ?? 1) < (start.get('month') ?? 1) ? 1 : 0);
      endDate = isoDay(end, endYear);
    }
    const date = isoDay(start, year);
    mentions.push({
      index: result.index,
      text: result.text,
      date,
      precision: 'day',
      endDate: endDate === date ? null : endDate,
      tense,
    });
  }
  return mentions;
}
