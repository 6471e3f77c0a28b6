import {
  SendMessageBatchCommand,
  type SendMessageBatchRequestEntry,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { Article } from '../articles/index.ts';
import type { ArticleQueue, Feed, PollJobQueue, QueueResult } from '../feeds/index.ts';
import { encodeArticleMessage, encodeCreditMessage, encodePollJob } from './messages.ts';

const BATCH_COUNT = 10;
/** SQS caps a batch's total payload; stay under it with room for attributes. */
const BATCH_BYTES = 240 * 1024;
const ATTEMPTS = 4;

function batches(entries: SendMessageBatchRequestEntry[]): SendMessageBatchRequestEntry[][] {
  const result: SendMessageBatchRequestEntry[][] = [];
  let current: SendMessageBatchRequestEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = Buffer.byteLength(entry.MessageBody ?? '');
    if (current.length === BATCH_COUNT || (current.length && bytes + size > BATCH_BYTES)) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length) result.push(current);
  return result;
}

/**
 * Sends items ten to a SendMessageBatch call, retrying the entries SQS turned away (not those it
 * rejected as the sender's fault), and says which went and which did not.
 */
export async function sendInBatches<T>(
  client: SQSClient,
  queueUrl: string,
  items: T[],
  encode: (item: T) => string,
): Promise<{ sent: T[]; failed: Array<{ item: T; reason: string }> }> {
  const byId = new Map(items.map((item, i) => [`m${i}`, item]));
  const sentIds = new Set<string>();
  const reasons = new Map<string, string>();
  let pending: SendMessageBatchRequestEntry[] = [...byId].map(([Id, item]) => ({
    Id,
    MessageBody: encode(item),
  }));
  for (let attempt = 0; attempt < ATTEMPTS && pending.length; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    const retry: SendMessageBatchRequestEntry[] = [];
    for (const batch of batches(pending)) {
      try {
        const response = await client.send(
          new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: batch }),
        );
        for (const ok of response.Successful ?? []) sentIds.add(ok.Id ?? '');
        for (const failure of response.Failed ?? []) {
          reasons.set(failure.Id ?? '', `${failure.Code}: ${failure.Message}`);
          const entry = batch.find((e) => e.Id === failure.Id);
          if (!failure.SenderFault && entry) retry.push(entry);
        }
      } catch (error) {
        for (const entry of batch) reasons.set(entry.Id ?? '', (error as Error).message);
        retry.push(...batch);
      }
    }
    pending = retry;
  }
  const sent = [...byId].filter(([id]) => sentIds.has(id)).map(([, item]) => item);
  const failed = [...byId]
    .filter(([id]) => !sentIds.has(id))
    .map(([id, item]) => ({ item, reason: reasons.get(id) ?? 'not sent' }));
  return { sent, failed };
}

export class SqsArticleQueue implements ArticleQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  private async sendAs(articles: Article[], encode: (article: Article) => string): Promise<QueueResult> {
    const { sent, failed } = await sendInBatches(this.client, this.queueUrl, articles, encode);
    return { sent, failed: failed.map(({ item, reason }) => ({ article: item, reason })) };
  }

  send(articles: Article[]): Promise<QueueResult> {
    return this.sendAs(articles, encodeArticleMessage);
  }

  credit(articles: Article[]): Promise<QueueResult> {
    return this.sendAs(articles, encodeCreditMessage);
  }
}

export class SqsPollJobQueue implements PollJobQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(feeds: Feed[]) {
    const { sent, failed } = await sendInBatches(this.client, this.queueUrl, feeds, encodePollJob);
    return { sent, failed: failed.map(({ item, reason }) => ({ feed: item, reason })) };
  }
}
