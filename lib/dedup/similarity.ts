import type { Posting } from './posting.ts';
import { type DateRelation, dateRelation } from './window.ts';
import {
  agreementBetween,
  agreementOf,
  figuresOf,
  type Reading,
  readingOf,
  sameMinuteBetween,
  siteOf,
  wordingOf,
} from './wording.ts';

/**
 * How much two accounts' wordings must agree to be one event, by how their dates relate. The same
 * day is strong evidence already, so a fifth of the wording will do, provided they share words
 * saying what happened (PLAIN_WORDS), not only the story's names and topic; else half. A day apart
 * is how two time zones date one event, but more often two events in a row (a runoff, then the
 * concession), so it takes most of the wording; less when the earlier account tells its evening, the
 * time-zone edge itself (docs/decisions/evening-edge.md). A month or a year says little. Two items of one
 * site are two articles it chose to write: when they tell one event (a video beside its story) they
 * tell it in close words, and a feed's items of a day otherwise share its house phrases and topics.
 * Chosen on the labelled multi-outlet set (tests/fixtures/dedup, `npm run eval -- --sweep`) and
 * checked on real feeds (`npm run eval`, merges): see docs/dedup.md "Matching".
 */
export const MATCH_THRESHOLDS = {
  'same-day': 0.2,
  'same-day-names-only': 0.5,
  'same-day-same-story': 0.3,
  'next-day': 0.8,
  'next-day-late': 0.6,
  'same-period': 0.5,
  'same-site': 0.6,
};

/**
 * Shared plain words that let a same-day pair agree on less: one is often the story's own topic
 * ("North Korean troops": sent, or already present?), two say what happened.
 */
export const PLAIN_WORDS = 2;
export type Thresholds = typeof MATCH_THRESHOLDS;

type Account = Pick<
  Posting,
  'articleId' | 'url' | 'site' | 'title' | 'kind' | 'summary' | 'quote' | 'date' | 'datePrecision' | 'sameDay'
>;

/** What two accounts have in common, for deciding whether they tell one event. */
export interface Evidence {
  relation: DateRelation;
  similarity: number;
  /** Shared words saying what happened (not names, not words every story uses) and figures. */
  plain: number;
  sameArticle: boolean;
  /**
   * The two articles' headlines, where the one-story rule may ask whether they tell one story (the
   * same day, two sites, each article alone on its day); compared only when it does ask.
   */
  headlines: readonly [string, string] | undefined;
  /** Neither article dates anything else to this day. */
  eachAloneOnItsDay: boolean;
  /** Another event one of the articles dates to this day agrees more with the other account. */
  closerSibling: boolean;
  /** Both articles come from one site. */
  sameSite: boolean;
  /** Both are reports whose headlines carry different figures. */
  figuresDiffer: boolean;
  /** A day apart, and the earlier account tells its day's evening or night: the time-zone edge. */
  lateEdge: boolean;
  /** Both give one clock time to the minute. */
  sameMinute: boolean;
}

/** Whether a wording agrees more with one of these than `reached` does. */
const outdone = (wording: Reading, siblings: string[] | undefined, reached: number) =>
  (siblings ?? []).some((sibling) => agreementBetween(wording, readingOf(sibling)).similarity > reached);

/**
 * Two reports whose headlines carry different figures. From one site they are items of a series
 * ("v3.8.3", "v3.8.4"; one insider's sale after another's), not one event told twice: a site that
 * updates a toll mostly edits the article at its address. From two outlets, a toll they disagree on
 * is still one quake, so only the same-site rule asks.
 */
function headlineFiguresDiffer(a: Account, b: Account): boolean {
  if (a.kind !== 'report' || b.kind !== 'report') return false;
  const [fa, fb] = [figuresOf(a.title), figuresOf(b.title)];
  return fa.size + fb.size > 0 && (fa.size !== fb.size || [...fa].some((figure) => !fb.has(figure)));
}

/**
 * "late on Tuesday", "Sunday evening Pacific time", "just after 10pm", "mardi soir", "am Abend", "por
 * la noche": late in a day, when the next day has begun for readers to the east, whose outlets date
 * the same event a day later.
 */
const LATE_IN_DAY =
  /(?<!\p{L})(?:evening|night|late|p\.m\.|soir|soirée|nuit|abend|abends|nacht|noche)(?!\p{L})|\d\s?pm\b/iu;

function lateEdge(a: Account, b: Account, relation: DateRelation): boolean {
  if (relation !== 'next-day') return false;
  const earlier = a.date < b.date ? a : b;
  return LATE_IN_DAY.test(earlier.quote);
}

/** An account's wording as evidenceOf reads it. */
export const wordingReadOf = (account: Account): Reading => readingOf(wordingOf(account));

