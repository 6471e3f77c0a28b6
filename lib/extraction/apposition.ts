import { isCasualDayText } from './casual-words.ts';
import type { DateMention } from './mention.ts';

/**
 * Only a comma, a bracket or a space between two mentions: "November 9, Saturday", "on Saturday
 * (November 9)", and Turkish "13 Kasım Cuma günü", which sets the weekday after its day with nothing
 * between; or "the", as British and Indian copy write a day after its weekday ("on Friday, the 28th
 * April", "on Monday the 14th of November").
 */
const APPOSED = /^\s*[,(]?\s*(?:the\s+)?$/;

const isWritten = (mention: DateMention) => mention.precision === 'day' && /\d/.test(mention.text);
const isDayWord = (mention: DateMention) => mention.precision === 'day' && !/\d/.test(mention.text);
const isCasual = (mention: DateMention) => isCasualDayText(mention.text);
const isWeekday = (mention: DateMention) => isDayWord(mention) && !isCasual(mention);

/**
 * "The police registered a case on November 9, Saturday", "visited the village on Saturday (November
 * 9)": a weekday set beside a written day names that day again. The written day stands; the weekday,
 * read alone, would be a second event, a week off when the tense points the other way. So does a
 * weekday set beside a casual day ("yesterday (Monday)"): the weekday stands.
 */
export function withoutAppositeWeekdays(sentence: string, mentions: DateMention[]): DateMention[] {
  return mentions.filter((mention, i) => {
    if (!isDayWord(mention)) return true;
    const [before, after] = [mentions[i - 1], mentions[i + 1]];
    // "Yesterday (Monday)", "hier (lundi)": a paper printed the next morning keeps the writer's
    // "yesterday", and the weekday beside it says which day that was.
    const names = (other: DateMention) => isWritten(other) || (isCasual(mention) && isWeekday(other));
    const apposedTo = (other: DateMention | undefined, from: number, to: number) =>
      other !== undefined && names(other) && APPOSED.test(sentence.slice(from, to));
    return !(
      (before && apposedTo(before, before.index + before.text.length, mention.index)) ||
      (after && apposedTo(after, mention.index + mention.text.length, after.index))
    );
  });
}
