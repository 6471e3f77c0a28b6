import { IRREGULAR_PARTICIPLE } from './english-verbs.ts';
import { futurePattern, PAST_EN, withoutNames } from './tense-markers.ts';

/** Where a sentence's clauses begin and end: the words that govern a date stop at its clause's edge. */

/** English conjunctions that open a clause of its own (a subordinate clause keeps its own tense). */
export const SUBORDINATORS = 'after|before|because|although|though|while|when';

/**
 * Relative pronouns that open a clause set off by commas: English, German ("der", "die"…), French
 * ("qui", "où", "dont"), Spanish and Portuguese ("que", "quien", "donde", the possessive "cuyo",
 * "cujo"), Italian ("che", "(il) cui", "dove").
 */
const RELATIVES =
  'who|which|whose|where|der|die|das|den|dem|denen|deren|dessen|qui|où|dont|que|quien|quienes|donde|cuyo|cuya|cuyos|cuyas|cujo|cuja|cujos|cujas|che|(?:il|la|i|le)\\s+cui|cui|dove|onde';

/**
 * German conjunctions that open a clause set off by commas, its verb last: "hatte angekündigt, dass
 * sie die Firma kaufen will, am 17. März nachgebessert…" — the "will" is the dass-clause's, and the
 * date after its closing comma is not governed by it.
 */
const SET_OFF_CONJUNCTIONS = 'dass|weil|nachdem|bevor|obwohl|damit|sodass|wenn|ob';

/**
 * Clause edges for tense: "X, who won in July, will defend…" holds two tenses, and so does German's
 * "kündigte … einen Streik an, der am Dienstag beginnen soll" (a relative clause, its verb last).
 */
const CLAUSE_BOUNDARY = new RegExp(
  String.raw`[;:—–]\s|,\s+(?:and|but|whereas|${SUBORDINATORS}|since|until|unless|${RELATIVES}|${SET_OFF_CONJUNCTIONS})\s|\s+and\s+`,
  'g',
);

/**
 * A relative clause set off by commas ("The trial, which opened in May, resumes on 18 November";
 * "Vasko, who takes office on 23 December, called for calm") ends at its closing comma: the main
 * verb after it is not the relative clause's. So does a German subordinate clause.
 */
const RELATIVE_OPENING = String.raw`,\s+(?:${RELATIVES}|${SET_OFF_CONJUNCTIONS})\s`;
const RELATIVE_OPENER = new RegExp(`^${RELATIVE_OPENING}$`);

/** "und", "et", "y", "e": joining two clauses as often as two nouns, so an edge only before a future. */
const COORDINATORS: Record<string, RegExp> = {
  de: /\s+und\s+/g,
  fr: /\s+et\s+/g,
  es: /\s+y\s+/g,
  it: /\s+e\s+/g,
  pt: /\s+e\s+/g,
};

/**
 * "Die Gespräche waren im Juli gescheitert und sollen am 2. Dezember fortgesetzt werden", "se
 * rompieron en julio y está previsto que se reanuden el 2 de diciembre": a past clause and a plan,
 * joined as English joins them with "and" (an edge in every sentence there). Elsewhere the joining word
 * is an edge only when a future follows it in its clause, so "im Februar und März" stays one clause.
 */
function coordinatedFutures(sentence: string, language: string | undefined): Array<[number, number]> {
  const coordinator = language && COORDINATORS[language];
  if (!coordinator || !language) return [];
  const future = futurePattern(language);
  return [...sentence.matchAll(coordinator)]
    .filter((match) => {
      const from = (match.index ?? 0) + match[0].length;
      return future.test(withoutNames(sentence.slice(from).split(/[,;:.]/, 1)[0] as string, language));
    })
    .map((match): [number, number] => [match.index ?? 0, match[0].length]);
}

const PARTICIPLE = `\\p{L}{3,}ed|${IRREGULAR_PARTICIPLE}`;
/** A participle that books a day rather than telling an act: "originally planned for Sunday" is ahead. */
const BOOKING = '(?:planned|scheduled|slated|expected|booked|set|due)';
/**
 * A past participle set off by commas after the sentence's subject ("The bill, signed into law in
 * 2019, takes effect July 1"; "The new rules, announced Tuesday, apply from Monday"): a reduced
 * relative clause, which tells its own act; the main verb after it is not its, and neither is its
 * tense. One participle only, so a clause of its own after an opening phrase ("In March, armed men
 * attacked the town, …") is not taken for one; the subject opens with no preposition, and may be
 * long ("The cross-party select committee inquiry into the harbour flooding, opened in late
 * September, is due to…").
 */
const PARTICIPLE_ASIDE = new RegExp(
  String.raw`^(?!(?:in|on|at|after|before|by|for|from|since|during|when|while|as|if|but|and|so|then|yet)\b)[^,;:]{2,70}?(,\s+)(?:(?:first|originally|initially|previously|recently|later|also)\s+)?(?!${BOOKING}\b)(?:${PARTICIPLE})\b[^,;:]{0,60}(,)\s+(?=\p{Ll})`,
  'iu',
);

