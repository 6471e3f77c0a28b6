import { isTwoDaysOff } from './casual-days.ts';
import { ITALIAN_TODAY } from './italian.ts';
import { isTurkishCasualDay } from './turkish.ts';

/** Yesterday, today, tomorrow and their parts in English, French and Spanish, as chrono's text gives them. */
const CASUAL_DAY =
  /^(?:yesterday|today|tomorrow|tonight|last night|last evening|this morning|this afternoon|this evening|aujourd'hui|aujourd’hui|hier|demain|ce (?:matin|soir)|cet après-midi|hoy|ayer|esta (?:mañana|tarde|noche))$/i;
/**
 * Yesterday, today and tomorrow in German, which carry no chrono tag ("morgen" is also "morning"),
 * with the part of the day after them ("gestern Abend", "morgen früh") and "letzte Nacht"; Spanish
 * "anoche" and "antenoche", Spanish and Portuguese "esta madrugada" (casual-days.ts reads them).
 */
const CASUAL_DAY_ELSEWHERE =
  /^(?:(?:gestern|vorgestern|heute|übermorgen)(?:\s+(?:früh|morgen|vormittag|mittag|nachmittag|abend|nacht))?|morgen\s+(?:früh|vormittag|mittag|nachmittag|abend)|letzte\s+nacht|antenoche|anoche|n?esta\s+madrugada)$/iu;

/**
 * A date's whole text is a day said relative to the day of speaking: "today", "last night",
 * "gestern Abend", "avant-hier", "stasera", "dün". One list for the two questions asked of it: whether
 * chrono's reading is such a day (dates.ts), and whether a quoted one counts from its speaker
 * (reference.ts).
 */
/** German "morgen" is tomorrow; capitalised, "Morgen", it is the morning ("am Morgen", "heute Morgen"). */
const GERMAN_TOMORROW = /^morgen$/;

export const isCasualDayText = (text: string): boolean => {
  const trimmed = text.trim();
  return (
    CASUAL_DAY.test(trimmed) ||
    GERMAN_TOMORROW.test(trimmed) ||
    CASUAL_DAY_ELSEWHERE.test(trimmed) ||
    ITALIAN_TODAY.test(trimmed) ||
    isTurkishCasualDay(trimmed) ||
    isTwoDaysOff(trimmed)
  );
};
