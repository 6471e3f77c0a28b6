import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { type Feed, type FeedState, type PollDeps, pollFeed } from '../../lib/feeds/index.ts';
import { guardedFetch } from '../../lib/http/index.ts';
import { SqsArticleQueue } from '../../lib/queue/index.ts';
import { DynamoArticleLedger, DynamoFeedStates } from '../../lib/store/index.ts';
import { aFeed } from '../support/accounts.ts';
import { FeedServer } from '../support/feed-server.ts';
import { workspace } from '../support/local.ts';
import { rss } from '../support/rss.ts';

const MIN = 60_000;
const body = rss('Port Bulletins', [
  {
    title: 'Channel closed',
    link: 'https://port.example/1',
    pubDate: '2024-10-03T12:00:00Z',
    html: '<p>On 3 October the channel closed.</p>',
  },
]);

describe('polite polling against a real loopback server', () => {
  const server = new FeedServer();
  let stack: LocalStack;
  let states: DynamoFeedStates;
  let deps: PollDeps;
  let clock = new Date('2024-10-13T12:00:00Z');
  const seen: Array<Record<string, string | undefined>> = [];
  let n = 0;
  let feed: Feed;

  const state = async () => (await states.getMany([feed.id])).get(feed.id) as FeedState;
  const poll = async () => pollFeed(feed, (await states.getMany([feed.id])).get(feed.id), deps);
  const waitMs = async () => Date.parse((await state()).nextPollAt) - clock.getTime();

  beforeAll(async () => {
    await server.start();
    stack = await startLocalStack(workspace().options);
    states = new DynamoFeedStates(stack.dynamo, 'dateline');
    deps = {
      fetch: (url, headers) => {
        seen.push({ url, ...headers });
        return guardedFetch(url, { allowPrivateNetwork: true, headers });
      },
      ledger: new DynamoArticleLedger(stack.dynamo, 'dateline'),
      queue: new SqsArticleQueue(stack.sqs, stack.articles.url),
      states,
      log: { info() {}, warn() {}, error() {} },
      now: () => clock,
      random: () => 0.5,
    };
  });
  afterAll(async () => {
    await stack.stop();
    await server.stop();
  });
  beforeEach(() => {
    n++;
    seen.length = 0;
    // A day apart per test: the 429 test's host-wide block must not reach the next test.
    clock = new Date(Date.parse('2024-10-13T12:00:00Z') + n * 86_400_000);
    feed = aFeed({
      id: `feed-${n}`,
      name: 'Port',
      url: server.url(`/feed-${n}.xml`),
      pollEveryMs: 10 * MIN,
      pollEveryConfigured: true,
    });
  });

  it('sends the ETag back as received and costs no parse on a 304', async () => {
    server.routes.set(`/feed-${n}.xml`, (req, res) => {
      if (req.headers['if-none-match'] === 'W/"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { etag: 'W/"v1"', 'content-type': 'application/rss+xml' }).end(body);
    });
    expect(await poll()).toMatchObject({ ok: true, status: 200, queued: 1 });
    expect(await poll()).toMatchObject({ ok: true, status: 304, unchanged: true, queued: 0 });
    expect(seen[1]?.['if-none-match']).toBe('W/"v1"');
    expect(await state()).toMatchObject({
      etag: 'W/"v1"',
      lastStatus: 304,
      consecutiveFailures: 0,
      items: 1,
    });
  });

  it('sends Last-Modified back, and treats an unchanged body as unchanged without parsing', async () => {
    const stamp = 'Sun, 13 Oct 2024 10:00:00 GMT';
    server.routes.set(`/feed-${n}.xml`, (req, res) => {
      if (req.headers['if-modified-since'] === stamp && seen.length > 2) return void res.writeHead(304).end();
      res.writeHead(200, { 'last-modified': stamp, 'content-type': 'application/rss+xml' }).end(body);
    });
    await poll();
    expect(await poll()).toMatchObject({ status: 200, unchanged: true, queued: 0 });
    expect(seen[1]?.['if-modified-since']).toBe(stamp);
    expect(await poll()).toMatchObject({ status: 304, unchanged: true });
  });

  it('moves the stored URL after a 301 and uses it next time', async () => {
    server.routes.set(`/feed-${n}.xml`, (_req, res) =>
      res.writeHead(301, { location: `/moved-${n}.xml` }).end(),
    );
    server.serve(`/moved-${n}.xml`, body);
    await poll();
    expect((await state()).url).toBe(server.url(`/moved-${n}.xml`));
    await poll();
    expect(seen.at(-1)?.url).toBe(server.url(`/moved-${n}.xml`));
  });

  it('honours Retry-After on a 429 for the whole host', async () => {
    server.routes.set(`/feed-${n}.xml`, (_req, res) => res.writeHead(429, { 'retry-after': '3600' }).end());
    expect(await poll()).toMatchObject({ ok: false, status: 429 });
    expect(await waitMs()).toBe(60 * MIN);
    const sibling: Feed = { ...feed, id: `sibling-${n}`, url: server.url(`/sibling-${n}.xml`) };
    server.serve(`/sibling-${n}.xml`, body);
    const before = seen.length;
    await pollFeed(sibling, undefined, deps);
    expect(seen.length).toBe(before);
    // The block ends with the Retry-After: an hour later the host is polled again.
    clock = new Date(clock.getTime() + 61 * MIN);
    await pollFeed(sibling, undefined, deps);
    expect(seen.length).toBe(before + 1);
  });

  it('blocks a host for at most the longest interval, whatever Retry-After asks', async () => {
    const host = new URL(server.url('/')).host;
    server.routes.set(`/feed-${n}.xml`, (_req, res) =>
      res.writeHead(503, { 'retry-after': 'Sat, 01 Jan 10000 00:00:00 GMT' }).end(),
    );
    expect(await poll()).toMatchObject({ ok: false, status: 503, error: 'http-503' });
    expect(await waitMs()).toBe(24 * 60 * MIN);
    expect((await state()).warnings).toEqual(['retry-after-clamped']);
    expect((await states.hostBlockedUntil(host))?.getTime()).toBe(clock.getTime() + 24 * 60 * MIN);
  });

  it('backs off through a 500 streak, turns unhealthy after ten, and recovers', async () => {
    let failing = true;
    server.routes.set(`/feed-${n}.xml`, (_req, res) => {
      if (failing) return void res.writeHead(500).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body);
    });
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      await poll();
      waits.push(await waitMs());
    }
    expect(waits).toEqual([20 * MIN, 40 * MIN, 80 * MIN]);
    for (let i = 3; i < 10; i++) await poll();
    expect(await state()).toMatchObject({
      consecutiveFailures: 10,
      unhealthy: true,
      lastError: 'HTTP 500',
      lastErrorCode: 'http-500',
    });
    expect(await waitMs()).toBe(24 * 60 * MIN);
    failing = false;
    expect(await poll()).toMatchObject({ ok: true, status: 200 });
    expect(await state()).toMatchObject({ consecutiveFailures: 0, unhealthy: false });
    expect(await waitMs()).toBe(10 * MIN);
  });

  it('marks a 410 feed unhealthy at once', async () => {
    server.routes.set(`/feed-${n}.xml`, (_req, res) => res.writeHead(410).end());
    await poll();
    expect(await state()).toMatchObject({ unhealthy: true, lastStatus: 410 });
  });
});
