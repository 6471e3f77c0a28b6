import { dayOf, shiftDay } from './calendar.ts';
import { clauseSpan } from './clauses.ts';
import type { DateMention } from './mention.ts';

/** "to schedule a meeting for Friday afternoon": a weekday a plan is booked for. */
const BOOKED_FOR = /\bfor\s+(?:the\s+)?$/i;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY_OPENING = /^(sun|mon|tues|wednes|thurs|fri|satur)day\b/i;

/** The weekday a bare weekday mention names (0 Sunday), or undefined for any other date. */
function weekdayOf(mention: DateMention): number | undefined {
  const name = WEEKDAY_OPENING.exec(mention.text.trim())?.[1]?.toLowerCase();
  return name === undefined ? undefined : WEEKDAYS.findIndex((day) => day.startsWith(name));
}

/**
 * "The scientist sent a message on Thursday evening to set up a meeting for Friday afternoon", written
 * the week after: the plan was made on the day the sentence reports, so the weekday it booked is
 * the first one after that day, not one counted from publication. When that day has passed by
 * publication, the plan dates nothing (what came of it is told as its own event); one still ahead
 * stays an announced date.
 */
export function withoutPastPlans(
  sentence: string,
  mentions: DateMention[],
  publishedAt: Date,
): DateMention[] {
  const today = dayOf(publishedAt);
  const told = mentions.find((m) => m.precision === 'day' && m.tense === 'past' && m.date < today);
  if (!told) return mentions;
  return mentions.filter((mention) => {
    const weekday = weekdayOf(mention);
    if (mention === told || weekday === undefined) return true;
    if (!BOOKED_FOR.test(sentence.slice(Math.max(0, mention.index - 12), mention.index))) return true;
    const after = (weekday - new Date(`${told.date}T00:00:00Z`).getUTCDay() + 7) % 7 || 7;
    return shiftDay(told.date, after) >= today;
  });
}

/**
 * "The plane had been due to land at 7:45 p.m. on Tuesday", "the talks were scheduled to resume on
 * Monday", "It had been due to dock four minutes later": a plan told in the past, for a day publication
 * has passed, says what was meant to happen, mostly what then did not; what did happen is told as
 * itself. In the date's clause, before it.
 */
const PLAN_TOLD_IN_THE_PAST =
  /\b(?:was|were|had\s+been)\s+(?:due|scheduled|slated|set|expected|supposed|meant|planned)\s+to\s+\S+/i;

export function isMissedPlan(sentence: string, mention: DateMention, publishedAt: Date): boolean {
  if (mention.date >= dayOf(publishedAt)) return false;
  const [start] = clauseSpan(sentence, mention.index);
  const before = sentence.slice(start, mention.index);
  const plan = PLAN_TOLD_IN_THE_PAST.exec(before);
  if (!plan || NAMES_ITS_EVENT.test(sentence.slice(mention.index + mention.text.length))) return false;
  // The plan governs its own date, not one a saying adds after a comma ("…, her office said on Monday"),
  // nor the day of what it was timed against ("due to finish before the storm on Monday").
  return !/[,;:—–]|\b(?:before|after|since|ahead of)\b/i.test(before.slice(plan.index + plan[0].length));
}

/** "before Monday's storm": a possessive date names an event of its own. */
const NAMES_ITS_EVENT = /^['’]s\b/;
