import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { DynamoEventStore } from '../../lib/store/index.ts';
import { CursorCodec, createTimelineApp } from '../../lib/timeline/index.ts';
import { anAccount, anEvent } from '../support/accounts.ts';
import { workspace } from '../support/local.ts';
import { count } from './format.ts';
import type { Row, Section, SectionResult } from './section.ts';

const EVENTS = 100_000;
const EVENTS_PER_DAY = 10;
const TOPICS = 10;
const WRITERS = 16;
/** How far into the newest-first listing the deep page starts. */
const DEPTH = 50_000;
const LAST_DAY = Date.UTC(2024, 11, 31);
const DAY_MS = 86_400_000;
/** Short runs: each scenario is steady within a second or two, and the whole section stays under a minute of load. */
const LOAD = { connections: 10, duration: 5, warmup: 1 };

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

async function populate(store: DynamoEventStore): Promise<number> {
  const started = performance.now();
  let next = 0;
  const writer = async () => {
    for (let n = next++; n < EVENTS; n = next++) {
      if (!(await store.create(backgroundEvent(n)))) throw new Error(`event ${n} was not created`);
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
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
  /** The status every response must have, or the figures measure the wrong thing. */
  status: 200 | 304;
}

interface Measurement {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  responses: number;
  bytesPerResponse: number;
}

async function load(scenario: Scenario, duration: number): Promise<autocannon.Result> {
  return autocannon({
    url: scenario.url,
    headers: scenario.headers,
    connections: LOAD.connections,
    duration,
    // The generator gets its own thread, so it does not steal the server's event loop.
    workers: 1,
  });
}

async function measure(scenario: Scenario): Promise<Measurement> {
  await load(scenario, LOAD.warmup);
  const result = await load(scenario, LOAD.duration);
  const statusClass = `${String(scenario.status)[0]}xx` as '2xx' | '3xx';
  const responses = result[statusClass];
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

async function run(): Promise<SectionResult> {
  const title = `Timeline API under load: ${count(EVENTS)} events in the embedded store (autocannon, ${LOAD.connections} connections, ${LOAD.duration} s, loopback)`;
  const stack: LocalStack = await startLocalStack(workspace('dateline-bench-').options);
  const servers: Array<{ close(): Promise<unknown> }> = [];
  try {
    const store = new DynamoEventStore(stack.dynamo, 'dateline');
    const populateSeconds = await populate(store);
    const app = createTimelineApp({ reader: store, cursors: new CursorCodec('bench-cursor-secret-16+') });
    const timeline = await listen(app.fetch);
    servers.push(timeline);
    const constant = { status: 'ok', events: [] };
    const bare = await listen(new Hono().get('/', (c) => c.json(constant)).fetch);
    servers.push(bare);

    const deep = await cursorAt(app, DEPTH);
    const etag = (await app.request('/timeline')).headers.get('etag') ?? '';
    const scenarios: Scenario[] = [
      { name: 'bare @hono/node-server route, constant JSON (ceiling)', url: `${bare.base}/`, status: 200 },
      { name: 'first page (/timeline, 50 events)', url: `${timeline.base}/timeline`, status: 200 },
      {
        name: `deep page (cursor ${count(DEPTH)} events in)`,
        url: `${timeline.base}/timeline?cursor=${encodeURIComponent(deep)}`,
        status: 200,
      },
      {
        name: `filtered page (topic, 1 in ${TOPICS} events)`,
        url: `${timeline.base}/timeline?topic=topic-3`,
        status: 200,
      },
      {
        name: '304 (first page, If-None-Match)',
        url: `${timeline.base}/timeline`,
        headers: { 'if-none-match': etag },
        status: 304,
      },
    ];
    const results: Measurement[] = [];
    for (const scenario of scenarios) results.push(await measure(scenario));
    const ceiling = results[0] as Measurement;
    const rows: Row[] = results.map((m) => ({
      request: m.name,
      'req/s': count(m.requestsPerSecond),
      'p50 ms': m.p50.toFixed(1),
      'p99 ms': m.p99.toFixed(1),
      'req/s vs ceiling': times(m.requestsPerSecond, ceiling.requestsPerSecond),
      'bytes / response': count(m.bytesPerResponse),
    }));
    return {
      title,
      rows,
      notes: [
        `${count(EVENTS)} events (${EVENTS_PER_DAY} a day, one source each) written with ${WRITERS} concurrent creates in ${populateSeconds.toFixed(0)} s; server, dynalite and the ceiling share this process's event loop, autocannon runs in a worker thread`,
        'every page reads DynamoDB (dynalite) in 100-item queries; a cursor resumes with ExclusiveStartKey, so depth costs nothing; a topic filter reads until the page is full; a 304 does the full read and hash, and saves only the transfer',
        'the ratios are what to compare between runs: this machine is shared and noisy',
      ],
      data: { events: EVENTS, populateSeconds, load: LOAD, results },
    };
  } finally {
    for (const server of servers) await server.close();
    await stack.stop();
  }
}

export const timelineSection: Section = { name: 'timeline', run };
