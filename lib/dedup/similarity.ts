import { weightedAgreement, weightedTerms } from '../extraction/index.ts';
import type { Source } from '../timeline/index.ts';
import { datesCompatible } from './window.ts';

/**
 * Two accounts tell of one event when their dates are compatible and their content agrees: the shared
 * terms (names and figures weigh more, words every story uses less) make up at least MATCH_THRESHOLD of
 * the lighter text's weight, and at least MIN_SHARED terms are shared. Chosen on the labelled
 * multi-outlet set (tests/fixtures/dedup): see README "Matching".
 */
export const MATCH_THRESHOLD = 0.5;
export const MIN_SHARED = 2;

type Account = Pick<Source, 'kind' | 'summary' | 'quote' | 'date' | 'datePrecision'>;

const cache = new WeakMap<object, Map<string, number>>();

/** A report's headline is short; its lead sentence says more about which event it is. */
function termsOf(account: Account): Map<string, number> {
  let terms = cache.get(account);
  if (!terms) {
    terms = weightedTerms(
      account.kind === 'report' ? `${account.summary} ${account.quote}` : account.summary,
    );
    cache.set(account, terms);
  }
  return terms;
}

export function similarity(a: Account, b: Account): number {
  const { shared, overlap } = weightedAgreement(termsOf(a), termsOf(b));
  return shared >= MIN_SHARED ? overlap : 0;
}

export function accountsMatch(a: Account, b: Account): boolean {
  return datesCompatible(a, b) && similarity(a, b) >= MATCH_THRESHOLD;
}

/** Single linkage: an account belongs with an event when it matches any of the event's accounts. */
export function linksTo(sources: readonly Account[], account: Account): boolean {
  return sources.some((source) => accountsMatch(source, account));
}
