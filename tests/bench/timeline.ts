import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { DynamoEventStore, itemsOfNewEvent } from '../../lib/store/index.ts';
import {
  CursorCodec,
  createTimelineApp,
  DEFAULT_KEPT_EVENTS,
  DEFAULT_LIMIT,
  sortKeyBounds,
  type TimelineReader,
} from '../../lib/timeline/index.ts';
import { anAccount, anEvent } from '../support/accounts.ts';
import { workspace } from '../support/local.ts';
import { bulkLoad } from './bulk-load.ts';
import { count } from './format.ts';
import type { Row, Section, SectionResult } from './section.ts';

const EVENTS = 100_000;
const EVENTS_PER_DAY = 10;
const TOPICS = 10;
/** How far into the newest-first listing the deep page starts. */
const DEPTH = 50_000;
const LAST_DAY = Date.UTC(2024, 11, 31);
const DAY_MS = 86_400_000;
/** Short runs: each scenario is steady within a second or two, and the whole section stays near a minute of load. */
const LOAD = { connections: 10, duration: 4, warmup: 1 };
/** Loaded by path: autocannon's worker thread cannot receive functions. */
const REVALIDATE = {
  request: fileURLToPath(new URL('./revalidate/request.cjs', import.meta.url)),
  response: fileURLToPath(new URL('./revalidate/response.cjs', import.meta.url)),
};
/** The origin's staleness bound, as the local default. */
const STALENESS_MS = 2_000;
/** Rendered listings kept, as the function's default. */
const CACHE_BYTES = 32 * 1024 * 1024;
/** Distinct queries for the memory figure, each a page of QUERY_EVENTS events. */
const DISTINCT_QUERIES = 10_000;
const QUERY_EVENTS = 10;
/** What browsers, feed readers and CloudFront send: the warm scenarios ask as they do. */
const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };
/** A new event this often while the "under writes" scenarios run. */
const WRITE_EVERY_MS = 100;

/** A stored event as the worker would write it: one source, a day, a topic (1 in TOPICS), a feed. */
function backgroundEvent(n: number) {
  const day = new Date(LAST_DAY - Math.floor(n / EVENTS_PER_DAY) * DAY_MS).toISOString().slice(0, 10);
  const summary = `Event ${n} on ${day}: officials report developments in region ${n % 97}`;
  return anEvent(
    anAccount(n, {
      date: day,
      summary,
      feedId: `outlet-${n % 5}`,
      feedName: `Outlet ${n % 5}`,
      publishedAt: `${day}T12:00:00.000Z`,
      quote: `${summary}, the agency said on Tuesday.`,
      topics: [`topic-${n % TOPICS}`],
    }),
  );
}

/** The items `create` would write for every background event, loaded in bulk (the table has no other writer yet). */
async function populate(client: DynamoDBClient): Promise<number> {
  const started = performance.now();
  await bulkLoad(
    client,
    Array.from({ length: EVENTS }, (_, n) => itemsOfNewEvent(backgroundEvent(n))).flat(),
  );
  return (performance.now() - started) / 1000;
}

/**
 * Serves a fetch handler on a loopback port. Closing waits for the requests still being answered: when a
 * load run ends, autocannon hangs up on up to `connections` of them, and their handlers must not meet a
 * store that has already stopped.
 */
async function listen(fetch: (request: Request) => Response | Promise<Response>) {
  let active = 0;
  let drained: (() => void) | undefined;
  const server = serve({
    fetch: async (request) => {
      active++;
      try {
        return await fetch(request);
      } finally {
        if (--active === 0) drained?.();
      }
    },
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      if (active > 0) await new Promise<void>((resolve) => (drained = resolve));
    },
  };
}

/** "0.0047×": far below the ceiling, two significant digits say more than two decimals would. */
function times(value: number, ceiling: number): string {
  return `${(value / ceiling).toPrecision(2)}×`;
}

interface Scenario {
  name: string;
  url: string;
  headers?: Record<string, string>;
  /** Each connection sends back the ETag it last received, so a version change costs it one 200. */
  revalidate?: boolean;
  /**
   * The status every response must have, or the figures measure the wrong thing. `304-or-200`: a
   * revalidation while writes move the version, when some answers are new pages.
   */
  status: 200 | 304 | '304-or-200';
}

interface Measurement {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  responses: number;
  notModified: number;
  bytesPerResponse: number;
}

async function load(scenario: Scenario, duration: number): Promise<autocannon.Result> {
  return autocannon({
    url: scenario.url,
    headers: scenario.headers,
    requests: scenario.revalidate
      ? [{ method: 'GET', setupRequest: REVALIDATE.request, onResponse: REVALIDATE.response } as never]
      : undefined,
    connections: LOAD.connections,
    duration,
    // The generator gets its own thread, so it does not steal the server's event loop.
    workers: 1,
  });
}

