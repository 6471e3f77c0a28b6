import { htmlToBlocks, type TextBlock } from './blocks.ts';
import { dayOf } from './calendar.ts';
import { type DateMention, type DatePrecision, findDates } from './dates.ts';
import { type Entities, findEntities } from './entities.ts';
import { isBoilerplate, isFurniture, withoutDateline, withoutEntryTime } from './furniture.ts';
import { clauseBoundary, LEADING_JOINER, tidySummary, withoutOpeningDate } from './summary.ts';

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
  entities: Entities;
}

export interface ArticleText {
  html: string;
  publishedAt: string;
  title?: string;
  /** BCP 47; picks chrono's locale. English when absent. */
  language?: string;
}

type Draft = Omit<ExtractedEvent, 'entities'>;

/** "18 June: …", "June 18 – …": a date introducing a list entry. */
const PREFIX_SEPARATOR = /^\s*(?:[:–—]|-\s)\s*/;
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

function draftFrom(mention: DateMention, summary: string, quote: string): Draft {
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
function prefixedEvent(text: string, publishedAt: Date, language?: string): Draft | undefined {
  const [first] = findDates(text, publishedAt, language);
  if (!first || first.index > 2 || first.precision !== 'day') return undefined;
  const rest = text.slice(first.index + first.text.length);
  const separator = PREFIX_SEPARATOR.exec(rest);
  if (!separator) return undefined;
  const summary = rest.slice(separator[0].length);
  if (summary.split(/\s+/).length < 3) return undefined;
  return draftFrom(first, summary, text);
}

/**
 * A sentence with two dated clauses gives two events, each summarised by its own clause. Dates with
 * no clause break between them share the whole sentence rather than cut it mid-phrase.
 */
function sentenceEvents(sentence: string, publishedAt: Date, language?: string): Draft[] {
  const mentions = findDates(sentence, publishedAt, language);
  const bounds = mentions.map((mention, i) => {
    const previous = mentions[i - 1];
    return previous ? clauseBoundary(sentence, previous.index + previous.text.length, mention.index) : 0;
  });
  if (bounds.some((bound) => bound === undefined)) {
    return mentions.map((mention) => draftFrom(mention, withoutOpeningDate(sentence, mention, 0), sentence));
  }
  const starts = bounds as number[];
  return mentions.map((mention, i) => {
    const start = starts[i] as number;
    const clause = sentence.slice(start, starts[i + 1] ?? sentence.length);
    const leading = clause.length - clause.replace(LEADING_JOINER, '').length;
    return draftFrom(mention, withoutOpeningDate(clause.slice(leading), mention, start + leading), sentence);
  });
}

function sentencesOf(text: string): string[] {
  return [...segmenter.segment(text)].map(({ segment }) => segment.trim()).filter(Boolean);
}

/** The story's own blocks: no site furniture, no dateline, no live-blog entry times. */
function storyBlocks(html: string): TextBlock[] {
  const blocks = htmlToBlocks(html).filter((block) => !isBoilerplate(block));
  return blocks.map((block, i) => {
    const text = withoutEntryTime(i === 0 ? withoutDateline(block.text) : block.text);
    return text === block.text ? block : { ...block, text };
  });
}

function blockEvents(block: TextBlock, publishedAt: Date, language?: string): Draft[] {
  if (block.kind === 'heading') return [];
  const prefixed = prefixedEvent(block.text, publishedAt, language);
  if (prefixed) return [prefixed];
  return sentencesOf(block.text)
    .filter((sentence) => !isFurniture(sentence))
    .flatMap((sentence) => sentenceEvents(sentence, publishedAt, language));
}

/** The article's own news: its headline, quoted by its lead sentence, dated by publication. */
function reportEvent(title: string | undefined, blocks: TextBlock[], publishedAt: Date): Draft | undefined {
  const lead = blocks
    .filter((block) => block.kind === 'paragraph')
    .map((block) => sentencesOf(block.text)[0] ?? '')
    .find((sentence) => sentence.split(/\s+/).length >= 6);
  const headline = title?.trim();
  if (!lead && !headline) return undefined;
  return {
    date: dayOf(publishedAt),
    datePrecision: 'day',
    endDate: null,
    kind: 'report',
    summary: tidySummary(headline || (lead as string)),
    quote: lead ?? (headline as string),
    scheduled: false,
  };
}

/** An article that states the same thing twice (a standfirst and its body) is one account of it. */
function dropRepeats(drafts: Draft[]): Draft[] {
  const seen = new Set<string>();
  return drafts.filter((draft) => {
    const key = `${draft.kind}|${draft.date}|${draft.summary.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The events an article reports: every dated list item and dated clause (the year, weekday or month
 * resolved against publication), plus one report event for the article's own news.
 */
export function extractEvents({ html, publishedAt, title, language }: ArticleText): ExtractedEvent[] {
  const published = new Date(publishedAt);
  const blocks = storyBlocks(html);
  const report = reportEvent(title, blocks, published);
  const dated = blocks.flatMap((block) => blockEvents(block, published, language));
  return dropRepeats([...dated, ...(report ? [report] : [])]).map((draft) => ({
    ...draft,
    entities: findEntities(draft.summary, language),
  }));
}
