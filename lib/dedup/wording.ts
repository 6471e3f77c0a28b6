import { clockTimesOf, weightedAgreement, weightedTerms, withoutClockTimes } from '../extraction/index.ts';
import type { Source } from '../timeline/index.ts';

/** A report's headline is short; its lead sentence says more about which event it is. */
export function wordingOf(account: Pick<Source, 'kind' | 'summary' | 'quote'>): string {
  let wording = wordings.get(account);
  if (wording === undefined) {
    wording = account.kind === 'report' ? `${account.summary} ${account.quote}` : account.summary;
    wordings.set(account, wording);
  }
  return wording;
}

// Asked several times for every pair judged. One string per account, not a new one per call: each
// lookup of its terms and figures hashes the text, and a fresh string is hashed afresh.
const wordings = new WeakMap<object, string>();

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

/**
 * A shared decimal weighs as a plain word, not as a name or whole figure (1.5): a sentence telling
 * another development often gives the quake's magnitude as background ("mourning for the victims of
 * the 7.8 quake"), and at 1.5 that joined a day's mourning decree to the quake (measured).
 */
const FIGURE_WEIGHT = 1;

/**
 * A decimal figure, with either decimal mark ("7.8", "7,8", "2,5 %"), not a thousands group
 * ("37,000") nor one part of a date or version ("17.11.2023", "3.8.4").
 */
const DECIMAL = /(?<![\p{L}\p{N}.,])(\d{1,3})[.,](\d{1,2})(?![.,]?\d)/gu;

// Read once per text like its terms: every pair judged asks for both texts' figures.
const decimalCache = new Map<string, Set<string>>();

/**
 * The decimal figures a text gives, as written with a point: a magnitude, a rate or a share says
 * which development a sentence tells ("a 7.5 quake" is the second shock, "53.2%" the runoff's
 * result), and outlets write it with a point or a comma by language. Word terms split it into two
 * small numbers that read as days and are dropped.
 */
export function decimalsOf(text: string): Set<string> {
  let figures = decimalCache.get(text);
  if (!figures) {
    if (decimalCache.size >= CACHED_TEXTS) decimalCache.clear();
    // "um 22.30 Uhr" is a clock time, read as one there; it is no decimal as well.
    const withoutTimes = withoutClockTimes(text);
    figures = new Set(
      [...withoutTimes.matchAll(DECIMAL)].map(([, whole, fraction]) => `${whole}.${fraction}`),
    );
    decimalCache.set(text, figures);
  }
  return figures;
}

/** No figure in common: one frozen list for every pair that shares none, which is most of them. */
const NONE: readonly string[] = Object.freeze([]);

function shared(ours: Set<string>, theirs: Set<string>, into: readonly string[]): readonly string[] {
  if (!ours.size || !theirs.size) return into;
  let found = into;
  for (const figure of ours) {
    if (!theirs.has(figure)) continue;
    found = found === NONE ? [figure] : [...found, figure];
  }
  return found;
}

/** A text as comparing it reads it: its terms, and the figures word terms leave out. */
export interface Reading {
  terms: Map<string, number>;
  decimals: Set<string>;
  clocks: Set<string>;
}

// One lookup of a text for all it is compared by, rather than one per cache: a busy day judges tens
// of thousands of pairs, each asking for both texts' terms, decimals and clock times. Bounded like
// the terms' cache.
const readings = new Map<string, Reading>();

export function readingOf(text: string): Reading {
  let reading = readings.get(text);
  if (!reading) {
    if (readings.size >= CACHED_TEXTS) readings.clear();
    reading = { terms: termsOf(text), decimals: decimalsOf(text), clocks: clockTimesOf(text) };
    readings.set(text, reading);
  }
  return reading;
}

/**
 * A clock time to the minute both wordings give ("2:40 a.m.", "vers 2h40", "saat 04.17'de"): not an
 * hour on the hour, which a hearing and a briefing of one day may share.
 */
export const sameMinuteBetween = (a: Reading, b: Reading): boolean =>
  shared(a.clocks, b.clocks, NONE).some((clock) => !clock.endsWith(':00'));

/** The decimal figures and clock times two texts read both give (asked for every pair judged: mostly none). */
export const figuresBetween = (a: Reading, b: Reading): readonly string[] =>
  shared(a.clocks, b.clocks, shared(a.decimals, b.decimals, NONE));

/**
 * A text's terms with the given figures added, weighed as figures. Only figures both texts give are
 * added: one that only one gives is as often an agency's other reading of the same quake ("7.7",
 * "7.8") as another event, so it must not count against their agreement.
 */
export function withFigures(terms: Map<string, number>, figures: readonly string[]): Map<string, number> {
  if (!figures.length) return terms;
  const added = new Map(terms);
  for (const figure of figures) added.set(figure, FIGURE_WEIGHT);
  return added;
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
export const agreementOf = (a: string, b: string): WordingAgreement =>
  agreementBetween(readingOf(a), readingOf(b));

/** agreementOf two texts already read. */
export function agreementBetween(a: Reading, b: Reading): WordingAgreement {
  const figures = figuresBetween(a, b);
  const { overlap, dice, plain } = weightedAgreement(
    withFigures(a.terms, figures),
    withFigures(b.terms, figures),
  );
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
