import { SPEAKING } from './attribution.ts';
import { dayOf } from './calendar.ts';
import { isCasualDayText } from './casual-words.ts';
import { clauseAround, quotationSpans, spanHolding } from './clauses.ts';
import { type DateMention, findDates } from './dates.ts';
import { entryMinuteOfDay, wordCount } from './furniture.ts';
import { WEEKDAY_NAME } from './weekday.ts';

/** Relative dates count from this instant: publication, or a stamp or dateline that moves it. */
export type Reference = Date;

const dayAsReference = (date: string): Reference => new Date(`${date}T12:00:00Z`);

/**
 * "Updated 29 October 14:05", "April 1 update", "29 October, 14:05": a live blog's entry or update
 * stamp, a short line with a day and an update word or a clock time. What follows was written then.
 */
const STAMP_MARK = /\bupdat(?:e|ed|es)\b|\b\d{1,2}(?:[:h]\d{2}|\.\d{2}(?![./]\d))\b|\b\d{1,2}\s*[ap]\.?m\.?/i;

/**
 * A weekday and a day number on a line of their own ("Wednesday 11 November", "Sunday, Nov. 15",
 * "Dienstag, 10. November", "Lunes, 23 de noviembre"): a live page's day heading, whether the page
 * sets it as a heading or as a paragraph (feeds flatten headings into paragraphs).
 */
const WEEKDAY_WORD = new RegExp(String.raw`(?<!\p{L})(?:${WEEKDAY_NAME})(?!\p{L})`, 'iu');
export const isDayLine = (text: string) => /\d/.test(text) && WEEKDAY_WORD.test(text);

export function stampReference(
  text: string,
  publishedAt: Date,
  language?: string,
  heading = false,
): Reference | undefined {
  // A heading that is a day alone ("Tuesday 11 November", "Monday, Oct. 6") heads that day's entries.
  const marked = heading || STAMP_MARK.test(text) || isDayLine(text);
  if (text.length > 80 || !marked || wordCount(text) > 8) return undefined;
  // "Updated" is no past tense of the day it stamps: a stamp is the nearest such day.
  const bare = text.replace(/\bupdat\w*/gi, ' ');
  const day = findDates(bare, publishedAt, { language }).find((mention) => mention.precision === 'day');
  // A stamp is little more than its day and time: "3 October: Bank cuts its rate to 5.25%" is an entry.
  const rest =
    day &&
    bare
      .replace(day.text, ' ')
      .replace(STAMP_MARK, ' ')
      .replace(/\b[A-Z]{2,4}T?\b/g, ' ');
  return day && rest !== undefined && wordCount(rest) < 2 ? dayAsReference(day.date) : undefined;
}

/** Before this hour a page is still telling the night before. */
const SMALL_HOURS_END = 6;

/** Half a day, in minutes: an entry's time is the one nearest the page's, the day before or the same day. */
const HALF_DAY = 12 * 60;

/**
 * An entry's time in the evening on a page published in the small hours ("Updated 11:20 p.m. ET" on
 * a page of 01:15): the entry is nearer the evening before, when it was written and what it tells
 * happened. A morning entry on a page dated at 04:30 is later the same day (a feed dates a live page
 * by its first entry as often as by its last).
 */
export function lateEntryReference(text: string, publishedAt: Date): Reference | undefined {
  if (publishedAt.getUTCHours() >= SMALL_HOURS_END) return undefined;
  const minute = entryMinuteOfDay(text);
  const published = publishedAt.getUTCHours() * 60 + publishedAt.getUTCMinutes();
  return minute !== undefined && minute > published + HALF_DAY
    ? dayAsReference(dayOf(publishedAt, -1))
    : undefined;
}

/** A reprint keeps the original's dateline: its relative dates count from that day, not the reprint's. */
export function datelineReference(
  written: string | undefined,
  publishedAt: Date,
  language?: string,
): Reference | undefined {
  if (!written || written.length < 3) return undefined;
  const [day] = findDates(written, publishedAt, { language, presentAs: 'past' });
  return day?.precision === 'day' && /\d/.test(day.text) ? dayAsReference(day.date) : undefined;
}

/** A day said relative to the day of speaking: "today", "this evening", "avant-hier". */
const isCasual = isCasualDayText;

/**
 * Quoted speech: "“Today is a good day,” the president said" says "today" on the day it was said. A
 * quotation that runs on past its sentence ('…, writing, "Today we launched it. Try it.') is open
 * to the sentence's end.
 */
const quotationsOf = (sentence: string) => quotationSpans(sentence, true);

