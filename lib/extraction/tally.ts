import { dayOf } from './calendar.ts';
import { clauseSpan } from './clauses.ts';
import type { DateMention } from './mention.ts';

/**
 * "so far", "now", "to date", "hasta ahora", "jusqu'à présent", "bisher": a figure given as it
 * stands when the report was written.
 */
const AS_OF_NOW =
  /\b(?:so far|now|to date|as of now)\b|(?<!\p{L})(?:hasta ahora|hasta el momento|jusqu'à présent|jusqu’à présent|à ce stade|bisher|inzwischen|mittlerweile)(?!\p{L})/iu;

/** What a running count counts: the dead, the injured, the missing, the displaced, cases. */
const TALLY =
  /\b(?:dead|died|deaths?|death toll|toll|killed|injured|wounded|casualties|victims|missing|displaced|evacuated|cases|infections)\b|(?<!\p{L})(?:morts|tués|blessés|victimes|disparus|décès|cas (?:suspects|confirmés)|Tote[n]?|Todesopfer|Todesfälle|Verletzte[n]?|Vermisste[n]?|(?:Verdachts|Krankheits)?[Ff]älle|Infektionen|muertos|muertes|fallecidos|heridos|víctimas|desaparecidos|casos|contagios)(?!\p{L})/iu;

/** A figure of two digits or more ("213", "44,377", "35.000"), or one written out in thousands. */
const FIGURE = /\d[\d,.\u202f ]*\d|\b(?:hundreds|thousands|dozens)\b/i;

/** Whether a text gives a count of the dead, injured, missing or cases: a counted noun and a figure. */
export const isCasualtyCount = (text: string): boolean => FIGURE.test(text) && TALLY.test(text);

/**
 * Whether a sentence gives a running count as it stands now ("35,000 killed so far", "hasta ahora
 * … tres nuevos fallecidos"): a word for now, a counted noun and a figure anywhere in it.
 */
export const isRunningCount = (sentence: string): boolean =>
  FIGURE.test(sentence) && AS_OF_NOW.test(sentence) && TALLY.test(sentence);

/**
 * "The death toll is now 44,377", "More than 35,000 people are so far known to have been killed in
 * the quake, which struck on 6 February": a casualty count given as it stands now is that day's
 * news, the day it was reported, even beside the older day the disaster itself has. Only a clause
 * with a count, a counted noun and a word for now, and no date of its own.
 */
export function tallyMention(sentence: string, mentions: DateMention[], publishedAt: Date): DateMention[] {
  // Most sentences give no figure: the cheapest of the three tests first.
  if (!FIGURE.test(sentence)) return mentions;
  const now = AS_OF_NOW.exec(sentence);
  if (!now) return mentions;
  const [start, end] = clauseSpan(sentence, now.index);
  const clause = sentence.slice(start, end);
  if (!TALLY.test(clause) || !FIGURE.test(clause)) return mentions;
  if (mentions.some((m) => m.index >= start && m.index < end)) return mentions;
  const mention: DateMention = {
    index: now.index,
    text: now[0],
    date: dayOf(publishedAt),
    precision: 'day',
    endDate: null,
    tense: 'present',
  };
  return [...mentions, mention].sort((a, b) => a.index - b.index);
}
