import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as schedulerHandler } from '../../functions/scheduler/handler.ts';
import { runOnce, scheduledEvent } from '../../infra/local/runner.ts';
import { DEFAULT_POLICY } from '../../lib/feeds/index.ts';
import { DynamoFeedStates, type ItemKind, keys } from '../../lib/store/index.ts';
import { FeedServer } from '../support/feed-server.ts';
import { getJson, withTimeline, workspace } from '../support/local.ts';
import { rss } from '../support/rss.ts';

const DAY = 24 * 3_600_000;
const recent = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString();
const item = (site: string, n: number) => ({
  title: `Notice ${n}`,
  link: `https://${site}/notices/${n}`,
  pubDate: recent(n),
  html: `<p>On 3 October the ${site} harbour office issued notice ${n}.</p>`,
});

interface Health {
  id: string;
  site: string | null;
  status: string;
  lastError: string | null;
  warnings: string[];
  nextPollAt: string | null;
  lastPolledAt: string | null;
}

describe('hostile feeds beside a healthy one, through the scheduler and poller handlers', () => {
  const server = new FeedServer();
  const ws = workspace();
  const feeds = [
    { id: 'healthy', name: 'Healthy', url: '' },
    { id: 'forever-fresh', name: 'Forever Fresh', url: '' },
    { id: 'far-future', name: 'Far Future', url: '' },
  ];
  const feedsHealth = async (base: string): Promise<Map<string, Health>> => {
    const { status, body } = await getJson(`${base}/feeds`);
    expect(status).toBe(200);
    return new Map((body.feeds as Health[]).map((feed) => [feed.id, feed]));
  };

  beforeAll(async () => {
    await server.start();
    server.serve('/healthy.xml', rss('Healthy', [item('healthy.example', 1)]));
    server.routes.set('/fresh.xml', (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/rss+xml', 'cache-control': 'max-age=300000000000' })
        .end(rss('Forever Fresh', [item('fresh.example', 1)])),
    );
    const farFuture = rss('Far Future', [item('future.example', 1), item('future.example', 2)]).replace(
      /<pubDate>[^<]*<\/pubDate>/,
      '<pubDate>Sat, 01 Jan 10000 00:00:00 GMT</pubDate>',
    );
    server.serve('/future.xml', farFuture);
    for (const [feed, path] of feeds.map(
      (f, i) => [f, ['/healthy.xml', '/fresh.xml', '/future.xml'][i]] as const,
    ))
      feed.url = `${server.url(path as string)}?token=s3cr3t`;
    ws.writeFeeds(feeds);
  });
  afterAll(() => server.stop());

  it('polls all three again and again; /feeds answers 200 naming what was bounded, never the URL', async () => {
    expect(await runOnce(ws.options)).toMatchObject({ feeds: 3, failedFeeds: 0 });
    expect(await runOnce(ws.options)).toMatchObject({ feeds: 3, failedFeeds: 0 });
    expect(server.hits.get('/healthy.xml')).toBe(2);
    await withTimeline(ws.options, async (base) => {
      // The schedule reads every feed's state in one call: it must still run.
      await expect(schedulerHandler(scheduledEvent())).resolves.toMatchObject({ feeds: 3 });
      const health = await feedsHealth(base);
      expect(health.get('healthy')).toMatchObject({ status: 'ok', warnings: [], site: expect.any(String) });
      expect(health.get('forever-fresh')).toMatchObject({ status: 'ok', warnings: ['cache-hint-clamped'] });
      expect(health.get('far-future')).toMatchObject({ status: 'ok', warnings: ['item-dates-out-of-range'] });
      const fresh = health.get('forever-fresh') as Health;
      const wait = Date.parse(fresh.nextPollAt ?? '') - Date.parse(fresh.lastPolledAt ?? '');
      expect(wait).toBeLessThanOrEqual(DEFAULT_POLICY.maxIntervalMs);
      const { body } = await getJson(`${base}/feeds`);
      expect(JSON.stringify(body)).not.toContain('s3cr3t');
      expect(JSON.stringify(body)).not.toContain('/healthy.xml');
    });
  });

  it('a corrupt state already stored is reported, shown unhealthy with its reason, and replaced at the next poll', async () => {
    const reported: Array<[ItemKind, string]> = [];
    await withTimeline(ws.options, async (base, stack) => {
      const corrupt = (feedId: string, version: unknown) =>
        stack.dynamo.send(
          new PutItemCommand({
            TableName: 'dateline',
            Item: marshall({
              ...keys.feed(feedId),
              gsi1pk: 'FEEDS',
              gsi1sk: `+010000-01-01T00:00:00.000Z#${feedId}`,
              feedId,
              configuredUrl: 'https://old.example/feed',
              url: 'https://old.example/feed',
              nextPollAt: '+010000-01-01T00:00:00.000Z',
              newestItemAt: '+010000-01-01T00:00:00.000Z',
              consecutiveFailures: 0,
              unhealthy: false,
              version,
            }),
          }),
        );
      await corrupt('far-future', 4);
      // Not even its version reads: the next write must still be able to replace it.
      await corrupt('forever-fresh', 'four');
      const states = new DynamoFeedStates(stack.dynamo, 'dateline', {
        report: (kind, key) => void reported.push([kind, key]),
      });
      const read = await states.getMany(feeds.map((feed) => feed.id));
      expect([...reported].sort()).toEqual([
        ['feed-state', 'FEED#far-future'],
        ['feed-state', 'FEED#forever-fresh'],
      ]);
      expect(read.get('healthy')?.lastErrorCode).toBeUndefined();
      const health = await feedsHealth(base);
      expect(health.get('far-future')).toMatchObject({ status: 'unhealthy', lastError: 'invalid-state' });
      expect(health.get('healthy')).toMatchObject({ status: 'ok' });
      // Both recovered states are due now: the schedule claims them, and the healthy feed is not held up.
      await expect(schedulerHandler(scheduledEvent())).resolves.toMatchObject({
        feeds: 3,
        due: 2,
        queued: 2,
      });
    });
    expect(await runOnce(ws.options)).toMatchObject({ feeds: 3, failedFeeds: 0 });
    await withTimeline(ws.options, async (base) => {
      const health = await feedsHealth(base);
      for (const id of ['healthy', 'forever-fresh', 'far-future']) expect(health.get(id)?.status).toBe('ok');
    });
  });
});
