import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { accountId, candidateRanges, type Posting, recordAccount } from '../../lib/dedup/index.ts';
import { DynamoEventStore } from '../../lib/store/index.ts';
import {
  CursorCodec,
  createTimelineApp,
  sortKeyBounds,
  type TimelineEvent,
} from '../../lib/timeline/index.ts';
import { anAccount, anEvent } from '../support/accounts.ts';
import { workspace } from '../support/local.ts';

/** An event under a readable id (evt_01 …), its one account built like every other test's. */
function event(id: string, date: string, summary: string, feedId = 'alpha', topics = ['shipping']) {
  const account = anAccount(Number.parseInt(id.slice(4), 10), {
    date,
    summary,
    feedId,
    topics,
    url: `https://example.org/${id}`,
    title: `Title ${id}`,
  });
  return { ...anEvent(account), id };
}

const fixtures = [
  event('evt_01', '2024-06-18', 'Summit in the capital'),
  event('evt_02', '2024-06', 'Talks through June', 'beta'),
  event('evt_03', '2024-10-03', 'Strike near the border'),
  event('evt_04', '2024-10-08', 'Minister warns of deployment', 'beta', ['defence']),
  event('evt_05', '2024-10-08', 'Agency reports troops present'),
  event('evt_06', '2024-10-11', 'Think tank estimates numbers'),
  event('evt_07', '2024-11-04', 'First clashes reported', 'beta'),
];