/** A present state: "is", "are", "remains", "we're". */
const STATE =
  /\b(?:is|are|remains?|stays?)\b|['’]re\b|['’]s\s+(?:still|now|under|better|worse|calm|stable)\b/i;
/**
 * What makes a present clause an act: a progressive or passive verb, a past or future one. An
 * adjective in -ing ("talks are ongoing", "two people are missing") is a state.
 */
const ACT =
  /\b(?:is|are|was|were|be)\s+(?:now\s+|being\s+)?(?!(?:ongoing|missing|outstanding|pending|willing|encouraging|worrying|promising|devastating|heartbreaking|overwhelming)\b)\p{L}+(?:ing|ed)\b|\b(?:will|would|had|has|have)\b|\b\p{L}{3,}ed\b/iu;

/** A casual day said inside a quotation: the quotation's words, and whether it is only a remark. */
export interface QuotedDay {
  words: string;
  remark: boolean;
}

/**
 * A casual day ("today", "last night", "hier") said inside a quotation ('"We only heard it on the
 * radio last night," a parent said', '« La décision d'hier ne change rien »'): what someone said of a
 * day, most often of the development the article tells on it, rarely a development of its own.
 *
 * It is a remark when its clause only says how things stand ('"… and today the situation is under
 * control," he said', '"We are better today"'): made in a speech, not a development. A clause telling
 * an act ("we arrested three men today", "we are opening the border today") is not.
 */
export function quotedDay(
  sentence: string,
  mention: Pick<DateMention, 'index' | 'text'>,
): QuotedDay | undefined {
  if (!isCasual(mention.text)) return undefined;
  const quote = spanHolding(quotationsOf(sentence), mention.index);
  if (!quote) return undefined;
  const words = sentence.slice(quote[0], quote[1]);
  const clause = clauseAround(words, mention.index - quote[0]);
  return { words, remark: STATE.test(clause) && !ACT.test(clause) };
}

/**
 * "Today", "yesterday" or "tomorrow" inside a quotation counts from the day the words were said:
 * the day the sentence gives its speaking verb outside the quote ('"We reopen today," she said on
 * Saturday'); without one, the day of the speech the quotation carries on (`spokenOn`, see
 * speechDayAfter); else from publication.
 */
export function rebaseQuotedDays(
  sentence: string,
  mentions: DateMention[],
  reference: Reference,
  spokenOn?: string,
): DateMention[] {
  const quotes = quotationsOf(sentence);
  if (quotes.length === 0) return mentions;
  const inQuote = (m: DateMention) => spanHolding(quotes, m.index) !== undefined;
  const outside = mentions.find((m) => m.precision === 'day' && !inQuote(m) && !isCasual(m.text));
  const base = outside?.date ?? spokenOn;
  if (!base) return mentions;
  const shift = Date.parse(`${base}T00:00:00Z`) - Date.parse(reference.toISOString().slice(0, 10));
  const rebased = mentions.map((m) =>
    inQuote(m) && m.precision === 'day' && isCasual(m.text)
      ? { ...m, date: new Date(Date.parse(`${m.date}T00:00:00Z`) + shift).toISOString().slice(0, 10) }
      : m,
  );
  // "On 30 November he wrote, 'Today we launched it'": the quoted day is the day already given.
  return rebased.filter((m, i) => m === mentions[i] || m.date !== outside?.date);
}

/**
 * The day of the speech that a run of quotations carries on. "On Saturday morning the chief
 * operating officer wrote in a memo that … / '…,' he wrote. / 'Talks are ongoing this morning.'":
 * the third sentence's "this morning" is Saturday's, not the day of publication. A sentence that
 * reports speech on a day starts a run; a sentence of quotation that dates nothing continues it;
 * anything else ends it.
 */
export function speechDayAfter(
  sentence: string,
  days: ReadonlyArray<{ date: string; datePrecision: string; scheduled: boolean }>,
  spokenOn: string | undefined,
  language?: string,
): string | undefined {
  const reported = days.find((day) => day.datePrecision === 'day' && !day.scheduled);
  if (reported && SPEAKING.test(sentence)) {
    const quotes = quotationsOf(sentence);
    const outside = findDates(sentence, ANY_INSTANT, { language }).filter(
      (mention) => mention.precision === 'day' && spanHolding(quotes, mention.index) === undefined,
    );
    // '"Last night was long," the governor said.': the only day is the speaker's own, inside the
    // quote; the sentence carries on the speech without a day for the speaking.
    if (quotes.length > 0 && outside.length === 0) return spokenOn;
    return speaksOnItsDay(sentence, outside) ? reported.date : undefined;
  }
  if (reported) return undefined;
  return days.length === 0 && quotationsOf(sentence).length > 0 ? spokenOn : undefined;
}

