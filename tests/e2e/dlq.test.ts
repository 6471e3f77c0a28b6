import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { handler as workerHandler } from '../../functions/worker/handler.ts';
import { startLocalStack } from '../../infra/local/stack.ts';
import { WorkerLoop } from '../../infra/local/worker-loop.ts';
import { encodeArticleMessage } from '../../lib/queue/index.ts';
import { DynamoEventStore } from '../../lib/store/index.ts';
import { sortKeyBounds, type TimelineEvent } from '../../lib/timeline/index.ts';
import { anArticle, CHANNEL_CLOSED } from '../support/accounts.ts';
import { run } from '../support/cli.ts';
import { workspace } from '../support/local.ts';

const article = anArticle(0xd, {
  feedId: 'harbour',
  feedName: 'Harbour News',
  url: 'https://harbour.example/dead-letter-drill',
  title: 'Channel closed',
  html: CHANNEL_CLOSED,
});

describe('dead letters: a message that keeps failing, then replayed once the cause is fixed', () => {
  it('retries 5 times, lands in the DLQ, is listed by npm run dlq -- list and processed after replay', async () => {
    const ws = workspace();
    let stack = await startLocalStack(ws.options);
    const loop = () =>
      new WorkerLoop({
        sqs: stack.sqs,
        queueUrl: stack.articles.url,
        queueArn: stack.articles.arn,
        handler: workerHandler,
      });
    await stack.sqs.send(
      new SendMessageCommand({ QueueUrl: stack.articles.url, MessageBody: encodeArticleMessage(article) }),
    );
    // The cause: the worker pointed at a table that does not exist.
    const table = process.env.TABLE_NAME;
    process.env.TABLE_NAME = 'no-such-table';
    const failing = loop();
    await failing.drain();
    process.env.TABLE_NAME = table;
    expect(failing.stats).toMatchObject({ succeeded: 0, failed: 5 });
    await stack.stop();

    const listed = await run('infra/local/dlq-cli.ts', ['list', '--data-dir', ws.options.dataDir]);
    expect(listed.code, listed.output).toBe(0);
    expect(listed.output).toContain(article.url);
    expect(listed.output).toContain('1 dead letter(s) in articles');
    const replayed = await run('infra/local/dlq-cli.ts', ['replay', '--data-dir', ws.options.dataDir]);
    expect(replayed.output).toContain('replayed 1 dead letter(s) to the articles queue');

    stack = await startLocalStack(ws.options);
    try {
      const working = loop();
      await working.drain();
      expect(working.stats).toMatchObject({ succeeded: 1, failed: 0 });
      const events: TimelineEvent[] = [];
      for await (const event of new DynamoEventStore(stack.dynamo, 'dateline').range({
        ...sortKeyBounds(),
        order: 'asc',
      })) {
        events.push(event);
      }
      expect(events.map((e) => [e.kind, e.date])).toEqual([
        ['dated', '2024-10-03'],
        ['report', '2024-10-15'],
      ]);
      console.log(
        'drill: worker pointed at a missing table → 5 receives → DLQ → listed → replayed after the fix → in the timeline',
      );
    } finally {
      await stack.stop();
    }
  });
});
