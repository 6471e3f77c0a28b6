import * as chrono from 'chrono-node';
import { dayPartsOf } from './calendar.ts';
import { type MonthMention, monthNames } from './month-names.ts';

/** Turkish month names, in order; suffixes ("Şubat'ta", "Mart'ın") follow the apostrophe or join the word. */
const MONTHS = monthNames('tr');

/**
 * "6 Şubat", "6 Şubat 2023", "6 Şubat'ta", "8 Şubat 09.35 itibarıyla": Turkish writes the day, then
 * the month, then the year, and chrono has no Turkish parser. The day must stand alone before the
 * month ("16" in "2016 Şubat" is no day).
 */
const DAY_MONTH = new RegExp(
  String.raw`(?<![\p{L}\d.,])(\d{1,2})\s+(${MONTHS.join('|')})\p{L}*(?:['’]\p{L}+)?(?:\s+((?:19|20)\d{2})(?![\p{L}\d]))?`,
  'iu',
);

/** The month (1–12) a written Turkish month name gives, or 0. */
function monthNumber(name: string): number {
  // "EKIM" folds to "ekim" in English and to "ekım" in Turkish; either spelling names the month.
  return MONTHS.findIndex((m) => m === name.toLocaleLowerCase('tr') || m === name.toLowerCase()) + 1;
}

const dayMonth: chrono.Parser = {
  pattern: () => DAY_MONTH,
  extract: (context, match) => {
    const day = Number(match[1]);
    const month = monthNumber(match[2] ?? '');
    if (month < 1 || day < 1 || day > 31) return null;
    const components = context.createParsingComponents({ day, month });
    if (match[3]) components.assign('year', Number(match[3]));
    else components.imply('year', context.refDate.getFullYear());
    return components;
  },
};

/**
 * "dün" (yesterday), "bugün" (today) and "yarın" (tomorrow), and the adjectives "dünkü",
 * "bugünkü" ("dünya" is the world); "bu sabah", "bu akşam", "bu gece": this morning, evening, night,
 * parts of today; "önceki gün", "evvelki gün", "evvelsi gün": the day before yesterday ("bir önceki
 * gün" is the day before the one told).
 */
const CASUAL_DAYS = String.raw`(dün|bugün|yarın|bu\s+(?:sabah|öğleden\s+sonra|akşam|gece)|(?<!bir\s)(?:önceki|evvelki|evvelsi)\s+gün)(?:kü)?`;
const CASUAL_DAY = new RegExp(`(?<!\\p{L})${CASUAL_DAYS}(?!\\p{L})`, 'iu');
const CASUAL_DAY_ALONE = new RegExp(`^${CASUAL_DAYS}$`, 'iu');

/** Whether a date's whole text is the Turkish yesterday or today: chrono tags it as no casual reference. */
export const isTurkishCasualDay = (text: string): boolean => CASUAL_DAY_ALONE.test(text);

const casualDay: chrono.Parser = {
  pattern: () => CASUAL_DAY,
  extract: (context, match) => {
    const word = (match[1] ?? '').toLocaleLowerCase('tr');
    const shift = word === 'dün' ? -1 : word === 'yarın' ? 1 : /^(?:önceki|evvel)/.test(word) ? -2 : 0;
    return context.createParsingComponents(dayPartsOf(context.refDate, shift));
  },
};

/** Monday first, as chrono numbers them from Sunday = 0: index + 1 (Sunday, pazar, is 7 → 0). */
const WEEKDAYS = ['pazartesi', 'salı', 'çarşamba', 'perşembe', 'cuma', 'cumartesi', 'pazar'];
/** "Pazar" is also a market and "cuma" the Friday prayer. */
const ALSO_A_NOUN = new Set(['cuma', 'pazar']);
/**
 * "Salı günü", "perşembe akşamı", "Cuma'yı", "çarşamba", "geçen pazar": a weekday, with "day", a time
 * of day or a case ending after it. The two that are also nouns name a day only with such a word or
 * ending after them, or "geçen" (last) before them.
 */
const TIME_OF_DAY = String.raw`\s+(?:günü|sabahı|öğleden\s+sonra|akşamı|gecesi)`;
const namesOf = (also: boolean) => WEEKDAYS.filter((name) => ALSO_A_NOUN.has(name) === also).join('|');
const WEEKDAY = new RegExp(
  String.raw`(?<!\p{L})(?:(${namesOf(false)})(?:${TIME_OF_DAY})?(?:['’]\p{L}+)?|(${namesOf(true)})(?:${TIME_OF_DAY}|['’]\p{L}+)|(?:geçen|geçtiğimiz)\s+(${namesOf(true)}))(?!\p{L})`,
  'iu',
);

const weekday: chrono.Parser = {
  pattern: () => WEEKDAY,
  extract: (context, match) => {
    const name = (match[1] ?? match[2] ?? match[3] ?? '').toLocaleLowerCase('tr');
    const index = WEEKDAYS.indexOf(name);
    if (index < 0) return null;
    const components = context.createParsingComponents();
    components.assign('weekday', (index + 1) % 7);
    return components;
  },
};

/**
 * "Şubat'ta", "Ekim ayında", "ekimde", "Ekim 2025'te", "Mart ayının sonunda", "ekim sonunda",
 * "geçen yılın Ekim ayında": a month with the locative case, "ayı" (the month of) or its part
 * ("başında", "ortasında", "sonunda") after it, which is how Turkish says "in October". A bare month
 * name is left alone ("Kasım" is also a name, "ekim" a sowing; "Kasım sonunda" may be "Kasım, at
 * last"), and so is one after its day ("6 Şubat'ta" is a day, read above).
 */
const MONTH_IN = new RegExp(
  String.raw`(?<!\d\s*)(?<![\p{L}\d])(?:(geçen|geçtiğimiz|bu)\s+yılın\s+)?(${MONTHS.join('|')})(?:\s+((?:19|20)\d{2}))?(?:['’](?:da|de|ta|te)|(?<=\p{L})(?:da|de|ta|te)|\s+ay(?:ı|ında|ının\s+(?:başında|ortasında|sonunda)|ı\s+(?:başında|ortasında|sonunda|içinde))|\s+(?:başında|ortasında)|(?<!kasım)\s+sonunda)(?!\p{L})`,
  'giu',
);

/** Months said "in" in a Turkish sentence: each with its year when written, or last/this year's. */
export function turkishMonthMentions(sentence: string, publishedYear: number): MonthMention[] {
  return [...sentence.matchAll(MONTH_IN)].flatMap((match) => {
    const month = monthNumber(match[2] ?? '');
    if (month < 1) return [];
    const which = match[1]?.toLocaleLowerCase('tr');
    const year = match[3]
      ? Number(match[3])
      : which === 'bu'
        ? publishedYear
        : which
          ? publishedYear - 1
          : undefined;
    return [{ index: match.index ?? 0, text: match[0], month, year }];
  });
}

/** chrono's casual reading (numbers, clock times) with Turkish written days, weekdays, yesterday and today added. */
export const turkishChrono = (() => {
  const parser = chrono.casual.clone();
  parser.parsers.push(dayMonth, casualDay, weekday);
  return parser;
})();
