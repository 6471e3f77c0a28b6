import type { DateMention } from './mention.ts';

/** Where one clause ends and the next begins; the joining word belongs to the next clause. */
export const CLAUSE_BREAK = /;\s+|,?\s+(?:and|while|but|whereas|before|after|then)\s+|,\s+/g;
export const LEADING_JOINER = /^[\s,;]*(?:(?:and|while|but|whereas|then)\s+)?/i;
/** What may stand before a date that opens a clause: "On 8 October, …". */
const DATE_OPENER = /^\s*(?:on|by|as of|in|early|late|since)?\s*$/i;

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function tidySummary(text: string): string {
  return capitalised(
    text
      .replace(LEADING_JOINER, '')
      .replace(/^[\s,;:.–—-]+/, '')
      .replace(/[\s,;:.]+$/, '')
      .trim(),
  );
}

/** "On October 8, the mayor said …" → "The mayor said …": the date is shown beside the summary. */
export function withoutOpeningDate(clause: string, mention: DateMention, clauseStart: number): string {
  const offset = mention.index - clauseStart;
  const lead = clause.slice(0, Math.max(0, offset)).replace(LEADING_JOINER, '');
  if (offset < 0 || !DATE_OPENER.test(lead)) return clause;
  const after = clause.slice(offset + mention.text.length);
  // "Tuesday's aftershock, which…": the date is part of the subject, not an opener to drop.
  if (/^['’]s\b/.test(after)) return clause;
  const rest = after.replace(/^[\s,:–—-]+/, '');
  return rest.split(/\s+/).length >= 3 ? rest : clause;
}

/** Where the clause holding `next` begins: the last clause break after the previous date, if any. */
export function clauseBoundary(sentence: string, after: number, next: number): number | undefined {
  let boundary: number | undefined;
  for (const match of sentence.slice(after, next).matchAll(CLAUSE_BREAK))
    boundary = after + (match.index ?? 0);
  return boundary;
}
