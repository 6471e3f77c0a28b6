import { type DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { postingOf } from '../dedup/index.ts';
import { sortKeyBounds } from '../timeline/index.ts';
import { DynamoEventStore } from './events.ts';

/** The table's data model version: 2 files every account as a posting (ACCOUNT#). */
const SCHEMA = { pk: 'META#SCHEMA', sk: 'META' };
const POSTINGS_VERSION = 2;

/**
 * Brings a table written before postings up to date: files every stored account under its date, so
 * new accounts find the events it holds. Idempotent (a posting is a plain put) and marked done only
 * at the end, so an interrupted run simply runs again. Returns how many accounts it filed.
 */
export async function fileStoredAccounts(client: DynamoDBClient, tableName: string): Promise<number> {
  const key = marshall(SCHEMA);
  const { Item } = await client.send(
    new GetItemCommand({ TableName: tableName, Key: key, ConsistentRead: true }),
  );
  if (Number(Item?.version?.N ?? 0) >= POSTINGS_VERSION) return 0;
  const store = new DynamoEventStore(client, tableName);
  let filed = 0;
  for await (const event of store.range({ ...sortKeyBounds(), order: 'asc' })) {
    for (const account of event.accounts) {
      await store.post(postingOf(account));
      filed++;
    }
  }
  await client.send(
    new PutItemCommand({ TableName: tableName, Item: marshall({ ...SCHEMA, version: POSTINGS_VERSION }) }),
  );
  return filed;
}
