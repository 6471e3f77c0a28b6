import { type DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { postingOf, withSameDay } from '../dedup/index.ts';
import { type Source, sortKeyBounds } from '../timeline/index.ts';
import { DynamoEventStore } from './events.ts';

/**
 * The table's data model version: 2 files every account as a posting (ACCOUNT#); 3 files it with its
 * headline, address and its article's other wordings of its day, which matching reads; 4 files the
 * whole account, with the event holding it, so events can be rebuilt from postings alone.
 */
const SCHEMA = { pk: 'META#SCHEMA', sk: 'META' };
const POSTINGS_VERSION = 4;

/**
 * Brings a table written by an older version up to date: files every stored account under its date,
 * with what its article says of the same day, so new accounts find the events it holds and match
 * them as they would have matched fresh ones, and re-clustering finds the event holding each. Idempotent (filing and holding again change nothing) and marked done
 * only at the end, so an interrupted run simply runs again. Returns how many accounts it filed.
 * It reads the whole table into memory: for the local stack's data folders, not a production table.
 */
export async function fileStoredAccounts(client: DynamoDBClient, tableName: string): Promise<number> {
  const key = marshall(SCHEMA);
  const { Item } = await client.send(
    new GetItemCommand({ TableName: tableName, Key: key, ConsistentRead: true }),
  );
  if (Number(Item?.version?.N ?? 0) >= POSTINGS_VERSION) return 0;
  const store = new DynamoEventStore(client, tableName);
  const articles = new Map<string, Map<number, Source>>();
  const holders = new Map<string, string>();
  for await (const event of store.range({ ...sortKeyBounds(), order: 'asc' })) {
    for (const account of event.accounts) {
      holders.set(`${account.articleId}#${account.position}`, event.id);
      const held = articles.get(account.articleId) ?? new Map<number, Source>();
      held.set(account.position, account);
      articles.set(account.articleId, held);
    }
  }
  let filed = 0;
  for (const accounts of articles.values()) {
    for (const { account, sameDay } of withSameDay([...accounts.values()])) {
      await store.post(postingOf(account, sameDay));
      await store.hold([account], holders.get(`${account.articleId}#${account.position}`) as string);
      filed++;
    }
  }
  await client.send(
    new PutItemCommand({ TableName: tableName, Item: marshall({ ...SCHEMA, version: POSTINGS_VERSION }) }),
  );
  return filed;
}
