import { randomBytes } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import * as z from 'zod';
import { listedFormOf, type Source, type TimelineEvent } from '../timeline/index.ts';
import { batchWrite } from './batch-write.ts';
import { queryAll } from './query-pages.ts';
import { EVENT_PART_PREFIX, keys } from './table.ts';

/**
 * DynamoDB refuses an item over 400 KB, and an event's accounts grow with every outlet that carries
 * it: a wire story gathers thousands. Up to this many bytes of JSON they stay on the event item (one
 * read, as before); past it they go to part items under the event's own key. Parts are written
 * before the event item and named by a token fresh for each write, so a reader always finds the parts
 * the item it read names, and a writer that lost the race for a version never overwrites the winner's.
 */
export const INLINE_ACCOUNTS_BYTES = 160_000;
/** Well under 400 KB once marshalled (type tags and attribute names add about a fifth). */
const PART_BYTES = 200_000;

export const PartsSchema = z.object({ token: z.string().min(1), count: z.number().int().positive() });
export type Parts = z.infer<typeof PartsSchema>;

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/**
 * The accounts in order, in slices of at most PART_BYTES (an account larger than that alone in one),
 * given each account's JSON size.
 */
function slices(accounts: Source[], sizes: number[]): Source[][] {
  const out: Source[][] = [];
  let current: Source[] = [];
  let size = 0;
  accounts.forEach((account, i) => {
    const bytes = sizes[i] as number;
    if (current.length && size + bytes > PART_BYTES) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(account);
    size += bytes;
  });
  if (current.length) out.push(current);
  return out;
}

export interface EventItems {
  /** The event item's attributes (keys aside): its listing form, with its accounts or the parts holding them. */
  event: Record<string, unknown>;
  /** Part items (keys included), to write before the event item. */
  parts: Array<Record<string, unknown>>;
  /** The parts' token, when there are parts. */
  token?: string;
}

export function eventItems(event: TimelineEvent, token = () => randomBytes(8).toString('hex')): EventItems {
  const listed = listedFormOf(event);
  // Each account serialised once: the array's JSON is theirs, a comma between two and its brackets.
  const sizes = event.accounts.map(bytesOf);
  const total = sizes.reduce((sum, bytes) => sum + bytes, 0) + Math.max(sizes.length - 1, 0) + 2;
  if (total <= INLINE_ACCOUNTS_BYTES) return { event: { ...listed, accounts: event.accounts }, parts: [] };
  const chunks = slices(event.accounts, sizes);
  const parts: Parts = { token: token(), count: chunks.length };
  return {
    event: { ...listed, parts },
    parts: chunks.map((accounts, n) => ({ ...keys.eventPart(event.id, parts.token, n), accounts })),
    token: parts.token,
  };
}

const partItems = (client: DynamoDBClient, tableName: string, id: string, token: string) =>
  queryAll(client, {
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: marshall({
      ':pk': keys.event(id).pk,
      ':prefix': `${EVENT_PART_PREFIX}${token}#`,
    }),
    ConsistentRead: true,
  });

/**
 * The accounts an event item keeps in parts, in order (as stored, not yet validated); undefined
 * when some are gone: the event was written again since its item was read, so read it again.
 */
export async function readParts(client: DynamoDBClient, tableName: string, id: string, parts: Parts) {
  const items = await partItems(client, tableName, id, parts.token);
  if (items.length !== parts.count) return undefined;
  return items.flatMap((item) => (unmarshall(item as never).accounts as unknown[]) ?? []);
}

/** Writes the parts an event item will name: before it, so no reader finds the item without them. */
export async function writeParts(client: DynamoDBClient, tableName: string, items: EventItems) {
  await batchWrite(
    client,
    tableName,
    items.parts.map((Item) => ({ PutRequest: { Item: marshall(Item) } })),
  );
}

/**
 * Deletes one write's parts: those of an item just replaced, or our own after a write that lost.
 * Only by token: another writer's parts may be waiting for its event item. A crash before this leaves
 * parts no item names, never read (storage only).
 */
export async function deleteParts(client: DynamoDBClient, tableName: string, id: string, token: string) {
  const items = await partItems(client, tableName, id, token);
  await batchWrite(
    client,
    tableName,
    items.map((item) => {
      const { pk, sk } = unmarshall(item as never);
      return { DeleteRequest: { Key: marshall({ pk, sk }) } };
    }),
  );
}
