/**
 * Full weekday names have five letters or more in the Latin-script languages read here; Turkish
 * writes Tuesday and Friday in four ("salı", "cuma").
 */
const FULL_NAME = 5;
const ENGLISH_WEEKDAY_STEMS = ['mon', 'tues', 'wednes', 'thurs', 'fri', 'satur', 'sun'];
/** German weekdays, Monday first. */
export const GERMAN_WEEKDAYS = [
  'montag',
  'dienstag',
  'mittwoch',
  'donnerstag',
  'freitag',
  'samstag',
  'sonntag',
];
/** French, Spanish, Italian and Portuguese weekdays from Sunday, as chrono numbers them. */
export const ROMANCE_WEEKDAYS: Record<string, string[]> = {
  fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
  es: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
  it: ['domenica', 'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato'],
  pt: ['domingo', 'segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado'],
};
/** An English weekday written in full, as a pattern (case left to the pattern using it). */
export const ENGLISH_WEEKDAY = `(?:${ENGLISH_WEEKDAY_STEMS.join('|')})day`;
/** A weekday written in full in English, German, French, Spanish, Italian or Portuguese, as alternatives. */
export const WEEKDAY_NAME = [
  ENGLISH_WEEKDAY,
  ...GERMAN_WEEKDAYS,
  ...Object.values(ROMANCE_WEEKDAYS).flat(),
].join('|');
/** The same for a case-sensitive pattern: capitalised or not, never in capitals ("Monday", "monday"). */
export const ENGLISH_WEEKDAY_CASED = `(?:${ENGLISH_WEEKDAY_STEMS.map(
  (stem) => `[${(stem[0] as string).toUpperCase()}${stem[0]}]${stem.slice(1)}`,
).join('|')})day`;
const FULL_NAME_BY_LANGUAGE: Record<string, number> = { tr: 4 };
const ABBREVIATION = /^\p{Lu}\p{L}{1,3}$/u;
/**
 * "every Friday", "on a random Tuesday", "jeden Dienstag", "chaque mardi": any such day, not one.
 * The indefinite word comes right before the weekday, or before an adjective of the kind that
 * makes a day any day: "said in a statement Tuesday" and "a déclaré un responsable mardi" name
 * one. By language, since French "a" is "has" ("a remporté dimanche").
 */
const ANY_SUCH = '(?:(?:random|given|typical|certain|particular|single|ordinary|normal|usual)\\s+)?';
const indefinite = (words: string, between = '') =>
  new RegExp(`(?<!\\p{L})(?:${words})\\s+${between}$`, 'iu');
const INDEFINITE: Record<string, RegExp> = {
  en: indefinite('a|an|any|every|each|some|one', ANY_SUCH),
  de: indefinite('jeden|einem|einen|ein'),
  fr: indefinite('chaque|un'),
  es: indefinite('cada|un'),
  it: indefinite('ogni|un'),
  pt: indefinite('cada|toda|todo|uma|um'),
};

/**
 * Whether a weekday mention names one day. An abbreviation is a date only as written in a
 * listing, capitalised and closed by a point or comma ("Sa., 3 Feb", "Do, 25.10."): otherwise it is
 * a word ("he sat down", "the sun", "so gut wie", "la mer").
 */
export function namesOneWeekday(sentence: string, index: number, text: string, language: string): boolean {
  // "mardi soir", "am Dienstag um 14 Uhr": the weekday is the long word; "am Mi", "last Fri": the last.
  const words = text.match(/\p{L}+/gu) ?? [];
  const full = FULL_NAME_BY_LANGUAGE[language] ?? FULL_NAME;
  const word = words.find((w) => w.length >= full) ?? words.at(-1) ?? '';
  const wordAt = index + text.indexOf(word);
  if (INDEFINITE[language]?.test(sentence.slice(Math.max(0, wordAt - 32), wordAt))) return false;
  if (word.length >= full) return true;
  return ABBREVIATION.test(word) && LISTING_AFTER.test(sentence.slice(wordAt + word.length));
}

/**
 * What follows an abbreviated weekday in a listing: its point, or a comma and the date ("Do, 25.10.",
 * "Sun, Nov. 3"). A comma and a name is a list of people: "Chuyue Sun, Samuel Tian".
 */
const LISTING_AFTER = /^\.|^,\s*(?:\d|\p{Lu}\p{Ll}{2,}\.?\s*\d)/u;
