import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startLocalStack } from '../../infra/local/stack.ts';
import { type Feed, HostLimiter, type PollDeps, pollFeeds } from '../../lib/feeds/index.ts';
import { guardedFetch } from '../../lib/http/index.ts';
import { SqsArticleQueue } from '../../lib/queue/index.ts';
import { DynamoArticleLedger, DynamoFeedStates } from '../../lib/store/index.ts';
import { aFeed } from '../support/accounts.ts';
import { workspace } from '../support/local.ts';
import { rss } from '../support/rss.ts';
import { count, ratio } from './format.ts';
import type { Row, Section, SectionResult } from './section.ts';

const FEEDS = 1_000;
const HOSTS = 50;
const DELAY_MS = 50;
const CONCURRENCY = 32;

/** 1,000 feeds of five items each, spread over 50 loopback addresses, each answer 50 ms late; ETags honoured. */
async function feedServer(): Promise<{ server: Server; port: number }> {
  const bodies = Array.from({ length: FEEDS }, (_, n) =>
    rss(
      `Feed ${n}`,
      Array.from({ length: 5 }, (_, i) => ({
        title: `Item ${i} of feed ${n}`,
        link: `https://feed-${n}.example/items/${i}`,
        pubDate: `2024-10-${String(10 + i).padStart(2, '0')}T08:00:00Z`,
        html: `<p>On ${3 + i} October the port authority of feed ${n} published bulletin ${i}.</p>`,
      })),
    ),
  );
  const server = createServer((req, res) => {
    const n = Number((req.url ?? '').split('/').pop());
    const etag = `"f${n}"`;
    setTimeout(() => {
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(bodies[n]);
    }, DELAY_MS);
  });
  // All of 127.0.0.0/8 is this machine's loopback: 50 addresses stand for 50 publishers.
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

async function measured<T>(work: () => Promise<T>) {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  clearInterval(sampler);
  return { result, ms, peakMb: Math.max(peak, process.memoryUsage().rss) / 1024 / 1024 };
}

async function run(): Promise<SectionResult> {
  const { server, port } = await feedServer();
  const stack = await startLocalStack(workspace('dateline-bench-').options);
  try {
    const feeds: Feed[] = Array.from({ length: FEEDS }, (_, n) =>
      aFeed({
        id: `feed-${n}`,
        name: `Feed ${n}`,
        url: `http://127.0.0.${2 + (n % HOSTS)}:${port}/feeds/${n}`,
        pollEveryConfigured: true,
      }),
    );
    const deps: PollDeps = {
      fetch: (url, headers) => guardedFetch(url, { allowPrivateNetwork: true, headers }),
      ledger: new DynamoArticleLedger(stack.dynamo, 'dateline'),
      queue: new SqsArticleQueue(stack.sqs, stack.articles.url),
      states: new DynamoFeedStates(stack.dynamo, 'dateline'),
      log: { info() {}, warn() {}, error() {} },
      hosts: new HostLimiter(2),
    };
    const ideal = (FEEDS * DELAY_MS) / CONCURRENCY;
    const full = await measured(() => pollFeeds(feeds, deps, CONCURRENCY));
    const notModified = await measured(() => pollFeeds(feeds, deps, CONCURRENCY));
    const row = (cycle: string, m: typeof full): Row => ({
      cycle,
      feeds: count(m.result.length),
      'answered ok': count(m.result.filter((r) => r.ok).length),
      queued: count(m.result.reduce((sum, r) => sum + r.queued, 0)),
      'wall time': `${(m.ms / 1000).toFixed(2)} s`,
      'ideal (1,000 × 50 ms ÷ 32)': `${(ideal / 1000).toFixed(2)} s`,
      'vs ideal': ratio(m.ms, ideal),
      'peak RSS': `${m.peakMb.toFixed(0)} MB`,
    });
    return {
      title:
        'Polling 1,000 feeds (loopback server adding 50 ms per answer, 50 hosts, 32 polls at once, ≤ 2 per host)',
      rows: [row('first poll: full fetch, parse, queue', full), row('second poll: all 304', notModified)],
      notes: [
        'each full poll also reads the article ledger, sends new articles to SQS in batches and writes the feed state, all on the embedded emulators',
        'an all-304 poll is one conditional request and one state write: no parse, no ledger, no queue',
      ],
      data: {
        feeds: FEEDS,
        delayMs: DELAY_MS,
        concurrency: CONCURRENCY,
        idealMs: ideal,
        fullMs: full.ms,
        notModifiedMs: notModified.ms,
        fullPeakMb: full.peakMb,
        notModifiedPeakMb: notModified.peakMb,
      },
    };
  } finally {
    await stack.stop();
    server.close();
  }
}

export const pollSection: Section = { name: 'poll', run };
