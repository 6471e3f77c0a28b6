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
  for (const [phrase, offset] of FOLLOWING_YEAR) {
    const match = phrase.exec(after);
    if (!match) continue;
    const year = String(publishedAt.getUTCFullYear() + offset);
    return {
      ...mention,
      text: sentence.slice(mention.index, end + match[0].length),
      date: year + mention.date.slice(4),
      endDate: mention.endDate && year + mention.endDate.slice(4),
    };
  }
  return mention;
}
