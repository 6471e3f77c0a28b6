import { daysBetween, shiftDay } from './calendar.ts';
import { clockEndingOf, clockTimesOf } from './clock.ts';
import type { DateMention } from './mention.ts';
import { WEEKDAY_NAME } from './weekday.ts';

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
 * A clock or calendar named as some place's: "Tokyo time", "New York time", "in London", "ET", "GMT",
 * or local time. Case matters: a place or a zone is written with capitals.
 */
const ZONE_NAMED =
  /(?<!\p{L})(?:\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?\s+time|in\s+\p{Lu}\p{Ll}+|(?:GMT|UTC|ET|EST|EDT|CST|CDT|PT|PST|PDT|BST|CET|CEST|EET|EEST|IST|SGT|HKT|JST|KST|AEST|AEDT|AWST|WIB|MSK|TRT))(?!\p{L})/u;

const zoneNamed = (text: string) => ZONE_NAMED.test(text) || LOCAL_TIME.test(text);

/** What sets a restatement off when no word says so: a bracket or a dash, and nothing that adds a second act. */
const SET_OFF = /^[^(—–]{0,40}[(—–][^(—–]{0,20}$/u;
const ADDS_AN_ACT = /(?<!\p{L})(?:and|und|et|y|e|then|before|after|while)(?!\p{L})/iu;

/** The words after a day that may name its zone, up to the bracket's or the aside's close. */
const tailOf = (sentence: string, from: number) => sentence.slice(from, from + 30).split(/[)—–,;]/u)[0] ?? '';

const WEEKDAY = new RegExp(`(?<!\\p{L})(?:${WEEKDAY_NAME})`, 'iu');

/**
 * One moment told on two calendars, both places named ("late on Friday in New York (early Saturday in
 * Singapore)", "early on Tuesday Australian time — Monday evening in London —"): the two days are
 * adjacent in the week, whatever direction each was read in alone.
 */
function namedZones(sentence: string, first: DateMention, second: DateMention): boolean {
  const end = first.index + first.text.length;
  const between = sentence.slice(end, second.index);
  if (!SET_OFF.test(between) || ADDS_AN_ACT.test(between)) return false;
  const secondEnd = second.index + second.text.length;
  return zoneNamed(`${first.text}${between}`) && zoneNamed(`${second.text}${tailOf(sentence, secondEnd)}`);
}

const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

/** Weekday names a day apart in the week, though one was read a week off ("Tuesday … Monday"). */
function weekdaysApart(first: DateMention, second: DateMention): number | undefined {
  if (!WEEKDAY.test(first.text) || !WEEKDAY.test(second.text)) return undefined;
  const apart = (weekdayOf(second.date) - weekdayOf(first.date) + 7) % 7;
  return apart === 1 ? 1 : apart === 6 ? -1 : undefined;
}

/**
 * The kept day, read again beside the dropped one when the two were read a week apart: the pair lies
 * where the reading of the two not after publication, or else the earlier one, puts it.
 */
function besideRestated(
  kept: DateMention,
  dropped: DateMention,
  keptToDropped: number,
  today: string,
): DateMention {
  if (daysBetween(kept.date, dropped.date) === 1) return kept;
  const anchors = [kept, dropped].filter((mention) => mention.date <= today);
  const anchor =
    anchors.sort((a, b) => (a.date < b.date ? 1 : -1))[0] ?? (kept.date < dropped.date ? kept : dropped);
  const date = anchor === kept ? kept.date : shiftDay(dropped.date, -keptToDropped);
  return { ...kept, date };
}

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

/** What may stand between a place's clock and the bracket restating it: "at 2:14 a.m. local time (…)". */
const LOCAL_TIME_BEFORE_BRACKET = /\s*(?:local time|Ortszeit|heure locale|hora local)?\s*$/iu;
const UNIVERSAL = /(?<!\p{L})(?:GMT|UTC)(?!\p{L})/u;
const hoursOf = (clock: string) => Number(clock.slice(0, 2)) + Number(clock.slice(3)) / 60;

/**
 * "lost contact at 7:41 p.m. (0041 GMT on Wednesday)": the day is only given for universal time, and
 * the place's own clock, read beside it, says whether its calendar was still on the day before (an
 * evening west of Greenwich) or already on the day after (a morning far east of it). Zones lie within
 * twelve hours or so of universal time, so a clock more than twelve hours from its universal reading
 * has crossed midnight.
 */
function onLocalCalendar(sentence: string, mention: DateMention): DateMention {
  const open = sentence.lastIndexOf('(', mention.index);
  if (open < 0 || sentence.slice(open, mention.index).includes(')') || mention.precision !== 'day')
    return mention;
  // The place's clock with no day of its own, right before the bracket: "at 7:41 p.m. (0041 GMT …)".
  const own = clockEndingOf(
    sentence.slice(Math.max(0, open - 30), open).replace(LOCAL_TIME_BEFORE_BRACKET, ''),
  );
  const bracket = sentence.slice(open, mention.index + mention.text.length + 12).split(')')[0] ?? '';
  const universal = [...clockTimesOf(bracket)][0];
  if (!own || !universal || !UNIVERSAL.test(bracket)) return mention;
  const ahead = hoursOf(own) - hoursOf(universal);
  const days = ahead > 12 ? -1 : ahead < -12 ? 1 : 0;
  return days ? { ...mention, date: shiftDay(mention.date, days) } : mention;
}

/** "à Paris", "in Berlin", "en España": a place named right after a day, whose calendar it is. */
const PLACE_AFTER = /^\s*(?:(?:in|à|en|a)\s+\p{Lu}|(?:GMT|UTC|CET|CEST|MEZ|MESZ|BST)(?!\p{L}))/u;

/**
 * "In Deutschland war es da bereits Dienstagmorgen", "in Asia it was already Tuesday", "en France, il
 * était déjà mardi": the moment just told, on a place's calendar where the day had turned. The place
 * is named: "by the time rescuers arrived it was already Tuesday" dates the arrival.
 */
const ALREADY_ELSEWHERE =
  /(?<!\p{L})(?:[Ii]n|[Ee]n|[Àà]|[Aa]u)\s+\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?,?\s+(?:it was|war es|[Cc]['’]était|il était)\s+(?:(?:da|dort|then|alors)\s+)?(?:already|bereits|schon|déjà)\s+(?:(?:am|le)\s+)?$/u;
/** Every restating word of a sentence, the last of which may open a restated moment. */
const RESTATES_ALL = new RegExp(RESTATES.source, 'giu');

/**
 * One day in a sentence that restates, on another place's clock and calendar, a moment the sentence
 * gives on local time with no day: "peu avant minuit heure locale, soit 5h48 mardi à Paris". The
 * local moment's day is the story's (told before); this one is its translation for readers elsewhere.
 */
function restatesLocalMoment(sentence: string, mention: DateMention): boolean {
  const before = sentence.slice(0, mention.index);
  if (ALREADY_ELSEWHERE.test(before)) return true;
  const restating = [...before.matchAll(RESTATES_ALL)].at(-1);
  if (!restating || restating.index === undefined) return false;
  const local = before.slice(0, restating.index);
  const translated = before.slice(restating.index);
  if (!LOCAL_TIME.test(local) || clockTimesOf(`${translated}${mention.text}`).size === 0) return false;
  return PLACE_AFTER.test(sentence.slice(mention.index + mention.text.length));
}

/**
 * "dans un message posté juste après 22h mardi soir en Californie, soit 7h à Paris ce mercredi",
 * "at 10 p.m. Tuesday (0300 GMT Wednesday)": one moment on two clocks, whose calendars differ by a
 * day. The second day is that moment told again for readers in another time zone, not a second
 * event: it is dropped, and the sentence's one event keeps the day given first, the place's own.
 * Only when both dates carry a clock time, or a bracket names the place's local time, or both days
 * name their place's clock ("Tuesday Australian time — Monday evening in London"), and a word,
 * bracket or dash restates the first: "closed late on Tuesday and reopened on Wednesday at 7am" is two
 * events. A bracket that names local time ("in der Nacht zu Dienstag (Ortszeit Montagabend)") keeps
 * its day instead: that is the place's own. Two weekdays read a week apart alone (the past's Tuesday,
 * the coming Monday) are put back a day apart, beside the one read not after `today`.
 */
export function withoutZoneRestatement(
  sentence: string,
  mentions: DateMention[],
  today: string,
): DateMention[] {
  const dropped = new Set<DateMention>();
  const kept = new Map<DateMention, DateMention>();
  mentions.forEach((mention, i) => {
    const previous = mentions[i - 1];
    if (!previous || dropped.has(previous)) return;
    const restated = restatement(sentence, previous, mention);
    if (restated) {
      dropped.add(restated);
      return;
    }
    const apart = weekdaysApart(previous, mention);
    if (apart === undefined || !namedZones(sentence, previous, mention)) return;
    dropped.add(mention);
    kept.set(previous, besideRestated(previous, mention, apart, today));
  });
  return mentions
    .filter((mention) => !dropped.has(mention) && !restatesLocalMoment(sentence, mention))
    .map((mention) => onLocalCalendar(sentence, kept.get(mention) ?? mention));
}
