import type { DateMention } from './mention.ts';

/** The year a phrase right after a day or month gives it, as an offset from publication. */
const FOLLOWING_YEAR: Array<[RegExp, number]> = [
  [/^\s+(?:of\s+)?(?:last|previous) year\b(?!['’]s)/i, -1],
  [/^\s+(?:of\s+)?this year\b(?!['’]s)/i, 0],
  [/^\s+(?:of\s+)?next year\b(?!['’]s)/i, 1],
  [/^\s+(?:de\s+)?l'(?:an dernier|année dernière|année passée)/i, -1],
  [/^\s+(?:de\s+)?l'année prochaine/i, 1],
  [/^\s+(?:del|el)\s+año\s+pasado/i, -1],
  [/^\s+(?:del\s+)?(?:próximo año|año que viene)/i, 1],
  [/^\s+(?:des\s+)?(?:letzten|vergangenen|vorigen)\s+Jahres/i, -1],
  [/^\s+(?:des\s+)?nächsten\s+Jahres/i, 1],
  [/^\s+(?:do|no)\s+ano\s+passado/i, -1],
  [/^\s+(?:do\s+)?próximo\s+ano/i, 1],
  [/^\s+(?:dell'|l')anno\s+scorso/i, -1],
  [/^\s+(?:dell'|l')anno\s+prossimo/i, 1],
];

/**
 * "on 20 May that year", "in March of the same year", "le 3 mai de la même année", "el 3 de mayo de
 * ese año", "am 3. Mai desselben Jahres": the year written last before it in the sentence.
 */
const THAT_YEAR =
  /^\s+(?:(?:of\s+)?(?:that|the same|that same) year|de (?:la même année|cette année-là)|(?:de|del) (?:ese (?:mismo )?año|mismo año)|(?:desselben|jenes) Jahres)\b/i;
const WRITTEN_YEARS = /(?<!\d)(?:19|20)\d\d(?!\d)/g;

/** The year THAT_YEAR points back to, if the sentence writes one before `index`. */
const yearBefore = (sentence: string, index: number): string | undefined =>
  sentence.slice(0, index).match(WRITTEN_YEARS)?.at(-1);

/**
 * A day or month whose year is written after it in words ("on 5 October last year", "in May next
 * year", "en mars de l'année dernière"): that year, and the phrase as part of the mention, so it is
 * not read again as a year of its own.
 */
export function withWrittenYear(mention: DateMention, sentence: string, publishedAt: Date): DateMention {
  // "In March, last year's champion…": a comma ends the date; "last year's" names something else.
  if (mention.precision === 'year' || /\d{4}/.test(mention.text) || /[,;:]\s*$/.test(mention.text))
    return mention;
  const end = mention.index + mention.text.length;
  const after = sentence.slice(end);
  const pointedBack = THAT_YEAR.exec(after);
  const written = pointedBack && yearBefore(sentence, mention.index);
  if (pointedBack && written)
    return inYear(mention, written, sentence.slice(mention.index, end + pointedBack[0].length));
  for (const [phrase, offset] of FOLLOWING_YEAR) {
    const match = phrase.exec(after);
    if (!match) continue;
    const year = String(publishedAt.getUTCFullYear() + offset);
    return inYear(mention, year, sentence.slice(mention.index, end + match[0].length));
  }
  return mention;
}

/** The mention moved to `year`, its phrase taking in the words that gave it. */
const inYear = (mention: DateMention, year: string, text: string): DateMention => ({
  ...mention,
  text,
  date: year + mention.date.slice(4),
  endDate: mention.endDate && year + mention.endDate.slice(4),
});