function participleAside(sentence: string): Array<[number, number]> {
  const aside = PARTICIPLE_ASIDE.exec(sentence);
  if (!aside) return [];
  const opening = aside[0].indexOf(aside[1] as string);
  const between = aside[0].slice(opening + 1, aside[0].lastIndexOf(','));
  if ((between.match(/\p{L}{3,}ed\b/giu) ?? []).length > 1) return [];
  return [
    [opening, (aside[1] as string).length],
    [aside[0].lastIndexOf(','), 1],
  ];
}

/**
 * "Ruto will sign the bill after parliament passed it on Thursday", "will be without his captain after
 * he was sent off on Sunday": an "after" clause with a past verb of its own, set off by no comma, is a
 * clause of its own; the future before it is not its tense.
 */
function pastAfterClauses(sentence: string): Array<[number, number]> {
  return [...sentence.matchAll(/\s+after\s+/gi)]
    .filter((match) => {
      const from = (match.index ?? 0) + match[0].length;
      return PAST_EN.test(sentence.slice(from).split(/[,;:.]/, 1)[0] as string);
    })
    .map((match): [number, number] => [match.index ?? 0, match[0].length]);
}

/**
 * "Schools that were shut Jan. 21 are scheduled to reopen Monday", "the roads which had been closed on
 * Friday will reopen": a relative clause with no commas, in the past, inside a subject whose main verb
 * comes after it. The relative clause tells its own act; the main verb ("are", "will") starts the
 * clause that the plan belongs to.
 */
const PAST_RELATIVE = /\s+(?:that|which|who)\s+(?=(?:was|were|had)\s)/gi;
const MAIN_VERB_AFTER = /\s+(?:is|are|will|remains?|has|have)\s+/i;

function pastRelativeClauses(sentence: string): Array<[number, number]> {
  return [...sentence.matchAll(PAST_RELATIVE)].flatMap((match): Array<[number, number]> => {
    const from = (match.index ?? 0) + match[0].length;
    const clause = sentence.slice(from).split(/[,;:]/, 1)[0] as string;
    const main = MAIN_VERB_AFTER.exec(clause);
    if (!main || !PAST_EN.test(clause.slice(0, main.index))) return [];
    return [
      [match.index ?? 0, match[0].length],
      [from + main.index, main[0].length],
    ];
  });
}

/**
 * A German infinitive with "zu" ending its clause ("einen Zuschlag zu erheben"); a separable verb
 * writes its "zu" inside the word ("freizugeben"), which this leaves out. Not a perfect infinitive
 * ("geflohen zu sein"), which tells what was done.
 */
export const ZU_INFINITIVE_END =
  /(?<!\p{L})zu\s+(?!(?:sein|haben)(?!\p{L}))\p{Ll}{2,}(?:en|ern|eln)[\s.,;:!?]*$/u;

/**
 * "kündigte am Freitag an, ab dem 11. April einen Zuschlag zu erheben": the infinitive after the comma
 * is a clause of its own, what the announcing verb before it announces. Its day is ahead of the saying,
 * and the saying's past is not its tense.
 */
function zuInfinitiveClauses(sentence: string, language: string | undefined): Array<[number, number]> {
  if (language !== 'de') return [];
  return [...sentence.matchAll(/,\s+/g)]
    .filter((match) => {
      const from = (match.index ?? 0) + match[0].length;
      // To the next comma: a German day ("11. April") holds a full stop.
      return ZU_INFINITIVE_END.test(sentence.slice(from).split(/[,;:]/, 1)[0] as string);
    })
    .map((match): [number, number] => [match.index ?? 0, match[0].length]);
}

/** Where the clauses of a sentence meet: each edge's start and length. */
function clauseEdges(sentence: string, language?: string): Array<[number, number]> {
  const edges: Array<[number, number]> = [
    ...coordinatedFutures(sentence, language),
    ...zuInfinitiveClauses(sentence, language),
  ];
  if ((language ?? 'en') === 'en')
    edges.push(...participleAside(sentence), ...pastAfterClauses(sentence), ...pastRelativeClauses(sentence));
  for (const match of sentence.matchAll(CLAUSE_BOUNDARY)) {
    const at = match.index ?? 0;
    edges.push([at, match[0].length]);
    if (!RELATIVE_OPENER.test(match[0])) continue;
    const close = sentence.indexOf(',', at + match[0].length);
    if (close >= 0) edges.push([close, 1]);
  }
  return edges.sort((a, b) => a[0] - b[0]);
}

/**
 * A clause resumed after an aside between dashes ("the toll stood at 900 — with more injured — as of
 * Sunday"): the clause before the first dash, whose verb the words after the second still belong to.
 * So is a date that is itself the aside ("officials announced — on Monday, in New York — the
 * charges"): its verb stands before the opening dash.
 */
