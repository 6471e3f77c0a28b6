import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { TimelineHead } from './change-log.ts';
import type { CursorCodec } from './cursor.ts';
import { InvalidCursorError } from './cursor.ts';
import { type Source, type TimelineEvent, TimelineEventSchema } from './event.ts';
import type { TimelineQuery } from './query.ts';
import { sortKeyBounds, sortKeyOf } from './sort-key.ts';

export interface RangeRequest {
  lower: string;
  upper: string;
  order: 'asc' | 'desc';
  /** Resume strictly after this sort key. */
  after?: string;
  /**
   * Only events filed under this topic or feed are wanted: a reader with an index may read just
   * those. A hint: the page checks every event it gets against the whole query anyway.
   */
  via?: IndexHint;
  /** How many events the caller expects to take: a reader may fetch that many at a time. */
  pageSize?: number;
}

/**
 * An event as a listing reads it: everything but its accounts, which only matching compares and no
 * listing shows (an event's accounts are at least its sources, often several times them).
 */
export const ListedEventSchema = TimelineEventSchema.omit({ accounts: true }).extend({
  /** How many sources it has, when `sources` holds only the first (a wire story carried by thousands). */
  sourceCount: z.number().int().positive().optional(),
  /** Every feed that carried one of its sources, when `sources` holds only the first. */
  feedIds: z.array(z.string()).optional(),
});
export type ListedEvent = z.infer<typeof ListedEventSchema>;

/**
 * The most sources a listing carries (the contract's "its first sources, at least 25"); the rest are
 * paged by `/events/{id}/sources`. A wire story carried by 2,000 outlets would otherwise make every
 * listing that shows it megabytes long, and its stored listing form larger than DynamoDB allows.
 */
export const LISTED_SOURCES = 25;

/** Every feed that carried one of the sources, each once, sorted. */
export function feedIdsOf(sources: Source[]): string[] {
  return [...new Set(sources.flatMap((s) => [s.feedId, ...s.feeds.map((f) => f.id)]))].sort();
}

/** The event as listings read it: its first sources, how many there are, and every feed that carried one. */
export function listedFormOf({ accounts, ...event }: TimelineEvent): ListedEvent {
  return {
    ...event,
    sources: event.sources.slice(0, LISTED_SOURCES),
    sourceCount: event.sources.length,
    feedIds: feedIdsOf(event.sources),
  };
}

export interface IndexHint {
  kind: 'topic' | 'feed';
  value: string;
}

/** What the timeline reads from storage: events in sort-key order within bounds, and one by id. */
export interface TimelineReader {
  range(request: RangeRequest): AsyncIterable<TimelineEvent>;
  /** The same events as `range`, read as listings show them: fewer bytes read, decoded and checked. */
  listed?(request: RangeRequest): AsyncIterable<ListedEvent>;
  /** The event stored under `id`; undefined when there is none or it was merged into another. */
  get(id: string): Promise<TimelineEvent | undefined>;
  /** The id an event lives under now: itself, or the event it was merged into; undefined if unknown. */
  resolve(id: string): Promise<string | undefined>;
  /**
   * A number that moves whenever any event changes (created, merged, a source added, edited). A
   * reader without one is read on every request: nothing it serves is cached.
   */
  version?(): Promise<number>;
  /**
   * The version with the ids of the events whose writes made its latest moves: a listing kept from
   * an older version re-reads only those (see `PatchedListings`).
   */
  head?(): Promise<TimelineHead>;
  /** These events as listings read them; only those stored live under the id (not merged), checked. */
  listedByIds?(ids: string[]): Promise<ListedEvent[]>;
}

/** The index a query can be answered from: its topic, else its feed. */
export function hintOf(query: Pick<TimelineQuery, 'topic' | 'feed'>): IndexHint | undefined {
  if (query.topic) return { kind: 'topic', value: query.topic };
  if (query.feed) return { kind: 'feed', value: query.feed };
  return undefined;
}

/**
 * The most events one request reads. A filter few events match (a rare topic, a feed gone quiet)
 * would otherwise read the whole timeline for one page: past this, the page ends early, holding what
 * it found (perhaps nothing), with a cursor where the reading stopped.
 */
export const SCAN_BUDGET = 1_000;

export interface TimelinePage {
  events: ListedEvent[];
  nextCursor: string | null;
}

/** Whether the event is filed under the topic or feed: one of its topics, or a feed that carried a source. */
export function carries(
  event: Pick<ListedEvent, 'topics' | 'sources' | 'feedIds'>,
  { kind, value }: IndexHint,
): boolean {
  if (kind === 'topic') return event.topics.includes(value);
  if (event.feedIds) return event.feedIds.includes(value);
  return event.sources.some((source) => source.feedId === value || source.feeds.some((f) => f.id === value));
}

function matches(event: ListedEvent, query: TimelineQuery): boolean {
  // Kept in storage so the correction can be undone; never listed, in pages or feeds alike.
  if (event.hidden) return false;
  if (query.topic && !carries(event, { kind: 'topic', value: query.topic })) return false;
  if (query.feed && !carries(event, { kind: 'feed', value: query.feed })) return false;
  if (query.q) {
    const needle = query.q.toLowerCase();
    const haystack = [event.summary, ...event.sources.flatMap((s) => [s.quote, s.title])]
      .join('\n')
      .toLowerCase();
    if (!haystack.includes(needle)) return false;
  }
  return true;
}

/** A cursor only continues the listing it came from. */
function filterFingerprint(query: TimelineQuery): string {
  const { from, to, topic, feed, q } = query;
  return createHash('sha256')
    .update(JSON.stringify([from, to, topic, feed, q]))
    .digest('base64url')
    .slice(0, 12);
}

export async function pageTimeline(
  reader: TimelineReader,
  cursors: CursorCodec,
  query: TimelineQuery,
  budget = SCAN_BUDGET,
): Promise<TimelinePage> {
  const fingerprint = filterFingerprint(query);
  let after: string | undefined;
  if (query.cursor) {
    const position = cursors.decode(query.cursor);
    if (position.o !== query.order || position.f !== fingerprint) {
      throw new InvalidCursorError('belongs to a listing with other filters or order');
    }
    after = position.k;
  }
  const events: ListedEvent[] = [];
  let more = false;
  let examined = 0;
  let lastRead: ListedEvent | undefined;
  const read = reader.listed ? reader.listed.bind(reader) : reader.range.bind(reader);
  for await (const event of read({
    ...sortKeyBounds(query.from, query.to),
    order: query.order,
    after,
    via: hintOf(query),
    // One more than the page, to know whether there is a next; a text search reads on in larger steps.
    pageSize: query.q ? undefined : query.limit + 1,
  })) {
    if (examined === budget) {
      more = true;
      break;
    }
    examined++;
    if (!matches(event, query)) {
      lastRead = event;
      continue;
    }
    if (events.length === query.limit) {
      more = true;
      break;
    }
    events.push(event);
    lastRead = event;
  }
  const resumeAt = events.length === query.limit ? events[events.length - 1] : lastRead;
  const nextCursor =
    more && resumeAt ? cursors.encode({ k: sortKeyOf(resumeAt), o: query.order, f: fingerprint }) : null;
  return { events, nextCursor };
}
