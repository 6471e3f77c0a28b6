import type { Context, SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { makeWorkerHandler } from '../../functions/worker/handler.ts';
import type { WorkerDeps } from '../../functions/worker/services.ts';
import { encodeArticleMessage, encodeCreditMessage, type Unusable } from '../../lib/queue/index.ts';
import type { TimelineEvent } from '../../lib/timeline/index.ts';
import { anArticle } from '../support/accounts.ts';
import { sqsEvent } from '../support/lambda-events.ts';
import { interposed, MemoryEvents } from '../support/memory-events.ts';
import { RecordedLog, RecordedMetrics } from '../support/memory-feeds.ts';
import { MemoryLedger } from '../support/memory-queue.ts';

const ARTICLES_ARN = 'arn:aws:sqs:eu-west-1:111122223333:dateline-articles';

const batch = (...bodies: string[]) =>
  sqsEvent(
    bodies.map((Body, i) => ({ MessageId: `m${i}`, Body })),
    ARTICLES_ARN,
  ) as SQSEvent;

/** A Lambda context whose invocation has `ms` left from now, counting down. */
function lambdaContext(ms: number): Context {
  const ends = Date.now() + ms;
  return { getRemainingTimeInMillis: () => ends - Date.now() } as Context;
}

// Told on different days under different titles, so no event of one can cluster with the other's.
const closed = anArticle(0xc1, {
  url: 'https://harbour.example/closed',
  title: 'Northern channel closed',
  publishedAt: '2024-10-03T16:00:00.000Z',
  html: '<p>On 3 October the harbour master closed the northern channel to cargo traffic.</p>',
});
const strike = anArticle(0xc2, {
  url: 'https://harbour.example/strike',
  title: 'Pilots strike',
  publishedAt: '2024-10-06T09:00:00.000Z',
  html: '<p>On 4 October the harbour pilots went on strike over pay, their union said.</p>',
});

function wire(overrides: Partial<Pick<WorkerDeps, 'events' | 'deadLetters'>> = {}) {
  const events = new MemoryEvents();
  const log = new RecordedLog();
  const metrics = new RecordedMetrics();
  const deadLettered: Array<{ message: Unusable; reason: string }> = [];
  const deps: WorkerDeps = {
    events,
    ledger: new MemoryLedger(),
    fetchPage: async () => {
      throw new Error('no page should be read: the articles carry their whole text');
    },
    log,
    metrics,
    deadLetters: async (message: Unusable, reason: string) => void deadLettered.push({ message, reason }),
    ...overrides,
  };
  return { log, metrics, events, deadLettered, handler: makeWorkerHandler(deps) };
}

const stored = (events: MemoryEvents) =>
  [...events.items.values()].filter((item): item is TimelineEvent => !('mergedInto' in item));

/** The articles the stored events were told by, each once. */
const tellers = (events: MemoryEvents) => [
  ...new Set(stored(events).flatMap((event) => event.sources.map((source) => source.articleId))),
];

describe('makeWorkerHandler, on in-memory adapters', () => {
  it('stores an article’s events and reports no failures', async () => {
    const { metrics, events, handler } = wire();
    expect(await handler(batch(encodeArticleMessage(closed)))).toEqual({ batchItemFailures: [] });
    expect(tellers(events)).toEqual([closed.id]);
    expect(stored(events).map((event) => event.date)).toContain('2024-10-03');
    expect(metrics.total('EventsCreated')).toBe(stored(events).length);
    expect(metrics.published).toBe(1);
  });

  it('credits a feed that carries an article already stored', async () => {
    const { metrics, events, handler } = wire();
    await handler(batch(encodeArticleMessage(closed)));
    const carried = { ...closed, feedId: 'harbour-gazette', feedName: 'Harbour Gazette' };
    expect(await handler(batch(encodeCreditMessage(carried)))).toEqual({ batchItemFailures: [] });
    for (const event of stored(events)) {
      const feeds = event.sources.flatMap((source) => source.feeds.map((feed) => feed.id));
      expect(feeds.sort()).toEqual(['harbour-gazette', 'wire']);
    }
    expect(metrics.total('FeedsCredited')).toBe(1);
  });

  it('dead-letters a message it cannot decode, with its reason, and reports it done', async () => {
    const { metrics, deadLettered, handler } = wire();
    const malformed = JSON.stringify({ v: 1, kind: 'article', article: { id: 'not-an-article-id' } });
    expect(await handler(batch(malformed))).toEqual({ batchItemFailures: [] });
    expect(deadLettered).toEqual([
      { message: { messageId: 'm0', body: malformed, receiveCount: 1 }, reason: expect.any(String) },
    ]);
    expect(deadLettered[0]?.reason).not.toBe('');
    expect(metrics.total('MessagesDeadLettered')).toBe(1);
  });

  it('without a DLQ, fails the undecodable record and leaves it to the redrive policy', async () => {
    const { metrics, events, handler } = wire({ deadLetters: undefined });
    const response = await handler(batch('not json', encodeArticleMessage(closed)));
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm0' }]);
    expect(metrics.total('MessagesDeadLettered')).toBe(0);
    expect(tellers(events)).toEqual([closed.id]);
  });

  it('fails only the record whose processing throws; the rest of the batch is stored', async () => {
    const memory = new MemoryEvents();
    const post = memory.post.bind(memory);
    const events = interposed(memory, {
      post: async (posting) => {
        if (posting.articleId === strike.id) throw new Error('ProvisionedThroughputExceededException');
        return post(posting);
      },
    });
    const { log, handler } = wire({ events });
    const response = await handler(batch(encodeArticleMessage(closed), encodeArticleMessage(strike)));
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm1' }]);
    expect(tellers(memory)).toEqual([closed.id]);
    const failed = log.lines.find((line) => line.level === 'error');
    expect(failed?.message).toBe('message m1 failed');
    expect(failed?.extra).toContainEqual(expect.objectContaining({ error: expect.any(Error) }));
  });

  it('reports a record still running at its deadline as failed, and returns before the invocation ends', async () => {
    const memory = new MemoryEvents();
    const events = interposed(memory, { create: () => new Promise<boolean>(() => {}) });
    const { handler } = wire({ events });
    const started = Date.now();
    const response = await handler(batch(encodeArticleMessage(closed)), lambdaContext(400));
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm0' }]);
    expect(Date.now() - started).toBeLessThan(400);
    expect(stored(memory)).toEqual([]);
  });
});
