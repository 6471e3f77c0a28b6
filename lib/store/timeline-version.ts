import { type DynamoDBClient, GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import * as z from 'zod';
import { type TimelineHead, UNKNOWN_CHANGE } from '../timeline/index.ts';
import { conditionFailed } from './condition.ts';

/**
 * One small item whose counter moves on every write the event store makes, so a reader learns
 * whether anything in the timeline changed with one read of a few bytes; beside it, the ids whose
 * writes made the latest moves, so a reader holding a listing of an older version re-reads only
 * those (see docs/decisions/timeline-cache.md and listing-patches.md).
 */
export const TIMELINE_VERSION_KEY = { pk: 'META#TIMELINE', sk: 'META' };

/** Past this many ids the log is cut back to its newest `KEPT_CHANGES`: a few kB read per version read. */
const MAX_CHANGES = 128;
const KEPT_CHANGES = 64;

const HeadSchema = z.object({
  version: z.number().int().nonnegative().default(0),
  recent: z.array(z.string()).default([]),
});

/**
 * One atomic update moves the version and appends what moved it (an event id; `UNKNOWN_CHANGE` when
 * the caller cannot say), so the log's last id always names the current version's move and no
 * concurrent writer's move is lost. Cutting the log is a second, conditional write: it keeps the
 * newest ids only if no move came between, so the mapping of ids to versions never shifts.
 */
export async function bumpTimelineVersion(
  client: DynamoDBClient,
  tableName: string,
  changed: string = UNKNOWN_CHANGE,
): Promise<void> {
  const { Attributes } = await client.send(
    new UpdateItemCommand({
      TableName: tableName,
      Key: marshall(TIMELINE_VERSION_KEY),
      UpdateExpression: 'ADD version :one SET recent = list_append(if_not_exists(recent, :none), :changed)',
      ExpressionAttributeValues: marshall({ ':one': 1, ':none': [], ':changed': [changed] }),
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  const head = HeadSchema.safeParse(unmarshall(Attributes ?? {}));
  if (head.success && head.data.recent.length > MAX_CHANGES) await cutLog(client, tableName, head.data);
}

async function cutLog(client: DynamoDBClient, tableName: string, head: TimelineHead): Promise<void> {
  try {
    await client.send(
      new UpdateItemCommand({
        TableName: tableName,
        Key: marshall(TIMELINE_VERSION_KEY),
        UpdateExpression: 'SET recent = :kept',
        ConditionExpression: 'version = :read',
        ExpressionAttributeValues: marshall({
          ':kept': head.recent.slice(-KEPT_CHANGES),
          ':read': head.version,
        }),
      }),
    );
  } catch (error) {
    // Another move came first: its writer, or a later one, cuts the log instead.
    if (!conditionFailed(error)) throw error;
  }
}

/** Version 0 and no log for a table no write has touched since versions were introduced. */
export async function readTimelineHead(client: DynamoDBClient, tableName: string): Promise<TimelineHead> {
  const { Item } = await client.send(
    new GetItemCommand({
      TableName: tableName,
      Key: marshall(TIMELINE_VERSION_KEY),
      ConsistentRead: true,
      ProjectionExpression: 'version, recent',
    }),
  );
  const head = HeadSchema.safeParse(unmarshall(Item ?? {}));
  // A log that does not parse says nothing about what changed: readers then read whole listings.
  return head.success ? head.data : { version: Number(Item?.version?.N ?? 0), recent: [UNKNOWN_CHANGE] };
}

/** 0 for a table no write has touched since versions were introduced. */
export async function readTimelineVersion(client: DynamoDBClient, tableName: string): Promise<number> {
  const { Item } = await client.send(
    new GetItemCommand({
      TableName: tableName,
      Key: marshall(TIMELINE_VERSION_KEY),
      ConsistentRead: true,
      ProjectionExpression: 'version',
    }),
  );
  return Number(Item?.version?.N ?? 0);
}
