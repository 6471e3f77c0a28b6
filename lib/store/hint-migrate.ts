import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { sortKeyBounds } from '../timeline/index.ts';
import { hintsComplete, markHintsComplete, writeHints } from './event-index.ts';
import { DynamoEventStore } from './events.ts';

/**
 * Files every stored event under its topics and feeds, for a table written before those hints
 * existed; until it is marked done, topic and feed listings read the whole timeline instead, so an
 * old data folder answers correctly, only slower. Idempotent (hints are plain puts) and marked done
 * only at the end, so an interrupted run simply runs again. Returns how many events it filed.
 */
export async function fileEventHints(client: DynamoDBClient, tableName: string): Promise<number> {
  if (await hintsComplete(client, tableName)) return 0;
  const store = new DynamoEventStore(client, tableName);
  let filed = 0;
  for await (const event of store.range({ ...sortKeyBounds(), order: 'asc' })) {
    await writeHints(client, tableName, event);
    filed++;
  }
  await markHintsComplete(client, tableName);
  return filed;
}
