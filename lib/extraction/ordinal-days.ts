import type { DateMention } from './mention.ts';

/**
 * "on the 11th", "on the 25th of this month", "on the 3rd of last month": a day of the month written
 * alone, as regional English-language papers and British copy write it. Only before a clause's
 * punctuation or a word that starts a new phrase: "on the 25th anniversary", "on the 4th floor" are
 * no dates.
 */
const ORDINAL_DAY =
  /\bon the ([1-9]|[12]\d|3[01])(?:st|nd|rd|th)(?:\s+of\s+(this|last|next)\s+month)?(?=\s*(?:[,.;:)]|$)|\s+(?:at|in|and|when|after|before|as|from|with|while)\b)/gi;

/**
 * "on 20th inst.", "on the 3rd ult.", "on 5th prox.": the month of a day written as South Asian and
 * older British official copy writes it (instant: this month; ultimo: the last; proximo: the next).
 */
const LATIN_MONTH_DAY =
  /\bon\s+(?:the\s+)?([1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+(inst|ult|prox)(?:imo|ant)?\b\.?/gi;
const LATIN_WHICH: Record<string, string> = { inst: 'this', ult: 'last', prox: 'next' };

/**
 * The same in Spanish and Turkish: "el pasado día 5", "el próximo día 24", "el día 12" (not "el día 12
 * de marzo", which chrono reads); "ayın 5'inde" (on the 5th of the month), "geçen ayın 5'inde" (of
 * last month). The month is the one the tense points to, or the one named.
 */
const ORDINAL_DAY_ELSEWHERE: Record<string, RegExp> = {
  es: /(?<!\p{L})el\s+(?:(?:pasado|próximo)\s+)?día\s+(3[01]|[12]\d|[1-9])(?!\d|[.:,]\d|\s+de\s+\p{L}|\s*(?:horas|h)\b)/giu,
  tr: /(?<!\p{L})(?:(geçen|bu|gelecek)\s+)?ayın\s+(3[01]|[12]\d|[1-9])(?:['’]\p{L}+|\.\s*günü)/giu,
};
const TURKISH_WHICH: Record<string, string> = { geçen: 'last', bu: 'this', gelecek: 'next' };

/** Days of the month written alone, as "?d11" (or "?d11@last" when the writer named the month). */
export function ordinalDays(sentence: string, language: string): Array<Omit<DateMention, 'tense'>> {
  const spec = (day: string, which?: string) => `?d${day}${which ? `@${which}` : ''}`;
  const found = (match: RegExpMatchArray, date: string): Omit<DateMention, 'tense'> => ({
    index: match.index ?? 0,
    text: match[0],
    date,
    precision: 'day',
    endDate: null,
  });
  if (language === 'en')
    return [
      ...[...sentence.matchAll(ORDINAL_DAY)].map((match) =>
        found(match, spec(match[1] as string, match[2]?.toLowerCase())),
      ),
      ...[...sentence.matchAll(LATIN_MONTH_DAY)].map((match) =>
        found(match, spec(match[1] as string, LATIN_WHICH[(match[2] as string).toLowerCase()])),
      ),
    ].sort((a, b) => a.index - b.index);
  const pattern = ORDINAL_DAY_ELSEWHERE[language];
  if (!pattern) return [];
  return [...sentence.matchAll(pattern)].map((match) =>
    language === 'tr'
      ? found(match, spec(match[2] as string, TURKISH_WHICH[match[1]?.toLocaleLowerCase('tr') ?? '']))
      : found(match, spec(match[1] as string)),
  );
}
