import { type Message, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import {
  decodeArticlesQueueMessage,
  decodePollJob,
  SqsArticleQueue,
  SqsPollJobQueue,
} from '../../lib/queue/index.ts';
import { MemoryPollJobs } from '../support/memory-feeds.ts';
import { MemoryQueue } from '../support/memory-queue.ts';
import { type Arrival, describeQueueContract } from './queue.contract.ts';
import { queuesOn, sqsServices } from './targets.ts';

describeQueueContract('in memory', async () => {
  const articles = new MemoryQueue();
  const jobs = new MemoryPollJobs();
  return {
    articles,
    jobs,
    arrivals: async () =>
      articles.accepted.map(
        ({ kind, article: { id, feedId, title } }): Arrival =>
          kind === 'credit' ? { kind, id, feedId } : { kind, id, feedId, title },
      ),
    pollJobs: async () => [...jobs.sent],
  };
});

/** How long to keep receiving for messages still to come: a real SQS answers from a sample of its hosts. */
const PATIENCE_MS = 5_000;

/** Receives until `count` messages arrived or patience ran out; received ones stay hidden, undeleted. */
async function receive(client: SQSClient, queueUrl: string, count: number): Promise<Message[]> {
  const received: Message[] = [];
  const until = Date.now() + PATIENCE_MS;
  for (;;) {
    const { Messages = [] } = await client.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 300 }),
    );
    received.push(...Messages);
    if (received.length >= count || Date.now() > until) return received;
    if (!Messages.length) await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const arrivalOf = (body: string): Arrival => {
  const message = decodeArticlesQueueMessage(body);
  return message.kind === 'credit'
    ? { kind: 'credit', id: message.articleId, feedId: message.feed.id }
    : {
        kind: 'article',
        id: message.article.id,
        feedId: message.article.feedId,
        title: message.article.title,
      };
};

for (const service of sqsServices()) {
  const freshQueue = queuesOn(service);
  describeQueueContract(service.name, async () => {
    const [articles, feeds] = [await freshQueue(), await freshQueue()];
    return {
      articles: new SqsArticleQueue(articles.client, articles.resource.url),
      jobs: new SqsPollJobQueue(feeds.client, feeds.resource.url),
      arrivals: async (count) =>
        (await receive(articles.client, articles.resource.url, count)).map((m) => arrivalOf(m.Body ?? '')),
      pollJobs: async (count) =>
        (await receive(feeds.client, feeds.resource.url, count)).map((m) => decodePollJob(m.Body ?? '')),
    };
  });
}