const SPEAKING_ANYWHERE = new RegExp(SPEAKING.source, 'giu');
/** How far into a sentence a day still opens it ("Late on Sunday, …", "Am Sonntagabend …"). */
const OPENING_CHARS = 16;
/** What may stand between a speaking verb and its day: "said on", "told reporters late", "said in a statement on". */
const VERB_THEN_DAY =
  /^\s+(?:\p{L}+\s+)?(?:(?:in|on|to|at)\s+(?:an?\s+|the\s+)?\p{L}+\s+)?(?:on\s+|late\s+|early\s+)?$/u;
/** What may stand between a day and its speaking verb: "on Tuesday said", "am Dienstag sagte". */
const DAY_THEN_VERB = /^\s+(?:\p{L}+\s+){0,2}$/u;

/**
 * Whether the sentence gives its speaking a day: one that opens it ("On Sunday evening the chairman
 * wrote…") or stands by the verb ("said on Tuesday", "told reporters late Tuesday", "on Tuesday
 * said"). A day in what was said ("said the win was a step forward after last Saturday's defeat")
 * or in an aside about someone else ("The coach, promoted after the manager was sacked late on
 * Sunday, said…") dates that, not the words, and starts no speech for the quotations after it.
 */
function speaksOnItsDay(sentence: string, days: DateMention[]): boolean {
  const verbs = [...sentence.matchAll(SPEAKING_ANYWHERE)].map((verb) => ({
    from: verb.index ?? 0,
    to: (verb.index ?? 0) + verb[0].length,
  }));
  return days.some(
    (day) =>
      day.index < OPENING_CHARS ||
      verbs.some(({ from, to }) =>
        to <= day.index
          ? VERB_THEN_DAY.test(sentence.slice(to, day.index))
          : DAY_THEN_VERB.test(sentence.slice(day.index + day.text.length, from)),
      ),
  );
}

/** Any instant will do as the reference: only whether and where a day is written is asked. */
const ANY_INSTANT = new Date('2000-01-05T12:00:00Z');

/** Marks that open and close a quotation: “…”, «…», and German's „…“, whose closing mark opens elsewhere. */
const MARKS = {
  usual: { open: /[«“„]/gu, close: /[»”]/gu },
  german: { open: /[«„]/gu, close: /[»“”]/gu },
};
type Marks = (typeof MARKS)['usual'];
const STRAIGHT = /"/g;

/** How far past its sentence a quotation may run before its attribution: a speech quoted at length ends somewhere. */
const QUOTE_RUN = 4;

const count = (text: string, marks: RegExp) => text.match(marks)?.length ?? 0;

/** A sentence that opens a quotation it does not close: '“The ruling changes nothing for us.'. */
const opensQuotation = (sentence: string, marks: Marks) =>
  count(sentence, marks.open) > count(sentence, marks.close) || count(sentence, STRAIGHT) % 2 === 1;

/** Where a sentence closes a quotation opened before it: after its last closing mark, if any. */
function afterClosing(sentence: string, marks: Marks): string | undefined {
  const closers = [...sentence.matchAll(marks.close), ...sentence.matchAll(STRAIGHT)];
  const last = closers.reduce((at, mark) => Math.max(at, (mark.index ?? -1) + mark[0].length), -1);
  return last < 0 ? undefined : sentence.slice(last);
}

/**
 * The day each sentence of a quotation was said, when the quotation runs over several sentences and
 * its attribution with the day comes only at its end: '“The ruling yesterday changes nothing for us.
 * We came to negotiate,” the union's president said on Wednesday.' The first sentence's "yesterday"
 * is Wednesday's, as a one-sentence quotation's would be (see rebaseQuotedDays).
 */
export function spokenAtQuotationEnd(
  sentences: string[],
  reference: Reference,
  language?: string,
): Array<string | undefined> {
  const spoken: Array<string | undefined> = sentences.map(() => undefined);
  sentences.forEach((sentence, i) => {
    const marks = sentence.includes('„') ? MARKS.german : MARKS.usual;
    if (!opensQuotation(sentence, marks)) return;
    for (const next of sentences.slice(i + 1, i + 1 + QUOTE_RUN)) {
      const attribution = afterClosing(next, marks);
      if (attribution === undefined) {
        if (count(next, marks.open) > 0) return;
        continue;
      }
      if (!SPEAKING.test(attribution)) return;
      const day = findDates(attribution, reference, { language, presentAs: 'past' }).find(
        (mention) => mention.precision === 'day' && !isCasual(mention.text),
      );
      spoken[i] = day?.date;
      return;
    }
  });
  return spoken;
}
