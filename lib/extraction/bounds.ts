import type { DateMention } from './dates.ts';

/** Comparison points and deadlines date no event: "since 2021", "by Tuesday", "valid until 18:00 today". */
const NOT_AN_EVENT_BEFORE =
  /(?:^|[\s(])(?:since|by|until|till|before|as of|as at|seit|bis|depuis|jusqu'au|desde|hasta|até|з|с|до)\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*)?$/i;
/** "higher than in 2019", "compared with last year", "up 1 percent from last year": a yardstick. */
const COMPARED = /(?:^|\s)(?:than|compared (?:with|to)|versus|vs\.?)\s+(?:in\s+|on\s+)?(?:the\s+)?$/i;
const FROM = /(?:^|\s)from\s+$/i;
/** "the nine months ended September 30", "the quarter ending 31 March": a reporting period's end. */
const PERIOD_END = /\b(?:months|quarter|year|period|weeks?|half)\s+end(?:ed|ing)\s+(?:on\s+)?$/i;
/** "after 1 March" bounds a span of time; "after Friday's prisoner exchange" dates the exchange. */
const AFTER = /(?:^|[\s(])after\s+(?:the\s+)?$/i;
const POSSESSIVE = /^['’]s\b/;

/** Whether a mention is a yardstick or a deadline rather than the day something happened. */
export function isBound(sentence: string, mention: DateMention): boolean {
  const before = sentence.slice(Math.max(0, mention.index - 24), mention.index);
  if (NOT_AN_EVENT_BEFORE.test(before) || COMPARED.test(before) || PERIOD_END.test(before)) return true;
  if (FROM.test(before) && /^last year$/i.test(mention.text)) return true;
  return AFTER.test(before) && !POSSESSIVE.test(sentence.slice(mention.index + mention.text.length));
}
