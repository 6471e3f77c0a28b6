import {
  BatchGetItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  UpdateItemCommand,
  type UpdateItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import * as z from 'zod';
import type { Article } from '../articles/index.ts';
import type { ArticleRecord, CreditLedger } from '../dedup/index.ts';
import type { ArticleLedger, Triage } from '../feeds/index.ts';
import { type FeedRef, FeedRefSchema } from '../timeline/index.ts';
import { conditionFailed } from './condition.ts';
import { type InvalidItems, invalidItemsToStderr, validItem } from './invalid-items.ts';
import { keys } from './table.ts';

const BATCH_GET_LIMIT = 100;
const READS_IN_FLIGHT = 4;

/** A DynamoDB string set's members (unmarshalled as a Set; absent, none). */
const members = (value: unknown): unknown[] =>
  value instanceof Set ? [...value] : ((value as unknown[]) ?? []);

const SeenItemSchema = z.object({
  articleId: z.string(),
  /** Absent while only the worker has written the item: the poller has not marked it queued. */
  contentHash: z.string().optional(),
  /** Every feed that carried the article (a DynamoDB string set). */
  feedIds: z.preprocess(members, z.array(z.string())),
});
type Seen = z.infer<typeof SeenItemSchema>;

const parsed = (member: unknown) => {
  try {
    return JSON.parse(member as string);
  } catch {
    return member;
  }
};

/** The worker's part of the same item: how many accounts the article gave, and the feeds credited. */
const RecordItemSchema = z.object({
  accounts: z.number().int().nonnegative().optional(),
  /** Feed refs as JSON strings in a string set, so that adding one is an atomic ADD. */
  credits: z.preprocess((value) => members(value).map(parsed), z.array(FeedRefSchema)),
});

function recordOf(item: Record<string, unknown>): ArticleRecord {
  const { accounts, credits } = RecordItemSchema.parse(unmarshall(item as never));
  const byId = new Map(credits.map((feed) => [feed.id, feed]));
  return { accounts, credits: [...byId.values()].sort((a, b) => a.id.localeCompare(b.id)) };
}

/**
 * The article ledger, one ARTICLE# item per article: the poller's memory of which articles it queued,
 * in which version (content hash) and from which feeds; and the worker's note of how many accounts the
 * article gave and which other feeds to credit on them. Each side updates only its own attributes.
 */
export class DynamoArticleLedger implements ArticleLedger, CreditLedger {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    private readonly invalid: InvalidItems = invalidItemsToStderr,
  ) {}

  /** One BatchGetItem of up to 100 keys, its unprocessed keys retried with backoff. */
  private async seenBatch(ids: string[], into: Map<string, Seen>): Promise<void> {
    let request: Record<string, { Keys: Array<Record<string, never>> }> | undefined = {
      [this.tableName]: { Keys: ids.map((id) => marshall(keys.article(id)) as never) },
    };
    for (let attempt = 0; request && Object.keys(request).length; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** Math.min(attempt, 6)));
      const response = await this.client.send(new BatchGetItemCommand({ RequestItems: request as never }));
      for (const item of response.Responses?.[this.tableName] ?? []) {
        const raw = unmarshall(item);
        // An unreadable item reads as never seen: the article is queued again, which is harmless.
        const seen = validItem(SeenItemSchema, raw, 'article', String(raw.pk), this.invalid);
        if (seen) into.set(seen.articleId, seen);
      }
      request = response.UnprocessedKeys as typeof request;
    }
  }

  /** The ledger's entries for `ids`, a few batches in flight: a 100,000-item feed is 1,000 batches. */
  private async seen(ids: string[]): Promise<Map<string, Seen>> {
    const found = new Map<string, Seen>();
    const pending: string[][] = [];
    for (let start = 0; start < ids.length; start += BATCH_GET_LIMIT)
      pending.push(ids.slice(start, start + BATCH_GET_LIMIT));
    const worker = async () => {
      for (let batch = pending.shift(); batch; batch = pending.shift()) await this.seenBatch(batch, found);
    };
    await Promise.all(Array.from({ length: READS_IN_FLIGHT }, worker));
    return found;
  }

  /**
   * New articles and known ones whose content changed since they were queued are to queue; a known,
   * unchanged one that this feed carries for the first time only has that feed to credit.
   */
  async triage(articles: Article[]): Promise<Triage> {
    const seen = await this.seen([...new Set(articles.map((article) => article.id))]);
    const result: Triage = { unseen: [], carried: [] };
    for (const article of articles) {
      const record = seen.get(article.id);
      if (!record || record.contentHash !== article.contentHash) result.unseen.push(article);
      else if (!record.feedIds.includes(article.feedId)) result.carried.push(article);
    }
    return result;
  }

  private update(articleId: string, update: Omit<UpdateItemCommandInput, 'TableName' | 'Key'>) {
    return this.client.send(
      new UpdateItemCommand({ ...update, TableName: this.tableName, Key: marshall(keys.article(articleId)) }),
    );
  }

  /** Adds the feed to the article's set; an update, so two feeds marking one article both stay. */
  async markSeen(article: Article): Promise<void> {
    await this.update(article.id, {
      UpdateExpression: 'SET articleId = :id, contentHash = :h, #url = :u, seenAt = :t ADD feedIds :f',
      ExpressionAttributeNames: { '#url': 'url' },
      ExpressionAttributeValues: marshall({
        ':id': article.id,
        ':h': article.contentHash,
        ':u': article.url,
        ':t': new Date().toISOString(),
        ':f': new Set([article.feedId]),
      }),
    });
  }

  /**
   * Adds the feed to the article's set and nothing else: the version queued stays the one it was. The
   * id too, so an entry made here (never queued) reads back as one, not as an invalid item.
   */
  async markCarried(article: Article): Promise<void> {
    await this.update(article.id, {
      UpdateExpression: 'SET articleId = :id ADD feedIds :f',
      ExpressionAttributeValues: marshall({ ':id': article.id, ':f': new Set([article.feedId]) }),
    });
  }

  /**
   * Keeps the most accounts any version of the article gave (an edit that gives fewer leaves the
   * earlier ones on their events). The item may not hold the poller's part yet: the poller marks an
   * article after SQS took it, and the worker can be faster.
   */
  async recorded(articleId: string, accounts: number): Promise<ArticleRecord> {
    try {
      const { Attributes = {} } = await this.update(articleId, {
        UpdateExpression: 'SET articleId = :id, accounts = :n',
        ConditionExpression: 'attribute_not_exists(accounts) OR accounts < :n',
        ExpressionAttributeValues: marshall({ ':id': articleId, ':n': accounts }),
        ReturnValues: 'ALL_NEW',
      });
      return recordOf(Attributes);
    } catch (error) {
      if (!conditionFailed(error)) throw error;
    }
    // As many or more already (a redelivery, a shorter edit): read the item as it is.
    const { Item = {} } = await this.client.send(
      new GetItemCommand({
        TableName: this.tableName,
        Key: marshall(keys.article(articleId)),
        ConsistentRead: true,
      }),
    );
    return recordOf(Item);
  }

  /** Adds the feed to the article's credits (a set: a redelivered credit adds nothing). */
  async credit(articleId: string, feed: FeedRef): Promise<ArticleRecord> {
    const { Attributes = {} } = await this.update(articleId, {
      UpdateExpression: 'SET articleId = :id ADD credits :c',
      ExpressionAttributeValues: marshall({
        ':id': articleId,
        ':c': new Set([JSON.stringify({ id: feed.id, name: feed.name })]),
      }),
      ReturnValues: 'ALL_NEW',
    });
    return recordOf(Attributes);
  }
}
