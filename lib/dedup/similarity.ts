import { weightedAgreement, weightedTerms } from '../extraction/index.ts';
import type { Source } from '../timeline/index.ts';
import { type DateRelation, dateRelation } from './window.ts';

/**
 * How much two accounts' wordings must agree to be one event, by how their dates relate. The same
 * day is strong evidence already, so a fifth of the wording will do, provided they share words
 * saying what happened (PLAIN_WORDS), not only the story's names and topic; else half. A day apart
 * is how two time zones date one event, but more often two events in a row (a runoff, then the
 * concession), so it takes most of the wording. A month or a year says little. Chosen on the
 * labelled multi-outlet set (tests/fixtures/dedup, `npm run eval -- --sweep`): see README "Matching".
 */
export const MATCH_THRESHOLDS = {
  'same-day': 0.2,
  'same-day-names-only': 0.5,
  'next-day': 0.8,
  'same-period': 0.5,
};

/**
 * Shared plain words that let a same-day pair agree on less: one is often the story's own topic
 * ("North Korean troops": sent, or already present?), two say what happened.
 */
export const PLAIN_WORDS = 2;
export type Thresholds = typeof MATCH_THRESHOLDS;

type Account = Pick<Source, 'articleId' | 'kind' | 'summary' | 'quote' | 'date' | 'datePrecision'>;

const cache = new WeakMap<object, Map<string, number>>();

/** A report's headline is short; its lead sentence says more about which event it is. */
function termsOf(account: Pick<Account, 'kind' | 'summary' | 'quote'>): Map<string, number> {
  let terms = cache.get(account);
  if (!terms) {
    terms = weightedTerms(
      account.kind === 'report' ? `${account.summary} ${account.quote}` : account.summary,
    );
    cache.set(account, terms);
  }
  return terms;
}

/** What two accounts have in common, for deciding whether they tell one event. */
export interface Evidence {
  relation: DateRelation;
  similarity: number;
  /** Shared words saying what happened (not names, not words every story uses) and figures. */
  plain: number;
  sameArticle: boolean;
}

export function evidenceOf(a: Account, b: Account): Evidence {
  const { overlap, dice, plain } = weightedAgreement(termsOf(a), termsOf(b));
  return {
    relation: dateRelation(a, b),
    // Over the lighter text, a headline inside a paragraph agrees; over both, two paragraphs sharing
    // one phrase do not: the geometric mean lets neither length win alone.
    similarity: Math.sqrt(overlap * dice),
    plain,
    sameArticle: a.articleId === b.articleId,
  };
}

/** How far two wordings agree, 0 to 1. */
export const similarity = (a: Account, b: Account) => evidenceOf(a, b).similarity;

/**
 * One article telling two things separately means two events: its lead and its timeline item of
 * one event still end up together through the other outlets that match both.
 */
export function isMatch(evidence: Evidence, thresholds: Thresholds = MATCH_THRESHOLDS): boolean {
  const { relation, similarity, plain, sameArticle } = evidence;
  if (relation === 'apart' || sameArticle) return false;
  if (relation === 'same-day') {
    return similarity >= (plain >= PLAIN_WORDS ? thresholds['same-day'] : thresholds['same-day-names-only']);
  }
  return similarity >= thresholds[relation];
}

/** Two accounts tell of one event when their dates can be one and their wordings agree enough for how. */
export const accountsMatch = (a: Account, b: Account) => isMatch(evidenceOf(a, b));
