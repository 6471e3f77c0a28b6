import { createHash } from 'node:crypto';
import { contentTerms, type Entities, type ExtractedEvent, topicSlug } from '../extraction/index.ts';
import type { Source, TimelineEvent } from '../timeline/event.ts';

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

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])].sort();

function mergedEntities(a: Entities, b: Entities): Entities {
  return {
    people: union(a.people, b.people),
    places: union(a.places, b.places),
    organizations: union(a.organizations, b.organizations),
  };
}

/** The feed's configured topics plus the places the account names, as slugs ("north-korea"). */
function topicsOf({ mention, topics }: Account): string[] {
  return union(topics, mention.entities.places.map(topicSlug).filter(Boolean));
}

export function newEvent(account: Account): TimelineEvent {
  const { mention, source } = account;
  return {
    id: eventIdFor(mention),
    date: mention.date,
    datePrecision: mention.datePrecision,
    endDate: mention.endDate,
    kind: mention.kind,
    scheduled: mention.scheduled,
    summary: mention.summary,
    topics: topicsOf(account),
    entities: mergedEntities(mention.entities, { people: [], places: [], organizations: [] }),
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
export function withAccount(event: TimelineEvent, account: Account): TimelineEvent | undefined {
  const { mention, source } = account;
  const topics = union(event.topics, topicsOf(account));
  const entities = mergedEntities(event.entities, mention.entities);
  const existing = event.sources.find((s) => s.articleId === source.articleId);
  const unchanged =
    existing &&
    JSON.stringify(existing) === JSON.stringify(source) &&
    JSON.stringify(topics) === JSON.stringify(event.topics) &&
    JSON.stringify(entities) === JSON.stringify(event.entities);
  if (unchanged) return undefined;
  const others = event.sources.filter((s) => s.articleId !== source.articleId);
  const sources = [...others, source].sort((a, b) => (earlier(a, b) ? -1 : 1));
  const firstReporter = others.every((other) => earlier(source, other));
  return {
    ...event,
    summary: firstReporter ? mention.summary : event.summary,
    scheduled: firstReporter ? mention.scheduled : event.scheduled,
    topics,
    entities,
    ...reportedRange(sources),
    sources,
    version: event.version + 1,
  };
}
