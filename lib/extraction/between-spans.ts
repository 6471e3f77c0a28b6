import { daysBetween } from './calendar.ts';
import { joinedSpans } from './joined-spans.ts';
import type { DateMention } from './mention.ts';

/**
 * "cancelled 340 flights between March 15 and March 23", "zwischen dem 15. und dem 23. März" (chrono
 * reads the second alone), "entre le 15 mars et le 23 mars", "entre el 15 y el 23 de marzo": a span
 * told by its two ends. It began on the first day and ended on the second, which is no event of its
 * own: one mention from the first day to the second, as "from March 15 to March 23" reads already.
 * So are "from" and "to" when chrono reads the two ends apart.
 */
const BETWEEN_BEFORE = /(?<!\p{L})(?:between|zwischen(?:\s+(?:dem|den))?|entre(?:\s+(?:le|el|la))?)\s+$/iu;
const AND_BETWEEN = /^\s*(?:and|und|et|y|e)\s+(?:(?:the|dem|den|le|el)\s+)?$/iu;
/**
 * "from Good Friday to Easter Monday", "from 00:01 on Good Friday, April 3, until 23:59 on Easter
 * Monday": ends chrono reads apart (a holiday is found beside chrono, a clock time splits its range).
 */
const FROM_BEFORE =
  /(?<!\p{L})(?:from|von|vom|du|del|desde|dal)\s+(?:\d{1,2}[:.]\d{2}\s+(?:on\s+)?)?(?:(?:the|dem|den|le|el|il)\s+)?$/iu;
const TO_BETWEEN =
  /^\s*,?\s*(?:to|until|till|through|bis(?:\s+(?:zum|einschließlich))?|au|jusqu['’]au|hasta\s+el|al)\s+(?:\d{1,2}[:.]\d{2}\s+(?:on\s+)?)?(?:(?:the|dem|den|le|el)\s+)?$/iu;
/** A span of days longer than this is two dates a sentence compares, not one stretch of time. */
const SPAN_DAYS = 92;

export const withBetweenSpans = (sentence: string, mentions: DateMention[]): DateMention[] =>
  joinedSpans(sentence, mentions, isSpan);

function isSpan(sentence: string, first: DateMention, second: DateMention): boolean {
  if (first.precision !== 'day' || second.precision !== 'day' || first.endDate || second.endDate)
    return false;
  if (second.date <= first.date || daysBetween(first.date, second.date) > SPAN_DAYS) return false;
  const between = sentence.slice(first.index + first.text.length, second.index);
  const before = sentence.slice(0, first.index);
  return (
    (AND_BETWEEN.test(between) && BETWEEN_BEFORE.test(before)) ||
    (TO_BETWEEN.test(between) && FROM_BEFORE.test(before))
  );
}
