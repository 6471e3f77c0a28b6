import { isRunningCount, termListOf } from '../extraction/index.ts';
import type { Posting } from './posting.ts';
import {
  type Evidence,
  evidenceOf,
  isMatch,
  MATCH_THRESHOLDS,
  matchOf,
  PLAIN_WORDS,
  relationThreshold,
  type Thresholds,
  wordingReadOf,
} from './similarity.ts';
import { toldApart } from './told-apart.ts';
import { dateRelation } from './window.ts';
import { figuresBetween, type Reading, readingOf, siteOf, termsOf, wordingOf } from './wording.ts';

/** One pair of accounts that may tell one event, by index into the canonically sorted accounts. */
export interface Link {
  i: number;
  j: number;
  /** 1 when the pair tells one event by the match rules (with point 4 below), else partial credit. */
  weight: number;
  /** Day-precision accounts a day apart whose wordings agree strongly: the time-zone day. */
  bridgesDays: boolean;
  /** Two accounts of one article whose wordings share no term at all: a cannot-link. */
  keptApart: boolean;
}

export interface ClusterRules {
  thresholds: Thresholds;
  /** Mean weight of the cross pairs of two groups for the groups to join (average link). */
  join: number;
  /** What a pair short of the match rules still counts, at most: its agreement over the rule's threshold, times this. */
  partial: number;
  /**
   * The power that agreement is raised to for partial credit (1: in proportion). Below 1, a pair at
   * half what its rule asks counts more than half: outlets that paraphrase one event share few words.
   */
  partialCurve: number;
  /** Wording agreement for two accounts of one article to be one event told twice. */
  toldTwice: number;
  /** What a pair of one article's accounts that are not one event told twice counts against a join. */
  sameArticle: number;
  /** What a same-day pair sharing nothing that says what happened counts against a join. */
  unrelated: number;
  /** How many nearest accounts each account is judged against (see candidatePairs). */
  neighbours: number;
  /**
   * What a pair counts that only the story rule matches (two outlets that each date one thing of a
   * story to one day, in words that do not agree): evidence toward a join, not a match. On real
   * coverage a third of such pairs tell two events (docs/decisions/story-rule.md).
   */
  story: number;
}

/** Chosen on tests/fixtures/dedup and one coverage set, checked on the other: docs/decisions/clustering.md. */
export const CLUSTER_RULES: ClusterRules = {
  thresholds: MATCH_THRESHOLDS,
  join: 0.1,
  partial: 1,
  partialCurve: 0.75,
  toldTwice: 0.2,
  sameArticle: 1,
  unrelated: 0,
  neighbours: 30,
  story: 0.3,
};

const NAME_WEIGHT = 1.5;

/** What judging an account's pairs reads of it: its wording, and its headline's terms. */
export interface PairReading {
  wording: Reading;
  headline: Map<string, number>;
}

// Read once per account by linksOf, not once per pair judged: a busy day judges tens of thousands.
const pairReadingOf = (posting: Posting): PairReading => ({
  wording: wordingReadOf(posting),
  headline: termsOf(posting.title),
});

const specificOf = (a: Posting, b: Posting) => specificShared(pairReadingOf(a), pairReadingOf(b));

/**
 * Shared terms that say what happened: plain words and figures, and names that neither headline
 * carries. A story's own names ("Kyiv", "OpenAI") are in every account of it, so they say nothing
 * about which of its events an account tells; a detention and a press remark of one day share them
 * and nothing else.
 */
export function specificShared(a: PairReading, b: PairReading): number {
  const ta = a.wording.terms;
  const tb = b.wording.terms;
  const headlineA = a.headline;
  const headlineB = b.headline;
  let shared = figuresBetween(a.wording, b.wording).length;
  // By index over the term list: asked for every pair judged, it allocates nothing per term.
  const { terms, weights, hasDigit } = termListOf(ta);
  for (let k = 0; k < terms.length; k++) {
    const term = terms[k] as string;
    const other = tb.get(term);
    if (other === undefined) continue;
    const weight = weights[k] as number;
    const plain = (weight === 1 && other === 1) || hasDigit[k];
    const name =
      weight >= NAME_WEIGHT && other >= NAME_WEIGHT && !headlineA.has(term) && !headlineB.has(term);
    if (plain || name) shared++;
  }
  return shared;
}

/**
 * Whether two accounts tell one event. The match rules decide, except that a same-day pair also
 * needs a shared term saying what happened: one story's articles each dating one thing to a day
 * are not one event on the headlines alone.
 */
