import { htmlToBlocks, type TextBlock } from './blocks.ts';
import { type DateMention, type DatePrecision, findDates, tenseOf } from './dates.ts';

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

/** Lines that carry a date but report nothing: page furniture, not news. */
const FURNITURE =
  /(©|\bcopyright\b|all rights reserved|\bvisited \d+ times?\b|\b(?:last )?updated\b|\bpublished (?:on|at)\b|\bposted (?:on|at)\b)/i;
/** "18 June: …", "June 18 – …": a date introducing a list entry. */
const PREFIX_SEPARATOR = /^\s*(?:[:–—]|-\s)\s*/;
const CLAUSE_BREAK = /(?:;\s+|,\s+(?:and|while|but|whereas)\s+|\s+and\s+|,\s+)/g;
const LEADING_CONJUNCTION = /^(?:and|while|but|whereas)\s+/i;
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

function tidySummary(text: string): string {
  const trimmed = text
    .trim()
    .replace(LEADING_CONJUNCTION, '')
    .replace(/[\s,;:.]+$/, '');
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

function eventFrom(mention: DateMention, summary: string, quote: string): ExtractedEvent {
  return {
    date: mention.date,
    datePrecision: mention.precision,
    endDate: mention.endDate,
    kind: 'dated',
    summary: tidySummary(summary),
    quote,
    scheduled: tenseOf(quote) === 'future',
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

/** Where the clause holding `next` begins: the last clause break after the previous date. */
function clauseStart(sentence: string, after: number, next: number): number {
  let start = next;
  for (const match of sentence.slice(after, next).matchAll(CLAUSE_BREAK)) {
    start = after + (match.index ?? 0) + match[0].length;
  }
  return start;
}

/** A sentence with two dated clauses gives two events, each summarised by its own clause. */
function sentenceEvents(sentence: string, publishedAt: Date): ExtractedEvent[] {
  const mentions = findDates(sentence, publishedAt);
  if (mentions.length <= 1) return mentions.map((mention) => eventFrom(mention, sentence, sentence));
  const starts = mentions.map((mention, i) => {
    if (i === 0) return 0;
    const previous = mentions[i - 1] as DateMention;
    return clauseStart(sentence, previous.index + previous.text.length, mention.index);
  });
  return mentions.map((mention, i) => {
    const clause = sentence.slice(starts[i], starts[i + 1] ?? sentence.length);
    return eventFrom(mention, clause, sentence);
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
