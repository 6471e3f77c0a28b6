import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { DEFAULT_POLICY, type Feed, type PollDeps, pollFeed } from '../../lib/feeds/index.ts';
import { guardedFetch } from '../../lib/http/index.ts';
import { DynamoFeedStates } from '../../lib/store/index.ts';
import { aFeed } from '../support/accounts.ts';
import { FeedServer } from '../support/feed-server.ts';
import { workspace } from '../support/local.ts';
import { MemoryLedger, MemoryQueue } from '../support/memory-queue.ts';

/** The poller's Lambda timeout (infra/cdk): one poll, however large the feed, must end well inside it. */
const POLLER_TIMEOUT_MS = 120_000;
const MINUTE = 60_000;

/** A feed of `count` items a minute apart, the newest a minute ago, as small as RSS allows (100,000 fit in 10 MB). */
function bigFeed(count: number, host: string): string {
  const newest = Date.now() - MINUTE;
  const items = Array.from({ length: count }, (_, i) => {
    const date = new Date(newest - (count - 1 - i) * MINUTE).toUTCString();
    return `<item><link>https://${host}/${i}</link><pubDate>${date}</pubDate></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title><link>https://${host}/</link><description>d</description>\n${items.join('\n')}\n</channel></rss>`;
}

const idOf = (link: string) => Number(link.split('/').pop());

describe('a feed too large for one poll', () => {
  const server = new FeedServer();
  let stack: LocalStack;
  let states: DynamoFeedStates;
  const conditional: Array<string | undefined> = [];

  /** Serves `body` with an ETag, answering 304 to a request that sends it back. */
  function serve(path: string, body: string) {
    server.routes.set(path, (req, res) => {
      conditional.push(req.headers['if-none-match']);
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(body);
    });
  }

  const depsFor = (ledger: MemoryLedger, queue: MemoryQueue): PollDeps => ({
    fetch: (url, headers) => guardedFetch(url, { allowPrivateNetwork: true, headers }),
    ledger,
    queue,
    states,
    log: { info() {}, warn() {}, error() {} },
  });
  const poll = async (feed: Feed, deps: PollDeps) =>
    pollFeed(feed, (await states.getMany([feed.id])).get(feed.id), deps);

  beforeAll(async () => {
    await server.start();
    stack = await startLocalStack(workspace().options);
    states = new DynamoFeedStates(stack.dynamo, 'dateline');
  });
  afterAll(async () => {
    await stack.stop();
    await server.stop();
  });

  it('queues 100,000 items exactly once over five polls, newest first, each poll well inside the timeout', async () => {
    const count = 100_000;
    serve('/big.xml', bigFeed(count, 'big.example'));
    const feed = aFeed({ id: 'big', url: server.url('/big.xml') });
    const ledger = new MemoryLedger();
    const queue = new MemoryQueue();
    const deps = depsFor(ledger, queue);
    const cap = DEFAULT_POLICY.maxMessagesPerPoll;
    const polls: Array<{ queued: number; backlog: number; status?: number; ms: number }> = [];
    conditional.length = 0;
    for (let n = 0; n < 8; n++) {
      const started = performance.now();
      const result = await poll(feed, deps);
      polls.push({ ...result, ms: performance.now() - started });
      // Newest first: the first poll takes the document's last (newest) items.
      if (n === 0) expect(Math.min(...queue.accepted.map((m) => idOf(m.url)))).toBe(count - cap);
      if (result.unchanged) break;
    }
    expect(polls.map((p) => [p.queued, p.backlog])).toEqual([
      [cap, count - cap],
      [cap, count - 2 * cap],
      [cap, count - 3 * cap],
      [cap, count - 4 * cap],
      [cap, 0],
      [0, 0],
    ]);
    // While capped no validator is kept, so each poll reads the feed in full; once done, a 304.
    expect(conditional).toEqual([undefined, undefined, undefined, undefined, undefined, '"v1"']);
    expect(polls.at(-1)?.status).toBe(304);
    const ids = queue.accepted.map((message) => message.id);
    expect(new Set(ids).size).toBe(count);
    expect(ids).toHaveLength(count);
    expect(ledger.entries.size).toBe(count);
    // One SendMessageBatch's worth per call, each marked as it was accepted.
    expect(Math.max(...queue.calls)).toBeLessThanOrEqual(10);
    const slowest = Math.max(...polls.map((p) => p.ms));
    console.log(`100,000 items: ${polls.length} polls, slowest ${Math.round(slowest)} ms`);
    expect(slowest).toBeLessThan(POLLER_TIMEOUT_MS / 2);
  }, 400_000);

  it('marks each batch as SQS accepts it: a poll cut short leaves exactly the accepted ones marked', async () => {
    serve('/cut.xml', bigFeed(2_000, 'cut.example'));
    const feed = aFeed({ id: 'cut', url: server.url('/cut.xml') });
    const ledger = new MemoryLedger();
    const queue = new MemoryQueue();
    // Thirty batches accepted, then the queue never answers again: the Lambda is about to time out.
    queue.behaviour = (_articles, call) => (call >= 30 ? { hang: true } : {});
    void poll(feed, depsFor(ledger, queue));
    await vi.waitFor(() => expect(ledger.marks).toHaveLength(300), { timeout: 20_000 });
    expect(queue.accepted).toHaveLength(300);
    expect(new Set(ledger.marks.map((m) => m.id))).toEqual(new Set(queue.accepted.map((m) => m.id)));
  });

  it('leaves refused entries and a lost batch unmarked, stops sending after the loss, and queues exactly those next poll', async () => {
    serve('/lossy.xml', bigFeed(400, 'lossy.example'));
    const feed = aFeed({ id: 'lossy', url: server.url('/lossy.xml') });
    const ledger = new MemoryLedger();
    const queue = new MemoryQueue();
    // Some entries of the first batches refused; the ninth call lost (the queue is down from there).
    queue.behaviour = (_articles, call) =>
      call >= 8 ? { throws: 'socket hang up' } : { refuse: (article) => article.url.endsWith('0') };
    const first = await poll(feed, depsFor(ledger, queue));
    expect(first.queued).toBe(queue.accepted.length);
    expect(first.queued).toBeLessThan(80);
    expect(new Set(ledger.marks.map((m) => m.id))).toEqual(new Set(queue.accepted.map((m) => m.id)));
    // The rest of the 40 batches were not even tried once a whole batch was lost.
    expect(queue.calls.length).toBeLessThan(16);
    queue.behaviour = () => ({});
    expect(await poll(feed, depsFor(ledger, queue))).toMatchObject({ queued: 400 - first.queued });
    expect(new Set(queue.accepted.map((m) => m.id)).size).toBe(400);
    expect(queue.accepted).toHaveLength(400);
  });
});
