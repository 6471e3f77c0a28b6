import { withoutMarks } from './fold.ts';
import { FOREIGN_ROOTS, FOREIGN_STOPWORDS, FOREIGN_WORDS } from './lexicon.ts';

const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below
  between both but by can could did do does doing down during each few for from further had has have having
  he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on
  once only or other our ours out over own same she should so some such than that the their theirs them then
  there these they this those through to too under until up very was we were what when where which while who
  whom why will with would you your yours upon amid among via per
  said says say told tell tells according reportedly claims claimed claim stated announced added noted
  report reports reported reporting emerge emerged
  january february march april may june july august september october november december jan feb mar apr jun
  jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday today yesterday
  tomorrow week month year day days seconds minute minutes hour hours`
    .split(/\s+/)
    .filter(Boolean)
    .concat(FOREIGN_STOPWORDS),
);

/**
 * Words every news story uses: they say little about which event a text is about, so they count for
 * half. Stems, as `stem` produces them. The last line names a story's kind rather than a thing
 * done: every article of a disaster says "disaster" and "efforts", whatever happened that day.
 */
const GENERIC = new Set(
  `offic gover minis presi count peopl forc milit war attac strik city regio stat state natio local new first
  last two thr four fiv sever many mor group leade publi polic secur agenc compa marke servi plan talk meeti
  week tim parti peac relea news press worke famil citiz accor annou ongoi major larg accus
  effor disas crisi trage catas incid situa`
    .split(/\s+/)
    .filter(Boolean),
);

const NAME = 1.5;
/** A capitalised first word: a name ("Vasko wins") or just the sentence's start ("Trains resume"). */
const MAYBE_NAME = 1.25;

const DAY_OR_YEAR = /^(?:[0-3]?\d|(?:19|20)\d\d)(?:st|nd|rd|th)?$/;

/** Light suffix stripping, then truncation to five letters: Korea/Korean, defence/defense agree. */
function stem(word: string): string {
  let root = word;
  if (root.length > 4) {
    if (root.endsWith('ies')) root = `${root.slice(0, -3)}y`;
    else if (root.endsWith('ing')) root = root.slice(0, -3);
    else if (root.endsWith('ed')) root = root.slice(0, -2);
    else if (root.endsWith('s') && !root.endsWith('ss')) root = root.slice(0, -1);
  }
  // Only a word's own final "e", not one the cut leaves ("reade" of "reader", "marke" of "market").
  return root.length <= 5 ? withoutFinalE(root) : root.slice(0, 5);
}

/**
 * A root's final "e"s go, so the forms of a verb ending in one meet: "agrees" cut to "agree" and
 * "agreed" stripped to "agre" are both "agr"; "closes"/"closed", "fires"/"fired" alike.
 */
function withoutFinalE(root: string): string {
  let cut = root;
  while (cut.length >= 4 && cut.endsWith('e')) cut = cut.slice(0, -1);
  return cut;
}

interface Token {
  term: string;
  capitalised: boolean;
  numeric: boolean;
}

const SHORTEST_ROOT = 4;
/** Shorter endings of a compound say too little ("-taux" ends "hôpitaux"). */
const SHORTEST_HEAD = 6;

/** A foreign word's English equivalents: a whole word, the root it begins with and the root it ends with. */
function english(word: string): string[] {
  const whole = FOREIGN_WORDS.get(word) ?? FOREIGN_ROOTS.get(word);
  if (whole) return [whole];
  const found: string[] = [];
  for (let end = word.length - 1; end >= SHORTEST_ROOT; end--) {
    const root = FOREIGN_ROOTS.get(word.slice(0, end));
    if (root) {
      found.push(root);
      break;
    }
  }
  for (let start = 1; start <= word.length - SHORTEST_HEAD; start++) {
    const root = FOREIGN_ROOTS.get(word.slice(start));
    if (root) {
      if (!found.includes(root)) found.push(root);
      break;
    }
  }
  return found;
}

function tokens(text: string): Token[] {
  const words = withoutMarks(text)
    .replace(/['’]s\b/g, '')
    .replace(/(\d)[,.](?=\d{3}\b)/g, '$1')
    .split(/[^\p{L}\p{N}]+/u);
  const found: Token[] = [];
  for (const word of words) {
    const lower = word.toLowerCase();
    if (lower.length < 2 || STOPWORDS.has(lower) || DAY_OR_YEAR.test(lower)) continue;
    const translated = english(lower);
    // A translated word is a common noun or verb, whatever German capitalises; one translated to an
    // English stop word ("annoncé": announced) is dropped as the English one is.
    for (const term of translated)
      if (!STOPWORDS.has(term)) found.push({ term: stem(term), capitalised: false, numeric: false });
    if (translated.length) continue;
    found.push({ term: stem(lower), capitalised: /^\p{Lu}/u.test(word), numeric: /\d/.test(word) });
  }
  return found;
}

/**
 * The content terms of a text: what it is about, with function words, reporting verbs and the
 * date itself left out, so two wordings of one event share most of their terms.
 */
export function contentTerms(text: string): Set<string> {
  return new Set(tokens(text).map((token) => token.term));
}

/**
 * Content terms with weights for telling events apart: names (capitalised past the first word) and
 * figures ("1,500 soldiers") are rarer and weigh 1.5, words every story uses weigh 0.5, the rest 1.
 * Fixed weights, not counts over stored events, so a comparison never depends on what arrived first.
 */
export function weightedTerms(text: string): Map<string, number> {
  const weights = new Map<string, number>();
  tokens(text).forEach((token, i) => {
    const weight =
      token.numeric || (token.capitalised && i > 0)
        ? NAME
        : GENERIC.has(token.term)
          ? 0.5
          : token.capitalised
            ? MAYBE_NAME
            : 1;
    weights.set(token.term, Math.max(weights.get(token.term) ?? 0, weight));
  });
  return weights;
}

export interface Agreement {
  shared: number;
  /** Shared terms over the smaller set's size: a short wording inside a longer one still agrees. */
  overlap: number;
}

export function agreement(a: Set<string>, b: Set<string>): Agreement {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  const smaller = Math.min(a.size, b.size);
  return { shared, overlap: smaller === 0 ? 0 : shared / smaller };
}

export interface WeightedAgreement extends Agreement {
  /** Shared weight over both texts' mean weight: two long texts sharing one phrase agree little. */
  dice: number;
  /**
   * Shared words that say what happened rather than who or where: plain words (not names, not
   * words every story uses) and figures. Two events of one story share its names, not these.
   */
  plain: number;
}

/** A term map as arrays read by index, with its total weight and which terms are figures. */
export interface TermList {
  terms: string[];
  weights: number[];
  hasDigit: boolean[];
  total: number;
}

// Asked for both sides of every pair a clustering judges. A forEach over the map boxed every running
// sum as a fresh number on each term (the busy-day bench's largest allocation); a loop by index over
// arrays built once per map keeps them in registers. Term maps are not changed once made (termsOf
// shares them), so one list per map holds.
const termLists = new WeakMap<Map<string, number>, TermList>();

export function termListOf(terms: Map<string, number>): TermList {
  let list = termLists.get(terms);
  if (!list) {
    // Summed in the map's order, as the agreement always summed it: the same weights to the last bit.
    let total = 0;
    for (const weight of terms.values()) total += weight;
    const keys = [...terms.keys()];
    list = {
      terms: keys,
      weights: [...terms.values()],
      hasDigit: keys.map((term) => /\d/.test(term)),
      total,
    };
    termLists.set(terms, list);
  }
  return list;
}

/** Weighted overlap: the weight of shared terms over the lighter text's total weight, and over both. */
export function weightedAgreement(a: Map<string, number>, b: Map<string, number>): WeightedAgreement {
  const { terms, weights, hasDigit, total: ta } = termListOf(a);
  const tb = termListOf(b).total;
  let shared = 0;
  let sharedWeight = 0;
  let plain = 0;
  for (let k = 0; k < terms.length; k++) {
    const other = b.get(terms[k] as string);
    if (other === undefined) continue;
    const weight = weights[k] as number;
    shared++;
    sharedWeight += Math.max(weight, other);
    if ((weight === 1 && other === 1) || hasDigit[k]) plain++;
  }
  const lighter = Math.min(ta, tb);
  return {
    shared,
    overlap: lighter === 0 ? 0 : Math.min(1, sharedWeight / lighter),
    dice: ta + tb === 0 ? 0 : Math.min(1, (2 * sharedWeight) / (ta + tb)),
    plain,
  };
}