export function clauseBeforeAside(sentence: string, [start, end]: ClauseSpan): string {
  const dash = sentence.slice(0, start).match(/[—–]\s$/);
  if (!dash) return '';
  const before = start - dash[0].length;
  if (/^\s?[—–]/.test(sentence.slice(end))) return before > 0 ? clauseAround(sentence, before - 1) : '';
  const opening = sentence.slice(0, before).search(/\s[—–]\s[^—–]*$/);
  return opening > 0 ? clauseAround(sentence, opening) : '';
}

/** Where a clause starts and ends in its sentence. */
export type ClauseSpan = [start: number, end: number];

/**
 * A quotation by any of the marks news uses (German's „…“ too): closed within its sentence, or, where
 * `openToEnd` asks, also one that runs on past it ('…, writing, "Today we launched it. Try it.').
 */
const QUOTATION = {
  closed: /["“«„][^"“”«»„]+["”»“]/gu,
  openToEnd: /["“«„][^"“”«»„]+(?:["”»“]|$)/gu,
};

/** A sentence with its closed quotations blanked: the words it tells in its own voice. */
export const withoutQuotations = (sentence: string): string => sentence.replace(QUOTATION.closed, ' ');

/** The quotations of a sentence, as [start, end) spans. */
export const quotationSpans = (sentence: string, openToEnd = false): ClauseSpan[] =>
  [...sentence.matchAll(openToEnd ? QUOTATION.openToEnd : QUOTATION.closed)].map(
    (m): ClauseSpan => [m.index ?? 0, (m.index ?? 0) + m[0].length],
  );

/** The span that holds a position, its first character included, if any does. */
export const spanHolding = (spans: ClauseSpan[], index: number): ClauseSpan | undefined =>
  spans.find(([from, to]) => index >= from && index < to);

/**
 * The edges a position outside quotations can meet: not one inside a quotation. '"It will last, but I
 * hope to end it soon," she told radio on Tuesday': the ", but" is the speaker's, and a clause cut
 * there would hand "hope to" the attribution's day, which the whole sentence reads past the quote.
 */
function edgesAround(sentence: string, index: number, language?: string): Array<[number, number]> {
  const edges = clauseEdges(sentence, language);
  if (!/["“«„]/u.test(sentence)) return edges;
  const quoted = quotationSpans(sentence);
  const inside = (at: number) => quoted.find(([from, to]) => at > from && at < to);
  const own = inside(index);
  return edges.filter(([at]) => {
    const quote = inside(at);
    return quote === undefined || quote === own;
  });
}

/** The span of the clause around a position: "ratified on 24 October; the Kremlin is expected to…" is two tenses. */
export function clauseSpan(sentence: string, index: number, language?: string): ClauseSpan {
  let start = 0;
  let end = sentence.length;
  for (const [at, length] of edgesAround(sentence, index, language)) {
    if (at < index) start = Math.max(start, at + length);
    else if (at > index) {
      end = at;
      break;
    }
  }
  return [start, end];
}

/** The clause around a position, as text. */
export const clauseAround = (sentence: string, index: number): string =>
  sentence.slice(...clauseSpan(sentence, index));

/** Text that ends on a relative clause's opening, the edge clauseSpan starts a clause after. */
const ENDS_ON_RELATIVE_OPENING = new RegExp(`${RELATIVE_OPENING}$`);

/** ", avvenuto all'alba di lunedì", ", survenu lundi", ", ocurrido el lunes": a participle of happening. */
const HAPPENED_PARTICIPLE =
  /,\s+(?:avvenut[oaie]|accadut[oaie]|survenue?s?|intervenue?s?|ocurrid[oa]s?|sucedid[oa]s?|ocorrid[oa]s?)\s[^,]*$/iu;

/**
 * Turkish puts the relative clause before its noun, closed by a participle: "pazartesi sabaha karşı
 * meydana gelen köprü çökmesi" (the collapse that happened early Monday), "dün yaşanan deprem". A
 * participle of happening within a few words after the date, and a noun after it.
 */
const TURKISH_HAPPENED =
  /^\S*(?:\s+\S+){0,3}?\s+(?:meydana\s+gelen|yaşanan|gerçekleşen|gerçekleştirilen|düzenlenen|başlayan|çıkan|vuku\s+bulan)\s+\p{L}/iu;

/**
 * Whether a date lies in a clause that tells background to the sentence's news: a relative clause
 * set off by commas ("over the collapse, which happened on Monday, …"), a participle of happening
 * ("il crollo, avvenuto lunedì") or, in Turkish, the relative clause before its noun. What it dates is
 * that clause's own event.
 */
export function inBackgroundClause(sentence: string, index: number, language?: string): boolean {
  if (HAPPENED_PARTICIPLE.test(sentence.slice(0, index))) return true;
  if (language === 'tr' && TURKISH_HAPPENED.test(sentence.slice(index))) return true;
  const [start] = clauseSpan(sentence, index, language);
  return start > 0 && ENDS_ON_RELATIVE_OPENING.test(sentence.slice(0, start));
}
