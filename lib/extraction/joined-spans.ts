import type { DateMention } from './mention.ts';

/**
 * Mentions with each pair that `joins` says tells one stretch of time read as one: the first's day,
 * through the second's (`endDate`), quoted from the first's start to the second's end. Pairs are
 * taken in reading order; a joined mention is not joined again to the one after it.
 */
export function joinedSpans(
  sentence: string,
  mentions: DateMention[],
  joins: (sentence: string, first: DateMention, second: DateMention) => boolean,
): DateMention[] {
  const joined: DateMention[] = [];
  for (const mention of mentions) {
    const first = joined.at(-1);
    if (first && joins(sentence, first, mention)) {
      joined[joined.length - 1] = {
        ...first,
        text: sentence.slice(first.index, mention.index + mention.text.length),
        endDate: mention.date,
      };
      continue;
    }
    joined.push(mention);
  }
  return joined;
}
