import { QueryCommand, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { deriveEvent } from '../../lib/dedup/index.ts';
import { DynamoEventStore } from '../../lib/store/index.ts';
import {
  CursorCodec,
  createTimelineApp,
  LISTED_SOURCES,
  type Source,
  sortKeyBounds,
  type TimelineEvent,
} from '../../lib/timeline/index.ts';
import { anAccount, anEvent } from '../support/accounts.ts';
import { workspace } from '../support/local.ts';

// A syndicated wire story: every outlet prints the same long paragraph under its own address.
const WIRE_COPY =
  'The port authority closed the northern shipping channel to all cargo traffic on Thursday after two tankers collided near the breakwater, a spokesperson said, adding that divers were inspecting both hulls and that the channel would stay shut at least until the weekend while salvage crews worked. ';

function carrier(n: number): Source {
  return anAccount(n, {
    date: '2024-10-03',
    summary: WIRE_COPY.trim(),
    quote: WIRE_COPY.repeat(2).trim(),
    feedId: `outlet-${n}`,
    publishedAt: new Date(Date.UTC(2024, 9, 3, 6) + n * 60_000).toISOString(),
  });
}

const CARRIERS = 1_500;

describe('an event carried by more outlets than one DynamoDB item holds (dynalite)', () => {
  let stack: LocalStack;
  let store: DynamoEventStore;
  let app: ReturnType<typeof createTimelineApp>;
  let wire: TimelineEvent;
  const parts = async (id: string) => {
    const { Items } = await stack.dynamo.send(
      new QueryCommand({
        TableName: 'dateline',
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :part)',
        ExpressionAttributeValues: marshall({ ':pk': `EVENT#${id}`, ':part': 'PART#' }),
        ConsistentRead: true,
      }),
    );
    return Items?.length ?? 0;
  };
  const json = async (path: string) => {
    const response = await app.request(path);
    const body = response.status === 301 ? undefined : await response.json();
    return { status: response.status, location: response.headers.get('location'), body };
  };

  /** The items a write puts in batches, by `pick` (a key of the item). */
  const batchPutsDuring = async (pick: 'pk' | 'sk', write: () => Promise<boolean>) => {
    const puts: string[] = [];
    const name = 'watchBatchPuts';
    stack.dynamo.middlewareStack.add(
      (next) => async (args) => {
        const input = args.input as { RequestItems?: Record<string, WriteRequest[]> };
        for (const request of Object.values(input.RequestItems ?? {}).flat()) {
          const key = request.PutRequest?.Item?.[pick]?.S;
          if (key) puts.push(key);
        }
        return next(args);
      },
      { step: 'initialize', name },
    );
    try {
      return { written: await write(), puts };
    } finally {
      stack.dynamo.middlewareStack.remove(name);
    }
  };
  /** The partitions of the index entries (`INDEX#…`) a write puts. */
  const indexPutsDuring = async (write: () => Promise<boolean>) => {
    const { written, puts } = await batchPutsDuring('pk', write);
    return { written, puts: puts.filter((pk) => pk.startsWith('INDEX#')) };
  };
  /** The sort keys of the items a write puts in batches. */
  const itemPutsDuring = (write: () => Promise<boolean>) => batchPutsDuring('sk', write);

  beforeAll(async () => {
    stack = await startLocalStack(workspace().options);
    store = new DynamoEventStore(stack.dynamo, 'dateline');
    app = createTimelineApp({ reader: store, cursors: new CursorCodec('a-test-secret-of-16+') });
    wire = anEvent(...Array.from({ length: CARRIERS }, (_, n) => carrier(n + 1)));
  }, 60_000);
  afterAll(() => stack.stop());

  it('stores it whole and reads back every account and source', async () => {
    expect(JSON.stringify(wire).length).toBeGreaterThan(1_000_000);
    expect(await store.create(wire)).toBe(true);
    expect(await parts(wire.id)).toBeGreaterThan(1);
    const read = await store.get(wire.id);
    expect(read?.accounts).toEqual(wire.accounts);
    expect(read?.sources).toEqual(wire.sources);
    expect(await store.getMany([wire.id])).toEqual([read]);
  });

  it('lists its first sources with the count, and finds it by a feed past the first', async () => {
    const listed: Array<{ sources: unknown[]; sourceCount?: number }> = [];
    for await (const event of store.listed({ ...sortKeyBounds(), order: 'asc' })) listed.push(event);
    expect(listed).toHaveLength(1);
    expect(listed[0]?.sources).toHaveLength(LISTED_SOURCES);
    expect(listed[0]?.sourceCount).toBe(CARRIERS);
    const { body } = await json(`/timeline?feed=outlet-${CARRIERS - 1}`);
    expect(body.events.map((e: { id: string }) => e.id)).toEqual([wire.id]);
    expect(body.events[0]).toMatchObject({ sourceCount: CARRIERS });
    expect(body.events[0].sources).toHaveLength(LISTED_SOURCES);
  });

  it('pages through every source, earliest first, without repeats', async () => {
    const urls: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await json(`/events/${wire.id}/sources?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      urls.push(...page.body.sources.map((s: { url: string }) => s.url));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(urls).toEqual(wire.sources.map((s) => s.url));
    const one = await json(`/events/${wire.id}`);
    expect(one.body).toMatchObject({ sourceCount: CARRIERS });
    expect(one.body.sources).toHaveLength(LISTED_SOURCES);
  });

  it('refuses a cursor it did not issue for this event', async () => {
    expect((await json(`/events/${wire.id}/sources?cursor=abc.def`)).status).toBe(400);
    const other = anEvent(carrier(CARRIERS + 10));
    expect(await store.create(other)).toBe(true);
    const first = await json(`/events/${wire.id}/sources?limit=1`);
    const crossed = await json(`/events/${other.id}/sources?cursor=${first.body.nextCursor}`);
    expect(crossed.status).toBe(400);
    expect((await json(`/events/${wire.id}/sources?limit=0`)).status).toBe(400);
  });

  it('a new carrier rewrites the parts, a stale writer leaves none behind, and a merge clears them', async () => {
    const before = await parts(wire.id);
    const grown = deriveEvent(wire.id, [...wire.accounts, carrier(CARRIERS + 1)], 1);
    const hints = await indexPutsDuring(() => store.update(grown, wire));
    expect(hints.written).toBe(true);
    // Only the new outlet's listing entry: the 1,500 others were written with the version replaced.
    expect(hints.puts).toEqual([`INDEX#FEED#outlet-${CARRIERS + 1}`]);
    for (const feed of [`outlet-${CARRIERS + 1}`, 'outlet-1'])
      expect((await json(`/timeline?feed=${feed}`)).body.events.map((e: { id: string }) => e.id)).toEqual([
        wire.id,
      ]);
    expect(await parts(wire.id)).toBeGreaterThanOrEqual(before);
    expect((await store.get(wire.id))?.sources).toHaveLength(CARRIERS + 1);
    const afterGrowth = await parts(wire.id);
    // A writer that read version 0 loses, and its own parts are deleted: only the winner's remain.
    expect(await store.update(deriveEvent(wire.id, [...wire.accounts, carrier(CARRIERS + 2)], 1))).toBe(
      false,
    );
    expect(await parts(wire.id)).toBe(afterGrowth);
    const survivor = anEvent(carrier(CARRIERS + 20));
    expect(await store.create(survivor)).toBe(true);
    expect(await store.absorb(grown, survivor.id)).toBe(true);
    expect(await parts(wire.id)).toBe(0);
    const moved = await json(`/events/${wire.id}/sources`);
    expect(moved).toMatchObject({ status: 301, location: `/events/${survivor.id}/sources` });
  });

  it('writes a carrier read from the store as one new part, whatever the event holds already', async () => {
    const story = anEvent(...Array.from({ length: CARRIERS }, (_, n) => carrier(5_000 + n)));
    expect(await store.create(story)).toBe(true);
    const before = await parts(story.id);
    const partPuts = async (write: () => Promise<boolean>) => {
      const { written, puts } = await itemPutsDuring(write);
      return { written, parts: puts.filter((sk) => sk.startsWith('PART#')).length };
    };
    for (const next of [1, 2]) {
      const read = (await store.get(story.id)) as TimelineEvent;
      const grown = deriveEvent(
        story.id,
        [...read.accounts, carrier(5_000 + CARRIERS + next)],
        read.version + 1,
      );
      expect(await partPuts(() => store.update(grown, read))).toEqual({ written: true, parts: 1 });
    }
    // The slices it kept are still there, the replaced last ones are gone, and the event reads whole.
    expect(await parts(story.id)).toBeLessThanOrEqual(before + 1);
    const whole = (await store.get(story.id)) as TimelineEvent;
    expect(whole.accounts.map((a) => a.feedId)).toEqual(
      [
        ...Array.from({ length: CARRIERS }, (_, n) => 5_000 + n),
        5_000 + CARRIERS + 1,
        5_000 + CARRIERS + 2,
      ].map((n) => `outlet-${n}`),
    );
    // A writer that read a version since replaced loses, and deletes only the part it added.
    const stale = (await store.get(story.id)) as TimelineEvent;
    const winner = deriveEvent(
      story.id,
      [...stale.accounts, carrier(5_000 + CARRIERS + 3)],
      stale.version + 1,
    );
    expect(await store.update(winner, stale)).toBe(true);
    const loser = deriveEvent(
      story.id,
      [...stale.accounts, carrier(5_000 + CARRIERS + 4)],
      stale.version + 1,
    );
    expect(await store.update(loser, stale)).toBe(false);
    expect((await store.get(story.id))?.accounts).toHaveLength(CARRIERS + 3);
  });

  it('keeps a small event on one item, as before', async () => {
    const small = anEvent(carrier(CARRIERS + 30), carrier(CARRIERS + 31));
    expect(await store.create(small)).toBe(true);
    expect(await parts(small.id)).toBe(0);
    expect((await json(`/events/${small.id}/sources`)).body).toMatchObject({ nextCursor: null });
  });
});
