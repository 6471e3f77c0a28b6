import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { handler as workerHandler } from '../../functions/worker/handler.ts';
import { runOnce } from '../../infra/local/runner.ts';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { WorkerLoop } from '../../infra/local/worker-loop.ts';
import type { Article } from '../../lib/articles/index.ts';
import { articleFromEntry, type Feed, parseFeed, pollFeed } from '../../lib/feeds/index.ts';
import { decodeBody, guardedFetch } from '../../lib/http/index.ts';
import { SqsArticleQueue } from '../../lib/queue/index.ts';
import { DynamoArticleLedger, DynamoEventStore, DynamoFeedStates } from '../../lib/store/index.ts';
import { sortKeyBounds } from '../../lib/timeline/index.ts';
import { portsArticle } from '../fixtures/black-sea.ts';
import { aFeed } from '../support/accounts.ts';
import { FeedServer } from '../support/feed-server.ts';
import { getJson, sendArticles, storedTimeline, withTimeline, workspace } from '../support/local.ts';
import { rss } from '../support/rss.ts';

/** The bundled demo outlets' articles, as the poller would queue them. */
async function demoArticles(): Promise<Article[]> {
  const files = ['kyiv-ledger.xml', 'world-desk.atom', 'east-wire.xml'];
  const articles: Article[] = [];
  for (const file of files) {
    const parsed = await parseFeed(
      decodeBody(readFileSync(new URL(`../../infra/local/demo-feeds/${file}`, import.meta.url))),
    );
    const feed = aFeed({ id: file.split('.')[0] as string, name: file, url: `https://demo.example/${file}` });
    for (const entry of parsed.entries) {
      const article = articleFromEntry(feed, entry, new Date('2024-11-10T00:00:00Z'));
      if (article) articles.push(article);
    }
  }
  return articles.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
}

/** The real worker handler on the stack's articles queue, as the local runner's loops run it. */
const articleWorker = (stack: LocalStack, batchSize?: number) =>
  new WorkerLoop({
    sqs: stack.sqs,
    queueUrl: stack.articles.url,
    queueArn: stack.articles.arn,
    handler: workerHandler,
    batchSize,
  });

async function timelineAfter(batches: Article[][]): Promise<unknown[]> {
  const ws = workspace();
  let stack: LocalStack | undefined;
  for (const batch of batches) {
    stack = await startLocalStack(ws.options);
    await sendArticles(stack, batch);
    await articleWorker(stack, 1).drain();
    await stack.stop();
  }
  stack = await startLocalStack(ws.options);
  try {
    // Which id survives a merge depends on history; what the timeline says must not.
    return await storedTimeline(stack);
  } finally {
    await stack.stop();
  }
}

/** The fixture article as the poller makes it from the feed entry. */
function articleOf(feed: Feed): Article {
  const entry = {
    guid: portsArticle.link,
    link: portsArticle.link,
    title: portsArticle.title,
    publishedAt: new Date(portsArticle.pubDate).toISOString(),
    html: portsArticle.html,
  };
  return articleFromEntry(feed, entry, new Date()) as Article;
}

