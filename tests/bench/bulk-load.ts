import { type AttributeValue, BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { bumpTimelineVersion } from '../../lib/store/index.ts';

const WRITERS = 16;

/**
 * Puts marshalled items in 25-item batches, a few batches at once, then moves the timeline version
 * once: for a table with no other writer yet, which conditional writes one by one would take minutes
 * (a 10,000-event table took over half an hour that way on two shared cores).
 */
export async function bulkLoad(client: DynamoDBClient, items: Array<Record<string, AttributeValue>>) {
  let next = 0;
  const writer = async () => {
    for (let start = next; start < items.length; start = next) {
      next += 25;
      let requests = items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } }));
      while (requests.length > 0) {
        const { UnprocessedItems } = await client.send(
          new BatchWriteItemCommand({ RequestItems: { dateline: requests } }),
        );
        requests = (UnprocessedItems?.dateline ?? []) as typeof requests;
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
  await bumpTimelineVersion(client, 'dateline');
}
