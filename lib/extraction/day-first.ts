import type * as chrono from 'chrono-node';
import { dayOf, isoDay } from './calendar.ts';
import type { Tense } from './tense.ts';
import { utcDay } from './year.ts';

/**
 * "constituted on 10.08.2024", "10.08.2024 tarihinde": a numeric date written with dots puts the day
 * first wherever it is written (Indian and British government releases, Turkish, German and
 * Russian copy); American English writes its month-first dates with slashes. chrono's English
 * parser reads every separator month first, so the same paper's "10.08.2024" became 8 October. Turkish
 * writes slashes day first too ("10/08/2024"). A year of four digits only: "10.08.24" is as often a
 * version or a score.
 */
const DOTTED = /(?<![\p{L}\p{N}.,/])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?![\p{N}]|\.\d)/u;
const DOTTED_OR_SLASHED = /(?<![\p{L}\p{N}.,/])(\d{1,2})([./])(\d{1,2})\2((?:19|20)\d{2})(?![\p{N}]|[./]\d)/u;

function dayFirst(pattern: RegExp, dayAt: number, monthAt: number, yearAt: number): chrono.Parser {
  return {
    pattern: () => pattern,
    extract: (context, match) => {
      const day = Number(match[dayAt]);
      const month = Number(match[monthAt]);
      // "08.25.2024" cannot be day first: left to the language's own reading.
      if (day < 1 || day > 31 || month < 1 || month > 12) return null;
      return context.createParsingComponents({ day, month, year: Number(match[yearAt]) });
    },
  };
}

/** The parser with numeric dates read day first: dotted ones, and slashed ones too where asked. */
export function withDayFirstNumbers(parser: chrono.Chrono, slashesToo: boolean): chrono.Chrono {
  const read = parser.clone();
  read.parsers.unshift(slashesToo ? dayFirst(DOTTED_OR_SLASHED, 1, 3, 4) : dayFirst(DOTTED, 1, 2, 3));
  return read;
}

/**
 * A day, month and year in figures with slashes or dashes, as either order writes them, perhaps with
 * its time of day after it ("12/04/2025 14:30", "12/04/2025, 9:15 am"), as pages stamp themselves.
 */
const NUMERIC_DATE =
  /^(?:on\s+)?(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?:,?\s+(?:at\s+)?\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?)?$/i;

/**
 * "The incident occurred on 09/05/2024", published in May 2024 by a paper whose feed declares only
 * "en": read month first, a past act lands in September, after publication. When the day-first
 * reading is a real day before publication, the writer meant it (Indian, British, Nigerian copy). So
 * for a date with no tense of its own ("in connection with the collapse … on 12/04/2025", published on
 * 14 April): the nearer reading is the day gone by, not one eight months ahead.
 */
export function dayFirstIfPast(text: string, date: string, publishedAt: Date, tense: Tense): string {
  const numeric = NUMERIC_DATE.exec(text.trim().replace(/[,.]$/, ''));
  if (!numeric || tense === 'future' || date <= dayOf(publishedAt)) return date;
  const [, first, second, year] = numeric.map(Number) as [number, number, number, number];
  const dayFirst = utcDay(year, second, first) && isoDay(year, second, first);
  return dayFirst && dayFirst <= dayOf(publishedAt) ? dayFirst : date;
}
