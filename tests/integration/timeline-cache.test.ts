import { DeleteItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { postingOf } from '../../lib/dedup/index.ts';
import { DynamoEventStore, fileEventHints } from '../../lib/store/index.ts';
import {
  CursorCodec,
  createTimelineApp,
  listedFormOf,
  type RangeRequest,
  type Source,
  sortKeyOf,
  type TimelineEvent,
  type TimelineReader,
} from '../../lib/timeline/index.ts';
import { anAccount, anEvent } from '../support/accounts.ts';
import { workspace } from '../support/local.ts';
import { tallyingClient } from '../support/tally.ts';

const STALENESS = 1_000;
const cursors = new CursorCodec('a-test-secret-of-16+');
const LISTINGS = ['/timeline', '/timeline.atom', '/timeline.rss', '/timeline.json', '/'];

let serial = 10_000;
/** A fresh event under its own id; `n` keeps ids distinct across tests sharing one table. */
function event(date: string, fields: { topics?: string[]; feedId?: string; summary?: string } = {}) {
  const n = serial++;
  const summary = fields.summary ?? `Harbour notice ${n} for ${date}`;
  const feedId = fields.feedId ?? 'wire';
  return anEvent(anAccount(n, { date, summary, topics: fields.topics ?? ['harbour'], feedId }));
}

/** A clock the test moves by hand: the cache's staleness is measured on it. */
function manualClock() {
  let now = 5_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** The app with its staleness measured on a clock the test moves. */
function onManualClock(reader: TimelineReader) {
  const clock = manualClock();
  const app = createTimelineApp({ reader, cursors, cache: { stalenessMs: STALENESS, now: clock.now } });
  return { app, clock };
}

/** The store behind a counter: what the timeline asked of it, and how many events it was given. */
function counted(store: DynamoEventStore) {
  const counts = { range: 0, events: 0, get: 0, version: 0 };
  const counting = async function* <E>(events: AsyncIterable<E>) {
    counts.range++;
    for await (const e of events) {
      counts.events++;
      yield e;
    }
  };
  // No head: nothing is patched, so every listing the app renders is read here and counted.
  const reader: Required<Omit<TimelineReader, 'head' | 'listedByIds'>> = {
    range: (request: RangeRequest) => counting(store.range(request)),
    listed: (request: RangeRequest) => counting(store.listed(request)),
    get: (id) => {
      counts.get++;
      return store.get(id);
    },
    resolve: (id) => store.resolve(id),
    version: () => {
      counts.version++;
      return store.version();
    },
  };
  const reset = () => Object.assign(counts, { range: 0, events: 0, get: 0, version: 0 });
  return { reader, counts, reset };
}

const idsOf = async (response: Response) =>
  ((await response.json()) as { events: Array<{ id: string }> }).events.map((e) => e.id);

describe('the timeline cache over DynamoDB (dynalite)', () => {
  let stack: LocalStack;
  let store: DynamoEventStore;

  beforeAll(async () => {
    stack = await startLocalStack(workspace().options);
    store = new DynamoEventStore(stack.dynamo, 'dateline');
  });
  afterAll(() => stack.stop());

  it('moves the version on every write the store makes, and not on a write refused', async () => {
    const moves = async (write: () => Promise<unknown>) => {
      const before = await store.version();
      await write();
      return (await store.version()) - before;
    };
    const first = event('2031-01-01');
    const second = event('2031-01-01');
    expect(await moves(() => store.create(first))).toBe(1);
    expect(await moves(() => store.create(first))).toBe(0);
    expect(await moves(() => store.create(second))).toBe(1);
    const edited = { ...first, summary: 'Harbour notice, edited', version: 1 };
    expect(await moves(() => store.update(edited))).toBe(1);
    expect(await moves(() => store.update(edited))).toBe(0);
    expect(await moves(() => store.absorb(second, first.id))).toBe(1);
    // Re-clustering brings a retired id back as an event: a write like any other.
    expect(await moves(() => store.create({ ...second, version: 2 }))).toBe(1);
    // An account filed shows nowhere until an event holding it is written.
    expect(await moves(() => store.post(postingOf(first.accounts[0] as Source)))).toBe(0);
  });

  it('shows a new event on every listing at the first request after the bound, never a page older', async () => {
    const { app, clock } = onManualClock(store);
    const written: Array<{ id: string; summary: string; at: number }> = [];
    let day = 1;
    for (let step = 0; step < 24; step++) {
      if (step % 3 !== 2) {
        const e = event(`2040-01-${String(day++).padStart(2, '0')}`);
        expect(await store.create(e)).toBe(true);
        written.push({ id: e.id, summary: e.summary, at: clock.now() });
      }
      clock.advance(step % 4 === 0 ? STALENESS : 300);
      for (const path of LISTINGS) {
        const text = await (await app.request(`${path}?limit=200`)).text();
        // Written at least a bound ago: on the page. Newer writes may or may not be.
        for (const old of written.filter((w) => w.at <= clock.now() - STALENESS)) {
          expect(text, `${path} at step ${step}`).toContain(old.summary);
        }
      }
    }
    const newest = event('2040-02-01');
    await store.create(newest);
    // Within the bound the cached page may be served, and is: the cache is in use.
    expect(await (await app.request('/timeline?limit=200')).text()).not.toContain(newest.summary);
    clock.advance(STALENESS);
    for (const path of LISTINGS) expect(await (await app.request(path)).text()).toContain(newest.summary);
  });

  it('answers If-None-Match with 304 without reading an event, and 200 once the version moved', async () => {
    const { reader, counts, reset } = counted(store);
    const { app, clock } = onManualClock(reader);
    const tags = new Map<string, string>();
    for (const path of LISTINGS) tags.set(path, (await app.request(path)).headers.get('etag') as string);
    reset();
    for (const path of LISTINGS) {
      const response = await app.request(path, {
        headers: { 'if-none-match': tags.get(path) as string, origin: 'https://newsroom.example' },
      });
      expect(response.status).toBe(304);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('cache-control')).toMatch(/max-age=1,/);
    }
    expect(counts).toEqual({ range: 0, events: 0, get: 0, version: 0 });

    await store.create(event('2041-03-03'));
    clock.advance(STALENESS);
    const moved = await app.request('/timeline', {
      headers: { 'if-none-match': tags.get('/timeline') as string },
    });
    expect(moved.status).toBe(200);
    expect(moved.headers.get('etag')).not.toBe(tags.get('/timeline'));
    expect(counts.version).toBe(1);
  });

  it('replays a listing as the app answered it (200 and 304, plain and gzip), reading nothing', async () => {
    const { reader, counts, reset } = counted(store);
    const { app, clock } = onManualClock(reader);
    const fresh = onManualClock(store).app;
    const headersOf = (response: Response) => Object.fromEntries(response.headers);
    for (const path of [...LISTINGS, '/timeline?topic=harbour&limit=5']) {
      for (const encoding of ['identity', 'gzip, deflate, br']) {
        const headers = { 'accept-encoding': encoding };
        const rendered = await app.request(path, { headers });
        const body = new Uint8Array(await rendered.arrayBuffer());
        reset();
        const replayed = await app.request(path, { headers });
        expect(replayed.status).toBe(200);
        expect(headersOf(replayed)).toEqual(headersOf(rendered));
        expect(new Uint8Array(await replayed.arrayBuffer())).toEqual(body);
        const etag = rendered.headers.get('etag') as string;
        const conditional = { ...headers, 'if-none-match': etag };
        const notModified = await app.request(path, { headers: conditional });
        expect(counts).toEqual({ range: 0, events: 0, get: 0, version: 0 });
        // The same 304 the app gives when it has to read the version first.
        const answered = await fresh.request(path, { headers: conditional });
        expect([notModified.status, answered.status]).toEqual([304, 304]);
        expect(headersOf(notModified)).toEqual(headersOf(answered));
      }
    }
    // A listing spelled otherwise is redirected, every time: only the listing's own URL is replayed.
    expect((await app.request('/timeline?limit=50')).status).toBe(301);
    expect((await app.request('/timeline?limit=50')).status).toBe(301);
    await store.create(event('2042-04-04'));
    clock.advance(STALENESS);
    reset();
    const moved = await app.request('/timeline');
    expect(counts.version).toBe(1);
    expect(counts.range).toBe(1);
    expect(await moved.text()).toContain('2042-04-04');
  });

  it('reads listings without the accounts only matching needs, the same events otherwise', async () => {
    const told = event('2043-05-05', { topics: ['ferries'] });
    await store.create({
      ...told,
      accounts: [...told.accounts, { ...told.accounts[0], position: 1 }],
    } as TimelineEvent);
    for (const via of [undefined, { kind: 'topic' as const, value: 'ferries' }]) {
      const request: RangeRequest = { lower: '2043-05-05#', upper: '2043-05-05#~', order: 'desc', via };
      const whole: TimelineEvent[] = [];
      for await (const e of store.range(request)) whole.push(e);
      const listed: unknown[] = [];
      for await (const e of store.listed(request)) listed.push(e);
      expect(whole.map((e) => e.accounts.length)).toEqual([2]);
      expect(listed).toEqual(whole.map(listedFormOf));
    }
  });

  it('keeps a cursor valid across a version change: later pages show no event twice and skip none', async () => {
    const { app, clock } = onManualClock(store);
    const topic = 'paging';
    const days = [
      '2050-01-02',
      '2050-01-04',
      '2050-01-06',
      '2050-01-08',
      '2050-01-10',
      '2050-01-12',
      '2050-01-14',
    ];
    for (const day of days) await store.create(event(day, { topics: [topic] }));
    for (const listing of [
      `/timeline?from=2050-01-01&to=2050-12-31&limit=3`,
      `/timeline?topic=${topic}&limit=3`,
    ]) {
      const first = (await (await app.request(listing)).json()) as {
        events: TimelineEvent[];
        nextCursor: string;
      };
      const seen = first.events.map((e) => e.id);
      const lastKey = sortKeyOf(first.events.at(-1) as TimelineEvent);
      // Between pages: one event before the cursor (newer), one among the pages still to come, one after them all.
      const added = ['2050-01-13', '2050-01-07', '2050-01-01'].map((day) => event(day, { topics: [topic] }));
      for (const e of added) await store.create(e);
      clock.advance(STALENESS);
      let cursor: string | null = first.nextCursor;
      while (cursor) {
        const page = (await (
          await app.request(`${listing}&cursor=${encodeURIComponent(cursor)}`)
        ).json()) as {
          events: TimelineEvent[];
          nextCursor: string | null;
        };
        seen.push(...page.events.map((e) => e.id));
        cursor = page.nextCursor;
      }
      expect(new Set(seen).size).toBe(seen.length);
      const all = await idsOf(await app.request(listing.replace('limit=3', 'limit=200')));
      const beyond = all
        .filter((id) => !seen.slice(0, 3).includes(id))
        .filter((id) => {
          const stored = [...added].find((e) => e.id === id);
          return !stored || sortKeyOf(stored) < lastKey;
        });
      expect(seen.slice(3)).toEqual(beyond);
      expect(seen).toContain(added[1]?.id);
      expect(seen).toContain(added[2]?.id);
    }
  });

  it('reads only matching events for a topic or feed listing: hints, never the whole timeline', async () => {
    const { client, items } = tallyingClient();
    const tallied = new DynamoEventStore(client, 'dateline');
    for (let n = 0; n < 100; n++) {
      const rare = n % 10 === 0;
      await store.create(
        event(`2060-02-${String((n % 28) + 1).padStart(2, '0')}`, {
          topics: [rare ? 'rare-topic' : 'common-topic'],
          feedId: rare ? 'rare-feed' : 'common-feed',
        }),
      );
    }
    const app = createTimelineApp({ reader: tallied, cursors });
    for (const [query, matching] of [
      ['topic=rare-topic', 10],
      ['feed=rare-feed', 10],
    ] as const) {
      for (const key of Object.keys(items)) delete items[key];
      const ids = await idsOf(await app.request(`/timeline?${query}`));
      expect(ids).toHaveLength(matching);
      expect(items['QueryCommand:gsi1'] ?? 0).toBe(0);
      expect(items.BatchGetItemCommand).toBe(matching);
    }
  });

  it('skips hints that no longer say where an event is: a moved date, a dropped topic, a merge', async () => {
    const app = createTimelineApp({ reader: store, cursors, cache: { stalenessMs: 0 } });
    const moved = event('2070-05-01', { topics: ['hinted'] });
    const dropped = event('2070-05-02', { topics: ['hinted'] });
    const merged = event('2070-05-03', { topics: ['hinted'] });
    for (const e of [moved, dropped, merged]) await store.create(e);
    await store.update({ ...moved, date: '2070-05-20', version: 1 });
    await store.update({ ...dropped, topics: ['elsewhere'], version: 1 });
    await store.absorb(merged, moved.id);
    const response = await app.request('/timeline?topic=hinted');
    expect(response.status).toBe(200);
    const listed = (await response.json()) as { events: TimelineEvent[] };
    expect(listed.events.map((e) => [e.id, e.date])).toEqual([[moved.id, '2070-05-20']]);
  });

  it('answers topic listings of a table from before hints, and files them once migrated', async () => {
    const old = event('2080-07-07', { topics: ['vintage'] });
    await store.create(old);
    // As a table written before hints: the mark and this event's hint gone.
    const remove = (key: Record<string, string>) =>
      stack.dynamo.send(new DeleteItemCommand({ TableName: 'dateline', Key: marshall(key) }));
    await remove({ pk: 'META#INDEXES', sk: 'META' });
    await remove({ pk: 'INDEX#TOPIC#vintage', sk: sortKeyOf(old) });
    const listing = async () => {
      const app = createTimelineApp({ reader: new DynamoEventStore(stack.dynamo, 'dateline'), cursors });
      return idsOf(await app.request('/timeline?topic=vintage'));
    };
    expect(await listing()).toEqual([old.id]);
    expect(await fileEventHints(stack.dynamo, 'dateline')).toBeGreaterThan(0);
    expect(await fileEventHints(stack.dynamo, 'dateline')).toBe(0);
    const hint = await stack.dynamo.send(
      new QueryCommand({
        TableName: 'dateline',
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: marshall({ ':pk': 'INDEX#TOPIC#vintage' }),
      }),
    );
    expect(hint.Count).toBe(1);
    expect(await listing()).toEqual([old.id]);
  });
});
