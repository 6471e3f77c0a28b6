/** Full weekday names have five letters or more in every Latin-script language read here. */
const FULL_NAME = 5;
const ABBREVIATION = /^\p{Lu}\p{L}{1,3}$/u;
/**
 * "on a random Tuesday", "every Friday", "jeden Dienstag", "chaque mardi": any such day, not one.
 * By language: French "a" before a weekday is "has" ("a remporté dimanche").
 */
const INDEFINITE: Record<string, RegExp> = {
  en: /(?<!\p{L})(?:a|an|any|every|each|some|one)\s+(?:\p{L}+\s+)?$/iu,
  de: /(?<!\p{L})(?:jeden|einem|einen|ein)\s+(?:\p{L}+\s+)?$/iu,
  fr: /(?<!\p{L})(?:chaque|un)\s+(?:\p{L}+\s+)?$/iu,
  es: /(?<!\p{L})(?:cada|un)\s+(?:\p{L}+\s+)?$/iu,
  it: /(?<!\p{L})(?:ogni|un)\s+(?:\p{L}+\s+)?$/iu,
  pt: /(?<!\p{L})(?:cada|toda|todo|uma|um)\s+(?:\p{L}+\s+)?$/iu,
};

/**
 * Whether a weekday mention names one day. An abbreviation is a date only as written in a
 * listing, capitalised and closed by a point or comma ("Sa., 3 Feb", "Do, 25.10."): otherwise it is
 * a word ("he sat down", "the sun", "so gut wie", "la mer").
 */
export function namesOneWeekday(sentence: string, index: number, text: string, language: string): boolean {
  // "mardi soir", "am Dienstag um 14 Uhr": the weekday is the long word; "am Mi", "last Fri": the last.
  const words = text.match(/\p{L}+/gu) ?? [];
  const word = words.find((w) => w.length >= FULL_NAME) ?? words.at(-1) ?? '';
  const wordAt = index + text.indexOf(word);
  if (INDEFINITE[language]?.test(sentence.slice(Math.max(0, wordAt - 32), wordAt))) return false;
  if (word.length >= FULL_NAME) return true;
  return ABBREVIATION.test(word) && /^[.,]/.test(sentence.slice(wordAt + word.length));
}
