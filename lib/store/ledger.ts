import { BatchGetItemCommand, type DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { z } from 'zod';
import type { Article } from '../articles/index.ts';
import type { ArticleLedger } from '../feeds/index.ts';
import { keys } from './table.ts';

const BATCH_GET_LIMIT = 100;
const SeenItemSchema = z.object({
  articleId: z.string(),
  contentHash: z.string(),
  /** Every feed that carried the article (a DynamoDB string set). */
  feedIds: z
    .preprocess((value) => (value instanceof Set ? [...value] : value), z.array(z.string()))
    .default([]),
});
type Seen = z.infer<typeof SeenItemSchema>;

/** Which articles the poller has already queued, and in which version (content hash). */
export class DynamoArticleLedger implements ArticleLedger {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  private async seen(ids: string[]): Promise<Map<string, Seen>> {
    const hashes = new Map<string, Seen>();
    for (let start = 0; start < ids.length; start += BATCH_GET_LIMIT) {
      let request: Record<string, { Keys: Array<Record<string, never>> }> | undefined = {
        [this.tableName]: {
          Keys: ids.slice(start, start + BATCH_GET_LIMIT).map((id) => marshall(keys.article(id)) as never),
        },
      };
      for (let attempt = 0; request && Object.keys(request).length; attempt++) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** Math.min(attempt, 6)));
        const response = await this.client.send(new BatchGetItemCommand({ RequestItems: request as never }));
        for (const item of response.Responses?.[this.tableName] ?? []) {
          const seen = SeenItemSchema.parse(unmarshall(item));
          hashes.set(seen.articleId, seen);
        }
        request = response.UnprocessedKeys as typeof request;
      }
    }
    return hashes;
  }

  /**
   * New articles, known ones whose content changed since they were queued, and known ones a feed
   * carries for the first time: queued again, so that feed is credited on the events too.
   */
  async unseen(articles: Article[]): Promise<Article[]> {
    const seen = await this.seen([...new Set(articles.map((article) => article.id))]);
    return articles.filter((article) => {
      const record = seen.get(article.id);
      return (
        !record || record.contentHash !== article.contentHash || !record.feedIds.includes(article.feedId)
      );
    });
  }

  /** Adds the feed to the article's set; an update, so two feeds marking one article both stay. */
  async markSeen(article: Article): Promise<void> {
    await this.client.send(
      new UpdateItemCommand({
        TableName: this.tableName,
        Key: marshall(keys.article(article.id)),
        UpdateExpression: 'SET articleId = :id, contentHash = :h, #url = :u, seenAt = :t ADD feedIds :f',
        ExpressionAttributeNames: { '#url': 'url' },
        ExpressionAttributeValues: marshall({
          ':id': article.id,
          ':h': article.contentHash,
          ':u': article.url,
          ':t': new Date().toISOString(),
          ':f': new Set([article.feedId]),
        }),
      }),
    );
  }
}
