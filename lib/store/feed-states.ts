import {
  BatchGetItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import * as z from 'zod';
import { type FeedState, FeedStateSchema, type FeedStateStore, recoveredState } from '../feeds/index.ts';
import { assertStorable, type InvalidItems, invalidItemsToStderr, validItem } from './invalid-items.ts';
import { queryAll } from './query-pages.ts';
import { BY_PARTITION_INDEX, FEEDS_PARTITION, keys } from './table.ts';

const BATCH_GET_LIMIT = 100;
const HostLimitSchema = z.object({ blockedUntil: z.iso.datetime({ offset: true }) });
const VersionSchema = z.number().int().nonnegative();

/** Feed states in DynamoDB, indexed by when each feed is next due. */
export class DynamoFeedStates implements FeedStateStore {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    private readonly invalid: InvalidItems = invalidItemsToStderr,
  ) {}

  /**
   * A stored state, or for one that fails validation (reported) a recovered one under the same
   * version: the feed starts over at its next poll instead of stopping every feed read with it.
   */
  private fromItem(item: Record<string, unknown>): FeedState {
    const { pk, sk, gsi1pk, gsi1sk, ...state } = unmarshall(item as never);
    const valid = validItem(FeedStateSchema, state, 'feed-state', String(pk), this.invalid);
    if (valid) return valid;
    const feedId = String(pk).slice('FEED#'.length);
    return recoveredState(feedId, VersionSchema.catch(0).parse(state.version), new Date());
  }

  async getMany(ids: string[]): Promise<Map<string, FeedState>> {
    const states = new Map<string, FeedState>();
    for (let start = 0; start < ids.length; start += BATCH_GET_LIMIT) {
      let request: Record<string, { Keys: never[] }> | undefined = {
        [this.tableName]: {
          Keys: ids.slice(start, start + BATCH_GET_LIMIT).map((id) => marshall(keys.feed(id)) as never),
        },
      };
      for (let attempt = 0; request && Object.keys(request).length; attempt++) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** Math.min(attempt, 6)));
        const response = await this.client.send(new BatchGetItemCommand({ RequestItems: request as never }));
        for (const item of response.Responses?.[this.tableName] ?? []) {
          const state = this.fromItem(item);
          states.set(state.feedId, state);
        }
        request = response.UnprocessedKeys as typeof request;
      }
    }
    return states;
  }

  /**
   * Writes only a state that reads back, over the version it was read at (or over an item whose
   * version is not even a number: a corrupt item must not lock its feed out for good).
   */
  async save(state: FeedState): Promise<boolean> {
    assertStorable(FeedStateSchema, state, 'feed-state');
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: marshall(
            {
              ...keys.feed(state.feedId),
              gsi1pk: FEEDS_PARTITION,
              gsi1sk: `${state.nextPollAt}#${state.feedId}`,
              ...state,
            },
            { removeUndefinedValues: true },
          ),
          ConditionExpression:
            'attribute_not_exists(pk) OR version = :read OR NOT attribute_type(version, :number)',
          ExpressionAttributeValues: marshall({ ':read': state.version - 1, ':number': 'N' }),
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  /** Every feed's state, soonest due first. */
  async list(): Promise<FeedState[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: BY_PARTITION_INDEX,
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: marshall({ ':p': FEEDS_PARTITION }),
    });
    return items.map((item) => this.fromItem(item));
  }

  async hostBlockedUntil(host: string): Promise<Date | undefined> {
    const { Item } = await this.client.send(
      new GetItemCommand({ TableName: this.tableName, Key: marshall(keys.host(host)) }),
    );
    if (!Item) return undefined;
    const limit = validItem(HostLimitSchema, unmarshall(Item), 'host-limit', host, this.invalid);
    return limit && new Date(limit.blockedUntil);
  }

  async blockHost(host: string, until: Date): Promise<void> {
    assertStorable(HostLimitSchema, { blockedUntil: until.toISOString() }, 'host-limit');
    await this.client.send(
      new PutItemCommand({
        TableName: this.tableName,
        Item: marshall({ ...keys.host(host), blockedUntil: until.toISOString() }),
      }),
    );
  }
}