export function pairJoins(a: Posting, b: Posting, evidence: Evidence, rules: ClusterRules): boolean {
  if (evidence.relation === 'same-day' && specificOf(a, b) === 0) return false;
  return isMatch(evidence, rules.thresholds);
}

const thresholdOf = (evidence: Evidence, t: Thresholds) =>
  evidence.relation === 'same-day'
    ? evidence.plain >= PLAIN_WORDS
      ? t['same-day']
      : t['same-day-names-only']
    : relationThreshold(evidence, t);

/**
 * How much a pair speaks for one event: 1 when its wordings match, `rules.story` when only the
 * story rule matches it, else a share of its wording agreement over what the rule asks, so that a
 * group whose accounts each nearly match another group's counts for something. A same-day pair sharing nothing that says what happened counts against: one story's
 * two events of a day look like that, and a third account must not join them by half-agreeing with one.
 */
export function weightOf(
  a: Posting,
  b: Posting,
  evidence: Evidence,
  rules: ClusterRules,
  specific = specificOf(a, b),
): number {
  if (evidence.relation === 'same-day' && specific === 0) return -rules.unrelated;
  const match = matchOf(evidence, rules.thresholds);
  if (match) return match === 'wording' ? 1 : rules.story;
  // Partial credit is for outlets paraphrasing one another. One site's items that only half agree
  // are its different stories of a period (a blog's posts, a desk's briefs), not one told twice.
  if (evidence.sameArticle || evidence.sameSite || evidence.closerSibling || specific === 0) return 0;
  // A year holds too many events for half an agreement to say which one; a month does for a report
  // dated only by its publication, which says nothing of its own day.
  if (a.datePrecision === 'year' || b.datePrecision === 'year') return 0;
  const agreement = Math.min(1, evidence.similarity / thresholdOf(evidence, rules.thresholds));
  if ((coarseBesideReport(a, b) || coarseBesideReport(b, a)) && agreement < HALF) return 0;
  return rules.partial * agreement ** rules.partialCurve;
}

/**
 * One article's two accounts: one event told twice when their wordings agree (a lead and its
 * timeline item) on something beyond the story's own names, else a vote against joining their
 * groups: a timeline's two items of a day both name the story's countries and tell two things. Not a cannot-link while they share
 * words saying what happened: an article telling the firing and the interim chief it named in two
 * sentences tells one development, as an editor would list it.
 */
const articleWeight = (a: Posting, b: Posting, evidence: Evidence, rules: ClusterRules, specific: number) =>
  evidence.similarity >= rules.toldTwice &&
  specific > 0 &&
  !oneIsRunningCount(a, b, evidence) &&
  !(evidence.relation === 'same-day' && toldApart(a.quote, b.quote))
    ? 1
    : -rules.sameArticle;

/**
 * One article's running count of its day ("35,000 killed so far") beside its other news of that day
 * (an aid appeal, an aftershock): the count is the day's toll, an event of its own, and the two share
 * the disaster's words ("killed", "quake") whatever else they tell. Across articles it is not asked:
 * there the toll words are as often one quake's background as a count (measured, see
 * docs/decisions/running-count-told-twice.md).
 */
const oneIsRunningCount = (a: Posting, b: Posting, evidence: Evidence) =>
  evidence.relation === 'same-day' && isRunningCount(a.quote) !== isRunningCount(b.quote);

const HALF = 0.5;
const coarseBesideReport = (a: Posting, b: Posting) =>
  (a.datePrecision === 'month' || a.datePrecision === 'week') && b.kind === 'report';

const bothDays = (a: Posting, b: Posting) => a.datePrecision === 'day' && b.datePrecision === 'day';

const CANDIDATES_PER_NEIGHBOUR = 4;

/**
 * dateRelation for many pairs of few distinct dates: each pair of dates judged once. Asked for every
 * holder of every term, so a pair of dates is looked up by two small numbers, not a string.
 */
function compatibleDates(postings: Posting[]): (i: number, j: number) => boolean {
  const classes = new Map<string, number>();
  const classOf = postings.map((p) => {
    const key = `${p.datePrecision}:${p.date}`;
    const known = classes.get(key);
    if (known !== undefined) return known;
    classes.set(key, classes.size);
    return classes.size - 1;
  });
  const judged = new Map<number, boolean>();
  return (i, j) => {
    const [ci, cj] = [classOf[i] as number, classOf[j] as number];
    const key = ci * classes.size + cj;
    let answer = judged.get(key);
    if (answer === undefined) {
      answer = dateRelation(postings[i] as Posting, postings[j] as Posting) !== 'apart';
      judged.set(key, answer);
    }
    return answer;
  };
}

