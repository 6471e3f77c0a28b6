import { oneAccountPerEvent, withCaptions, withRemarks } from './accounts.ts';
import {
  datesNewsToldBefore,
  namesThingByItsDay,
  speakerOnDay,
  tellsWhenItHappened,
  withoutTellingDay,
} from './attribution.ts';
import { htmlToBlocks, type TextBlock } from './blocks.ts';
import { dayOf, daysBetween, shiftDay } from './calendar.ts';
import { inBackgroundClause, withoutQuotations } from './clauses.ts';
import { type DateMention, findDates, isAnnounced } from './dates.ts';
import { findEntities } from './entities.ts';
import { entryDayShifts } from './entry-days.ts';
import type { ArticleText, DraftEvent, EventKind, ExtractedEvent } from './event.ts';
import {
  datelineParts,
  isBlogVoice,
  isBoilerplate,
  isCaption,
  isEntryStamped,
  isEntryTimeLine,
  isFurniture,
  isLinkSentence,
  isLinksHeader,
  isListedTitle,
  isUpdateTimeLine,
  withoutEntryTime,
  wordCount,
} from './furniture.ts';
import { detectLanguage } from './language.ts';
import { ENGLISH_MONTH } from './month-names.ts';
import { pageOpening } from './page-opening.ts';
import { isMissedPlan, withoutPastPlans } from './plans.ts';
import {
  datelineReference,
  isDayLine,
  lateEntryReference,
  quotedDay,
  rebaseQuotedDays,
  speechDayAfter,
  spokenAtQuotationEnd,
  stampReference,
} from './reference.ts';
import { opensOnStoryDay, relativeDayMention, relativePeriodMention } from './relative-day.ts';
import { isSince, offsetAfter, offsetBefore } from './relative-period.ts';
import { datedByLead, datedByNewsSentence, NEWS_PARAGRAPHS, partOfReport } from './report-date.ts';
import { sentencesOf } from './sentences.ts';
import { withinPageYear } from './stamp-year.ts';
import { clauseBoundary, LEADING_JOINER, tidySummary, withoutOpeningDate } from './summary.ts';
import { tallyMention } from './tally.ts';
import { tenseOf } from './tense.ts';
import { primary, TURKISH_PLUPERFECT } from './tense-markers.ts';
import { inTimelineOrder, type TimelineEntry } from './timeline-order.ts';
import { ENGLISH_WEEKDAY, WEEKDAY_NAME } from './weekday.ts';
import { withoutZoneRestatement } from './zone-restated.ts';

/** "18 June: …", "June 18 – …": a date introducing a list entry. */
const PREFIX_SEPARATOR = /^\s*(?:[:–—]|-\s)\s*/;
const PREFIX_WINDOW = 48;
const PREFIX_SEPARATOR_ANYWHERE = /[:–—]|-\s/;

type Draft = DraftEvent;

interface Context {
  /** What relative dates count from: publication, or the stamp, heading or dateline over the text. */
  publishedAt: Date;
  /** The page's own publication, when `publishedAt` is a stamp's or heading's day instead. */
  pageAt?: Date;
  language?: string;
  /** The year the heading over the text names, if it names one (see yearOfHeading). */
  year?: number;
}

/**
 * A heading that is a year ("2023", "In 2023", "2023: the strikes begin"): a timeline grouped by year,
 * its entries' days written without one.
 */
const YEAR_HEADING = /^\s*(?:in\s+)?((?:19|20)\d{2})\s*(?:$|[:–—-]|\.\s*$)/i;
const yearOfHeading = (text: string): number | undefined => {
  const year = YEAR_HEADING.exec(text)?.[1];
  return year ? Number(year) : undefined;
};

/**
 * Drafts whose day is counted from another ("a day after the walkout", "the next day") rather than
 * written: when the article also writes that day out, its own wording is the better account.
 */
const counted = new WeakSet<object>();

/** Drafts dated by counting back from another day to a thing named: "a week after the storm hit". */
const countedBack = new WeakSet<object>();

/** Drafts dated only by a quoted "today" in a remark on how things stand (see quotedDay). */
const remarks = new WeakSet<object>();

/** Drafts dated by a day said inside a quotation, in a clause of any kind: the quotation's words. */
const quotedDays = new WeakMap<object, string>();

/** Who spoke on a draft's day, when its day is the day of a named speaker's words (see speakerOnDay). */
const speakers = new WeakMap<object, string>();

/** Drafts dated in a clause set off as background to the sentence's news (see inBackgroundClause). */
const background = new WeakSet<object>();

/**
 * The drafts that may date the lead's news: not a day a relative clause or a participle gives ("over
 * the collapse, which happened last Monday", "il crollo, avvenuto lunedì"), which is the background's
 * day, unless it is publication's own ("Chrome, which was released today").
 */
const leadNews = (drafts: Draft[], { publishedAt }: Context) =>
  drafts.filter((draft) => !background.has(draft) || draft.date === dayOf(publishedAt));

/** Drafts whose sentence only dates news told before it (see datesNewsToldBefore). */
const backReferences = new WeakSet<object>();
/** Drafts whose sentence tells when a thing named before happened (see tellsWhenItHappened). */
const happenings = new WeakSet<object>();
/** Drafts whose day only names a thing told elsewhere (see namesThingByItsDay). */
const namedByDays = new WeakSet<object>();

function draftFrom(mention: DateMention, summary: string, quote: string, { publishedAt }: Context): Draft {
  const draft: Draft = {
    date: mention.date,
    datePrecision: mention.precision,
    endDate: mention.endDate,
    kind: 'dated',
    summary: tidySummary(summary),
    quote,
    scheduled: isAnnounced(mention, publishedAt),
  };
  if (counted.has(mention)) counted.add(draft);
  if (countedBack.has(mention)) countedBack.add(draft);
  const quoted = quotedDay(quote, mention);
  if (quoted?.remark) remarks.add(draft);
  else if (quoted) quotedDays.set(draft, quoted.words);
  const speaker = mention.precision === 'day' ? speakerOnDay(quote, mention) : undefined;
  if (speaker) speakers.set(draft, speaker);
  if (datesNewsToldBefore(quote)) backReferences.add(draft);
  if (tellsWhenItHappened(quote, mention)) happenings.add(draft);
  if (namesThingByItsDay(quote, mention)) namedByDays.add(draft);
  return draft;
}