describe('the timeline API over DynamoDB (dynalite)', () => {
  let stack: LocalStack;
  let store: DynamoEventStore;
  let app: ReturnType<typeof createTimelineApp>;
  const get = async (query: string) => {
    const response = await app.request(`/timeline${query}`);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: await response.json(),
    };
  };

  beforeAll(async () => {
    stack = await startLocalStack(workspace().options);
    store = new DynamoEventStore(stack.dynamo, 'dateline');
    for (const e of fixtures) expect(await store.create(e)).toBe(true);
    app = createTimelineApp({ reader: store, cursors: new CursorCodec('a-test-secret-of-16+') });
  });
  afterAll(() => stack.stop());

  it('creates an event only once and updates it only from the version it read', async () => {
    const first = fixtures[0] as TimelineEvent;
    expect(await store.create(first)).toBe(false);
    const next = { ...first, summary: 'Summit, revised', version: 1 };
    expect(await store.update(next)).toBe(true);
    expect(await store.update({ ...first, summary: 'stale writer', version: 1 })).toBe(false);
    expect((await store.get(first.id))?.summary).toBe('Summit, revised');
    const twin = event('evt_09', '2024-12-01', 'A twin merged away');
    const shownOnItsDay = async () => {
      const ids: string[] = [];
      for await (const e of store.range({ lower: '2024-12-01#', upper: '2024-12-01#~', order: 'asc' })) {
        ids.push(e.id);
      }
      return ids;
    };
    expect(await store.create(twin)).toBe(true);
    expect(await shownOnItsDay()).toEqual(['evt_09']);
    expect(await store.absorb({ ...twin, version: 5 }, 'evt_06')).toBe(false);
    expect(await store.absorb(twin, 'evt_06')).toBe(true);
    expect(await store.get('evt_09')).toBeUndefined();
    expect(await store.resolve('evt_09')).toBe('evt_06');
    expect(await shownOnItsDay()).toEqual([]);
    // A retired id comes back when its accounts make an event again (re-clustering); a live one never
    // is overwritten by a create.
    expect(await store.create({ ...twin, summary: 'A twin back on its own' })).toBe(true);
    expect((await store.get('evt_09'))?.summary).toBe('A twin back on its own');
    expect(await store.create(twin)).toBe(false);
    expect(await store.absorb(twin, 'evt_06')).toBe(true);
  });

  it('files accounts under their dates and reads back only the window', async () => {
    const posting = (articleId: string, date: string, datePrecision: Posting['datePrecision']) => ({
      articleId,
      position: 0,
      title: `Story of ${date}`,
      url: `https://example.org/${articleId}`,
      kind: 'dated' as const,
      summary: `Account of ${date}`,
      quote: `On ${date}`,
      date,
      datePrecision,
      feedId: 'wire',
      feedName: 'Wire',
      feeds: [],
      publishedAt: '2024-10-20T00:00:00.000Z',
      endDate: null,
      scheduled: false,
      topics: [],
      entities: { people: [], places: [], organizations: [] },
    });
    for (const [id, date, precision] of [
      ['art_a', '2024-10-06', 'day'],
      ['art_b', '2024-10-07', 'day'],
      ['art_c', '2024-10-08', 'day'],
      ['art_d', '2024-10-09', 'day'],
      ['art_e', '2024-10-10', 'day'],
      ['art_f', '2024-10', 'month'],
      ['art_g', '2024-06', 'month'],
      ['art_h', '2024-06-15', 'day'],
    ] as const) {
      await store.post(posting(id, date, precision));
    }
    const ids = async (range: Parameters<typeof candidateRanges>[0]) =>
      (await store.postingsIn(candidateRanges(range))).map((p) => p.articleId).sort();
    expect(await ids({ date: '2024-10-08', datePrecision: 'day' })).toEqual([
      'art_b',
      'art_c',
      'art_d',
      'art_f',
    ]);
    expect(await ids({ date: '2024-06', datePrecision: 'month' })).toEqual(['art_g', 'art_h']);
    // Filing again replaces: an edited account is matched by its new wording.
    await store.post({ ...posting('art_c', '2024-10-08', 'day'), summary: 'Edited' });
    const window = await store.postingsIn(candidateRanges({ date: '2024-10-08', datePrecision: 'day' }));
    expect(window.filter((p) => p.articleId === 'art_c').map((p) => p.summary)).toEqual(['Edited']);
    // The events that held an account stay on it when it is filed again, and a consistent read by
    // key finds it; holding an account never filed files nothing.
    await store.hold(
      [
        { articleId: 'art_c', position: 0 },
        { articleId: 'art_zz', position: 0 },
      ],
      'evt_0c',
    );
    await store.hold([{ articleId: 'art_c', position: 0 }], 'evt_0c');
    await store.post({ ...posting('art_c', '2024-10-08', 'day'), summary: 'Edited again' });
    expect(
      await store.postingsOf([
        { articleId: 'art_c', position: 0 },
        { articleId: 'art_zz', position: 0 },
      ]),
    ).toEqual([expect.objectContaining({ articleId: 'art_c', summary: 'Edited again', heldBy: ['evt_0c'] })]);
    // Postings are not events: the timeline does not show them.
    const shown: string[] = [];
    for await (const event of store.range({ ...sortKeyBounds(), order: 'asc' })) shown.push(event.id);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((id) => id.startsWith('evt_'))).toBe(true);
  });

  it('pages through every event with opaque cursors, newest first by default', async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { status, body } = await get(`?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(status).toBe(200);
      ids.push(...body.events.map((e: { id: string }) => e.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(ids).toEqual(['evt_07', 'evt_06', 'evt_05', 'evt_04', 'evt_03', 'evt_01', 'evt_02']);
  });

  it('filters by inclusive date range, topic and feed; month-precision events count from their month', async () => {
    const june = await get('?from=2024-06-01&to=2024-06-30&order=asc');
    expect(june.body.events.map((e: { id: string }) => e.id)).toEqual(['evt_02', 'evt_01']);
    const october8 = await get('?from=2024-10-08&to=2024-10-08');
    expect(october8.body.events).toHaveLength(2);
    const defence = await get('?topic=defence');
    expect(defence.body.events.map((e: { id: string }) => e.id)).toEqual(['evt_04']);
    const beta = await get('?feed=beta&order=asc');
    expect(beta.body.events.map((e: { id: string }) => e.id)).toEqual(['evt_02', 'evt_04', 'evt_07']);
    const shape = june.body.events[1];
    expect(shape).toMatchObject({
      date: '2024-06-18',
      datePrecision: 'day',
      sourceCount: 1,
      kind: 'dated',
      endDate: null,
    });
    expect(shape.sources[0]).toEqual({
      url: 'https://example.org/evt_01',
      title: 'Title evt_01',
      feedId: 'alpha',
      feedName: 'alpha',
      feeds: [{ id: 'alpha', name: 'alpha' }],
      publishedAt: '2024-10-20T00:00:00.000Z',
      quote: 'Summit in the capital',
    });
  });

  it('answers bad input with problem+json naming the parameter', async () => {
    for (const [query, name] of [
      ['?limit=0', 'limit'],
      ['?limit=201', 'limit'],
      ['?limit=ten', 'limit'],
      ['?from=2024-13-01', 'from'],
      ['?from=2024-10-09&to=2024-10-01', 'to'],
      ['?order=sideways', 'order'],
      ['?cursor=forged.cursor', 'cursor'],
    ] as const) {
      const { status, type, body } = await get(query);
      expect(status, query).toBe(400);
      expect(type).toBe('application/problem+json');
      expect(
        body.invalidParams.map((p: { name: string }) => p.name),
        query,
      ).toContain(name);
    }
    const first = await get('?order=asc&limit=2');
    const reused = await get(`?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(reused.status).toBe(400);
  });

  it('answers unknown routes with a 404 problem and /healthz with ok', async () => {
    const missing = await app.request('/nope');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    expect(await (await app.request('/healthz')).json()).toEqual({ status: 'ok' });
  });

  it('answers a retired id with a 301 to the event holding its accounts now, and shows dateDisputed', async () => {
    // Last: it adds events the listings above do not expect. The account published later arrives
    // first, so its event is renamed after the earlier one when they join.
    const date = '2031-03-04';
    const later = anAccount(901, {
      date,
      summary: 'A missile struck the container ship Paola in the port of Odesa, killing one sailor',
      publishedAt: '2031-03-04T12:00:00.000Z',
    });
    const earlier = anAccount(902, {
      date,
      summary: 'A missile hit the container ship Paola in Odesa port, one sailor was killed',
      publishedAt: '2031-03-04T09:00:00.000Z',
    });
    expect(await recordAccount(store, later)).toBe('created');
    expect(await recordAccount(store, earlier)).toBe('merged');
    const [retired, holder] = [accountId(later), accountId(earlier)];
    const moved = await app.request(`/events/${retired}`);
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe(`/events/${holder}`);
    const shown = await (await app.request(`/events/${holder}`)).json();
    expect(shown).toMatchObject({ id: holder, date, dateDisputed: false, sourceCount: 2 });
  });
});

describe("a source's evidence over DynamoDB (dynalite)", () => {
  it('is stored and served beside its quote, and left out when the article told the event once', async () => {
    const stack = await startLocalStack(workspace().options);
    try {
      const store = new DynamoEventStore(stack.dynamo, 'dateline');
      const app = createTimelineApp({ reader: store, cursors: new CursorCodec('a-test-secret-of-16+') });
      const evidence = ['Divers reached the sunken barge on Friday morning.'];
      const told = anAccount(1, { date: '2032-05-07', summary: 'Divers reached the sunken barge', evidence });
      const once = anAccount(2, { date: '2032-05-07', summary: 'The barge sank near the lock gates' });
      for (const account of [told, once]) expect(await store.create(anEvent(account))).toBe(true);
      const { events } = await (await app.request('/timeline?from=2032-05-07&to=2032-05-07')).json();
      const sourceOf = (quote: string) =>
        events
          .flatMap((e: { sources: object[] }) => e.sources)
          .find((s: { quote: string }) => s.quote === quote);
      expect(sourceOf(told.quote)).toMatchObject({ quote: told.quote, evidence });
      expect(sourceOf(once.quote)).not.toHaveProperty('evidence');
    } finally {
      await stack.stop();
    }
  });
});
