import type * as chrono from 'chrono-node';

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