/** A block that opens with its date, the shape of timelines and "Key developments" lists. */
function prefixedEvents(text: string, context: Context): Draft[] | undefined {
  // Only the opening can hold a prefix date: parsing just it halves chrono's work on long paragraphs.
  const opening = text.slice(0, PREFIX_WINDOW);
  // Most paragraphs hold no separator where a prefix could end: no dates to read for it.
  if (!PREFIX_SEPARATOR_ANYWHERE.test(opening)) return undefined;
  const options = { language: context.language, year: context.year };
  const [found] = findDates(opening, context.publishedAt, options);
  // "Friday: Reports emerge…": a timeline entry headed by a bare weekday tells what has happened,
  // in the historical present; a coming day would carry a future word.
  const first =
    found && found.tense === 'present' && !/\d/.test(found.text)
      ? findDates(opening, context.publishedAt, { ...options, presentAs: 'past' })[0]
      : found;
  if (!first || first.index > 2 || first.precision !== 'day') return undefined;
  const rest = text.slice(first.index + first.text.length);
  const separator = PREFIX_SEPARATOR.exec(rest);
  if (!separator) return undefined;
  const summary = rest.slice(separator[0].length);
  if (summary.split(/\s+/).length < 3) return undefined;
  return entryEvents(first, summary, text, context);
}

/**
 * Where the next of several dated entries run together in one block begins ("Oct. 3: The board
 * suspends the captain. Oct. 4: Crews strike."): a timeline scraped without its line breaks, or an
 * editor's list written as one paragraph. Each entry is its own day's event; read as one, the second
 * day was lost inside the first.
 */
function nextEntryAt(summary: string, sentences: readonly string[], context: Context): number | undefined {
  let from = 0;
  for (const [i, sentence] of sentences.entries()) {
    const at = summary.indexOf(sentence, from);
    if (at < 0) continue;
    from = at + sentence.length;
    if (i > 0 && prefixedEvents(sentence, context) !== undefined) return at;
  }
  return undefined;
}

/** "Later, …", "Afterwards, …", "Then …": under a timeline entry's day, what came next that day. */
const LATER_THAT_DAY = /^(?:later|afterwards|then)\b/i;

/**
 * A timeline entry's events: "Thursday morning: He speaks at the summit. Later, he is seen at a
 * warehouse discussing AI with artists." tells two things of its day, as the same sentences in prose
 * would ("later that day", "the next day" date the second by the first). The entry's text up to such
 * a sentence is its first event; each such sentence starts another, dated by it.
 */
function entryEvents(first: DateMention, summary: string, text: string, context: Context): Draft[] {
  const sentences = sentencesOf(summary);
  const next = nextEntryAt(summary, sentences, context);
  if (next !== undefined) {
    const own = summary.slice(0, next).trimEnd();
    const entry = entryEvents(first, own, text.slice(0, text.length - summary.length) + own, context);
    return [...entry, ...(prefixedEvents(summary.slice(next), context) ?? [])];
  }
  const starts = sentences.map((sentence, i) => {
    if (i === 0) return first;
    const next = relativeDayMention(sentence, first.date, context.language);
    if (next?.precision === 'day') return next;
    return LATER_THAT_DAY.test(sentence) ? { ...first, index: 0, text: '' } : undefined;
  });
  if (starts.filter(Boolean).length === 1) return [draftFrom(first, summary, text, context)];
  const drafts: Draft[] = [];
  starts.forEach((start, i) => {
    if (!start) return;
    const end = starts.findIndex((s, k) => k > i && s);
    const told = sentences.slice(i, end < 0 ? undefined : end).join(' ');
    if (i > 0) counted.add(start);
    // The first event keeps the entry's date prefix in its quote, as a one-event entry does.
    const quote = i > 0 ? told : text.slice(0, text.length - summary.length) + told;
    drafts.push(draftFrom(start, told, quote, context));
  });
  return drafts;
}

/**
 * "The move comes a week after…", "It follows three days after…", "The announcement was made one day
 * after…": a subject that points back to the news last told and a verb of sequence, or of the news
 * being made public. The sentence tells when that news came, so its offset counts from the last day
 * the story reported, present tense or not, and from no day if it has none.
 */
const POINTS_BACK =
  /^\s*(?:(?:the|this|that)\s+(?:\p{L}+\s+){1,2}|it\s+|this\s+)(?:comes?|came|follows?|followed|was\s+(?:made|announced|confirmed|made\s+public))\b/iu;

/**
 * A day as the subject of "marks": "Friday marks one year since…", "Today marked the anniversary…";
 * the day on which a thing "sich zum zweiten Mal jährt".
 */
const MARKS = /^\s*(?:marks|marked|will\s+mark\b|zum\s+\S+\s+Mal(?:\s+(?:jährt|jährte))?(?!\p{L}))/iu;

/**
 * "Donors met on Monday, six weeks after the earthquake": the earthquake is dated too, counted back
 * from the sentence's own day, else the day before it in the paragraph, else publication.
 */
