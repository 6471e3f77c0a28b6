import { ReceiveMessageCommand, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import type { Context, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as workerHandler } from '../../functions/worker/handler.ts';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { WorkerLoop } from '../../infra/local/worker-loop.ts';
import type { Article } from '../../lib/articles/index.ts';
import { encodeArticleMessage, listDeadLetters } from '../../lib/queue/index.ts';
import { DynamoEventStore } from '../../lib/store/index.ts';
import { sortKeyBounds, type TimelineEvent } from '../../lib/timeline/index.ts';
import { anArticle } from '../support/accounts.ts';
import { FeedServer } from '../support/feed-server.ts';
import { workspace } from '../support/local.ts';

/** A Lambda context whose invocation has `ms` left from now, counting down. */
function lambdaContext(ms: number): Context {
  const ends = Date.now() + ms;
  return { getRemainingTimeInMillis: () => ends - Date.now() } as Context;
}

const said = (day: number, what: string) => `<p>On ${day} October ${what}, the harbour office said.</p>`;

describe('a batch is never held hostage by one article', () => {
  const server = new FeedServer();
  let stack: LocalStack;
  const remainingMs = 6_000;

  const articles: Article[] = [];
  const malformed = JSON.stringify({ v: 1, kind: 'article', article: { id: 'not-an-article-id' } });

  beforeAll(async () => {
    await server.start();
    // 2,000 nested <div>s: 16 s of Readability before the page caps.
    server.serve(
      '/deep',
      `<html><body>${'<div>'.repeat(2_000)}<p>${'word '.repeat(300)}</p>${'</div>'.repeat(2_000)}</body></html>`,
      'text/html; charset=utf-8',
    );
    // Answers the headers, then never the body.
    server.routes.set('/hang', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>');
    });
    articles.push(
      anArticle(0xb1, { url: 'https://harbour.example/one', html: said(3, 'the northern channel closed') }),
      anArticle(0xb2, { url: 'https://harbour.example/two', html: said(4, 'the pilots went on strike') }),
      anArticle(0xb3, {
        url: server.url('/deep'),
        html: said(5, 'the ferry to the island was suspended'),
        fullText: 'always',
      }),
      anArticle(0xb4, {
        url: server.url('/hang'),
        html: said(7, 'the lock gates were repaired'),
        fullText: 'always',
      }),
    );
    stack = await startLocalStack({ ...workspace().options, allowPrivateNetwork: true });
    const bodies = [...articles.map(encodeArticleMessage), malformed];
    await stack.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: stack.articles.url,
        Entries: bodies.map((MessageBody, i) => ({ Id: `m${i}`, MessageBody })),
      }),
    );
  });
  afterAll(async () => {
    await stack?.stop();
    await server.stop();
  });

  it('good articles succeed, hostile pages are cut at their budget, the malformed message is dead-lettered once', async () => {
    const batches: SQSEvent[] = [];
    const loop = new WorkerLoop({
      sqs: stack.sqs,
      queueUrl: stack.articles.url,
      queueArn: stack.articles.arn,
      handler: (event) => {
        batches.push(event);
        return workerHandler(event, lambdaContext(remainingMs));
      },
    });
    const started = Date.now();
    expect(await loop.pollOnce()).toBe(5);
    // The handler returned inside the invocation's time, every record accounted for.
    expect(Date.now() - started).toBeLessThan(remainingMs);
    expect(loop.stats).toMatchObject({ succeeded: 5, failed: 0 });
    expect(batches.flatMap((b) => b.Records.map((r) => r.attributes.ApproximateReceiveCount))).toEqual(
      Array(5).fill('1'),
    );

    // The malformed message is in the DLQ after that one receive, with its reason.
    const { Messages = [] } = await stack.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: stack.articles.dlqUrl,
        MaxNumberOfMessages: 10,
        MessageAttributeNames: ['All'],
        // Looked at, not taken: `npm run dlq -- list` reads it next.
        VisibilityTimeout: 0,
      }),
    );
    expect(Messages.map((m) => m.Body)).toEqual([malformed]);
    expect(Messages[0]?.MessageAttributes?.reason?.StringValue).toMatch(/^unusable message: article\.\w+/);
    const { Messages: left = [] } = await stack.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: stack.articles.url, MaxNumberOfMessages: 10 }),
    );
    expect(left).toEqual([]);

    // Every article's events are stored; the hostile pages' from their feed text.
    const events: TimelineEvent[] = [];
    const store = new DynamoEventStore(stack.dynamo, 'dateline');
    for await (const event of store.range({ ...sortKeyBounds(), order: 'asc' })) events.push(event);
    const dated = events.filter((e) => e.kind === 'dated');
    expect(dated.map((e) => [e.date, e.sources.map((s) => s.url)])).toEqual([
      ['2024-10-03', ['https://harbour.example/one']],
      ['2024-10-04', ['https://harbour.example/two']],
      ['2024-10-05', [server.url('/deep')]],
      ['2024-10-07', [server.url('/hang')]],
    ]);
  });

  it('lists the dead letter with its reason', async () => {
    const letters = await listDeadLetters(stack.sqs, stack.articles.dlqUrl);
    expect(letters.map((l) => [l.body, l.reason?.startsWith('unusable message:')])).toEqual([
      [malformed, true],
    ]);
  });

  it('a record still running at its deadline fails alone and is retried; decoding is not held to it', async () => {
    const late = anArticle(0xb5, { url: 'https://harbour.example/late', html: said(8, 'the quay reopened') });
    await stack.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: stack.articles.url,
        Entries: [
          { Id: 'late', MessageBody: encodeArticleMessage(late) },
          { Id: 'bad', MessageBody: '{"v":1,"kind":"credit"}' },
        ],
      }),
    );
    const loop = (ms: number) =>
      new WorkerLoop({
        sqs: stack.sqs,
        queueUrl: stack.articles.url,
        queueArn: stack.articles.arn,
        handler: (event) => workerHandler(event, lambdaContext(ms)),
      });
    // No time left: the article cannot finish, and is reported failed rather than timing the batch out.
    const starved = loop(0);
    expect(await starved.pollOnce()).toBe(2);
    expect(starved.stats).toMatchObject({ succeeded: 1, failed: 1 });
    const letters = await listDeadLetters(stack.sqs, stack.articles.dlqUrl);
    expect(letters.map((l) => l.body)).toContain('{"v":1,"kind":"credit"}');
    // Redelivered, with time, it is processed.
    const retried = loop(remainingMs);
    expect(await retried.pollOnce()).toBe(1);
    expect(retried.stats).toMatchObject({ succeeded: 1, failed: 0 });
  });
});
