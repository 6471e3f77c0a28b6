/** "at", "um", "à", "a las", "alle", "saat": the words before a clock time that say it is one, and when. */
const SAID_AT_WORDS = 'saat|um|at|à|a las|alle';
/** "shortly before", "around", "kurz nach", "peu avant": a time said as when, give or take. */
const SAID_NEAR_WORDS =
  '(?:shortly|just|soon) (?:before|after)|around|about|approximately|roughly|kurz (?:vor|nach)|gegen|(?:peu|juste) (?:avant|après)|vers|poco (?:antes|después) de las|sobre las';

/**
 * The words before a bare "6 h" that make it a time of day ("à 6 h", "vers 6 h", "de 6 h à 20 h"):
 * written with a space and no minutes, it is as often a duration ("pendant 2 h", "en 3 h").
 */
const SAID_WHEN_FR = String.raw`(?<!\p{L})(?:à|vers|dès|de|jusqu'à|jusqu’à|avant|après|entre|et)`;

/**
 * A clock time as outlets write it: "10pm", "10:30 p.m.", "10.30pm" (British), "22h", "22h30", "22 h 30"
 * (Quebec; a bare "22 h" after SAID_WHEN_FR), "22:30", "22.30 Uhr",
 * "saat 04.17'de", "0300 GMT". A dot form needs a word that makes it a time ("Uhr", or one of
 * SAID_AT_WORDS), or it is a decimal.
 */
const CLOCK = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,:])(?:(?<h12>\d{1,2})(?:[:.](?<m12>\d{2}))?\s?(?<half>[ap])\.?\s?m\b\.?|(?<hh>\d{1,2})(?:h(?:\s?(?<mh>\d{2}))?|\sh\s(?<mq>\d{2})|(?<=${SAID_WHEN_FR}\s\d{1,2})\sh)(?![\p{L}\p{N}])|(?<hc>\d{1,2}):(?<mc>\d{2})(?![\p{N}:])|(?<hg>[01]\d|2[0-3])(?<mg>[0-5]\d)\s?(?:GMT|UTC)\b|(?:(?<=(?:${SAID_AT_WORDS})\s)(?<hd>\d{1,2})\.(?<md>\d{2})|(?<hu>\d{1,2})(?:[.:](?<mu>\d{2}))?\s?Uhr)(?![\p{N}]))`,
  'giu',
);

const clockOf = (hours: number, minutes: number): string[] =>
  hours < 24 && minutes < 60 ? [`${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`] : [];

/** The hour on a 24-hour clock of an hour written with "a.m." or "p.m." ("12 a.m." is 0), or without. */
export const hourOfDay = (hours: number, half?: string): number =>
  half === undefined || hours > 12 ? hours : (hours % 12) + (half.toLowerCase() === 'p' ? 12 : 0);

function clockTime(groups: Record<string, string | undefined>): string[] {
  const { h12, m12, half, hh, mh, mq, hc, mc, hd, md, hu, mu, hg, mg } = groups;
  if (h12 !== undefined) {
    const hours = Number(h12);
    if (hours < 1 || hours > 12) return [];
    return clockOf(hourOfDay(hours, half), Number(m12 ?? 0));
  }
  const hours = hh ?? hc ?? hd ?? hu ?? hg;
  return clockOf(Number(hours), Number(mh ?? mq ?? mc ?? md ?? mu ?? mg ?? 0));
}

const clockCache = new Map<string, Set<string>>();
const CACHED_TEXTS = 20_000;

/**
 * The clock times a text gives, on a 24-hour clock ("22:00" for "10pm" and "22h"): the minute an
 * announcement was posted or a shock struck says which development a sentence tells, in any language.
 */
export function clockTimesOf(text: string): Set<string> {
  let times = clockCache.get(text);
  if (!times) {
    if (clockCache.size >= CACHED_TEXTS) clockCache.clear();
    times = new Set([...text.matchAll(CLOCK)].flatMap((match) => clockTime(match.groups ?? {})));
    clockCache.set(text, times);
  }
  return times;
}

/** The clock time a text ends on ("lost contact at 7:41 p.m."), on a 24-hour clock, if it ends on one. */
export function clockEndingOf(text: string): string | undefined {
  const trimmed = text.trimEnd();
  let last: RegExpMatchArray | undefined;
  for (const match of trimmed.matchAll(CLOCK)) last = match;
  // "um 22.30 Uhr" is read as "22.30" after its "um": the "Uhr" after it still ends the clock.
  if (!last || !/^\s*(?:uhr)?$/i.test(trimmed.slice((last.index ?? 0) + last[0].length))) return undefined;
  return clockTime(last.groups ?? {})[0];
}

/** The text with its clock times blanked out: "um 22.30 Uhr" then gives no decimal "22.30". */
export const withoutClockTimes = (text: string): string => text.replace(CLOCK, ' ');

/**
 * One of SAID_AT_WORDS or SAID_NEAR_WORDS just before a clock time ("at about"): when something
 * happened. Not the "à" of "jusqu'à 21 h", which bounds hours kept ("open until 9pm").
 */
const SAID_AT = new RegExp(
  String.raw`(?<!\p{L}|jusqu['’])(?:${SAID_AT_WORDS}|${SAID_NEAR_WORDS})\s+(?:(?:about|around|roughly|exactly)\s+)?$`,
  'iu',
);

/** A text opening on a word that says when (SAID_AT_WORDS, SAID_NEAR_WORDS), as a clock time said at its start needs. */
const OPENS_SAYING_WHEN = new RegExp(String.raw`^\s*(?:${SAID_AT_WORDS}|${SAID_NEAR_WORDS})\s`, 'iu');
/** How far into a text a clock time that opens it ends ("Around 11:15 p.m. the …"). */
const OPENING_CLOCK_REACH = 64;

/**
 * Whether a text opens on a clock time said as when ("Around 11:15 p.m. the sheriff's office…", "At
 * 4:15 a.m., he was booked…"): a sentence that does places itself on the story's day as "Later that
 * evening" does, past a paragraph of background.
 */
export function opensOnClockTime(text: string): boolean {
  if (!OPENS_SAYING_WHEN.test(text)) return false;
  return clockTimeSaidAt(text.slice(0, OPENING_CLOCK_REACH))?.index === text.length - text.trimStart().length;
}

/**
 * The first clock time a text gives as the moment something happened ("struck at 1:24 pm", "um 14.30
 * Uhr", "à 22h", "a las 20:04", "saat 04.17'de"), with the word that says so; a bare "22:30" is as often a
 * schedule or a score.
 */
export function clockTimeSaidAt(text: string): { index: number; text: string } | undefined {
  let previousEnd = -1;
  for (const match of text.matchAll(CLOCK)) {
    const lead = SAID_AT.exec(text.slice(Math.max(0, match.index - 24), match.index));
    const start = match.index - (lead?.[0].length ?? 0);
    // "de 6 h à 20 h": French "à" after a clock time is a span's "to", and the span is hours kept.
    const closesSpan = previousEnd >= 0 && text.slice(previousEnd, start).trim() === '';
    if (lead && !closesSpan && clockTime(match.groups ?? {}).length)
      return { index: start, text: `${lead[0]}${match[0]}` };
    previousEnd = match.index + match[0].length;
  }
  return undefined;
}
