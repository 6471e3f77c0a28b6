import {
  type AttributeValue,
  type DynamoDBClient,
  QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
} from '@aws-sdk/client-dynamodb';

/**
 * Every page of a query, following `LastEvaluatedKey` from `ExclusiveStartKey` (when given): a
 * query stops at 1 MB, so any read of a partition or range that can grow must page.
 */
export async function* queryPages(
  client: DynamoDBClient,
  input: QueryCommandInput,
): AsyncGenerator<QueryCommandOutput> {
  let startKey = input.ExclusiveStartKey;
  do {
    const page = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    yield page;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}

/** Every item a query matches, page after page. */
export async function* queryItems(
  client: DynamoDBClient,
  input: QueryCommandInput,
): AsyncGenerator<Record<string, AttributeValue>> {
  for await (const page of queryPages(client, input)) yield* page.Items ?? [];
}

/** Every item a query matches, gathered. */
export async function queryAll(
  client: DynamoDBClient,
  input: QueryCommandInput,
): Promise<Array<Record<string, AttributeValue>>> {
  const items: Array<Record<string, AttributeValue>> = [];
  for await (const item of queryItems(client, input)) items.push(item);
  return items;
}
