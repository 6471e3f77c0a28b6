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

/** A month name of the language (any inflection), then an optional year: "Juni 2022", "junio de 2022". */
const NAMED_MONTH = String.raw`(NAMES)(?:\s+(?:de\s+|del\s+)?((?:19|20)\d{2}))?(?![\p{L}\d])`;

/**
 * The words that open and join a span of two months ("zwischen März und Juni 2022", "de mars à juin
 * 2022", "entre marzo y junio de 2022"), as court reports, audits and results give a period.
 */
const SPANS: Record<string, string> = {
  de: '(?:zwischen|von)\\s+(NAMES)\\s+(?:und|bis)\\s+',
  fr: "(?:entre|de|d’|d')\\s*(NAMES)\\s+(?:et|à)\\s+",
  es: '(?:entre|de|desde)\\s+(NAMES)\\s+(?:y|a|hasta)\\s+',
  pt: '(?:entre|de)\\s+(NAMES)\\s+(?:e|a)\\s+',
  it: '(?:tra|fra|da)\\s+(NAMES)\\s+(?:e|a)\\s+',
  nl: '(?:tussen|van)\\s+(NAMES)\\s+(?:en|tot)\\s+',
};

const compiled = new Map<string, RegExp>();

/** `opening` then a named month, compiled once per language with that language's month names. */
function monthPattern(language: string, kind: string, opening: string | undefined): RegExp | undefined {
  const stems = MONTH_STEMS[language];
  if (!stems || opening === undefined) return undefined;
  const key = `${kind}:${language}`;
  let pattern = compiled.get(key);
  if (!pattern) {
    const names = stems.map((stem) => `${stem}\\p{L}*`).join('|');
    pattern = new RegExp(`${opening}${NAMED_MONTH}`.replaceAll('NAMES', names), 'giu');
    compiled.set(key, pattern);
  }
  return pattern;
}

const patternFor = (language: string) =>
  monthPattern(language, 'month', PREPOSITIONS[language] && `(?<!\\p{L})${PREPOSITIONS[language]}(?:\\s+|-)`);

// Not after a day: "vom 4. Mai bis August" is a day's span, which chrono reads.
const spanPatternFor = (language: string) =>
  monthPattern(language, 'span', SPANS[language] && `(?<!\\p{L})(?<!\\d\\.?\\s*)${SPANS[language]}`);

/**
 * How many letters a month's written form may add to its stem: Ukrainian and Russian decline the
 * month ("березня", "января"), Turkish adds its case ("ekimde"). Elsewhere the stem is the whole
 * name, at most with a genitive's "s": a longer word is another word that opens with a month's
 * letters ("im Mainzer Stadion", "en Mayorga"), not a month.
 */
const INFLECTION_LETTERS: Record<string, number> = { uk: 3, ru: 3, tr: 4 };
const GENITIVE_LETTERS = 1;

/**
 * The month (1–12) a written word names, or -1. Longest stem wins: Russian "ма" (May) must not
 * swallow "март" (March).
 */
function monthOf(written: string, stems: string[], language: string): number {
  const word = written.toLowerCase();
  let month = -1;
  let best = 0;
  stems.forEach((stem, i) => {
    if (word.startsWith(stem) && stem.length > best) {
      month = i + 1;
      best = stem.length;
    }
  });
  const added = word.length - best;
  if (month < 0 || added > (INFLECTION_LETTERS[language] ?? GENITIVE_LETTERS)) return -1;
  return best <= 2 && word.length > 4 ? -1 : month;
}

/**
 * Spans of two months, each as its first month: a span began then. A year written once, at the end,
 * is the first month's too, or the year before when the span turns the year ("de novembre à février
 * 2023" began in November 2022).
 */
export function monthSpans(sentence: string, language: string): MonthMention[] {
  const pattern = spanPatternFor(language);
  const stems = MONTH_STEMS[language];
  if (!pattern || !stems) return [];
  const spans: MonthMention[] = [];
  for (const match of sentence.matchAll(pattern)) {
    const [first, last] = [
      monthOf(match[1] as string, stems, language),
      monthOf(match[2] as string, stems, language),
    ];
    if (first < 0 || last < 0) continue;
    const index = (match.index ?? 0) + match[0].indexOf(match[1] as string);
    const year = match[3] ? Number(match[3]) - (first > last ? 1 : 0) : undefined;
    spans.push({ index, text: match[0].slice(index - (match.index ?? 0)), month: first, year });
  }
  return spans;
}

/**
 * Month (and year) mentions in a non-English sentence, each framed by a preposition or a span
 * (`spans`: the sentence's monthSpans, when the caller has them already).
 */
export function monthMentions(
  sentence: string,
  language: string,
  spans = monthSpans(sentence, language),
): MonthMention[] {
  const pattern = patternFor(language);
  const stems = MONTH_STEMS[language];
  if (!pattern || !stems) return [];
  const mentions = [...spans];
  const spanned = (at: number) =>
    mentions.some((span) => at >= span.index && at < span.index + span.text.length);
  for (const match of sentence.matchAll(pattern)) {
    const month = monthOf(match[1] as string, stems, language);
    if (month < 0) continue;
    const index = (match.index ?? 0) + match[0].indexOf(match[1] as string);
    // The end of a span is no month of its own: the span is dated by its start.
    if (spanned(index)) continue;
    mentions.push({
      index,
      text: match[0].slice(index - (match.index ?? 0)),
      month,
      year: match[2] ? Number(match[2]) : undefined,
    });
  }
  return mentions.sort((a, b) => a.index - b.index);
}
