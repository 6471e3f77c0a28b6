import { type DynamoDBClient, GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';

/**
 * One small item whose counter moves on every write the event store makes, so a reader learns
 * whether anything in the timeline changed with one read of a few bytes (see
 * docs/decisions/timeline-cache.md).
 */
export const TIMELINE_VERSION_KEY = { pk: 'META#TIMELINE', sk: 'META' };

/** An atomic ADD: concurrent writers each move it, none is lost, and no one reads it first. */
export async function bumpTimelineVersion(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(
    new UpdateItemCommand({
      TableName: tableName,
      Key: marshall(TIMELINE_VERSION_KEY),
      UpdateExpression: 'ADD version :one',
      ExpressionAttributeValues: marshall({ ':one': 1 }),
    }),
  );
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