/**
 * The content terms through which an account can meet another: every term but the words every story
 * uses (weight 0.5). Two accounts sharing none are never judged, which is what lets a settle cluster
 * only the accounts these terms connect to its own (see componentOf).
 */
export function linkingTerms(posting: Posting): string[] {
  const wording = wordingOf(posting);
  const terms: string[] = [];
  for (const [term, weight] of termsOf(wording)) if (weight >= 1) terms.push(term);
  // A clock time to the minute and a decimal meet their own telling in any language ("2:40 a.m.",
  // "2h40"; "3.7%", "3,7 Prozent"); the words split a decimal into two small numbers left out as days.
  const { clocks, decimals } = readingOf(wording);
  for (const clock of clocks) if (!clock.endsWith(':00')) terms.push(`@${clock}`);
  for (const decimal of decimals) terms.push(`#${decimal}`);
  return terms;
}

/** The accounts holding each linking term, from each account's terms. */
function holdersByTerm(termsOfEach: string[][]): Map<string, number[]> {
  const byTerm = new Map<string, number[]>();
  termsOfEach.forEach((terms, i) => {
    for (const term of terms) {
      const holders = byTerm.get(term) ?? [];
      holders.push(i);
      byTerm.set(term, holders);
    }
  });
  return byTerm;
}

/**
 * Pairs worth judging: each account with the `neighbours` accounts its date can be one event with
 * that share the most of its terms (a rarer term counts more; ties go to the earlier account), both ways. A pair sharing no
 * term has nothing saying what happened, so no rule would join it; the bound keeps a busy day's
 * cost linear in its accounts, however many of them share a word.
 */
export function candidatePairs(postings: Posting[], neighbours: number): Array<[number, number]> {
  const size = postings.length;
  return Array.from(candidateKeys(postings, neighbours), (key) => [Math.floor(key / size), key % size]);
}

/** candidatePairs as sorted keys `i * size + j`: a busy day's tens of thousands of pairs, as numbers. */
function candidateKeys(postings: Posting[], neighbours: number): Float64Array {
  // Each account's terms read once: indexing them and ranking them below both walk them.
  const termsOfEach = postings.map(linkingTerms);
  const byTerm = holdersByTerm(termsOfEach);
  // Terms shared by two accounts or more, rarest first (ties by term): each account's terms are then
  // taken in that order by their rank, sorted as numbers, with no object or comparison of strings
  // per term of every account.
  const shared = [...byTerm].filter(([, holders]) => holders.length > 1);
  shared.sort(([x, hx], [y, hy]) => hx.length - hy.length || (x < y ? -1 : 1));
  const rankOf = new Map(shared.map(([term], rank) => [term, rank]));
  const scorer = new NearestScorer(postings.length, compatibleDates(postings));
  const keys: number[] = [];
  termsOfEach.forEach((termsOfOne, i) => {
    const ranks: number[] = [];
    for (const term of termsOfOne) {
      const rank = rankOf.get(term);
      if (rank !== undefined) ranks.push(rank);
    }
    const terms = Array.from(
      Int32Array.from(ranks).sort(),
      (rank) => (shared[rank] as [string, number[]])[1],
    );
    const found = scorer.nearest(i, terms, neighbours);
    for (let k = 0; k < found.length; k++) {
      const j = found[k] as number;
      keys.push(Math.min(i, j) * postings.length + Math.max(i, j));
    }
  });
  return sortedOnce(Float64Array.from(keys));
}

/**
 * The keys sorted, each once. A pair is found from both ends; sorting them all and dropping repeats
 * in place costs less than a set of tens of thousands of numbers and reading it back.
 */
function sortedOnce(keys: Float64Array): Float64Array {
  keys.sort();
  let kept = 0;
  for (let k = 0; k < keys.length; k++)
    if (kept === 0 || keys[k] !== keys[kept - 1]) keys[kept++] = keys[k] as number;
  return keys.subarray(0, kept);
}

/**
 * Scores one account's neighbours by the terms they share, in arrays indexed by account and reused
 * from one account to the next: the inner loop runs once per holder of every term of every account,
 * and a Map per account cost more than the judging it bounds.
 */
class NearestScorer {
  private readonly score: Float64Array;
  /** The account whose scoring last met each account (-1: none yet), and whether it was ruled out. */
  private readonly metBy: Int32Array;
  private readonly ruledOut: Uint8Array;
  private readonly scored: number[] = [];
  /** The nearest found so far, worst first: a heap by `closer`, reused from one account to the next. */
  private readonly kept: Int32Array;