function withOffsetEvent(
  sentence: string,
  mentions: DateMention[],
  anchor: string | undefined,
  { publishedAt }: Context,
): DateMention[] {
  if (!/\s(?:after|since)\s|anniversa|aniversario|jahrestag|jährt/i.test(sentence)) return mentions;
  const own = mentions.find((mention) => mention.precision === 'day');
  // "The announcement was made one day after…" tells the sentence before's event; "families still
  // live in hotels, twelve months after…" counts from now.
  const main = sentence.replace(
    /\b\S+\s+(?:days?|weeks?|months?|years?)\s+(?:to\s+the\s+day\s+)?(?:after|since)\b[^,;]*|\banniversary\s+of\b[^,;]*/i,
    ' ',
  );
  const past = tenseOf(main) === 'past' || POINTS_BACK.test(sentence);
  // "She resigned a week after he returned", with no day for her resignation anywhere near: the
  // week counts from a day the article does not give, so it dates neither.
  if (past && !own && !anchor) return mentions;
  const offset = offsetAfter(sentence, own?.date ?? (past ? anchor : undefined) ?? dayOf(publishedAt));
  if (!offset || mentions.some((mention) => mention.index === offset.index)) return mentions;
  if (own && describesTheEarlier(sentence, offset, own))
    return isSince(offset) ? mentions : withLaterEvent(mentions, offset, own, publishedAt);
  const mention: DateMention = { ...offset, tense: 'past' };
  counted.add(mention);
  countedBack.add(mention);
  // "Friday marks one year since…": the day that marks an anniversary is no event of its own.
  const kept = mentions.filter((m) => !MARKS.test(sentence.slice(m.index + m.text.length)));
  return [...kept, mention].sort((a, b) => a.index - b.index);
}

/** The sentence's mentions with a day counted from another one, marked as counted, in sentence order. */
function withCounted(mentions: DateMention[], mention: DateMention): DateMention[] {
  counted.add(mention);
  return [...mentions, mention].sort((a, b) => a.index - b.index);
}

/** Which way a counted day lies from publication. */
const aheadOrGone = (date: string, publishedAt: Date): DateMention['tense'] =>
  date > dayOf(publishedAt) ? 'future' : 'past';

/**
 * "a warrant issued on 14 June, two days before the raid": the raid is dated too, counted forward
 * from the day written before the phrase. A day after it may be the raid's own ("two days before the
 * raid on 16 June"), so only a day before it counts.
 */
function withEventBefore(sentence: string, mentions: DateMention[], publishedAt: Date): DateMention[] {
  if (!/\sbefore\s/i.test(sentence)) return mentions;
  const own = mentions.find((mention) => mention.precision === 'day');
  if (!own) return mentions;
  const offset = offsetBefore(sentence, own.date);
  if (!offset || offset.index < own.index + own.text.length) return mentions;
  if (mentions.some((mention) => mention.index >= offset.index)) return mentions;
  return withCounted(mentions, { ...offset, tense: aheadOrGone(offset.date, publishedAt) });
}

/**
 * "comes a week after the review, published on 5 November": the day is the earlier event's own,
 * given by a verb of its description, so it is no day to count back from (and the earlier event
 * is dated already). "Six weeks after the earthquake, on 20 March, the town reopened" counts from
 * it: no verb stands between. Nor does a day with its year closing the sentence, as agency captions
 * date their picture ("…, two days after the quake that hit the region, on February 8, 2023.").
 */
function describesTheEarlier(sentence: string, offset: { index: number; text: string }, own: DateMention) {
  const end = offset.index + offset.text.length;
  if (own.index <= end) return false;
  const between = sentence.slice(end, own.index);
  if (tenseOf(between) !== 'past' && !namesTheEarlier(between)) return false;
  const closesWithYear =
    /\d{4}/.test(own.text) && /^[\s.,;)]*$/.test(sentence.slice(own.index + own.text.length));
  return !closesWithYear;
}

/**
 * "came a day after a tense hearing on Thursday": the day sits in the phrase naming the earlier
 * event, a few words on with no clause break between, so it is that event's day.
 */
const namesTheEarlier = (between: string) =>
  !/[,;:()—–]/.test(between) && between.trim().split(/\s+/).length <= 8;

/**
 * The sentence's own event, counted forward from the earlier event's day by the offset that was
 * counted back from it: "reopened three days after the storm that struck on 2 March" is 5 March.
 * A month's offset gives no day, and dates nothing more.
 */
function withLaterEvent(
  mentions: DateMention[],
  offset: Omit<DateMention, 'tense'>,
  earlier: DateMention,
  publishedAt: Date,
): DateMention[] {
  if (offset.precision !== 'day') return mentions;
  const days = Math.round((Date.parse(earlier.date) - Date.parse(offset.date)) / 86_400_000);
  const date = shiftDay(earlier.date, days);
  return withCounted(mentions, { ...offset, date, tense: aheadOrGone(date, publishedAt) });
}

/**
 * "A second convoy crossed on 10 February, followed by a third the next day": a day counted from the
 * sentence's own day, later in the same sentence, is a second event. Only a day it moves to counts
 * ("later that day" may be the same event told on), and only from one reported day.
 */
function withFollowingDay(sentence: string, mentions: DateMention[], language?: string): DateMention[] {
  const days = mentions.filter((mention) => mention.precision === 'day');
  const own = days[0];
  if (days.length !== 1 || !own || own.tense === 'future') return withFollowingPeriod(sentence, mentions);
  const from = own.index + own.text.length;
  const next = relativeDayMention(sentence.slice(from), own.date, language);
  if (next?.precision !== 'day' || next.date === own.date) return withFollowingPeriod(sentence, mentions);
  // "The ferry sank on Friday, two days after it left port": the clause dates the sinking by the
  // departure, which came that many days before it, not after.
  const date = AFTER_ITS_SUBJECT.test(next.text)
    ? shiftDay(own.date, -daysBetween(own.date, next.date))
    : next.date;
  return withCounted(mentions, { ...next, date, index: from + next.index });
}

/** "two days after it left port", "a day after they met": an earlier act of the sentence's own subject. */
const AFTER_ITS_SUBJECT = /\bafter\s+(?:he|she|it|they)\b/i;

/**
 * "signed in January last year, and work resumed the following month", "founded in 2015 and listed
 * two years later": the same for a count of months or years from the sentence's one date gone by.
 */
function withFollowingPeriod(sentence: string, mentions: DateMention[]): DateMention[] {
  const [own] = mentions;
  if (mentions.length !== 1 || !own || own.tense === 'future' || own.precision === 'week') return mentions;
  const from = own.index + own.text.length;
  const next = relativePeriodMention(sentence.slice(from), own.date);
  return next ? withCounted(mentions, { ...next, index: from + next.index }) : mentions;
}

