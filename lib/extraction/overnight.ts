import { shiftDay } from './calendar.ts';
import { joinedSpans } from './joined-spans.ts';
import type { DateMention } from './mention.ts';

/** A night's words a little before its first day: "overnight", "the night of", "in der Nacht von", "dans la nuit de". */
const NIGHT_BEFORE =
  /(?<!\p{L})(?:overnight|night|nights|nacht|nuit|noche|notte|noite)(?!\p{L})[^.;]{0,24}$/iu;
/** What joins a night's two days: "Tuesday into Wednesday", "von Samstag auf Sonntag", "de samedi à dimanche". */
const NIGHT_JOIN = /^\s*(?:into|to|till|until|auf|zu|à|au|a|al|para|e)\s+(?:(?:the|le|el|den)\s+)?$/iu;

/**
 * "the intervening night of Monday and Tuesday", "in the night between Saturday and Sunday", "in der
 * Nacht zwischen Samstag und Sonntag": a night told as lying between its days. One night only: "the
 * nights of Monday and Tuesday" are two.
 */
const ONE_NIGHT_BEFORE = /(?<!\p{L})(?:night|nacht|nuit|noche|noite)(?!\p{L})[^.;,]{0,24}$/iu;
const BETWEEN_JOIN = /^\s*(?:and|und|et|y)\s+(?:(?:the|le|el|den)\s+)?$/iu;

/**
 * "overnight Tuesday into Wednesday", "in der Nacht von Samstag auf Sonntag", "late on Tuesday and early
 * on Wednesday": one night, told by the two days it spans, is one event on the first, as a range
 * ("from Saturday to Sunday" reads so already), not two events a day apart.
 */
export const withOvernightSpans = (sentence: string, mentions: DateMention[]): DateMention[] =>
  joinedSpans(sentence, mentions, isNight);

/** "late on Tuesday and early on Wednesday", "Tuesday night and into early Wednesday": a night told by its two edges. */
const LATE = /(?<!\p{L})(?:late|night|evening)(?!\p{L})/iu;
const LATE_BEFORE = /(?<!\p{L})late\s+$/iu;
const EARLY_JOIN =
  /^\s*,?\s*(?:and|to|into|through)\s+(?:into\s+)?(?:the\s+)?(?:early|small hours of|early hours of)\s+(?:on\s+)?$/iu;

function isNight(sentence: string, first: DateMention, second: DateMention): boolean {
  if (first.precision !== 'day' || second.precision !== 'day' || first.endDate) return false;
  if (shiftDay(first.date, 1) !== second.date) return false;
  const between = sentence.slice(first.index + first.text.length, second.index);
  const before = sentence.slice(0, first.index);
  if (NIGHT_JOIN.test(between) && NIGHT_BEFORE.test(before)) return true;
  if (BETWEEN_JOIN.test(between) && ONE_NIGHT_BEFORE.test(before)) return true;
  const late =
    LATE.test(first.text) || LATE_BEFORE.test(sentence.slice(Math.max(0, first.index - 12), first.index));
  return late && EARLY_JOIN.test(between);
}
