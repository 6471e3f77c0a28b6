import { DeleteMessageCommand, type Message } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as pollerHandler } from '../../functions/poller/handler.ts';
import { handler as schedulerHandler } from '../../functions/scheduler/handler.ts';
import { handler as workerHandler } from '../../functions/worker/handler.ts';
import { runOnce, scheduledEvent } from '../../infra/local/runner.ts';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { toRecord, WorkerLoop } from '../../infra/local/worker-loop.ts';
import { articleId } from '../../lib/articles/index.ts';
import { DynamoEventStore } from '../../lib/store/index.ts';
import { sortKeyBounds } from '../../lib/timeline/index.ts';
import { portsArticle, portsEvents, wireArticle } from '../fixtures/black-sea.ts';
import { FeedServer } from '../support/feed-server.ts';
import { getJson, takeAll, withTimeline, workspace } from '../support/local.ts';
import { rss } from '../support/rss.ts';

const timeline = (base: string) => getJson(`${base}/timeline?order=asc&limit=200`);
/** Events on one day have no order of their own: compare by date, then wording. */
const byDateThenSummary = (a: { date: string; summary: string }, b: { date: string; summary: string }) =>
  a.date.localeCompare(b.date) || a.summary.localeCompare(b.summary);

describe('the pipeline, end to end on the embedded emulators', () => {
  const feeds = new FeedServer();
  const ws = workspace();
  const harbour = { id: 'harbour-news', name: 'Harbour News', url: '' };
  const wire = { id: 'wire-desk', name: 'Wire Desk', url: '' };

  beforeAll(async () => {
    await feeds.start();
    feeds.serve('/harbour.xml', rss('Harbour News', [portsArticle]));
    feeds.serve('/wire.xml', rss('Wire Desk', [wireArticle]));
    harbour.url = feeds.url('/harbour.xml');
    wire.url = feeds.url('/wire.xml');
  });
  afterAll(() => feeds.stop());

  it('turns one article into its exact dated events, two same-day events staying two', async () => {
    ws.writeFeeds([harbour]);
    const summary = await runOnce(ws.options);
    expect(summary).toMatchObject({ feeds: 1, failedFeeds: 0, processed: 1, failedMessages: 0 });

    await withTimeline(ws.options, async (base) => {
      const { status, body } = await timeline(base);
      expect(status).toBe(200);
      expect(body.nextCursor).toBeNull();
      const dated = body.events.filter((e: { kind: string }) => e.kind === 'dated');
      const found = dated.map((e: { date: string; summary: string }) => ({
        date: e.date,
        summary: e.summary,
      }));
      expect(found.map((e: { date: string }) => e.date)).toEqual(portsEvents.map((e) => e.date));
      expect(found.sort(byDateThenSummary)).toEqual([...portsEvents].sort(byDateThenSummary));
      for (const event of dated) {
        expect(event).toMatchObject({
          datePrecision: 'day',
          endDate: null,
          sourceCount: 1,
        });
        expect(event.topics).toContain('shipping');
        expect(event.id).toMatch(/^evt_/);
        expect(event.sources[0]).toMatchObject({
          feedId: 'harbour-news',
          feedName: 'Harbour News',
          title: portsArticle.title,
          url: portsArticle.link,
          publishedAt: '2024-10-15T08:30:00.000Z',
        });
        expect(event.firstReportedAt).toBe('2024-10-15T08:30:00.000Z');
      }
      const health = await getJson(`${base}/feeds`);
      expect(health.body.feeds).toEqual([
        expect.objectContaining({
          id: 'harbour-news',
          status: 'ok',
          lastStatus: 200,
          items: 1,
          consecutiveFailures: 0,
        }),
      ]);
      const izmail = dated.find((e: { date: string }) => e.date === '2024-07-02');
      expect(izmail.sources[0].quote).toBe(
        '2 July: Russian drones struck the port of Izmail, damaging two grain silos on the Danube',
      );
    });
  });

  it('adds a second outlet’s wording of two events as sources, not as new events', async () => {
    ws.writeFeeds([harbour, wire]);
    const summary = await runOnce(ws.options);
    expect(summary).toMatchObject({ feeds: 2, failedFeeds: 0, processed: 1 });

    await withTimeline(ws.options, async (base) => {
      const { body } = await timeline(base);
      const dated = body.events.filter((e: { kind: string }) => e.kind === 'dated');
      expect(dated).toHaveLength(portsEvents.length);
      const byCount = dated.filter((e: { sourceCount: number }) => e.sourceCount === 2);
      expect(byCount.map((e: { date: string }) => e.date)).toEqual(['2024-07-02', '2024-10-09']);
      const paola = byCount.find((e: { date: string }) => e.date === '2024-10-09');
      expect(paola.summary).toContain('Paola');
      expect(paola.sources.map((s: { feedId: string }) => s.feedId)).toEqual(['harbour-news', 'wire-desk']);
      expect(paola.lastReportedAt).toBe('2024-10-16T06:05:00.000Z');
      expect(paola.sources[1].quote).toBe(
        'A missile struck the container vessel Paola off Odesa on October 9, killing a crew member, Ukrainian officials said.',
      );
      const romania = dated.find((e: { summary: string }) => e.summary.includes('Plauru'));
      expect(romania.sourceCount).toBe(1);
    });
  });

  it('adds nothing when the same feeds are polled again', async () => {
    const before = await withTimeline(ws.options, async (base) => (await timeline(base)).body);
    const summary = await runOnce(ws.options);
    expect(summary).toMatchObject({ feeds: 2, failedFeeds: 0, processed: 0 });
    const after = await withTimeline(ws.options, async (base) => (await timeline(base)).body);
    expect(after).toEqual(before);
  });

  it('credits a second feed carrying the same article on its sources, without a second source', async () => {
    feeds.serve(
      '/mirror.xml',
      rss('Mirror', [{ ...portsArticle, link: portsArticle.link.replace('?utm_source=rss', '') }]),
    );
    ws.writeFeeds([harbour, wire, { id: 'mirror', name: 'Mirror', url: feeds.url('/mirror.xml') }]);
    await runOnce(ws.options);
    await withTimeline(ws.options, async (base) => {
      const { body } = await timeline(base);
      const izmail = body.events.find((e: { date: string }) => e.date === '2024-07-02');
      expect(izmail.sourceCount).toBe(2);
      const harbourSource = izmail.sources.find((s: { feedId: string }) => s.feedId === 'harbour-news');
      expect(harbourSource.feeds).toEqual([
        { id: 'harbour-news', name: 'Harbour News' },
        { id: 'mirror', name: 'Mirror' },
      ]);
      const mirrored = await getJson(`${base}/timeline?feed=mirror&limit=200`);
      expect(mirrored.body.events.length).toBe(portsEvents.length + 1);
    });
  });
});

