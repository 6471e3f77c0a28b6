import { createHash } from 'node:crypto';
import type { ExtractedEvent } from '../extraction/index.ts';
import type { Source, TimelineEvent } from '../timeline/event.ts';
import { contentTerms } from './terms.ts';

/** A mention with the article it came from and that article's feed topics. */
export interface Account {
  mention: ExtractedEvent;
  source: Source;
  topics: string[];
}

/**
 * A new event's id is derived from its date and wording, so two workers meeting the same new event
 * at once race for one key instead of creating two events.
 */
export function eventIdFor(mention: ExtractedEvent): string {
  const terms = [...contentTerms(mention.summary)].sort().join(' ');
  const key = `${mention.kind}|${mention.date}|${mention.datePrecision}|${terms}`;
  return `evt_${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;
}

function reportedRange(sources: Source[]): Pick<TimelineEvent, 'firstReportedAt' | 'lastReportedAt'> {
  const times = sources.map((source) => source.publishedAt).sort();
  return { firstReportedAt: times[0] as string, lastReportedAt: times[times.length - 1] as string };
}

/** Earliest publication first, then article id: a total order that does not depend on arrival. */
function earlier(a: Source, b: Source): boolean {
  return a.publishedAt < b.publishedAt || (a.publishedAt === b.publishedAt && a.articleId < b.articleId);
}

export function newEvent({ mention, source, topics }: Account): TimelineEvent {
  return {
    id: eventIdFor(mention),
    date: mention.date,
    datePrecision: mention.datePrecision,
    endDate: mention.endDate,
    kind: mention.kind,
    scheduled: mention.scheduled,
    summary: mention.summary,
    topics: [...new Set(topics)].sort(),
    ...reportedRange([source]),
    sources: [source],
    version: 0,
  };
}

/**
 * The event with this account added, or undefined when it already holds exactly this account (so a
 * redelivered message writes nothing). An article is one source however often it is processed: a
 * second pass replaces its quote and title. The summary is the first reporter's wording, which makes
 * the result independent of the order accounts arrive in.
 */
export function withAccount(
  event: TimelineEvent,
  { mention, source, topics }: Account,
): TimelineEvent | undefined {
  const existing = event.sources.find((s) => s.articleId === source.articleId);
  if (
    existing &&
    JSON.stringify(existing) === JSON.stringify(source) &&
    topics.every((t) => event.topics.includes(t))
  ) {
    return undefined;
  }
  const others = event.sources.filter((s) => s.articleId !== source.articleId);
  const sources = [...others, source].sort((a, b) => (earlier(a, b) ? -1 : 1));
  const firstReporter = others.every((other) => earlier(source, other));
  return {
    ...event,
    summary: firstReporter ? mention.summary : event.summary,
    scheduled: firstReporter ? mention.scheduled : event.scheduled,
    topics: [...new Set([...event.topics, ...topics])].sort(),
    ...reportedRange(sources),
    sources,
    version: event.version + 1,
  };
}
