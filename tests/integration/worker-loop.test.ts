import { GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { handler as workerHandler } from '../../functions/worker/handler.ts';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { WorkerLoop } from '../../infra/local/worker-loop.ts';
import { encodeArticleMessage } from '../../lib/queue/index.ts';
import { DynamoEventStore } from '../../lib/store/index.ts';
import { sortKeyBounds } from '../../lib/timeline/index.ts';
import { anArticle, CHANNEL_CLOSED } from '../support/accounts.ts';
import { workspace } from '../support/local.ts';

async function depth(stack: LocalStack, url: string): Promise<number> {
  const { Attributes = {} } = await stack.sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return (
    Number(Attributes.ApproximateNumberOfMessages) + Number(Attributes.ApproximateNumberOfMessagesNotVisible)
  );
}

const article = anArticle(0xa, { feedId: 'fixture', feedName: 'Fixture', html: CHANNEL_CLOSED });

describe('the local worker loop on fauxqs', () => {
  let stack: LocalStack | undefined;
  afterEach(async () => {
    await stack?.stop();
    stack = undefined;
  });

  it('hands batches to the handler as an SQSEvent and deletes only what it did not report failed', async () => {
    stack = await startLocalStack(workspace().options);
    const seen: SQSEvent[] = [];
    const loop = new WorkerLoop({
      sqs: stack.sqs,
      queueUrl: stack.articles.url,
      queueArn: stack.articles.arn,
      handler: async (event) => {
        seen.push(event);
        return {
          batchItemFailures: event.Records.filter((r) => r.body === 'fail').map((r) => ({
            itemIdentifier: r.messageId,
          })),
        };
      },
    });
    for (const body of ['ok-1', 'fail', 'ok-2']) {
      await stack.sqs.send(new SendMessageCommand({ QueueUrl: stack.articles.url, MessageBody: body }));
    }
    let received = 0;
    while (received < 3) received += await loop.pollOnce();
    const record = seen[0]?.Records[0];
    expect(record).toMatchObject({
      eventSource: 'aws:sqs',
      eventSourceARN: stack.articles.arn,
      awsRegion: 'us-east-1',
    });
    expect(record?.attributes.ApproximateReceiveCount).toBe('1');
    expect(loop.stats).toMatchObject({ succeeded: 2, failed: 1 });
    expect(await depth(stack, stack.articles.url)).toBe(1);
  });

  it('dead-letters a message the real worker handler cannot use after one receive, with its reason, writing nothing', async () => {
    stack = await startLocalStack(workspace().options);
    const loop = new WorkerLoop({
      sqs: stack.sqs,
      queueUrl: stack.articles.url,
      queueArn: stack.articles.arn,
      handler: (event) => workerHandler(event),
    });
    await stack.sqs.send(
      new SendMessageCommand({
        QueueUrl: stack.articles.url,
        MessageBody: '{"v":1,"article":{"id":"nope"}}',
      }),
    );
    await stack.sqs.send(
      new SendMessageCommand({ QueueUrl: stack.articles.url, MessageBody: encodeArticleMessage(article) }),
    );
    await loop.drain();
    // Decoding fails the same way every time: no retries, straight to the DLQ.
    expect(loop.stats).toMatchObject({ succeeded: 2, failed: 0 });
    const { Messages = [] } = await stack.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: stack.articles.dlqUrl,
        MaxNumberOfMessages: 10,
        MessageAttributeNames: ['All'],
      }),
    );
    expect(Messages.map((m) => m.Body)).toEqual(['{"v":1,"article":{"id":"nope"}}']);
    expect(Messages[0]?.MessageAttributes?.reason?.StringValue).toMatch(/^unusable message: article\./);
    const stored = [];
    for await (const event of new DynamoEventStore(stack.dynamo, 'dateline').range({
      ...sortKeyBounds(),
      order: 'asc',
    }))
      stored.push(event);
    // The good article's dated event and its report event; nothing from the poison message.
    expect(
      stored.map((event) => [event.kind, event.sources.map((source) => source.articleId)]).sort(),
    ).toEqual([
      ['dated', [article.id]],
      ['report', [article.id]],
    ]);
  });

  it('keeps a message that was in flight at shutdown and delivers it after the next start', async () => {
    const ws = workspace();
    stack = await startLocalStack(ws.options);
    await stack.sqs.send(
      new SendMessageCommand({ QueueUrl: stack.articles.url, MessageBody: encodeArticleMessage(article) }),
    );
    const { Messages = [] } = await stack.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: stack.articles.url, VisibilityTimeout: 600 }),
    );
    expect(Messages).toHaveLength(1);
    await stack.stop();

    stack = await startLocalStack(ws.options);
    const again = await stack.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: stack.articles.url, WaitTimeSeconds: 1 }),
    );
    expect(again.Messages?.map((m) => m.Body)).toEqual([encodeArticleMessage(article)]);
  });
});