/** Polls every configured feed now, through the scheduler and poller handlers, and takes what the
 * poll put on the articles queue, unprocessed. */
async function pollAndTake(stack: LocalStack): Promise<Message[]> {
  await schedulerHandler(scheduledEvent(new Date(), true));
  const { url, arn } = stack.feeds;
  await new WorkerLoop({ sqs: stack.sqs, queueUrl: url, queueArn: arn, handler: pollerHandler }).drain();
  return takeAll(stack.sqs, stack.articles.url);
}

/** Hands one message to the worker handler, as Lambda would, and deletes it once processed. */
async function deliver(stack: LocalStack, message: Message) {
  const response = await workerHandler({ Records: [toRecord(message, stack.articles.arn, 'us-east-1')] });
  expect(response.batchItemFailures).toEqual([]);
  await stack.sqs.send(
    new DeleteMessageCommand({ QueueUrl: stack.articles.url, ReceiptHandle: message.ReceiptHandle }),
  );
}

async function storedVersions(stack: LocalStack): Promise<Record<string, number>> {
  const versions: Record<string, number> = {};
  for await (const event of new DynamoEventStore(stack.dynamo, 'dateline').range({
    ...sortKeyBounds(),
    order: 'asc',
  }))
    versions[event.id] = event.version;
  return versions;
}

/** What a message on the articles queue is: its kind, its article, and the feed it is from. */
function whatIs(message: Message): [string, string, string] {
  const body = JSON.parse(message.Body ?? '');
  return body.kind === 'credit'
    ? ['credit', body.articleId, body.feed.id]
    : [body.kind, body.article.id, body.article.feedId];
}

describe('an article in two feeds: queued once, credited to both', () => {
  const feeds = new FeedServer();
  const harbour = { id: 'harbour-news', name: 'Harbour News', url: '' };
  const mirror = { id: 'mirror', name: 'Mirror', url: '' };
  const id = articleId({ link: portsArticle.link, feedId: harbour.id }) as string;

  beforeAll(async () => {
    await feeds.start();
    feeds.serve('/harbour.xml', rss('Harbour News', [portsArticle]));
    feeds.serve(
      '/mirror.xml',
      rss('Mirror', [{ ...portsArticle, link: portsArticle.link.replace('?utm_source=rss', '') }]),
    );
    harbour.url = feeds.url('/harbour.xml');
    mirror.url = feeds.url('/mirror.xml');
  });
  afterAll(() => feeds.stop());

  for (const order of ['article', 'credit'] as const) {
    it(`${order} processed first: one article message, one credit, every event credited to both feeds with one write`, async () => {
      const ws = workspace();
      ws.writeFeeds([harbour]);
      const stack = await startLocalStack(ws.options);
      try {
        const first = await pollAndTake(stack);
        ws.writeFeeds([harbour, mirror]);
        const second = await pollAndTake(stack);
        // Everything the articles queue received for the article: once in full, once as a credit.
        expect([...first, ...second].map(whatIs)).toEqual([
          ['article', id, 'harbour-news'],
          ['credit', id, 'mirror'],
        ]);
        const [article, credit] = [first[0] as Message, second[0] as Message];
        for (const message of order === 'article' ? [article, credit] : [credit, article]) {
          await deliver(stack, message);
        }
        // Created, then credited once: one write per event for the credit, whichever came first.
        const versions = await storedVersions(stack);
        expect(Object.keys(versions)).toHaveLength(portsEvents.length + 1);
        expect(new Set(Object.values(versions))).toEqual(new Set([1]));
        // The credit delivered again writes nothing.
        await deliver(stack, credit);
        expect(await storedVersions(stack)).toEqual(versions);
        // Polled again, neither feed queues anything.
        expect(await pollAndTake(stack)).toEqual([]);
      } finally {
        await stack.stop();
      }

      await withTimeline(ws.options, async (base) => {
        const all = (await timeline(base)).body.events;
        expect(all).toHaveLength(portsEvents.length + 1);
        for (const event of all) {
          expect(event.sources).toHaveLength(1);
          expect(event.sources[0]).toMatchObject({
            feedId: 'harbour-news',
            feeds: [
              { id: 'harbour-news', name: 'Harbour News' },
              { id: 'mirror', name: 'Mirror' },
            ],
          });
        }
        const ids = all.map((e: { id: string }) => e.id).sort();
        for (const feed of ['harbour-news', 'mirror']) {
          const { body } = await getJson(`${base}/timeline?feed=${feed}&limit=200`);
          expect(body.events.map((e: { id: string }) => e.id).sort()).toEqual(ids);
        }
      });
    });
  }
});
