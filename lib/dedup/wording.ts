import { weightedAgreement, weightedTerms } from '../extraction/index.ts';
import type { Source } from '../timeline/index.ts';

/** A report's headline is short; its lead sentence says more about which event it is. */
export const wordingOf = (account: Pick<Source, 'kind' | 'summary' | 'quote'>): string =>
  account.kind === 'report' ? `${account.summary} ${account.quote}` : account.summary;

// One wording is compared with many: an article's headline with every posting it meets, a posting
// with every newcomer. Keyed by text (postings are fresh objects on each read) and bounded for a
// long-lived worker.
const cache = new Map<string, Map<string, number>>();
const CACHED_TEXTS = 20_000;

export function termsOf(text: string): Map<string, number> {
  let terms = cache.get(text);
  if (!terms) {
    if (cache.size >= CACHED_TEXTS) cache.clear();
    terms = weightedTerms(text);
    cache.set(text, terms);
  }
  return terms;
}

export interface WordingAgreement {
  /** 0 to 1. */
  similarity: number;
  /** Shared words saying what happened (not names, not words every story uses) and figures. */
  plain: number;
}

/**
 * Over the lighter text, a headline inside a paragraph agrees; over both, two paragraphs sharing one
 * phrase do not: the geometric mean lets neither length win alone.
 */
export function agreementOf(a: string, b: string): WordingAgreement {
  const { overlap, dice, plain } = weightedAgreement(termsOf(a), termsOf(b));
  return { similarity: Math.sqrt(overlap * dice), plain };
}

/** The site an article comes from, "www." aside; an address that does not parse is its own site. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/**
 * The figures a headline carries, as written ("v3.8.4", "$1750", "1,500" read as "1500"): what tells
 * one item of a series from the next when the rest of the headline is a template.
 */
export function figuresOf(headline: string): Set<string> {
  const words = headline
    .toLowerCase()
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}$€£¥]+|[^\p{L}\p{N}%]+$/gu, ''));
  return new Set(words.filter((word) => /\d/.test(word)));
}
