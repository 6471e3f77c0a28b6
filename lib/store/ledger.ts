import { BatchGetItemCommand, type DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { z } from 'zod';
import type { Article } from '../articles/index.ts';
import type { ArticleLedger } from '../feeds/index.ts';
import { keys } from './table.ts';

const BATCH_GET_LIMIT = 100;
const SeenItemSchema = z.object({ articleId: z.string(), contentHash: z.string() });

/** Which articles the poller has already queued, and in which version (content hash). */
export class DynamoArticleLedger implements ArticleLedger {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  private async seenHashes(ids: string[]): Promise<Map<string, string>> {
    const hashes = new Map<string, string>();
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
          hashes.set(seen.articleId, seen.contentHash);
        }
        request = response.UnprocessedKeys as typeof request;
      }
    }
    return hashes;
  }

  /** New articles, and known ones whose content changed since they were queued. */
  async unseen(articles: Article[]): Promise<Article[]> {
    const hashes = await this.seenHashes([...new Set(articles.map((article) => article.id))]);
    return articles.filter((article) => hashes.get(article.id) !== article.contentHash);
  }

  /** Conditional, so a slower poller never rolls the record back to an older version. */
  async markSeen(article: Article): Promise<void> {
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: marshall({
            ...keys.article(article.id),
            articleId: article.id,
            contentHash: article.contentHash,
            feedId: article.feedId,
            url: article.url,
            seenAt: new Date().toISOString(),
          }),
          ConditionExpression: 'attribute_not_exists(pk) OR contentHash <> :h',
          ExpressionAttributeValues: marshall({ ':h': article.contentHash }),
        }),
      );
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  }
}
