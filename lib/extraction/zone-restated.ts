import { daysBetween } from './calendar.ts';
import { clockTimesOf } from './clock.ts';
import type { DateMention } from './mention.ts';

/**
 * "soit", "i.e.", "or", "that is", "d. h.", "es decir", an opening bracket: what restates a moment.
 * Not "also" nor "and": "closed at 11pm on Sunday and also reopened at 7am on Monday" is two events.
 */
const RESTATES =
  /(?<!\p{L})(?:soit|c['’]est-à-dire|i\.\s?e\.|that is|or|d\.\s?h\.|es decir|o sea|ossia|cioè)(?!\p{L})|\(/iu;

/** How far before a date its clock time may stand ("22h mardi soir", "at 10 p.m. Tuesday"). */
const CLOCK_BEFORE = 30;

/** Words that say a clock or a day is the place's own: "local time", "Ortszeit", "heure locale". */
const LOCAL_TIME =
  /(?<!\p{L})(?:local time|ortszeit|heure locale|hora local|ora locale|yerel saat(?:le)?)(?!\p{L})/iu;

/** The words of the bracket a day opens or sits in, up to its close: "(Ortszeit Montagabend)". */
const bracketAfter = (sentence: string, from: number) => sentence.slice(from, from + 40).split(')')[0] ?? '';

/**
 * When `second` gives the moment `first` gives, on another time zone's clock and calendar: the one of
 * the two to drop as the restatement, else nothing.
 */
function restatement(sentence: string, first: DateMention, second: DateMention): DateMention | undefined {
  if (first.precision !== 'day' || second.precision !== 'day' || daysBetween(first.date, second.date) !== 1)
    return undefined;
  const end = first.index + first.text.length;
  const between = sentence.slice(end, second.index);
  if (!RESTATES.test(between)) return undefined;
  // "in der Nacht zu Dienstag (Ortszeit Montagabend)": a bracket naming local time restates the day
  // with no clock on either side, and its day, the place's own, is kept, unless the first is marked so.
  const bracket = between.includes('(') ? `${between}${bracketAfter(sentence, second.index)}` : '';
  if (LOCAL_TIME.test(bracket)) return LOCAL_TIME.test(between.split('(')[0] ?? '') ? second : first;
  const firstClock = sentence.slice(Math.max(0, first.index - CLOCK_BEFORE), end);
  const clocked = clockTimesOf(firstClock).size > 0 && clockTimesOf(`${between}${second.text}`).size > 0;
  return clocked ? second : undefined;
}

/**
 * "dans un message posté juste après 22h mardi soir en Californie, soit 7h à Paris ce mercredi",
 * "at 10 p.m. Tuesday (0300 GMT Wednesday)": one moment on two clocks, whose calendars differ by a
 * day. The second day is that moment told again for readers in another time zone, not a second
 * event: it is dropped, and the sentence's one event keeps the day given first, the place's own.
 * Only when both dates carry a clock time, or a bracket names the place's local time, and a word or
 * bracket restates the first: "closed late on Tuesday and reopened on Wednesday at 7am" is two
 * events. A bracket that names local time ("in der Nacht zu Dienstag (Ortszeit Montagabend)") keeps
 * its day instead: that is the place's own.
 */
export function withoutZoneRestatement(sentence: string, mentions: DateMention[]): DateMention[] {
  const dropped = new Set<DateMention>();
  mentions.forEach((mention, i) => {
    const previous = mentions[i - 1];
    const restated =
      previous && !dropped.has(previous) ? restatement(sentence, previous, mention) : undefined;
    if (restated) dropped.add(restated);
  });
  return mentions.filter((mention) => !dropped.has(mention));
}