/**
 * A fragment cut off by an excerpt or a truncated feed description ("In March, Ines Varga"): no
 * sentence end, and nothing but its date and a name, so no word of what happened. So is a writer's
 * signature closing an article, a name and a day in brackets ("(Eva Lindner, 18.10.2024)"). "7
 * October: Trial opens" says what happened, and "Runoff: 7 November" labels its date: both stay.
 */
function isCutShort(sentence: string): boolean {
  const signature = SIGNATURE.test(sentence);
  if (!signature && (/[.!?…"”»)]$/.test(sentence) || sentence.includes(':'))) return false;
  const words = sentence
    .replace(DATE_WORDS, ' ')
    .split(/\s+/)
    .map((word) => word.replace(/^\(/, ''))
    .filter((word) => /\p{L}{2,}/u.test(word));
  return words.length < FRAGMENT_WORDS && words.every((word) => /^\p{Lu}/u.test(word));
}
/** A sentence wholly in brackets, with a comma before what closes it: "(Eva Lindner, 18.10.2024)". */
const SIGNATURE = /^\([^()]+,[^()]+\)\.?$/u;
const FRAGMENT_WORDS = 3;
const DATE_WORDS = new RegExp(
  String.raw`\b(?:in|on|since|early|late|mid|last|this|next|${ENGLISH_MONTH}|${ENGLISH_WEEKDAY})\b\.?|\d+`,
  'giu',
);

/**
 * Whether a sentence's day is counted from the one before: it dates nothing of its own, or it opens on
 * a counted day and its own dates are only years ("La veille, des riverains avaient signalé des
 * fissures sur l'ouvrage, inauguré en 2019": the year is the bridge's background, not the sentence's
 * day).
 */
const opensOnCountedDay = (sentence: string, found: DateMention[]) =>
  found.length === 0 || (opensOnStoryDay(sentence) && found.every((mention) => mention.precision === 'year'));

/** What the sentences before a sentence leave it. */
interface Preceding {
  /** The day "the next day" or "that evening" counts from (see anchorOf). */
  anchor?: string;
  /** Whether the sentence is the story's lead. */
  lead?: boolean;
  /** The day of the speech a quotation carries on (see speechDayAfter). */
  spokenOn?: string;
  /** The last day the story reported, however many sentences back: what "the move" points to. */
  lastReported?: string;
  /** The date, of any precision, the sentence right before told last: what "two years later" counts from. */
  period?: string;
}

/**
 * "[VIDEO] Residents queue for vaccines on Monday", "Photos: Crews battle the blaze on Sunday": a video
 * or gallery's title, written like a headline in the present of what has happened.
 */
const MEDIA_LABEL =
  /^\s*(?:\[(?:video|watch|photos?|gallery|audio|listen)\]|(?:video|watch|photos?|gallery|listen|audio)\s*[:|–—])/i;

/**
 * A sentence with two dated clauses gives two events, each summarised by its own clause. Dates with
 * no clause break between them share the whole sentence rather than cut it mid-phrase.
 */
function sentenceEvents(
  sentence: string,
  context: Context,
  { anchor, lead = false, spokenOn, lastReported, period }: Preceding = {},
): Draft[] {
  if (isCutShort(sentence)) return [];
  const presentAs = MEDIA_LABEL.test(sentence) ? 'past' : undefined;
  const dates = withoutTellingDay(
    sentence,
    withinPageYear(
      findDates(sentence, context.publishedAt, { language: context.language, year: context.year, presentAs }),
      context.publishedAt,
      context.pageAt,
    ),
  );
  const found = tallyMention(
    sentence,
    rebaseQuotedDays(
      sentence,
      // A plan booked for a day the page's publication has passed dates nothing, whatever the reference.
      withoutPastPlans(sentence, dates, context.pageAt ?? context.publishedAt),
      context.publishedAt,
      spokenOn,
    ),
    context.publishedAt,
  );
  // "Earlier in the day", "Two days later" count from the day the story tells when the sentence before
  // gives none; so does "the day before" in a sentence told in the pluperfect ("Residents had warned the
  // council the day before"), which looks back from the story's day whatever came between.
  const dayBefore =
    anchor ??
    (opensOnStoryDay(sentence) || toldInPluperfect(sentence, context.language) ? lastReported : undefined);
  const countedDay = opensOnCountedDay(sentence, found)
    ? (relativeDayMention(sentence, dayBefore, context.language) ?? relativePeriodMention(sentence, period))
    : undefined;
  // A day still ahead ("Reeves, who delivers her budget on Nov. 25, welcomed the figures") is no day
  // the next sentence's past ("Sterling fell after the data was released at 0700 GMT") happened on.
  const relative =
    countedDay &&
    countedDay.date > dayOf(context.publishedAt) &&
    tenseOf(sentence, context.language) !== 'future'
      ? undefined
      : countedDay;
  if (relative) counted.add(relative);
  // "A hearing is set for April 14. The charges came two days after…": what came is no booked day's.
  const gone = anchor !== undefined && anchor <= dayOf(context.publishedAt) ? anchor : undefined;
  // A lead's past is the article's own news: "Donors met, six weeks after the quake" counts from publication.
  const told =
    gone ?? (lead ? dayOf(context.publishedAt) : POINTS_BACK.test(sentence) ? lastReported : undefined);
  const written = relative
    ? [relative, ...found]
    : withFollowingDay(
        sentence,
        withoutZoneRestatement(sentence, found, dayOf(context.publishedAt)),
        context.language,
      );
  const mentions = withOffsetEvent(
    sentence,
    withEventBefore(sentence, written, context.publishedAt),
    told,
    context,
  ).filter((mention) => !isMissedPlan(sentence, mention, context.publishedAt));
  const bounds = mentions.map((mention, i) => {
    const previous = mentions[i - 1];
    return previous ? clauseBoundary(sentence, previous.index + previous.text.length, mention.index) : 0;
  });
  const drafts = bounds.some((bound) => bound === undefined)
    ? mentions.map((mention) =>
        draftFrom(mention, withoutOpeningDate(sentence, mention, 0), sentence, context),
      )
    : mentions.map((mention, i) => clauseDraft(sentence, mention, bounds as number[], i, context));
  mentions.forEach((mention, i) => {
    if (inBackgroundClause(sentence, mention.index, context.language)) background.add(drafts[i] as Draft);
  });
  return drafts;
}

/** A mention's draft, summarised by its own clause (`starts`: where each mention's clause begins). */
function clauseDraft(sentence: string, mention: DateMention, starts: number[], i: number, context: Context) {
  const start = starts[i] as number;
  const clause = sentence.slice(start, starts[i + 1] ?? sentence.length);
  // "In 2010 and the nine months ended…": a clause that is little more than its date says nothing.
  if (wordCount(clause.replace(mention.text, ' ')) < 2)
    return draftFrom(mention, withoutOpeningDate(sentence, mention, 0), sentence, context);
  const leading = clause.length - clause.replace(LEADING_JOINER, '').length;
  return draftFrom(
    mention,
    withoutOpeningDate(clause.slice(leading), mention, start + leading),
    sentence,
    context,
  );
}

/**
 * A story block, with the instant its relative dates count from when a stamp or dateline moved it,
 * and whether it is a live blog's timed entry.
 */
type StoryBlock = TextBlock & { from?: Date; entry?: 'timed' | 'headed'; opensEntry?: true };

/** How many story blocks may come before a dateline set as a paragraph of its own. */
const LONE_DATELINE_REACH = 6;

/** Entries a page must time before it reads as a live blog rather than prose that opens on a figure. */
const LIVE_BLOG_ENTRIES = 2;

/**
 * The story's own blocks: no site furniture, no dateline, no live-blog entry times. A live blog's
 * update or entry stamp inside the story ("Updated 29 October 14:05") dates what follows it; a
 * reprint's dateline ("WASHINGTON, March 28 (Agency) –") dates its story.
 */
function storyBlocks(all: TextBlock[], { publishedAt, language }: Context): StoryBlock[] {
  const blocks: StoryBlock[] = [];
  let from: Date | undefined;
  // "3:20 p.m. PT — Airline grounds flights": an entry's time and title on one line heads the entry
  // below it, as a time line over a title does.
  const titled = (text: string) => isEntryStamped(text) && isEntryTitle(withoutEntryTime(text));
  const stamped = new Set(
    all.filter((b) => b.kind === 'paragraph' && isEntryStamped(b.text) && !titled(b.text)),
  );
  const headers = new Set(
    all.filter(
      (b) =>
        b.kind === 'paragraph' && (isEntryTimeLine(b.text) || isUpdateTimeLine(b.text) || titled(b.text)),
    ),
  );
  const liveBlog = stamped.size + headers.size >= LIVE_BLOG_ENTRIES;
  let headed = false;
  // A new entry's "that evening" or clock time never counts from the entry before's days.
  let opensEntry = false;
  // A day heading or stamp dates the entries under it; without one, an entry timed later than a
  // page published in the small hours was written the evening before.
  let dayStamped = false;
  let lateEntry: Date | undefined;
  // Read once: the entries' days need every stamp ahead, the walk below each in its turn.
  const stamps = new Map(
    all.map((b) => [b, stampReference(b.text, publishedAt, language, b.kind === 'heading')] as const),
  );
  const daysOn = entryDayShifts(
    all,
    {
      isEntryTime: (b) => headers.has(b) || stamped.has(b),
      givesDay: (b) => stamps.get(b) !== undefined,
      isFurniture: isBoilerplate,
    },
    () => pageOpening(all, publishedAt, language),
  );
  // Days past the page's or its last stamp's day that the entry being read lies (see entryDayShifts).
  let daysOnFrom = 0;
  let linksListed = false;
  for (const block of all) {
    // Only inside the story: a stamp above the lede is the page's, not an entry's.
    const inStory = blocks.some((b) => b.kind === 'paragraph');
    if (headers.has(block) || stamped.has(block)) {
      lateEntry = dayStamped ? undefined : lateEntryReference(block.text, publishedAt);
      daysOnFrom = daysOn.get(block) ?? daysOnFrom;
    }
    if (inStory) {
      const stamp = stamps.get(block);
      if (stamp) {
        opensEntry = true;
        daysOnFrom = daysOn.get(block) ?? 0;
      }
      dayStamped ||= stamp !== undefined;
      from = stamp ?? from;
      // A day heading set as a paragraph ("Lunes, 23 de noviembre") dates its entries, and tells nothing.
      if (stamp && isDayLine(block.text)) continue;
    }
    // "Updated 9:05 a.m." heads an entry inside the story; above the lede it is the page's stamp.
    if (headers.has(block) && (inStory || isEntryTimeLine(block.text))) {
      headed = liveBlog;
      opensEntry = liveBlog;
      continue;
    }
    // A year alone reads as a stamp, but over a timeline's entries it is the year of their days.
    const yearHeading = block.kind === 'heading' && yearOfHeading(block.text) !== undefined;
    // The titles listed under "Related" or "Mehr zum Thema" are other stories, whatever day they carry.
    linksListed = isLinksHeader(block.text) || (linksListed && isListedTitle(block.text));
    if (linksListed || (isBoilerplate(block) && !yearHeading)) continue;
    // A dateline opens the story, past a title, a standfirst and perhaps a caption when it stands alone.
    const dateline = blocks.length < LONE_DATELINE_REACH ? datelineParts(block.text) : undefined;
    if (blocks.length < 3 || dateline?.alone)
      from = datelineReference(dateline?.written, publishedAt, language) ?? from;
    if (dateline?.alone) continue;
    const text = withoutEntryTime(blocks.length < 3 && dateline ? dateline.rest : block.text);
    const paragraph = block.kind === 'paragraph';
    const entry = liveBlog && stamped.has(block) ? 'timed' : headed && paragraph ? 'headed' : undefined;
    const opens = opensEntry || entry === 'timed';
    blocks.push({
      ...block,
      text,
      from: lateEntry ?? daysAfter(from ?? publishedAt, daysOnFrom, from),
      ...(entry ? { entry } : {}),
      ...(opens ? { opensEntry: true as const } : {}),
    });
    opensEntry = false;
    // A time line heads the entry's first paragraph, past the entry's own title if it has one: a
    // heading, or a paragraph that is only a short title ("<p><strong>Ferries cancelled</strong></p>").
    if (paragraph && !isEntryTitle(text)) headed = false;
  }
  return blocks;
}

/** `reference` moved `days` days; unmoved (perhaps undefined: the page's own publication) when none. */
const daysAfter = (reference: Date, days: number, unmoved: Date | undefined) =>
  days === 0 ? unmoved : new Date(reference.getTime() + days * 86_400_000);

/**
 * The day a sentence leaves for "that evening" or "the next day" in the one after it: the latest day
 * it reports, not a day it books ("sent a message on Thursday evening to set up a call for Friday. …
 * would be fired that evening" points back to Thursday), nor an earlier day it names last as
 * background ("shook the town on Tuesday, toppling sheds weakened in Monday's quake. It struck at
 * 2:40 p.m." is Tuesday); a day booked only if it reports none. A month or week beside the day
 * ("pledged on Monday to rebuild after last month's quake") is background, not what comes next.
 */
const anchorOf = (events: Draft[]): string | undefined =>
  reportedDayOf(events) ?? events.findLast((event) => event.datePrecision === 'day')?.date;

/** The latest day a sentence reports as done: a day it books ("a hearing is set for April 14") is no news yet. */
function reportedDayOf(events: Draft[]): string | undefined {
  return events
    .filter((event) => event.datePrecision === 'day' && !event.scheduled)
    .map((event) => event.date)
    .sort()
    .at(-1);
}

/**
 * How far back of the story's last reported day a day may lie and still move the story on: a day
 * years back ("The foundation stone was laid on 2 October 2022") is background, and "Earlier in the
 * day" a few sentences on is still the story's day.
 */
const BACKGROUND_JUMP_DAYS = 31;

/** The last day the story reported, after a sentence whose own reported day is `anchor`. */
function storyDayAfter(anchor: string | undefined, last: string | undefined): string | undefined {
  if (!anchor) return last;
  return last && anchor < shiftDay(last, -BACKGROUND_JUMP_DAYS) ? last : anchor;
}

/** The last date a sentence told of what happened, of any precision but a week's: what "a year later" counts from. */
const periodOf = (events: Draft[]): string | undefined =>
  events.findLast((event) => !event.scheduled && event.datePrecision !== 'week')?.date;

/**
 * The story's events in reading order. A sentence's own day is the anchor for "the next day" in the
 * sentence right after it (in its paragraph or the next); a heading or list entry breaks the chain.
 */
function storyEvents(blocks: StoryBlock[], base: Context, lead?: string): Draft[] {
  const drafts: Draft[] = [];
  let anchor: string | undefined;
  let period: string | undefined;
  let spokenOn: string | undefined;
  let lastReported: string | undefined;
  let year: number | undefined;
  const timeline = new TimelineRun(dayOf(base.publishedAt));
  for (const block of blocks) {
    if (block.kind === 'heading') year = yearOfHeading(block.text);
    const from = block.from ? { ...base, publishedAt: block.from, pageAt: base.publishedAt } : base;
    const context = year === undefined ? from : { ...from, year };
    const prefixed = block.kind === 'heading' ? undefined : prefixedEvents(block.text, context);
    if (prefixed)
      timeline.add(prefixed, year !== undefined || WRITTEN_YEAR.test(block.text.slice(0, PREFIX_WINDOW)));
    else timeline.end();
    // A heading, a list entry or a new live-blog entry breaks the chain of days.
    const listed = block.kind === 'heading' || prefixed !== undefined;
    if (listed || block.opensEntry) {
      anchor = undefined;
      period = undefined;
      spokenOn = undefined;
      lastReported = undefined;
    }
    if (listed) {
      if (prefixed) drafts.push(...prefixed);
      continue;
    }
    // An entry's news is its first sentence: a later one's background date ("the last such warning
    // was in 2022") leaves it undated all the same.
    let firstTold: boolean | undefined;
    const told = drafts.length;
    const sentences = sentencesOf(block.text).filter(
      (s) => !isFurniture(s) && !isLinkSentence(s) && !isBlogVoice(s),
    );
    const spokenAtEnd = spokenAtQuotationEnd(sentences, context.publishedAt, context.language);
    for (const [i, sentence] of sentences.entries()) {
      const preceding = {
        anchor,
        lead: sentence === lead,
        spokenOn: spokenAtEnd[i] ?? spokenOn,
        lastReported,
        period,
      };
      const events = sentenceEvents(sentence, context, preceding);
      drafts.push(...events);
      anchor = anchorOf(events);
      period = periodOf(events);
      lastReported = storyDayAfter(reportedDayOf(events), lastReported);
      spokenOn = speechDayAfter(sentence, events, spokenOn, context.language);
      firstTold ??= events.length > 0;
    }
    if (block.entry && firstTold === false)
      drafts.splice(told, 0, ...entryEvent(sentences[0], block.entry, context));
  }
  timeline.end();
  return drafts;
}

const WRITTEN_YEAR = /\b(?:19|20)\d{2}\b/;

/** The dated entries of one timeline as they come, put in order when it ends (see inTimelineOrder). */
class TimelineRun {
  private entries: TimelineEntry[] = [];

  constructor(private readonly publishedDay: string) {}

  add(drafts: Draft[], yearWritten: boolean): void {
    this.entries.push({ drafts, yearWritten });
  }

  end(): void {
    if (this.entries.length > 1) inTimelineOrder(this.entries, this.publishedDay);
    this.entries = [];
  }
}

/**
 * A live blog's timed entry that names no day of its own ("08.20 A woman was pulled alive from the
 * rubble…") reports what happened at that time on the entry's day: the page's, or the one its latest
 * update stamp gives.
 */
function entryEvent(sentence: string | undefined, entry: 'timed' | 'headed', context: Context): Draft[] {
  if (!sentence || !(isLead(sentence) || isListLeadNews(sentence, context.language))) return [];
  // An entry under a time line of its own is as often the blog's voice ("We'll bring you the latest
  // …") or a forecast as news: only one that tells what has happened counts.
  if (entry === 'headed' && !tellsWhatHappened(sentence, context.language)) return [];
  return [dayDraft('dated', context.publishedAt, sentence, sentence)];
}

/**
 * "The sheriff has released the names of the missing:", its list below: a sentence ended by the colon
 * that opens its list, news when it tells, outside any quotation, what has happened ("Here is what we
 * know:" tells nothing; an analyst who "reckons the board 'won'" tells no past act).
 */
const isListLeadNews = (sentence: string, language?: string) =>
  sentence.endsWith(':') &&
  isLead(`${sentence.slice(0, -1)}.`) &&
  tellsWhatHappened(withoutQuotations(sentence), language);

/**
 * Whether a sentence tells what has happened: in its whole, or in its telling before what it reports
 * ("La SNCF a annoncé | que le trafic reprendrait": the announcement is the news, whatever it reports
 * ahead; "Police confirm that the embankment gave way": what they confirm is).
 */
const REPORTED = /(?<!\p{L})(?:that|que|qu['’]|dass|che)(?!\p{L})/iu;
const tellsWhatHappened = (sentence: string, language?: string) =>
  tenseOf(sentence, language) === 'past' ||
  tenseOf(sentence.split(REPORTED, 1)[0] as string, language) === 'past';

/** A draft of the day `at` falls on, told by `quote` and summarised from `told`. */
function dayDraft(kind: EventKind, at: Date, told: string, quote: string): Draft {
  const summary = tidySummary(told);
  return { date: dayOf(at), datePrecision: 'day', endDate: null, kind, summary, quote, scheduled: false };
}

/** A short line that ends no sentence ("… at 4:10 a.m." ends none): an entry's title set as a paragraph. */
const isEntryTitle = (text: string): boolean =>
  text.trim().split(/\s+/).length <= ENTRY_TITLE_WORDS &&
  !/[.!?…:"”»]$/.test(text.trim().replace(/\b[ap]\.m\.$/i, ''));
const ENTRY_TITLE_WORDS = 10;

/** Words a lead has at least, and a short one that names its day: "Two men were arrested Wednesday in Fairview." */
const LEAD_WORDS = 8;
const DATED_LEAD_WORDS = 6;
const NAMES_A_DAY = new RegExp(String.raw`(?<!\p{L})(?:${WEEKDAY_NAME}|yesterday)(?!\p{L})`, 'iu');

/** A lead is a sentence: long enough, ended by punctuation, not a "Section · Outlet" strap. */
function isLead(sentence: string): boolean {
  const words = sentence.split(/\s+/).length;
  const long = words >= LEAD_WORDS || (words >= DATED_LEAD_WORDS && NAMES_A_DAY.test(sentence));
  return long && /[.!?…"”»]$/.test(sentence) && !/\s[·|]\s/.test(sentence);
}

/**
 * "X had been fired on Friday, before being hired days later by Y. But on Wednesday…", "avait été
 * écarté vendredi…", "había sido despedido…", "war am Freitag entlassen worden…": an opening whose
 * main verb is in the pluperfect recalls what came before the news, and the sentence after it tells
 * the news. Only the main verb counts: nothing before the auxiliary may be a clause of its own ("X,
 * who had been fired", "the news that X had been removed") or a verb ("Y noted X had been…").
 */
const PLUPERFECT =
  /(?<!\p{L})(?:had|avait|avaient|había|habían|hatte|hatten|war|waren)\s+(?:been\s+|été\s+|sido\s+)?(?:\p{L}+\s+){0,3}?\p{L}+(?:ed|en|é|ée|és|ées|is|it|ado|ada|ido|ida|worden|t)(?!\p{L})/iu;
/**
 * A sentence told in the pluperfect anywhere, the German verb last ("Anwohner hatten am Vortag Risse
 * gemeldet") and the Turkish "-mişti" included.
 */
const GERMAN_PLUPERFECT = String.raw`(?<!\p{L})(?:hatte|hatten|war|waren)\s(?:[^.;]*\s)?(?:ge|be|ent|er|ver|zer)\p{L}{3,}(?:t|en)(?!\p{L})`;
const TOLD_IN_PLUPERFECT: Record<string, RegExp> = {
  de: new RegExp(`${PLUPERFECT.source}|${GERMAN_PLUPERFECT}`, 'iu'),
  tr: new RegExp(TURKISH_PLUPERFECT, 'iu'),
};
const toldInPluperfect = (sentence: string, language?: string) =>
  (TOLD_IN_PLUPERFECT[primary(language)] ?? PLUPERFECT).test(sentence);
const NOT_A_SUBJECT =
  /[,;:–—]|(?<!\p{L})(?:that|which|who|when|after|before|since|que|qui|quand|dass|als|nachdem|quien|cuando|\p{L}+ed)(?!\p{L})/iu;
const SUBJECT_LENGTH = 80;

function opensInPluperfect(sentence: string): boolean {
  const verb = PLUPERFECT.exec(sentence);
  if (!verb || verb.index > SUBJECT_LENGTH) return false;
  return !NOT_A_SUBJECT.test(sentence.slice(0, verb.index));
}

/** The lead of a paragraph: its first sentence, or the next when the first recalls the background. */
function paragraphLead(text: string): string | undefined {
  const [first = '', second] = sentencesOf(text);
  if (!isLead(first)) return undefined;
  return opensInPluperfect(first) && second && isLead(second) ? second : first;
}

/**
 * The headline printed again above the story, alone or glued to the breadcrumb before it
 * ("HomeNewsTrendsPort closes after storm"): a page's furniture, not the story's first sentence.
 */
const BREADCRUMB = 40;
const repeatsHeadline = (text: string, headline: string | undefined) =>
  !!headline &&
  headline.length >= 20 &&
  text.endsWith(headline) &&
  text.length - headline.length <= BREADCRUMB;

/** What may close a paragraph of prose; a stamp, an advertising strap or a caption closes none. */
const ENDS_SENTENCE = /[.!?…"”»]$/;

const isStoryParagraph = (block: TextBlock, headline: string | undefined) =>
  block.kind === 'paragraph' && !repeatsHeadline(block.text, headline);

/**
 * The story's first `count` paragraphs of prose: a repeated headline, a stamp, a strap or a caption
 * between them is not one of the paragraphs that tell the news.
 */
function storyParagraphs(blocks: TextBlock[], headline: string | undefined, count: number): string[] {
  return blocks
    .filter((block) => isStoryParagraph(block, headline) && ENDS_SENTENCE.test(block.text))
    .slice(0, count)
    .map((block) => block.text);
}

function leadSentence(blocks: TextBlock[], headline: string | undefined): string | undefined {
  // Split only until the lead is found: most articles give it in the first paragraph.
  for (const block of blocks) {
    if (!isStoryParagraph(block, headline)) continue;
    const lead = paragraphLead(block.text);
    if (lead) return lead;
  }
  return undefined;
}

/** The article's own news: its headline, quoted by its lead sentence, dated by publication. */
function reportEvent(
  headline: string | undefined,
  lead: string | undefined,
  publishedAt: Date,
): Draft | undefined {
  if (!lead && !headline) return undefined;
  return dayDraft('report', publishedAt, headline || (lead as string), lead ?? (headline as string));
}

/** The language of an article whose feed declares none, from its opening blocks. */
function languageOf(blocks: TextBlock[]): string | undefined {
  return detectLanguage(blocks.map((block) => block.text).join('\n'));
}

/** A report told by a lead that dates a named speaker's words ("…, Varga said on Wednesday") is theirs. */
function withLeadSpeaker(report: Draft, drafts: Draft[]): void {
  const telling = drafts.find((d) => d.quote === report.quote && d.date === report.date && speakers.has(d));
  const speaker = telling && speakers.get(telling);
  if (speaker) speakers.set(report, speaker);
}

/** What the page's photo captions date: evidence for the story's accounts, never events of their own. */
function captionEvents(all: TextBlock[], context: Context): Draft[] {
  return all
    .filter(isCaption)
    .flatMap((block) => sentencesOf(block.text).flatMap((sentence) => sentenceEvents(sentence, context)));
}

/**
 * The events an article reports: every dated list item and dated clause (the year, weekday or month
 * resolved against publication), plus one report event for the article's own news.
 */
export function extractEvents(article: ArticleText): DraftEvent[] {
  return extracted(article).events;
}

/** The article's events and the language they were read in (declared, else read from the text). */
function extracted({ html, publishedAt, utcOffsetMinutes = 0, title, language }: ArticleText): {
  events: DraftEvent[];
  language: string | undefined;
} {
  // Dates are resolved in UTC against the newsroom's wall clock: 21:00 on Sunday in New York is
  // 01:00 on Monday in UTC, but its "today" is Sunday.
  const wallClock = new Date(Date.parse(publishedAt) + utcOffsetMinutes * 60_000);
  const all = htmlToBlocks(html);
  const context: Context = { publishedAt: wallClock, language: language ?? languageOf(all) };
  const blocks = storyBlocks(all, context);
  const headline = title?.trim();
  const lead = leadSentence(blocks, headline);
  const drafts = storyEvents(blocks, context, lead);
  const opening = storyParagraphs(blocks, headline, NEWS_PARAGRAPHS);
  // A page that opens on a dated timeline entry ("Nov. 18: …") is a timeline: its entries are its
  // accounts, and the oldest of them is no report of the day it was published.
  const timeline = lead !== undefined && prefixedEvents(lead, context) !== undefined;
  const { report, told } = datedByNewsSentence(
    timeline
      ? undefined
      : datedByLead(reportEvent(headline, lead, context.publishedAt), leadNews(drafts, context), lead),
    drafts,
    opening,
  );
  const dated = drafts.filter((draft) => draft !== told && !partOfReport(draft, report, lead));
  if (report) withLeadSpeaker(report, drafts);
  const events = withRemarks(
    oneAccountPerEvent([...dated, ...(report ? [report] : [])], {
      counted: (draft) => counted.has(draft),
      countedBack: (draft) => countedBack.has(draft),
      speakerOf: (draft) => speakers.get(draft),
      pointsBack: (draft) => backReferences.has(draft),
      happenedAgain: (draft) => happenings.has(draft),
      namedByDay: (draft) => namedByDays.has(draft),
    }),
    { isRemark: (draft) => remarks.has(draft), quotationOf: (draft) => quotedDays.get(draft) },
    dayOf(context.publishedAt),
  );
  return { events: withCaptions(events, captionEvents(all, context)), language: context.language };
}

/**
 * A year alone dates no event: "founded in 2015", "pleaded guilty last year", "from 1999 to 2001"
 * are background that a timeline editor leaves out, and real coverage is annotated so (a year-only
 * date is a distractor). Years are still read: "that year" and a day written after one take theirs.
 */
const onTimeline = (event: DraftEvent) => event.datePrecision !== 'year';

/**
 * Adds who and where each event is about. A separate step because tagging costs several times more
 * than finding the events (compromise tags ~150 characters per millisecond): the worker does both,
 * the benchmark reports both.
 */
export function enrichEvents(events: DraftEvent[], language?: string): ExtractedEvent[] {
  return events.map((event) => ({ ...event, entities: findEntities(event.summary, language) }));
}

/** Extraction and enrichment together: what the worker stores for an article. */
export function eventsOf(article: ArticleText): ExtractedEvent[] {
  // Names are tagged in the language the dates were read in: compromise reads English only, and on
  // a German or French text it tags common words as names and spends the time for nothing.
  const { events, language } = extracted(article);
  return enrichEvents(events.filter(onTimeline), language);
}
