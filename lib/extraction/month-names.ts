/**
 * Month names chrono's non-English parsers do not read on their own ("en mars 2015", "im November",
 * "novembro de 2020", "у березні"): stems, so inflected forms match too.
 */
const MONTH_STEMS: Record<string, string[]> = {
  de: [
    'januar',
    'februar',
    'märz',
    'april',
    'mai',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'dezember',
  ],
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  es: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
  pt: [
    'janeiro',
    'fevereiro',
    'março',
    'abril',
    'maio',
    'junho',
    'julho',
    'agosto',
    'setembro',
    'outubro',
    'novembro',
    'dezembro',
  ],
  it: [
    'gennaio',
    'febbraio',
    'marzo',
    'aprile',
    'maggio',
    'giugno',
    'luglio',
    'agosto',
    'settembre',
    'ottobre',
    'novembre',
    'dicembre',
  ],
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  uk: ['січ', 'лют', 'берез', 'квіт', 'трав', 'черв', 'лип', 'серп', 'верес', 'жовт', 'листопад', 'груд'],
  // Turkish marks the month with a case ending ("Şubat'ta"), not a preposition: turkish.ts reads it.
  tr: [
    'ocak',
    'şubat',
    'mart',
    'nisan',
    'mayıs',
    'haziran',
    'temmuz',
    'ağustos',
    'eylül',
    'ekim',
    'kasım',
    'aralık',
  ],
  ru: [
    'январ',
    'феврал',
    'март',
    'апрел',
    'ма',
    'июн',
    'июл',
    'август',
    'сентябр',
    'октябр',
    'ноябр',
    'декабр',
  ],
};
const PREPOSITIONS: Record<string, string> = {
  de: '(?:im|seit|bis|ab|anfang|mitte|ende)',
  fr: '(?:en|depuis|dès|début|fin|courant|mi(?=-))',
  es: '(?:en|de|desde|hasta|a principios de|a finales de|a mediados de)',
  pt: '(?:em|de|desde|até|no início de|no fim de|em meados de)',
  it: '(?:a|in|da|fino a|dall’|all’|inizio|fine)',
  nl: '(?:in|sinds|tot|begin|eind|half)',
  uk: '(?:у|в|з|до|на початку|наприкінці)',
  ru: '(?:в|с|до|в начале|в конце)',
};

/** English month names, January first: chrono reads them itself; a few rules need the words. */
export const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** An English month written in full or cut to its first three letters ("Sept" too), as a pattern. */
export const ENGLISH_MONTH = ENGLISH_MONTHS.map(
  (name) => `${name.slice(0, 3)}${name === 'September' ? 't?' : ''}(?:${name.slice(3)})?`,
).join('|');

/** A language's month names (stems where inflection needs them), January first; none for English. */
export function monthNames(language: string): readonly string[] {
  return MONTH_STEMS[language] ?? [];
}

export interface MonthMention {
  index: number;
  text: string;
  month: number;
  year?: number;
}

const patterns = new Map<string, RegExp>();

function patternFor(language: string): RegExp | undefined {
  const stems = MONTH_STEMS[language];
  const preposition = PREPOSITIONS[language];
  if (!stems || !preposition) return undefined;
  let pattern = patterns.get(language);
  if (!pattern) {
    const names = stems.map((stem) => `${stem}\\p{L}*`).join('|');
    pattern = new RegExp(
      `(?<!\\p{L})${preposition}(?:\\s+|-)(${names})(?:\\s+(?:de\\s+|del\\s+)?((?:19|20)\\d{2}))?(?![\\p{L}\\d])`,
      'giu',
    );
    patterns.set(language, pattern);
  }
  return pattern;
}

/** Month (and year) mentions in a non-English sentence, each framed by a preposition. */
export function monthMentions(sentence: string, language: string): MonthMention[] {
  const pattern = patternFor(language);
  const stems = MONTH_STEMS[language];
  if (!pattern || !stems) return [];
  const mentions: MonthMention[] = [];
  for (const match of sentence.matchAll(pattern)) {
    const word = (match[1] as string).toLowerCase();
    // Longest stem wins: Russian "ма" (May) must not swallow "март" (March).
    let month = -1;
    let best = 0;
    stems.forEach((stem, i) => {
      if (word.startsWith(stem) && stem.length > best) {
        month = i + 1;
        best = stem.length;
      }
    });
    if (month < 0 || (best <= 2 && word.length > 4)) continue;
    const index = (match.index ?? 0) + match[0].indexOf(match[1] as string);
    mentions.push({
      index,
      text: match[0].slice(index - (match.index ?? 0)),
      month,
      year: match[2] ? Number(match[2]) : undefined,
    });
  }
  return mentions;
}
