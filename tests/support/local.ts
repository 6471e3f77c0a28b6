import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Message,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { serve } from '@hono/node-server';
import { timelineApp } from '../../functions/timeline/app.ts';
import type { RunnerOptions } from '../../infra/local/cli.ts';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import type { Article } from '../../lib/articles/index.ts';
import { encodeArticleMessage } from '../../lib/queue/index.ts';
import { DynamoEventStore } from '../../lib/store/index.ts';
import { sortKeyBounds, type TimelineEvent } from '../../lib/timeline/index.ts';

export interface FeedEntryConfig {
  id: string;
  name: string;
  url: string;
}

/** A scratch data folder and feeds file, as an operator would set them up. */
export function workspace(prefix = 'dateline-test-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const feedsPath = join(dir, 'feeds.yaml');
  const options: RunnerOptions = {
    once: true,
    feedsPath,
    port: 0,
    dataDir: join(dir, 'data'),
    allowPrivateNetwork: true,
  };
  return {
    dir,
    options,
    writeFeeds(feeds: FeedEntryConfig[]) {
      const lines = feeds.map(
        (f) => `  - id: ${f.id}\n    name: ${f.name}\n    url: ${f.url}\n    topics: [shipping]\n`,
      );
      writeFileSync(feedsPath, `feeds:\n${lines.join('')}`);
    },
  };
}

/** Starts the stack over a data folder, serves the timeline on a loopback port and runs `use` against it. */
export async function withTimeline<T>(
  options: RunnerOptions,
  use: (base: string, stack: LocalStack) => Promise<T>,
): Promise<T> {
  const stack = await startLocalStack(options);
  const server = serve({ fetch: timelineApp().fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    return await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, stack);
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await stack.stop();
  }
}

// biome-ignore lint/suspicious/noExplicitAny: tests read the contract's JSON by hand and assert on it.
export async function getJson(url: string): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(url);
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** Takes every visible message off a queue, unprocessed: hidden for 10 minutes, not deleted. */
export async function takeAll(sqs: SQSClient, queueUrl: string): Promise<Message[]> {
  const taken: Message[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        VisibilityTimeout: 600,
        MessageSystemAttributeNames: ['All'],
      }),
    );
    if (!Messages.length) return taken;
    taken.push(...Messages);
  }
}

/** Puts article messages on the stack's articles queue, ten per batch; a refused entry fails the test. */
export async function sendBodies(stack: LocalStack, bodies: string[]): Promise<void> {
  for (let i = 0; i < bodies.length; i += 10) {
    const entries = bodies.slice(i, i + 10).map((body, j) => ({ Id: `m${j}`, MessageBody: body }));
    const { Failed = [] } = await stack.sqs.send(
      new SendMessageBatchCommand({ QueueUrl: stack.articles.url, Entries: entries }),
    );
    if (Failed.length) throw new Error(`articles queue refused ${Failed.length} message(s)`);
  }
}

/** The articles, encoded as the poller queues them. */
export const sendArticles = (stack: LocalStack, articles: Article[]) =>
  sendBodies(stack, articles.map(encodeArticleMessage));

/** Every stored event without id and version (they depend on history), as sorted JSON lines. */
export async function storedTimeline(stack: LocalStack): Promise<string[]> {
  const events: TimelineEvent[] = [];
  for await (const event of new DynamoEventStore(stack.dynamo, 'dateline').range({
    ...sortKeyBounds(),
    order: 'asc',
  }))
    events.push(event);
  return events.map(({ id, version, ...event }) => JSON.stringify(event)).sort();
}
