/**
 * What a measure is counted in after a fraction: "1/4 cup", "2 1/2 inches", "a 1/2-mile loop", "3 1/2
 * years". English only: the fraction words of other languages' copy are written out.
 */
const MEASURE = String.raw`(?:cups?|teaspoons?|tablespoons?|tsp|tbsp|ounces?|oz|pounds?|lbs?|grams?|kilos?|kilograms?|inch(?:es)?|feet|foot|ft|yards?|miles?|mph|acres?|gallons?|litres?|liters?|quarts?|pints?|metres?|meters?|km|degrees?|percent|per\s+cent|points?|hours?|minutes?|days?|weeks?|months?|years?|times|stars?|lengths?|laps?|innings|sticks?|cans?|loaf|slices?|pieces?|shares?|stake)`;

/**
 * A fraction, not a month and its day: chrono reads every "d/d" as a date ("1/2" is 2 January). A
 * mixed number ("3 1/2 years in prison", "2 1/2 inches of rain"), a fraction before a measure ("1/4
 * cup", "the 1/4 mile") and a proper fraction of something ("2/3 of the Senate") are how news and its
 * recipes write a quantity; a date in that form is a numeric day set after a word ("on 4/12",
 * "posted 5/18"), which none of these patterns reach.
 */
const FRACTION = new RegExp(
  String.raw`(?<![\d/.])(?:(?<=\d\s)\d{1,2}\/\d{1,2}|\d{1,2}\/\d{1,2}(?=[\s-]+${MEASURE}\b))(?![\d/])` +
    String.raw`|(?<![\d/.])(\d)\/(\d{1,2})(?=\s+of\b)`,
  'giu',
);

/**
 * Two numbers with a slash that English uses as words: "24/7" (round the clock) and "9/11" (the
 * attacks of 2001, "post-9/11", "the 9/11 commission"). Read as dates they are 24 July and 11
 * September of the year of publication.
 */
const SLASHED_WORDS = /(?<![\d/.])(?:24\/7|9\/11)(?![\d/])/g;

/** The text with its fractions and slashed words blanked, each character where it was. */
export function withoutFractions(text: string): string {
  // Every fraction and slashed word holds a slash; most sentences none.
  if (!text.includes('/')) return text;
  return text
    .replace(FRACTION, (match: string, numerator?: string, denominator?: string) =>
      numerator === undefined || Number(numerator) < Number(denominator) ? ' '.repeat(match.length) : match,
    )
    .replace(SLASHED_WORDS, (match) => ' '.repeat(match.length));
}