/** What two accounts have in common; a caller judging many pairs passes their wordings read once. */
export function evidenceOf(a: Account, b: Account, wa = wordingReadOf(a), wb = wordingReadOf(b)): Evidence {
  const { similarity, plain } = agreementBetween(wa, wb);
  const relation = dateRelation(a, b);
  const sameSite = (a.site ?? siteOf(a.url)) === (b.site ?? siteOf(b.url));
  const eachAloneOnItsDay = a.sameDay?.length === 0 && b.sameDay?.length === 0;
  return {
    relation,
    similarity,
    plain,
    sameArticle: a.articleId === b.articleId,
    // Only the one-story rule reads the headlines, of such pairs alone, and only once the wordings
    // have not matched: a busy day's clustering judges thousands of pairs, and comparing every such
    // pair's headlines too was a third of judging them.
    headlines: relation === 'same-day' && !sameSite && eachAloneOnItsDay ? [a.title, b.title] : undefined,
    eachAloneOnItsDay,
    closerSibling: outdone(wa, b.sameDay, similarity) || outdone(wb, a.sameDay, similarity),
    sameSite,
    figuresDiffer: headlineFiguresDiffer(a, b),
    lateEdge: lateEdge(a, b, relation),
    sameMinute: relation === 'same-day' && sameMinuteBetween(wa, wb),
  };
}

/** How far two wordings agree, 0 to 1. */
export const similarity = (a: Account, b: Account) => agreementOf(wordingOf(a), wordingOf(b)).similarity;

/**
 * Two articles on one story that each date a single thing to the same day are telling the same
 * thing, however differently they word it (a paraphrase, another language): the day and the story
 * decide, not the sentence. An article dating two things to that day says the day held two events,
 * so its accounts must match by wording. One story is more than shared names: a war's headlines
 * all name its countries ("Russia strikes Kyiv power plant", "Ukraine and Russia swap prisoners"),
 * so the headlines, or else the accounts, must also share a word saying what happened. And it
 * takes two outlets: one site's items of a day on one story are its updates, its video, its
 * analysis, as often of the next development as of the same one.
 */
function isOneStory({ headlines, plain }: Evidence, thresholds: Thresholds): boolean {
  if (!headlines) return false;
  const story = agreementOf(...headlines);
  return story.similarity >= thresholds['same-day-same-story'] && (story.plain > 0 || plain > 0);
}

/**
 * One article telling two things separately means two events: its lead and its timeline item of
 * one event still end up together through the other outlets that match both. And an account that
 * agrees with both of an article's events of a day tells the one it agrees with most: linking it to
 * the other would join what that article keeps apart (one wrong link joins two whole events).
 */
const ruledOut = (evidence: Evidence, thresholds: Thresholds) =>
  evidence.relation === 'apart' ||
  evidence.sameArticle ||
  evidence.closerSibling ||
  (evidence.sameSite && (evidence.similarity < thresholds['same-site'] || evidence.figuresDiffer));

/**
 * How two accounts match, if they do: by their wordings agreeing enough for how their dates relate,
 * or only by the story rule (one story's one thing of a day, in words that need not agree).
 */
export function matchOf(
  evidence: Evidence,
  thresholds: Thresholds = MATCH_THRESHOLDS,
): 'wording' | 'story' | undefined {
  if (ruledOut(evidence, thresholds)) return undefined;
  const { relation, similarity, plain } = evidence;
  if (relation !== 'same-day')
    return similarity >= relationThreshold(evidence, thresholds) ? 'wording' : undefined;
  const needed = plain >= PLAIN_WORDS ? thresholds['same-day'] : thresholds['same-day-names-only'];
  if (similarity >= needed || evidence.sameMinute) return 'wording';
  return isOneStory(evidence, thresholds) ? 'story' : undefined;
}

/** Whether two accounts tell one event: their wordings agree, or they are one story's one thing of a day. */
export const isMatch = (evidence: Evidence, thresholds: Thresholds = MATCH_THRESHOLDS): boolean =>
  matchOf(evidence, thresholds) !== undefined;

/** The agreement a pair a day apart or in one period needs: less across an evening's time-zone edge. */
export function relationThreshold(evidence: Evidence, thresholds: Thresholds = MATCH_THRESHOLDS): number {
  if (evidence.relation === 'next-day' && evidence.lateEdge) return thresholds['next-day-late'];
  return thresholds[evidence.relation as 'next-day' | 'same-period'];
}

/** Two accounts tell of one event when their dates can be one and their wordings agree enough for how. */
export const accountsMatch = (a: Account, b: Account) => isMatch(evidenceOf(a, b));