  constructor(
    size: number,
    private readonly compatible: (i: number, j: number) => boolean,
  ) {
    this.score = new Float64Array(size);
    this.metBy = new Int32Array(size).fill(-1);
    this.ruledOut = new Uint8Array(size);
    this.kept = new Int32Array(size);
  }

  /**
   * The `neighbours` accounts sharing most of `terms` with account `i`, rarer terms first, in no
   * particular order (a view of a buffer that the next call overwrites).
   */
  nearest(i: number, terms: number[][], neighbours: number): Int32Array {
    const bound = CANDIDATES_PER_NEIGHBOUR * neighbours;
    const { score, metBy, ruledOut, scored } = this;
    scored.length = 0;
    for (const holders of terms) {
      // Rarer terms first; once they found plenty, the commoner ones would only add weaker ties.
      if (scored.length >= bound) break;
      const weight = 1 / Math.log2(1 + holders.length);
      for (const j of holders) {
        if (metBy[j] === i) {
          if (!ruledOut[j]) score[j] = (score[j] as number) + weight;
          continue;
        }
        // Past the bound a newcomer scores this term's weight alone and comes after every earlier
        // holder of it: it would never be among the nearest. A wire story's thousand copies share
        // every term; scoring them all made each account's candidates cost the whole day.
        if (scored.length >= bound) continue;
        metBy[j] = i;
        ruledOut[j] = j === i || !this.compatible(i, j) ? 1 : 0;
        if (ruledOut[j]) continue;
        score[j] = weight;
        scored.push(j);
      }
    }
    return this.closest(neighbours);
  }

  /** Whether scored account `a` is nearer than `b`: a higher score, ties to the earlier account. */
  private closer(a: number, b: number): boolean {
    const sa = this.score[a] as number;
    const sb = this.score[b] as number;
    return sa > sb || (sa === sb && a < b);
  }

  /**
   * The `count` nearest of the scored accounts. Selected through a heap of the nearest so far, not
   * by sorting them all: asked for every account, a sort's comparisons and copies cost more than the
   * scoring, and the order among the nearest is never read (their pairs are sorted by key).
   */
  private closest(count: number): Int32Array {
    const { scored, kept } = this;
    let size = 0;
    for (let k = 0; k < scored.length; k++) {
      const j = scored[k] as number;
      if (size < count) this.siftUp(size++, j);
      else if (this.closer(j, kept[0] as number)) this.siftDown(size, j);
    }
    return kept.subarray(0, size);
  }

  /** Places `j` at the free slot `at` of the heap and moves it up past nearer parents. */
  private siftUp(at: number, j: number): void {
    const { kept } = this;
    let i = at;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.closer(kept[parent] as number, j)) break;
      kept[i] = kept[parent] as number;
      i = parent;
    }
    kept[i] = j;
  }

  /** Replaces the heap's top (the farthest kept) with `j` and moves it down past farther children. */
  private siftDown(size: number, j: number): void {
    const { kept } = this;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) break;
      const right = left + 1;
      const farther = right < size && this.closer(kept[left] as number, kept[right] as number) ? right : left;
      if (!this.closer(j, kept[farther] as number)) break;
      kept[i] = kept[farther] as number;
      i = farther;
    }
    kept[i] = j;
  }
}

/** The judged pairs among the accounts: which join, and which may put two days in one event. */
export function linksOf(accounts: Posting[], rules: ClusterRules): Link[] {
  // The site once per account, not once per pair: evidenceOf reads it for every pair it judges.
  const postings = accounts.map((p) => (p.site ? p : { ...p, site: siteOf(p.url) }));
  const readings = postings.map(pairReadingOf);
  const links: Link[] = [];
  const size = postings.length;
  for (const key of candidateKeys(postings, rules.neighbours)) {
    const i = Math.floor(key / size);
    const j = key % size;
    const a = postings[i] as Posting;
    const b = postings[j] as Posting;
    const [ra, rb] = [readings[i] as PairReading, readings[j] as PairReading];
    const evidence = evidenceOf(a, b, ra.wording, rb.wording);
    if (evidence.relation === 'apart') continue;
    const keptApart = evidence.sameArticle && evidence.similarity === 0;
    const specific = specificShared(ra, rb);
    const weight = evidence.sameArticle
      ? articleWeight(a, b, evidence, rules, specific)
      : weightOf(a, b, evidence, rules, specific);
    const bridgesDays =
      bothDays(a, b) &&
      evidence.relation === 'next-day' &&
      evidence.similarity >= relationThreshold(evidence, rules.thresholds);
    if (weight !== 0 || bridgesDays || keptApart) links.push({ i, j, weight, bridgesDays, keptApart });
  }
  return links;
}
