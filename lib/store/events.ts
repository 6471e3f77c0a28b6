import {
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  type QueryCommandInput,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import * as z from 'zod';
import type { Correction } from '../corrections/index.ts';
import {
  type AccountRef,
  contentOf,
  type EventRepository,
  onePerArticle,
  type Posting,
  type PostingPages,
  PostingSchema,
  postingSortKey,
  type SortRange,
} from '../dedup/index.ts';
import {
  carries,
  type IndexHint,
  type ListedEvent,
  ListedEventSchema,
  type RangeRequest,
  sortKeyOf,
  type TimelineEvent,
  TimelineEventSchema,
  type TimelineHead,
  type TimelineReader,
} from '../timeline/index.ts';
import { batchGet } from './batch-get.ts';
import { conditionFailed } from './condition.ts';
import { appendCorrection, readCorrections } from './corrections.ts';
import {
  hintedKeys,
  hintItemsOf,
  hintsComplete,
  itemsOf,
  listedProjection,
  writeHints,
} from './event-index.ts';
import {
  deleteParts,
  deleteReplacedParts,
  eventItems,
  type Parts,
  PartsSchema,
  readParts,
  writeParts,
} from './event-parts.ts';
import { assertStorable, type InvalidItems, invalidItemsToStderr, validItem } from './invalid-items.ts';
import { queryItems, queryPages } from './query-pages.ts';
import { BY_PARTITION_INDEX, keys, POSTINGS_PARTITION, TIMELINE_PARTITION } from './table.ts';
import { bumpTimelineVersion, readTimelineHead, readTimelineVersion } from './timeline-version.ts';

const QUERY_PAGE = 100;

/**
 * The event's items: the event item (marshalled, keys and index keys on), and the parts it adds if
 * any (`stored`: the parts of the version it replaces, kept where unchanged).
 */
function toItems(event: TimelineEvent, stored?: Parts) {
  assertStorable(TimelineEventSchema, event, 'event');
  const items = eventItems(event, stored);
  const item = marshall(
    { ...keys.event(event.id), gsi1pk: TIMELINE_PARTITION, gsi1sk: sortKeyOf(event), ...items.event },
    { removeUndefinedValues: true },
  );
  return { ...items, item };
}

/**
 * The items `create` writes for a new event (its hints, its parts, then the event), marshalled: for
 * bulk loads into a table with no other writer (benchmarks, restores), which then move the version once.
 */
export function itemsOfNewEvent(event: TimelineEvent) {
  const { item, parts } = toItems(event);
  return [...[...hintItemsOf(event), ...parts].map((part) => marshall(part)), item];
}

/** What `post` writes of a posting (all but its key and holders): its content, filed under its date. */
const postedAttributes = (posting: Posting): Record<string, unknown> => ({
  ...contentOf(posting),
  gsi1pk: POSTINGS_PARTITION,
  gsi1sk: postingSortKey(posting),
});

/** A posting's item as `post` then `hold` leave it, marshalled: for the same bulk loads. */
export function itemOfHeldPosting(posting: Posting, heldBy: string[]) {
  assertStorable(PostingSchema, posting, 'posting');
  return marshall(
    {
      ...keys.posting(posting.articleId, posting.position),
      ...postedAttributes(posting),
      heldBy: new Set(heldBy),
    },
    { removeUndefinedValues: true },
  );
}

/** The parts an item names, if any. */
const partsOf = (item: Record<string, unknown> | undefined): Parts | undefined => {
  const parts = item?.parts ? PartsSchema.safeParse(unmarshall(item as never).parts) : undefined;
  return parts?.success ? parts.data : undefined;
};

/** How events are read: whole (matching, migrations), or only what listings show. */
interface Reading<E> {
  schema: z.ZodType<E>;
  /** Accounts and every source too, from the parts a large event keeps them in. */
  whole?: boolean;
  projection?: ReturnType<typeof listedProjection>;
}
const WHOLE: Reading<TimelineEvent> = { schema: TimelineEventSchema, whole: true };
const LISTED: Reading<ListedEvent> = {
  schema: ListedEventSchema,
  projection: listedProjection('pk', 'mergedInto'),
};

/** An event merged into another keeps its key as a pointer, out of the timeline index. */
const TombstoneSchema = z.object({ mergedInto: z.string(), version: z.number() });

/** A conditional put: the item it replaced when it was written, false when the condition failed. */
async function putIf(
  client: DynamoDBClient,
  input: ConstructorParameters<typeof PutItemCommand>[0],
): Promise<{ replaced?: Record<string, unknown> } | false> {
  try {
    const { Attributes } = await client.send(new PutItemCommand({ ...input, ReturnValues: 'ALL_OLD' }));
    return { replaced: Attributes };
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

/**
 * Events in DynamoDB: the dedup repository and the timeline reader over one table. Every write that
 * succeeds moves the timeline version afterwards (here, so no caller can forget it): a reader that
 * sees the new version reads the write. Postings move it too, though no listing shows them: a
 * worker that crashed between an event write and its bump redelivers the message and finds its
 * posting unfiled, so the version still moves.
 */
export class DynamoEventStore implements EventRepository, PostingPages, TimelineReader {
  /** Set once the table says every event has its index hints; never unset. */
  private hinted = false;
  /** The parts each event read whole came from: an update of it keeps those it leaves unchanged. */
  private readonly partsRead = new WeakMap<TimelineEvent, Parts>();

  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    private readonly invalid: InvalidItems = invalidItemsToStderr,
  ) {}

  /**
   * Stored items are input too: validated on the way out of the table. One that fails is reported
   * and skipped, so it costs its own event, not every listing and page that covers its date.
   */
  private fromItem<E>(item: Record<string, unknown>, { schema }: Reading<E>) {
    const { pk, sk, gsi1pk, gsi1sk, ...event } = unmarshall(item as never);
    return validItem(schema, event, 'event', String(pk), this.invalid);
  }

  /**
   * An event read whole: its accounts from the item or from the parts it names, its sources from
   * its accounts (the item keeps only the first, for listings). Parts gone since the item was read
   * mean the event was written again: its item is read again.
   */
  private async wholeFrom(item: Record<string, unknown>): Promise<TimelineEvent | undefined> {
    let current: Record<string, unknown> | undefined = item;
    let missing: Parts | undefined;
    for (let attempt = 0; current && !('mergedInto' in current) && attempt < 5; attempt++) {
      const { pk, sk, gsi1pk, gsi1sk, parts, ...stored } = unmarshall(current as never);
      const key = String(pk);
      const named =
        parts === undefined ? undefined : validItem(PartsSchema, parts, 'event', key, this.invalid);
      if (parts !== undefined && !named) return undefined;
      if (named && missing && JSON.stringify(named) === JSON.stringify(missing)) {
        // The same item again, its parts still absent: not a rewrite under way but a broken item.
        this.invalid.report(
          'event',
          key,
          new Error(`names parts ${JSON.stringify(named)} that are not stored`),
        );
        return undefined;
      }
      const accounts = named
        ? await readParts(this.client, this.tableName, String(stored.id), named)
        : stored.accounts;
      if (!named || accounts) {
        const event = validItem(TimelineEventSchema, { ...stored, accounts }, 'event', key, this.invalid);
        const whole = event && { ...event, sources: onePerArticle(event.accounts) };
        if (whole && named) this.partsRead.set(whole, named);
        return whole;
      }
      missing = named;
      current = await this.item(String(stored.id));
    }
    if (current && !('mergedInto' in current))
      throw new Error(`event ${String(unmarshall(current as never).id)} kept changing while it was read`);
    return undefined;
  }

  private async read<E>(item: Record<string, unknown>, reading: Reading<E>): Promise<E | undefined> {
    if ('mergedInto' in item) return undefined;
    return reading.whole ? ((await this.wholeFrom(item)) as E | undefined) : this.fromItem(item, reading);
  }

  private pages(input: Omit<QueryCommandInput, 'TableName'>) {
    return queryPages(this.client, { ...input, TableName: this.tableName });
  }

  private items(input: Omit<QueryCommandInput, 'TableName'>): AsyncGenerator<Record<string, unknown>> {
    return queryItems(this.client, { ...input, TableName: this.tableName });
  }

  private async *query<E>(
    reading: Reading<E>,
    input: Omit<QueryCommandInput, 'TableName'>,
  ): AsyncGenerator<E> {
    for await (const item of this.items(input)) {
      const event = await this.read(item, reading);
      if (event) yield event;
    }
  }

  /** Each account once, in sort-key order, however the ranges overlap or are ordered. */
  async postingsIn(ranges: SortRange[]): Promise<Posting[]> {
    const postings = new Map<string, Posting>();
    for (const { lower, upper } of ranges) {
      for await (const item of this.items({
        IndexName: BY_PARTITION_INDEX,
        KeyConditionExpression: 'gsi1pk = :p AND gsi1sk BETWEEN :lower AND :upper',
        ExpressionAttributeValues: marshall({ ':p': POSTINGS_PARTITION, ':lower': lower, ':upper': upper }),
      })) {
        const posting = this.postingFrom(item);
        if (posting) postings.set(postingSortKey(posting), posting);
      }
    }
    return [...postings.keys()].sort().map((key) => postings.get(key) as Posting);
  }

  async postingsAfter(after: string | undefined, limit: number): Promise<Posting[]> {
    const postings: Posting[] = [];
    // No sort-key condition for the first page: DynamoDB refuses an empty string as a key value.
    const from = after === undefined ? {} : { ':after': after };
    for await (const item of this.items({
      IndexName: BY_PARTITION_INDEX,
      KeyConditionExpression: `gsi1pk = :p${after === undefined ? '' : ' AND gsi1sk > :after'}`,
      ExpressionAttributeValues: marshall({ ':p': POSTINGS_PARTITION, ...from }),
      Limit: Math.min(limit, QUERY_PAGE),
    })) {
      const posting = this.postingFrom(item);
      if (posting) postings.push(posting);
      if (postings.length >= limit) break;
    }
    return postings;
  }

  /** Counted by the index, a page (1 MB) a request: for a progress bar, not for every article. */
  async countPostings(): Promise<number> {
    let count = 0;
    for await (const page of this.pages({
      IndexName: BY_PARTITION_INDEX,
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: marshall({ ':p': POSTINGS_PARTITION }),
      Select: 'COUNT',
    }))
      count += page.Count ?? 0;
    return count;
  }

  /** A stored posting, its holders (a string set) as a sorted list. */
  private postingFrom(item: Record<string, unknown>): Posting | undefined {
    const { pk, sk, gsi1pk, gsi1sk, heldBy, ...raw } = unmarshall(item as never);
    const held = heldBy instanceof Set ? { heldBy: [...heldBy].map(String).sort() } : {};
    return validItem(PostingSchema, { ...raw, ...held }, 'posting', String(pk), this.invalid);
  }

  /** BatchGetItem, consistent, 100 keys a request; keys DynamoDB leaves unprocessed are asked again. */
  private batchItems(keys: Array<Record<string, string>>): Promise<Array<Record<string, unknown>>> {
    return batchGet(this.client, this.tableName, keys);
  }

  async postingsOf(refs: AccountRef[]): Promise<Posting[]> {
    const items = await this.batchItems(refs.map((r) => keys.posting(r.articleId, r.position)));
    return items.flatMap((item) => this.postingFrom(item) ?? []);
  }

  async getMany(ids: string[]): Promise<TimelineEvent[]> {
    const items = await this.batchItems(ids.map((id) => keys.event(id)));
    const events = await Promise.all(items.map((item) => this.read(item, WHOLE)));
    return events.flatMap((event) => event ?? []).sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Moves the version after a write that succeeded, naming the event it changed in the version's log. */
  private async moved<T>(written: T, changed: string): Promise<T> {
    if (written) await bumpTimelineVersion(this.client, this.tableName, changed);
    return written;
  }

  version(): Promise<number> {
    return readTimelineVersion(this.client, this.tableName);
  }

  head(): Promise<TimelineHead> {
    return readTimelineHead(this.client, this.tableName);
  }

  /** Consistent reads: a reader that learnt of a change from the log reads the change itself. */
  async listedByIds(ids: string[]): Promise<ListedEvent[]> {
    const events: ListedEvent[] = [];
    for (let start = 0; start < ids.length; start += 100) {
      const items = await itemsOf(this.client, this.tableName, ids.slice(start, start + 100), {
        ...LISTED.projection,
        consistent: true,
      });
      for (const item of items.values()) {
        const event = 'mergedInto' in item ? undefined : this.fromItem(item, LISTED);
        if (event) events.push(event);
      }
    }
    return events;
  }

  /**
   * An update, not a put: the content is replaced (fields an account lacks are removed) and the
   * events that held it stay, so filing an account again never hides the event holding it.
   */
  async post(posting: Posting): Promise<void> {
    const content = postedAttributes(posting);
    const fields = Object.entries(content).filter(([, value]) => value !== undefined);
    const absent = Object.keys(PostingSchema.shape).filter(
      (field) => field !== 'heldBy' && content[field] === undefined,
    );
    const names = Object.fromEntries([...fields.map(([f]) => f), ...absent].map((f, i) => [`#f${i}`, f]));
    const sets = fields.map((_, i) => `#f${i} = :v${i}`).join(', ');
    const removes = absent.map((_, i) => `#f${fields.length + i}`).join(', ');
    await this.client.send(
      new UpdateItemCommand({
        TableName: this.tableName,
        Key: marshall(keys.posting(posting.articleId, posting.position)),
        UpdateExpression: `SET ${sets}${removes ? ` REMOVE ${removes}` : ''}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: marshall(
          Object.fromEntries(fields.map(([, value], i) => [`:v${i}`, value])),
          { removeUndefinedValues: true },
        ),
      }),
    );
    // No timeline version move: an account filed changes nothing a listing shows until an event
    // holding it is written, and that write moves the version.
  }

  /** Adds the event to each account's holders (a string set: adding twice is adding once). */
  async hold(refs: AccountRef[], id: string): Promise<void> {
    for (const ref of refs) {
      try {
        await this.client.send(
          new UpdateItemCommand({
            TableName: this.tableName,
            Key: marshall(keys.posting(ref.articleId, ref.position)),
            UpdateExpression: 'ADD heldBy :id',
            // Never a posting of holders alone: an account not filed has nothing to hold.
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':id': { SS: [id] } },
          }),
        );
      } catch (error) {
        if (!conditionFailed(error)) throw error;
      }
    }
  }

  async absorb(event: TimelineEvent, into: string): Promise<boolean> {
    const written = await putIf(this.client, {
      TableName: this.tableName,
      Item: marshall({ ...keys.event(event.id), mergedInto: into, version: event.version + 1 }),
      ConditionExpression: 'version = :read',
      ExpressionAttributeValues: marshall({ ':read': event.version }),
    });
    return this.replaced(written, event.id);
  }

  /**
   * Puts an event item after its parts. After the put, the parts of the item it replaced are
   * deleted; after a put that lost, our own.
   */
  private async putEvent(
    event: TimelineEvent,
    condition: Omit<ConstructorParameters<typeof PutItemCommand>[0], 'TableName' | 'Item'>,
    previous?: TimelineEvent,
  ): Promise<boolean> {
    // Only a put conditional on `previous`'s version may name its parts: it replaces that very item.
    const items = toItems(event, previous && this.partsRead.get(previous));
    await writeHints(this.client, this.tableName, event, previous);
    await writeParts(this.client, this.tableName, items);
    const written = await putIf(this.client, { ...condition, TableName: this.tableName, Item: items.item });
    if (!written) {
      const added = items.parts.map((part) => String(part.sk));
      await deleteParts(this.client, this.tableName, event.id, added);
    }
    return this.replaced(written, event.id, partsOf(items.item));
  }

  /** After a put: the replaced item's parts deleted (those its successor does not name), and the version moved. */
  private async replaced(written: Awaited<ReturnType<typeof putIf>>, id: string, kept?: Parts) {
    const old = written ? partsOf(written.replaced) : undefined;
    if (old) await deleteReplacedParts(this.client, this.tableName, id, old, kept);
    return this.moved(written !== false, id);
  }

  /**
   * A new event, or one under a retired id. Hints first: written after the event, a crash between the two would leave a live event out of
   * its topic's listing for good, since a redelivery finds the event written and writes nothing.
   */
  async create(event: TimelineEvent): Promise<boolean> {
    // A retired id comes back when the accounts it was named after make an event again.
    return this.putEvent(event, {
      ConditionExpression: 'attribute_not_exists(pk) OR attribute_exists(mergedInto)',
    });
  }

  async update(event: TimelineEvent, previous?: TimelineEvent): Promise<boolean> {
    // The put is conditional on the version `previous` claims to be, whose hints were written
    // before it was: only the hints it lacks need writing.
    const written = previous?.version === event.version - 1 ? previous : undefined;
    return this.putEvent(
      event,
      {
        // A retired id's pointer has a version too: only `create` brings the id back.
        ConditionExpression: 'version = :read AND attribute_not_exists(mergedInto)',
        ExpressionAttributeValues: marshall({ ':read': event.version - 1 }),
      },
      written,
    );
  }

  range(request: RangeRequest): AsyncIterable<TimelineEvent> {
    return request.via ? this.hintedRange(request, request.via, WHOLE) : this.timeline(request, WHOLE);
  }

  /** As `range`, without the accounts no listing shows: about half the bytes read, decoded and checked. */
  listed(request: RangeRequest): AsyncIterable<ListedEvent> {
    return request.via ? this.hintedRange(request, request.via, LISTED) : this.timeline(request, LISTED);
  }

  /** A topic's or feed's events, read through its hints when the table has them all. */
  private async *hintedRange<E extends ListedEvent>(
    request: RangeRequest,
    hint: IndexHint,
    reading: Reading<E>,
  ): AsyncGenerator<E> {
    this.hinted ||= await hintsComplete(this.client, this.tableName);
    if (!this.hinted) {
      yield* this.timeline(request, reading);
      return;
    }
    for await (const sortKeys of hintedKeys(this.client, this.tableName, hint, request)) {
      const ids = sortKeys.map((key) => key.slice(key.indexOf('#') + 1));
      const items = await itemsOf(this.client, this.tableName, ids, reading.projection);
      for (const [i, id] of ids.entries()) {
        const item = items.get(id);
        const event = item ? await this.read(item, reading) : undefined;
        // A hint left by a write that failed, a date that moved or a topic dropped: not this event's place.
        if (event && sortKeyOf(event) === sortKeys[i] && carries(event, hint)) yield event;
      }
    }
  }

  private timeline<E>({ lower, upper, order, after, pageSize }: RangeRequest, reading: Reading<E>) {
    const id = after?.slice(after.indexOf('#') + 1);
    return this.query(reading, {
      ...reading.projection,
      IndexName: BY_PARTITION_INDEX,
      KeyConditionExpression: 'gsi1pk = :p AND gsi1sk BETWEEN :lower AND :upper',
      ExpressionAttributeValues: marshall({ ':p': TIMELINE_PARTITION, ':lower': lower, ':upper': upper }),
      ScanIndexForward: order === 'asc',
      // What the page will take, not more: dynalite's cost, and DynamoDB's, grows with the items read.
      Limit: Math.min(pageSize ?? QUERY_PAGE, QUERY_PAGE),
      ExclusiveStartKey:
        after && id ? marshall({ ...keys.event(id), gsi1pk: TIMELINE_PARTITION, gsi1sk: after }) : undefined,
    });
  }

  private async item(id: string) {
    const { Item } = await this.client.send(
      new GetItemCommand({ TableName: this.tableName, Key: marshall(keys.event(id)), ConsistentRead: true }),
    );
    return Item;
  }

  async get(id: string): Promise<TimelineEvent | undefined> {
    const item = await this.item(id);
    return item ? this.read(item, WHOLE) : undefined;
  }

  /** The id an event lives under now: itself, or the event it was merged into (followed a few hops). */
  async corrections(): Promise<Correction[]> {
    return readCorrections(this.client, this.tableName, this.invalid);
  }

  /** The log only: edit (lib/corrections) then settles, whose event writes move the timeline version. */
  async append(correction: Correction): Promise<void> {
    await appendCorrection(this.client, this.tableName, correction);
  }

  async resolve(id: string): Promise<string | undefined> {
    let current = id;
    for (let hop = 0; hop < 20; hop++) {
      const item = await this.item(current);
      if (!item) return undefined;
      if (!('mergedInto' in item)) return current;
      const tombstone = validItem(TombstoneSchema, unmarshall(item), 'tombstone', current, this.invalid);
      if (!tombstone) return undefined;
      current = tombstone.mergedInto;
    }
    return undefined;
  }
}
