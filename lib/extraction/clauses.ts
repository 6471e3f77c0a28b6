/** Where a sentence's clauses begin and end: the words that govern a date stop at its clause's edge. */

/** English conjunctions that open a clause of its own (a subordinate clause keeps its own tense). */
export const SUBORDINATORS = 'after|before|because|although|though|while|when';

/**
 * Clause edges for tense: "X, who won in July, will defend…" holds two tenses, and so does German's
 * "kündigte … einen Streik an, der am Dienstag beginnen soll" (a relative clause, its verb last).
 */
const CLAUSE_BOUNDARY = new RegExp(
  String.raw`[;:—–]\s|,\s+(?:and|but|whereas|${SUBORDINATORS}|since|until|unless|who|which|whose|where|der|die|das|den|dem|denen|deren|dessen)\s|\s+and\s+`,
  'g',
);

/**
 * A relative clause set off by commas ("The trial, which opened in May, resumes on 18 November";
 * "Vasko, who takes office on 23 December, called for calm") ends at its closing comma: the main
 * verb after it is not the relative clause's.
 */
const RELATIVE_OPENER = /^,\s+(?:who|which|whose|where|der|die|das|den|dem|denen|deren|dessen)\s$/;

/** Where the clauses of a sentence meet: each edge's start and length. */
function clauseEdges(sentence: string): Array<[number, number]> {
  const edges: Array<[number, number]> = [];
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
 */
export function clauseBeforeAside(sentence: string, start: number): string {
  const closing = sentence.slice(0, start).match(/[—–]\s$/);
  if (!closing) return '';
  const opening = sentence.slice(0, start - closing[0].length).search(/\s[—–]\s[^—–]*$/);
  return opening > 0 ? clauseAround(sentence, opening) : '';
}

/** Where a clause starts and ends in its sentence. */
export type ClauseSpan = [start: number, end: number];

/** The span of the clause around a position: "ratified on 24 October; the Kremlin is expected to…" is two tenses. */
export function clauseSpan(sentence: string, index: number): ClauseSpan {
  let start = 0;
  let end = sentence.length;
  for (const [at, length] of clauseEdges(sentence)) {
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
