import type { Posting } from './posting.ts';
import {
  type Evidence,
  evidenceOf,
  isMatch,
  MATCH_THRESHOLDS,
  PLAIN_WORDS,
  type Thresholds,
} from './similarity.ts';
import { termsOf, wordingOf } from './wording.ts';

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
  /** Wording agreement for two day-precision accounts a day apart to be one event. */
  nextDay: number;
  /** Wording agreement for two accounts of one article to be one event told twice. */
  toldTwice: number;
  /** What a pair of one article's accounts that are not one event told twice counts against a join. */
  sameArticle: number;
  /** What a same-day pair sharing nothing that says what happened counts against a join. */
  unrelated: number;
}

/** Chosen on tests/fixtures/dedup and one coverage set, checked on the other: docs/decisions/clustering.md. */
export const CLUSTER_RULES: ClusterRules = {
  thresholds: MATCH_THRESHOLDS,
  join: 0.1,
  partial: 1,
  nextDay: MATCH_THRESHOLDS['next-day'],
  toldTwice: 0.2,
  sameArticle: 1,
  unrelated: 0,
};

const NAME_WEIGHT = 1.5;

/**
 * Shared terms that say what happened: plain words and figures, and names that neither headline
 * carries. A story's own names ("Kyiv", "OpenAI") are in every account of it, so they say nothing
 * about which of its events an account tells; a detention and a press remark of one day share them
 * and nothing else.
 */
export function specificShared(a: Posting, b: Posting): number {
  const [ta, tb] = [termsOf(wordingOf(a)), termsOf(wordingOf(b))];
  const story = new Set([...termsOf(a.title).keys(), ...termsOf(b.title).keys()]);
  let shared = 0;
  for (const [term, weight] of ta) {
    const other = tb.get(term);
    if (other === undefined) continue;
    const plain = (weight === 1 && other === 1) || /\d/.test(term);
    const name = weight >= NAME_WEIGHT && other >= NAME_WEIGHT && !story.has(term);
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
  if (evidence.relation === 'same-day' && specificShared(a, b) === 0) return false;
  return isMatch(evidence, rules.thresholds);
}

const thresholdOf = (evidence: Evidence, t: Thresholds) =>
  evidence.relation === 'same-day'
    ? evidence.plain >= PLAIN_WORDS
      ? t['same-day']
      : t['same-day-names-only']
    : t[evidence.relation as 'next-day' | 'same-period'];

/**
 * How much a pair speaks for one event: 1 when it matches, else a share of its wording agreement
 * over what the rule asks, so that a group whose accounts each nearly match another group's counts
 * for something. A same-day pair sharing nothing that says what happened counts against: one story's
 * two events of a day look like that, and a third account must not join them by half-agreeing with one.
 */
export function weightOf(a: Posting, b: Posting, evidence: Evidence, rules: ClusterRules): number {
  const specific = specificShared(a, b);
  if (evidence.relation === 'same-day' && specific === 0) return -rules.unrelated;
  if (isMatch(evidence, rules.thresholds)) return 1;
  if (evidence.sameArticle || evidence.closerSibling || specific === 0) return 0;
  return rules.partial * Math.min(1, evidence.similarity / thresholdOf(evidence, rules.thresholds));
}

/**
 * One article's two accounts: one event told twice when their wordings agree (a lead and its
 * timeline item), else a vote against joining their groups. Not a cannot-link while they share
 * words saying what happened: an article telling the firing and the interim chief it named in two
 * sentences tells one development, as an editor would list it.
 */
const articleWeight = (evidence: Evidence, rules: ClusterRules) =>
  evidence.similarity >= rules.toldTwice ? 1 : -rules.sameArticle;

const bothDays = (a: Posting, b: Posting) => a.datePrecision === 'day' && b.datePrecision === 'day';

/**
 * Pairs worth judging: those sharing a content term that is not a word every story uses (weight
 * 0.5). A pair sharing none has no term saying what happened, so no rule would join it; the index
 * keeps a busy day from costing every pair.
 */
export function candidatePairs(postings: Posting[]): Array<[number, number]> {
  const byTerm = new Map<string, number[]>();
  postings.forEach((posting, i) => {
    for (const [term, weight] of termsOf(wordingOf(posting))) {
      if (weight < 1) continue;
      const holders = byTerm.get(term) ?? [];
      holders.push(i);
      byTerm.set(term, holders);
    }
  });
  const seen = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const holders of byTerm.values()) {
    for (let x = 0; x < holders.length; x++) {
      for (let y = x + 1; y < holders.length; y++) {
        const [i, j] = [holders[x] as number, holders[y] as number];
        const key = i * postings.length + j;
        if (seen.has(key)) continue;
        seen.add(key);
        pairs.push([i, j]);
      }
    }
  }
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

/** The judged pairs among the accounts: which join, and which may put two days in one event. */
export function linksOf(postings: Posting[], rules: ClusterRules): Link[] {
  const links: Link[] = [];
  for (const [i, j] of candidatePairs(postings)) {
    const [a, b] = [postings[i] as Posting, postings[j] as Posting];
    const evidence = evidenceOf(a, b);
    if (evidence.relation === 'apart') continue;
    const keptApart = evidence.sameArticle && evidence.similarity === 0;
    const weight = evidence.sameArticle ? articleWeight(evidence, rules) : weightOf(a, b, evidence, rules);
    const bridgesDays =
      bothDays(a, b) && evidence.relation === 'next-day' && evidence.similarity >= rules.nextDay;
    if (weight !== 0 || bridgesDays || keptApart) links.push({ i, j, weight, bridgesDays, keptApart });
  }
  return links;
}
