import { BatchWriteItemCommand, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';

/** BatchWriteItem takes at most 25 requests. */
const BATCH_WRITE = 25;

/** Puts and deletes, 25 a request; what DynamoDB leaves unprocessed is sent again with a growing pause. */
export async function batchWrite(client: DynamoDBClient, tableName: string, requests: WriteRequest[]) {
  for (let start = 0; start < requests.length; start += BATCH_WRITE) {
    let batch = requests.slice(start, start + BATCH_WRITE);
    for (let attempt = 0; batch.length > 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** Math.min(attempt, 6)));
      const { UnprocessedItems } = await client.send(
        new BatchWriteItemCommand({ RequestItems: { [tableName]: batch } }),
      );
      batch = UnprocessedItems?.[tableName] ?? [];
    }
  }
}
