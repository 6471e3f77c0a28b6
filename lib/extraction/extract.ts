import { htmlToBlocks, type TextBlock } from './blocks.ts';
import { type DateMention, type DatePrecision, findDates } from './dates.ts';

export type EventKind = 'dated' | 'report';

/** One event as one article tells it, before it meets other articles' accounts. */
export interface ExtractedEvent {
  date: string;
  datePrecision: DatePrecision;
  endDate: string | null;
  kind: EventKind;
  /** The event in the article's words, without the date that introduced it. */
  summary: string;
  /** The article's own sentence or list item, verbatim. */
  quote: string;
  scheduled: boolean;
}

export interface ArticleText {
  html: string;
  publishedAt: string;
}

/**
 * Lines that carry a date but report nothing: page furniture, not news. Only a line that *is*
 * furniture is dropped ("Updated 12 October 2024", "© 2024 …"); news that mentions updating or
 * publishing something is kept.
 */
const FURNITURE =
  /^\s*\(?(?:last\s+)?(?:updated|published|posted|modified|first published)\b|©|\bcopyright\b|all rights reserved|\bvisited \d+ times?\b/i;
/** "18 June: …", "June 18 – …": a date introducing a list entry. */
const PREFIX_SEPARATOR = /^\s*(?:[:–—]|-\s)\s*/;
/** Where one clause ends and the next begins; the joining word belongs to the next clause. */
const CLAUSE_BREAK = /;\s+|,?\s+(?:and|while|but|whereas|before|after|then)\s+|,\s+/g;
const LEADING_JOINER = /^[\s,;]*(?:(?:and|while|but|whereas|then)\s+)?/i;
/** What may stand before a date that opens a clause: "On 8 October, …". */
const DATE_OPENER = /^\s*(?:on|by|as of)?\s*$/i;
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function tidySummary(text: string): string {
  return capitalised(
    text
      .replace(LEADING_JOINER, '')
      .replace(/[\s,;:.]+$/, '')
      .trim(),
  );
}

/** "On October 8, the mayor said …" → "The mayor said …": the date is shown beside the summary. */
function withoutOpeningDate(clause: string, mention: DateMention, clauseStart: number): string {
  const offset = mention.index - clauseStart;
  const lead = clause.slice(0, offset).replace(LEADING_JOINER, '');
  if (offset < 0 || !DATE_OPENER.test(lead)) return clause;
  const rest = clause.slice(offset + mention.text.length).replace(/^[\s,:–—-]+/, '');
  return rest.split(/\s+/).length >= 3 ? rest : clause;
}

function eventFrom(mention: DateMention, summary: string, quote: string): ExtractedEvent {
  return {
    date: mention.date,
    datePrecision: mention.precision,
    endDate: mention.endDate,
    kind: 'dated',
    summary: tidySummary(summary),
    quote,
    scheduled: mention.tense === 'future',
  };
}

/** A block that opens with its date, the shape of timelines and "Key developments" lists. */
function prefixedEvent(block: TextBlock, publishedAt: Date): ExtractedEvent | undefined {
  const [first] = findDates(block.text, publishedAt);
  if (!first || first.index > 2) return undefined;
  const rest = block.text.slice(first.index + first.text.length);
  const separator = PREFIX_SEPARATOR.exec(rest);
  if (!separator) return undefined;
  const summary = rest.slice(separator[0].length);
  if (summary.split(/\s+/).length < 3) return undefined;
  return eventFrom(first, summary, block.text);
}

/** Where the clause holding `next` begins: the last clause break after the previous date, if any. */
function clauseBoundary(sentence: string, after: number, next: number): number | undefined {
  let boundary: number | undefined;
  for (const match of sentence.slice(after, next).matchAll(CLAUSE_BREAK))
    boundary = after + (match.index ?? 0);
  return boundary;
}

/**
 * A sentence with two dated clauses gives two events, each summarised by its own clause. Dates with
 * no clause break between them share the whole sentence rather than cut it mid-phrase.
 */
function sentenceEvents(sentence: string, publishedAt: Date): ExtractedEvent[] {
  const mentions = findDates(sentence, publishedAt);
  const bounds = mentions.map((mention, i) => {
    const previous = mentions[i - 1];
    return previous ? clauseBoundary(sentence, previous.index + previous.text.length, mention.index) : 0;
  });
  if (bounds.some((bound) => bound === undefined)) {
    return mentions.map((mention) => eventFrom(mention, withoutOpeningDate(sentence, mention, 0), sentence));
  }
  const starts = bounds as number[];
  return mentions.map((mention, i) => {
    const start = starts[i] as number;
    const clause = sentence.slice(start, starts[i + 1] ?? sentence.length);
    const leading = clause.length - clause.replace(LEADING_JOINER, '').length;
    return eventFrom(mention, withoutOpeningDate(clause.slice(leading), mention, start + leading), sentence);
  });
}

function sentencesOf(text: string): string[] {
  return [...segmenter.segment(text)].map(({ segment }) => segment.trim()).filter(Boolean);
}

/** Dated events in an article's HTML; the year comes from its publication date where unwritten. */
export function extractEvents({ html, publishedAt }: ArticleText): ExtractedEvent[] {
  const published = new Date(publishedAt);
  const events: ExtractedEvent[] = [];
  for (const block of htmlToBlocks(html)) {
    if (block.kind === 'heading') continue;
    const prefixed = FURNITURE.test(block.text) ? undefined : prefixedEvent(block, published);
    if (prefixed) {
      events.push(prefixed);
      continue;
    }
    for (const sentence of sentencesOf(block.text)) {
      if (!FURNITURE.test(sentence)) events.push(...sentenceEvents(sentence, published));
    }
  }
  return dropRepeats(events);
}

/** An article that states the same thing twice (a standfirst and its body) is one account of it. */
function dropRepeats(events: ExtractedEvent[]): ExtractedEvent[] {
  const seen = new Set<string>();
  return events.filter((event) => {
    const key = `${event.date}|${event.summary.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
