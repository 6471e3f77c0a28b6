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
  tomorrow week month year day days`
    .split(/\s+/)
    .filter(Boolean),
);

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
  return root.slice(0, 5);
}

/**
 * The content terms of a text: what it is about, with function words, reporting verbs and the
 * date itself left out, so two wordings of one event share most of their terms.
 */
export function contentTerms(text: string): Set<string> {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u);
  const terms = new Set<string>();
  for (const word of words) {
    if (word.length < 2 || STOPWORDS.has(word) || DAY_OR_YEAR.test(word)) continue;
    terms.add(stem(word));
  }
  return terms;
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
