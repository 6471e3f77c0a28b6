import {
  SendMessageBatchCommand,
  type SendMessageBatchRequestEntry,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { Article } from '../articles/index.ts';
import type { ArticleQueue, QueueResult } from '../feeds/index.ts';
import { encodeArticleMessage } from './messages.ts';

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

/** Sends articles ten to a SendMessageBatch call, retrying the entries SQS turned away. */
export class SqsArticleQueue implements ArticleQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(articles: Article[]): Promise<QueueResult> {
    const byEntryId = new Map(articles.map((article, i) => [`m${i}`, article]));
    const sent: Article[] = [];
    const reasons = new Map<string, string>();
    let pending: SendMessageBatchRequestEntry[] = [...byEntryId].map(([Id, article]) => ({
      Id,
      MessageBody: encodeArticleMessage(article),
    }));
    for (let attempt = 0; attempt < ATTEMPTS && pending.length; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      const retry: SendMessageBatchRequestEntry[] = [];
      for (const batch of batches(pending)) {
        try {
          const response = await this.client.send(
            new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: batch }),
          );
          for (const ok of response.Successful ?? []) sent.push(byEntryId.get(ok.Id ?? '') as Article);
          for (const failure of response.Failed ?? []) {
            reasons.set(failure.Id ?? '', `${failure.Code}: ${failure.Message}`);
            if (!failure.SenderFault)
              retry.push(batch.find((entry) => entry.Id === failure.Id) as SendMessageBatchRequestEntry);
          }
        } catch (error) {
          for (const entry of batch) reasons.set(entry.Id ?? '', (error as Error).message);
          retry.push(...batch);
        }
      }
      pending = retry;
    }
    const sentIds = new Set(sent.map((article) => article.id));
    const failed = [...byEntryId]
      .filter(([, article]) => !sentIds.has(article.id))
      .map(([id, article]) => ({ article, reason: reasons.get(id) ?? 'not sent' }));
    return { sent, failed };
  }
}
