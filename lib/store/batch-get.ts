import { BatchGetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';

/** BatchGetItem takes at most 100 keys. */
const BATCH_GET = 100;

/**
 * The items under these keys that exist, read consistently, 100 keys a request (each key asked once,
 * as BatchGetItem refuses a key twice); what DynamoDB leaves unprocessed (over 16 MB a response, or
 * throttled) is asked again with a growing pause. In no particular order.
 */
export async function batchGet(
  client: DynamoDBClient,
  tableName: string,
  keys: Array<Record<string, string>>,
): Promise<Array<Record<string, unknown>>> {
  const items: Array<Record<string, unknown>> = [];
  const unique = [...new Map(keys.map((key) => [`${key.pk}|${key.sk}`, key])).values()];
  for (let start = 0; start < unique.length; start += BATCH_GET) {
    let batch = unique.slice(start, start + BATCH_GET).map((key) => marshall(key));
    for (let round = 0; batch.length; round++) {
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** Math.min(round, 6)));
      const { Responses, UnprocessedKeys } = await client.send(
        new BatchGetItemCommand({ RequestItems: { [tableName]: { Keys: batch, ConsistentRead: true } } }),
      );
      items.push(...(Responses?.[tableName] ?? []));
      batch = (UnprocessedKeys?.[tableName]?.Keys ?? []) as typeof batch;
    }
  }
  return items;
}
