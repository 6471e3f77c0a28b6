import * as chrono from 'chrono-node';
import { monthNames } from './month-names.ts';

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

const dayMonth: chrono.Parser = {
  pattern: () => DAY_MONTH,
  extract: (context, match) => {
    const day = Number(match[1]);
    // "EKIM" folds to "ekim" in English and to "ekım" in Turkish; either spelling names the month.
    const name = match[2] ?? '';
    const month = MONTHS.findIndex((m) => m === name.toLocaleLowerCase('tr') || m === name.toLowerCase()) + 1;
    if (month < 1 || day < 1 || day > 31) return null;
    const components = context.createParsingComponents({ day, month });
    if (match[3]) components.assign('year', Number(match[3]));
    else components.imply('year', context.refDate.getFullYear());
    return components;
  },
};

/** chrono's casual reading (numbers, clock times) with Turkish written days added. */
export const turkishChrono = (() => {
  const parser = chrono.casual.clone();
  parser.parsers.push(dayMonth);
  return parser;
})();
