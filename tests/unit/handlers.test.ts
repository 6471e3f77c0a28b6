import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { makePollerHandler } from '../../functions/poller/handler.ts';
import { makeSchedulerHandler, type ScheduleEvent } from '../../functions/scheduler/handler.ts';
import { CLAIM_MS, type Feed } from '../../lib/feeds/index.ts';
import type { FetchedResponse } from '../../lib/http/index.ts';
import { encodePollJob } from '../../lib/queue/index.ts';
import { aFeed } from '../support/accounts.ts';
import { MemoryFeedStates, MemoryPollJobs, RecordedLog, RecordedMetrics } from '../support/memory-feeds.ts';
import { MemoryLedger, MemoryQueue } from '../support/memory-queue.ts';
import { rss } from '../support/rss.ts';

/** Recent enough for any poll's item-date window, whenever the test runs. */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

const scheduled = (force?: boolean): ScheduleEvent =>
  ({
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    detail: force ? { force } : {},
  }) as ScheduleEvent;

const sqsEvent = (bodies: string[]): SQSEvent => ({
  Records: bodies.map((body, i) => ({
    messageId: `m${i}`,
    receiptHandle: `r${i}`,
    body,
    attributes: { ApproximateReceiveCount: '1' } as never,
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:eu-west-1:111122223333:dateline-feeds',
    awsRegion: 'eu-west-1',
  })),
});

describe('makeSchedulerHandler, on in-memory adapters', () => {
  const feeds: Feed[] = [
    aFeed({ id: 'quay-news', url: 'https://quay.example/rss' }),
    aFeed({ id: 'ferry-times', url: 'https://ferry.example/rss' }),
    aFeed({ id: 'retired', url: 'https://old.example/rss', enabled: false }),
  ];
  const wire = () => {
    const deps = {
      feeds: () => feeds,
      states: new MemoryFeedStates(),
      jobs: new MemoryPollJobs(),
      log: new RecordedLog(),
      metrics: new RecordedMetrics(),
    };
    return { deps, handler: makeSchedulerHandler(deps) };
  };

  it('queues one job per enabled feed, claims each, and counts what it did', async () => {
    const { deps, handler } = wire();
    const before = Date.now();
    expect(await handler(scheduled())).toMatchObject({ feeds: 2, due: 2, queued: 2, failed: 0 });
    expect(deps.jobs.sent.map((feed) => feed.id).sort()).toEqual(['ferry-times', 'quay-news']);
    const claim = Date.parse(deps.states.states.get('quay-news')?.nextPollAt as string);
    expect(claim).toBeGreaterThanOrEqual(before + CLAIM_MS);
    expect(deps.metrics.total('PollJobsQueued')).toBe(2);
    expect(deps.metrics.published).toBe(1);
    expect(deps.log.lines).toContainEqual(expect.objectContaining({ message: 'schedule finished' }));
  });

  it('queues nothing while the claims hold, and everything again when forced', async () => {
    const { deps, handler } = wire();
    await handler(scheduled());
    expect((await handler(scheduled())).queued).toBe(0);
    expect((await handler(scheduled(true))).queued).toBe(2);
    expect(deps.jobs.sent).toHaveLength(4);
  });

  it('warns of a job the queue refused, leaving its claim to run out', async () => {
    const { deps, handler } = wire();
    deps.jobs.refuse = (feed) => feed.id === 'ferry-times';
    expect(await handler(scheduled())).toMatchObject({ queued: 1, failed: 1 });
    expect(deps.log.lines.find((line) => line.level === 'warn')?.message).toContain('ferry-times');
  });
});

describe('makePollerHandler, on in-memory adapters', () => {
  const feed = aFeed({ id: 'quay-news', url: 'https://quay.example/rss' });
  const document = rss('Quay News', [
    {
      title: 'Harbour crane inspected',
      link: 'https://quay.example/news/crane',
      pubDate: daysAgo(2),
      html: '<p>Inspectors examined the harbour crane on Monday, the port authority said.</p>',
    },
    {
      title: 'Ferry timetable changes',
      link: 'https://quay.example/news/ferry',
      pubDate: daysAgo(1),
      html: '<p>The winter ferry timetable starts on 7 December, the operator announced.</p>',
    },
  ]);
  const wire = (fetch: (url: string) => Promise<FetchedResponse>) => {
    const deps = {
      fetch,
      ledger: new MemoryLedger(),
      queue: new MemoryQueue(),
      states: new MemoryFeedStates(),
      log: new RecordedLog(),
      metrics: new RecordedMetrics(),
    };
    return { deps, handler: makePollerHandler(deps) };
  };
  const served = async (url: string): Promise<FetchedResponse> => ({
    status: 200,
    url,
    headers: { 'content-type': 'application/rss+xml' },
    body: Buffer.from(document),
    redirects: [],
  });

  it('polls each job, queues its new articles once, and records the poll in the feed state', async () => {
    const { deps, handler } = wire(served);
    expect(await handler(sqsEvent([encodePollJob(feed)]))).toEqual({ batchItemFailures: [] });
    expect(deps.queue.accepted.map((message) => message.url).sort()).toEqual([
      'https://quay.example/news/crane',
      'https://quay.example/news/ferry',
    ]);
    expect(deps.metrics.total('ArticlesQueued')).toBe(2);
    expect(deps.states.states.get('quay-news')?.lastPolledAt).toEqual(expect.any(String));
    await handler(sqsEvent([encodePollJob(feed)]));
    expect(deps.queue.accepted).toHaveLength(2);
  });

  it('fails only the record it cannot decode; a feed that is down is a counted failure, not a failed record', async () => {
    const { deps, handler } = wire(async () => {
      throw new Error('connect ECONNREFUSED');
    });
    const response = await handler(sqsEvent(['{"v":1,"feed":{"id":"x"}}', encodePollJob(feed)]));
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm0' }]);
    expect(deps.metrics.total('FeedFailures')).toBe(1);
    expect(deps.states.states.get('quay-news')?.lastError).toEqual(expect.any(String));
  });
});