async function measure(scenario: Scenario): Promise<Measurement> {
  await load(scenario, LOAD.warmup);
  const result = await load(scenario, LOAD.duration);
  const classes = scenario.status === 200 ? ['2xx'] : scenario.status === 304 ? ['3xx'] : ['2xx', '3xx'];
  const responses = classes.reduce((sum, name) => sum + result[name as '2xx' | '3xx'], 0);
  if (result.errors > 0 || responses !== result.requests.total) {
    throw new Error(
      `${scenario.name}: ${responses} of ${result.requests.total} responses were ${scenario.status}, ${result.errors} errors`,
    );
  }
  return {
    name: scenario.name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    responses,
    notModified: result['3xx'],
    bytesPerResponse: result.throughput.total / Math.max(1, responses),
  };
}

/** Walks the newest-first listing `depth` events deep, as a client paging through it would. */
async function cursorAt(app: ReturnType<typeof createTimelineApp>, depth: number): Promise<string> {
  let cursor = '';
  for (let seen = 0; seen < depth; ) {
    const response = await app.request(
      `/timeline?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    const page = (await response.json()) as { events: unknown[]; nextCursor: string | null };
    if (!page.nextCursor) throw new Error(`the listing ended after ${seen + page.events.length} events`);
    seen += page.events.length;
    cursor = page.nextCursor;
  }
  return cursor;
}

/** The store without its version: the app then renders every request, as a cache miss does. */
function uncached(store: DynamoEventStore): TimelineReader {
  return {
    range: (r) => store.range(r),
    listed: (r) => store.listed(r),
    get: (id) => store.get(id),
    resolve: (id) => store.resolve(id),
  };
}

/**
 * The store with a version that has moved before every request (staleness 0): the cached app's own
 * miss path (version, render, keep, gzip for a client that accepts it), as after every write.
 */
function alwaysMoved(store: DynamoEventStore): TimelineReader {
  let version = 0;
  return { ...uncached(store), version: async () => ++version };
}

/**
 * The store whose head has moved before every request, each move logged as a change to one of the
 * first page's events (staleness 0): the cached app's miss path with patching (the head read from the
 * table, the logged events re-read, patched into the kept listing, rendered, gzipped). The events
 * themselves are unchanged, so every response is the same page and the figure is the read path's alone.
 */
function movedWithLog(store: DynamoEventStore): TimelineReader {
  const firstPage = Array.from({ length: DEFAULT_LIMIT }, (_, n) => backgroundEvent(n).id);
  let version = 0;
  const log: string[] = [];
  return {
    ...uncached(store),
    listedByIds: (ids) => store.listedByIds(ids),
    head: async () => {
      await store.head();
      log.push(firstPage[version++ % firstPage.length] as string);
      return { version, recent: log.slice(-64) };
    },
  };
}

/**
 * The store with a real write before every version read: a new event on the newest day, created as
 * the worker creates it (hints, event, logged bump), so the patch reads a real change from a real log.
 * The write is in the request path, so the figure is a bound from below on the miss it causes.
 */
function writtenBeforeEveryRead(store: DynamoEventStore): TimelineReader {
  let n = 2 * EVENTS;
  return {
    ...uncached(store),
    listedByIds: (ids) => store.listedByIds(ids),
    head: async () => {
      await store.create({ ...backgroundEvent(n++), date: '2025-02-01' });
      return store.head();
    },
  };
}

/** A new event on the newest day every `WRITE_EVERY_MS`, as a busy worker would add them. */
function writeContinuously(store: DynamoEventStore) {
  let n = EVENTS;
  let writes = 0;
  let pending = Promise.resolve();
  const timer = setInterval(() => {
    const event = backgroundEvent(n++);
    const newest = { ...event, date: '2025-01-01' };
    pending = pending.then(async () => {
      if (await store.create(newest)) writes++;
    });
  }, WRITE_EVERY_MS);
  return async () => {
    clearInterval(timer);
    await pending;
    return writes;
  };
}

/** A full collection, so heap figures are what is held, not what awaits collection. */
const collect: () => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc');
})();

/**
 * Memory after `DISTINCT_QUERIES` listings no two alike went through the cached app, each figure
 * after a full collection: the JS heap and the ArrayBuffers (where rendered bodies live) are the
 * timeline's; RSS also holds dynalite's LevelDB, which shares this process.
 */
async function memoryAfterDistinctQueries(app: ReturnType<typeof createTimelineApp>) {
  collect();
  const before = process.memoryUsage();
  let next = 0;
  const client = async () => {
    for (let n = next++; n < DISTINCT_QUERIES; n = next++) {
      const day = new Date(LAST_DAY - n * DAY_MS).toISOString().slice(0, 10);
      const response = await app.request(`/timeline?to=${day}&limit=${QUERY_EVENTS}`, { headers: BROWSER });
      if (response.status !== 200) throw new Error(`distinct query ${n}: ${response.status}`);
      await response.arrayBuffer();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: 8 }, client));
  const seconds = (performance.now() - started) / 1000;
  collect();
  const after = process.memoryUsage();
  const mb = (bytes: number) => bytes / 1024 / 1024;
  return {
    seconds,
    heapBeforeMb: mb(before.heapUsed),
    heapAfterMb: mb(after.heapUsed),
    buffersBeforeMb: mb(before.arrayBuffers),
    buffersAfterMb: mb(after.arrayBuffers),
    heldMb: mb(after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers),
    rssBeforeMb: mb(before.rss),
    rssAfterMb: mb(after.rss),
  };
}

type Bases = {
  bare: string;
  cached: string;
  uncached: string;
  missing: string;
  patching: string;
  writing: string;
  store: string;
};

/** A page's store read alone (query, decode, check; nothing rendered): the floor under a cold page. */
function storeRead(store: DynamoEventStore) {
  return new Hono().get('/', async (c) => {
    let events = 0;
    const request = { ...sortKeyBounds(), order: 'desc' as const, pageSize: DEFAULT_LIMIT + 1 };
    for await (const _ of store.listed(request)) if (++events === DEFAULT_LIMIT + 1) break;
    return c.json({ events });
  });
}

function scenariosOf(bases: Bases, deep: string, etag: string) {
  const warm = (name: string, status: Scenario['status']): Scenario[] => [
    {
      name: `warm first page (cached, gzip)${name}`,
      url: `${bases.cached}/timeline`,
      headers: BROWSER,
      status: 200,
    },
    {
      name: `304 (first page, If-None-Match)${name}`,
      url: `${bases.cached}/timeline`,
      headers: status === 304 ? { ...BROWSER, 'if-none-match': etag } : BROWSER,
      revalidate: status !== 304,
      status,
    },
    {
      name: `warm filtered page (topic, cached, gzip)${name}`,
      url: `${bases.cached}/timeline?topic=topic-3`,
      headers: BROWSER,
      status: 200,
    },
  ];
  return {
    quiet: [
      { name: 'bare @hono/node-server route, constant JSON (ceiling)', url: `${bases.bare}/`, status: 200 },
      ...warm('', 304),
      {
        name: 'warm first page (cached, no Accept-Encoding: as rendered)',
        url: `${bases.cached}/timeline`,
        status: 200,
      },
      {
        name: 'cold first page (no cache at all, 50 events)',
        url: `${bases.uncached}/timeline`,
        status: 200,
      },
      {
        name: 'its store read alone (51 events queried, decoded, checked; bare route)',
        url: `${bases.store}/`,
        status: 200,
      },
      {
        name: 'cache miss, first page read whole (version moved before every request, gzip)',
        url: `${bases.missing}/timeline`,
        headers: BROWSER,
        status: 200,
      },
      {
        name: 'cache miss, first page patched (one event logged as changed before every request, gzip)',
        url: `${bases.patching}/timeline`,
        headers: BROWSER,
        status: 200,
      },
      {
        name: 'cache miss, first page patched after a real create before every version read (write included, gzip)',
        url: `${bases.writing}/timeline`,
        headers: BROWSER,
        status: 200,
      },
      {
        name: `cold filtered page (topic, 1 in ${TOPICS} events, cache miss)`,
        url: `${bases.uncached}/timeline?topic=topic-3`,
        status: 200,
      },
      {
        name: `cold deep page (cursor ${count(DEPTH)} events in, cache miss)`,
        url: `${bases.uncached}/timeline?cursor=${encodeURIComponent(deep)}`,
        status: 200,
      },
    ] satisfies Scenario[],
    underWrites: [
      ...warm(`, a write every ${WRITE_EVERY_MS} ms`, '304-or-200'),
      {
        name: `cold first page (cache miss), a write every ${WRITE_EVERY_MS} ms`,
        url: `${bases.uncached}/timeline`,
        status: 200,
      },
    ] satisfies Scenario[],
  };
}

function rowsOf(results: Measurement[], ceiling: Measurement): Row[] {
  return results.map((m) => ({
    request: m.name,
    'req/s': count(m.requestsPerSecond),
    'p50 ms': m.p50.toFixed(1),
    'p99 ms': m.p99.toFixed(1),
    'req/s vs ceiling': times(m.requestsPerSecond, ceiling.requestsPerSecond),
    '304s': m.notModified ? `${Math.round((100 * m.notModified) / m.responses)}%` : '',
    'bytes / response': count(m.bytesPerResponse),
  }));
}

async function run(): Promise<SectionResult> {
  const title = `Timeline API under load: ${count(EVENTS)} events in the embedded store (autocannon, ${LOAD.connections} connections, ${LOAD.duration} s, loopback)`;
  const stack: LocalStack = await startLocalStack(workspace('dateline-bench-').options);
  const servers: Array<{ close(): Promise<unknown> }> = [];
  try {
    const store = new DynamoEventStore(stack.dynamo, 'dateline');
    const populateSeconds = await populate(stack.dynamo);
    const cursors = new CursorCodec('bench-cursor-secret-16+');
    const cache = { stalenessMs: STALENESS_MS, maxBytes: CACHE_BYTES };
    const app = createTimelineApp({ reader: store, cursors, cache });
    const cold = createTimelineApp({ reader: uncached(store), cursors });
    const moved = createTimelineApp({ reader: alwaysMoved(store), cursors, cache: { stalenessMs: 0 } });
    const cached = await listen(app.fetch);
    const rendering = await listen(cold.fetch);
    const missing = await listen(moved.fetch);
    const logged = createTimelineApp({ reader: movedWithLog(store), cursors, cache: { stalenessMs: 0 } });
    const patching = await listen(logged.fetch);
    const written = createTimelineApp({
      reader: writtenBeforeEveryRead(store),
      cursors,
      cache: { stalenessMs: 0 },
    });
    const writing = await listen(written.fetch);
    const constant = { status: 'ok', events: [] };
    const bare = await listen(new Hono().get('/', (c) => c.json(constant)).fetch);
    const reading = await listen(storeRead(store).fetch);
    servers.push(cached, rendering, missing, patching, writing, bare, reading);

    const deep = await cursorAt(cold, DEPTH);
    const etag = (await app.request('/timeline', { headers: BROWSER })).headers.get('etag') ?? '';
    const scenarios = scenariosOf(
      {
        bare: bare.base,
        cached: cached.base,
        uncached: rendering.base,
        missing: missing.base,
        patching: patching.base,
        writing: writing.base,
        store: reading.base,
      },
      deep,
      etag,
    );
    const results: Measurement[] = [];
    for (const scenario of scenarios.quiet) results.push(await measure(scenario));
    const stopWriting = writeContinuously(store);
    for (const scenario of scenarios.underWrites) results.push(await measure(scenario));
    const writes = await stopWriting();
    const memory = await memoryAfterDistinctQueries(app);
    const ceiling = results[0] as Measurement;
    return {
      title,
      rows: rowsOf(results, ceiling),
      notes: [
        `${count(EVENTS)} events (${EVENTS_PER_DAY} a day, one source each, topic 1 in ${TOPICS}) bulk-loaded with their hints in ${populateSeconds.toFixed(0)} s; server, dynalite and the ceiling share this process's event loop, autocannon runs in a worker thread`,
        `cached: the app with its version (staleness bound ${STALENESS_MS} ms, ${CACHE_BYTES / 1024 / 1024} MiB of rendered listings), asked as browsers ask (Accept-Encoding: gzip), so a warm hit is a replay of the gzipped bytes; no cache at all: the same store without a version, so every request renders (a query of limit + 1 events without their accounts, or of hints then those events for a topic); cache miss read whole: the cached app whose version moved before every request with no log of what changed, so it reads the page; cache miss patched: the same with a log naming one first-page event per move, so it keeps the page and re-reads only the events named since (the head is read from the table on every request too); the kept listings hold up to ${count(DEFAULT_KEPT_EVENTS)} events`,
        `under writes: ${writes} events created, one every ${WRITE_EVERY_MS} ms, each moving the version; in the 304 scenario each connection sends the ETag it last received, so a version change costs it one 200`,
        `memory: ${count(DISTINCT_QUERIES)} distinct queries of ${QUERY_EVENTS} events (gzip asked) in ${memory.seconds.toFixed(0)} s through the cached app, after a full collection each side: heap ${memory.heapBeforeMb.toFixed(0)} → ${memory.heapAfterMb.toFixed(0)} MB, ArrayBuffers ${memory.buffersBeforeMb.toFixed(0)} → ${memory.buffersAfterMb.toFixed(0)} MB, so ${memory.heldMb.toFixed(0)} MB more held (bound: the cache's ${CACHE_BYTES / 1024 / 1024} MiB plus the V8 overhead of its entries, and the kept listings' ${count(DEFAULT_KEPT_EVENTS)} decoded events); RSS ${memory.rssBeforeMb.toFixed(0)} → ${memory.rssAfterMb.toFixed(0)} MB, dynalite's LevelDB included`,
        'the ratios are what to compare between runs: this machine is shared and noisy',
      ],
      data: { events: EVENTS, populateSeconds, load: LOAD, results, writes, memory },
    };
  } finally {
    for (const server of servers) await server.close();
    await stack.stop();
  }
}

export const timelineSection: Section = { name: 'timeline', run };
