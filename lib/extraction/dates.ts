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
}

type ParsedComponents = chrono.ParsedResult['start'];

const FUTURE =
  /\b(will|shall|is (?:scheduled|due|set|expected|planned|slated) to|are (?:scheduled|due|set|expected|planned|slated) to|to be held|upcoming|plans? to|is to|are to)\b/i;

/** Whether a sentence announces rather than reports: decides which way an unwritten year goes. */
export function tenseOf(sentence: string): Tense {
  return FUTURE.test(sentence) ? 'future' : 'past';
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
  const tense = tenseOf(sentence);
  const results = chrono.strict.parse(sentence, { instant: publishedAt, timezone: 'UTC' });
  const mentions: DateMention[] = [];
  for (const result of results) {
    const { start, end } = result;
    if (!start.isCertain('day') || !start.isCertain('month')) continue;
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
    });
  }
  return mentions;
}