describe('failure drills', () => {
  it('SQS down while polling: nothing is marked seen, and after recovery every article arrives exactly once', async () => {
    const server = new FeedServer();
    await server.start();
    const ws = workspace();
    const stack = await startLocalStack(ws.options);
    try {
      server.serve('/feed.xml', rss('Harbour', [portsArticle]));
      const feed = aFeed({
        id: 'harbour',
        name: 'Harbour',
        url: server.url('/feed.xml'),
        pollEveryConfigured: true,
      });
      const states = new DynamoFeedStates(stack.dynamo, 'dateline');
      const ledger = new DynamoArticleLedger(stack.dynamo, 'dateline');
      const deps = {
        fetch: (url: string, headers?: Record<string, string>) =>
          guardedFetch(url, { allowPrivateNetwork: true, headers }),
        ledger,
        states,
        log: { info() {}, warn() {}, error() {} },
      };
      // The embedded SQS itself goes down, as the DynamoDB drill takes dynalite down.
      await stack.outage.stopSqs();
      const queue = new SqsArticleQueue(stack.sqs, stack.articles.url);
      const refused = await pollFeed(feed, undefined, { ...deps, queue });
      expect(refused.queued).toBe(0);
      expect((await ledger.triage([{ ...articleOf(feed) }])).unseen).toHaveLength(1);
      await stack.outage.startSqs();
      const recovered = await pollFeed(feed, (await states.getMany([feed.id])).get(feed.id), {
        ...deps,
        queue: new SqsArticleQueue(stack.sqs, stack.articles.url),
      });
      expect(recovered.queued).toBe(1);
      const again = await pollFeed(feed, (await states.getMany([feed.id])).get(feed.id), {
        ...deps,
        queue: new SqsArticleQueue(stack.sqs, stack.articles.url),
      });
      expect(again.queued).toBe(0);
      const worker = articleWorker(stack);
      await worker.drain();
      expect(worker.stats).toMatchObject({ succeeded: 1, failed: 0 });
      const events = await storedTimeline(stack);
      expect(events).toHaveLength(8);
      expect(events.map((e) => JSON.parse(e).sources.length)).toEqual(Array(8).fill(1));
      console.log(
        'drill: embedded SQS stopped during a poll → nothing marked seen → next poll queued the article once → 8 events, each with one source',
      );
    } finally {
      await stack.stop();
      await server.stop();
    }
  });

  it('a worker process killed mid-batch (SIGKILL): its messages come back and the timeline is a clean run’s', async () => {
    const articles = await demoArticles();
    const clean = await timelineAfter([articles]);
    const ws = workspace();
    writeFileSync(ws.options.feedsPath, 'feeds: []\n');
    const stack = await startLocalStack(ws.options);
    try {
      await sendArticles(stack, articles);
      // A second process on the same services, the way a Lambda worker shares them: npm start with
      // the endpoints set starts no emulator of its own.
      const env = Object.fromEntries(
        [
          'AWS_ENDPOINT_URL_DYNAMODB',
          'AWS_ENDPOINT_URL_SQS',
          'TABLE_NAME',
          'ARTICLES_QUEUE_URL',
          'ARTICLES_DLQ_URL',
          'FEEDS_QUEUE_URL',
          'FEEDS_DLQ_URL',
        ].map((name) => [name, process.env[name] ?? '']),
      );
      Object.assign(env, { ARTICLES_DLQ_URL: stack.articles.dlqUrl, FEEDS_DLQ_URL: stack.feeds.dlqUrl });
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'infra/local/main.ts', '--feeds', ws.options.feedsPath, '--port', '0'],
        {
          env: { ...process.env, ...env },
          stdio: 'ignore',
          detached: true,
        },
      );
      const store = new DynamoEventStore(stack.dynamo, 'dateline');
      const countEvents = async () => {
        let n = 0;
        for await (const _ of store.range({ ...sortKeyBounds(), order: 'asc' })) n++;
        return n;
      };
      while ((await countEvents()) < 3) await new Promise((resolve) => setTimeout(resolve, 100));
      process.kill(-(child.pid as number), 'SIGKILL');
      const killedAt = await countEvents();
      // The kill landed mid-work: articles were still queued or in flight right after it.
      const { Attributes = {} } = await stack.sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: stack.articles.url,
          AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
        }),
      );
      const unfinished =
        Number(Attributes.ApproximateNumberOfMessages) +
        Number(Attributes.ApproximateNumberOfMessagesNotVisible);
      expect(unfinished).toBeGreaterThan(0);
      // What it held in flight becomes visible again after the visibility timeout; this loop waits for it.
      await articleWorker(stack).drain();
      expect(await storedTimeline(stack)).toEqual(clean);
      console.log(
        `drill: worker process SIGKILLed with ${killedAt} events written and ${unfinished} article(s) unfinished → another worker finished the queue → the clean run's ${clean.length} events`,
      );
    } finally {
      await stack.stop();
    }
  }, 180_000);

  it('DynamoDB down mid-run: the affected messages come back after the restart and the timeline is a clean run’s', async () => {
    const articles = await demoArticles();
    const clean = await timelineAfter([articles]);
    const stack = await startLocalStack(workspace().options);
    try {
      // Half the articles arrive before the outage and half during it, so the worker has work while
      // DynamoDB is down even when it finished the first half first: stopping the emulator lets a
      // busy keep-alive connection run on for up to 3 s, time enough to empty the queue.
      const half = Math.ceil(articles.length / 2);
      await sendArticles(stack, articles.slice(0, half));
      const worker = articleWorker(stack, 1);
      worker.start();
      while (worker.stats.succeeded < 2) await new Promise((resolve) => setTimeout(resolve, 50));
      await stack.outage.stopDynamo();
      await sendArticles(stack, articles.slice(half));
      const down = Date.now();
      const since = () => Date.now() - down;
      while (since() < 1_500 || (worker.stats.failed === 0 && since() < 30_000)) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const outageSeconds = (since() / 1000).toFixed(1);
      const failedDuringOutage = worker.stats.failed;
      await stack.outage.startDynamo();
      await worker.stop();
      await articleWorker(stack, 1).drain();
      expect(failedDuringOutage, `worker during the outage: ${JSON.stringify(worker.stats)}`).toBeGreaterThan(
        0,
      );
      expect(await storedTimeline(stack)).toEqual(clean);
      console.log(
        `drill: DynamoDB stopped for ${outageSeconds} s while the worker ran → ${failedDuringOutage} failed receive(s), retried after the restart → the clean run's ${clean.length} events`,
      );
    } finally {
      await stack.stop();
    }
  }, 180_000);

  it('order: reverse publication order, and one article at a time with restarts, give the in-order timeline', async () => {
    const articles = await demoArticles();
    const inOrder = await timelineAfter([articles]);
    const reversed = await timelineAfter([[...articles].reverse()]);
    const oneByOne = await timelineAfter(articles.map((article) => [article]));
    expect(reversed).toEqual(inOrder);
    expect(oneByOne).toEqual(inOrder);
    console.log(
      `drill: ${articles.length} articles in reverse order and one per restart → the same ${inOrder.length} events as in order`,
    );
  }, 180_000);

  it('an edited article (same guid, new text) updates its quote and summary, adding no source and no event', async () => {
    const server = new FeedServer();
    await server.start();
    try {
      const ws = workspace();
      ws.writeFeeds([{ id: 'harbour', name: 'Harbour', url: server.url('/feed.xml') }]);
      server.serve('/feed.xml', rss('Harbour', [portsArticle]));
      await runOnce(ws.options);
      const edited = {
        ...portsArticle,
        html: portsArticle.html.replace(
          '2 July: Russian drones struck the port of Izmail, damaging two grain silos on the Danube',
          '2 July: Russian drones struck the port of Izmail, destroying two grain silos on the Danube',
        ),
      };
      server.serve('/feed.xml', rss('Harbour', [edited]));
      const before = await withTimeline(
        ws.options,
        async (base) => (await getJson(`${base}/timeline?limit=200`)).body.events,
      );
      const summary = await runOnce(ws.options);
      expect(summary.processed).toBe(1);
      const after = await withTimeline(
        ws.options,
        async (base) => (await getJson(`${base}/timeline?limit=200`)).body.events,
      );
      expect(after).toHaveLength(before.length);
      const izmail = after.find((e: { date: string }) => e.date === '2024-07-02');
      expect(izmail.sourceCount).toBe(1);
      expect(izmail.summary).toContain('destroying two grain silos');
      expect(izmail.sources[0].quote).toContain('destroying two grain silos');
      console.log(
        'drill: the same article re-published with an edited item → quote and summary updated, still one source, no new event',
      );
    } finally {
      await server.stop();
    }
  });
});
