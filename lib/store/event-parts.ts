import { createHash, randomBytes } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import * as z from 'zod';
import { listedFormOf, type TimelineEvent } from '../timeline/index.ts';
import { batchGet } from './batch-get.ts';
import { batchWrite } from './batch-write.ts';
import { queryAll } from './query-pages.ts';
import { EVENT_PART_PREFIX, keys } from './table.ts';

/**
 * DynamoDB refuses an item over 400 KB, and an event's accounts grow with every outlet that carries
 * it: a wire story gathers thousands. Up to this many bytes of JSON they stay on the event item (one
 * read, as before); past it they go to part items under the event's own key. Parts are written
 * before the event item, so a reader always finds the parts the item it read names. A part is never
 * changed once written: a write names, in order, the parts of the version it replaces whose accounts
 * it keeps as they were (a wire story's next carrier leaves every slice but the last as it was) and
 * writes the others under a token fresh for it, so a writer that lost the race for a version never
 * touches what the winner names, and a carrier's writes do not grow with the carriers before it.
 */
export const INLINE_ACCOUNTS_BYTES = 160_000;
/** Well under 400 KB once marshalled (type tags and attribute names add about a fifth). */
const PART_BYTES = 200_000;

/** Parts named by sort key, in order, each with a digest of its accounts' JSON. */
const KeyedPartsSchema = z.object({
  keys: z.array(z.string().min(1)).min(1),
  sums: z.array(z.string().min(1)).min(1),
});
/** Parts as items written before 5 Dec 2026 name them: one write's token and how many. */
const TokenPartsSchema = z.object({ token: z.string().min(1), count: z.number().int().positive() });
export const PartsSchema = z.union([KeyedPartsSchema, TokenPartsSchema]);
export type Parts = z.infer<typeof PartsSchema>;

/**
 * The accounts' index ranges `[from, to)` in slices of at most PART_BYTES (an account larger than
 * that alone in one), given each account's JSON size. Cut from the start, so accounts added at the
 * end leave every slice but the last as it was.
 */
function slices(sizes: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  let size = 0;
  sizes.forEach((bytes, i) => {
    if (i > from && size + bytes > PART_BYTES) {
      out.push([from, i]);
      from = i;
      size = 0;
    }
    size += bytes;
  });
  if (sizes.length > from) out.push([from, sizes.length]);
  return out;
}

export interface EventItems {
  /** The event item's attributes (keys aside): its listing form, with its accounts or the parts holding them. */
  event: Record<string, unknown>;
  /** Part items (keys included) this write adds, to write before the event item. */
  parts: Array<Record<string, unknown>>;
}

/**
 * JSON with every object's keys in order: an account read back from the table and validated lists
 * its fields in another order than the one derived from postings, and the same account must give
 * the same digest whichever way it came.
 */
const inKeyOrder = (_key: string, value: unknown) =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : value;

const digestOf = (texts: string[]) =>
  createHash('sha256').update(texts.join(',')).digest('base64url').slice(0, 24);

/**
 * An event's items. `stored`: the parts of the version this write replaces (read with it), whose
 * slices it keeps by name where their accounts are unchanged.
 */
export function eventItems(
  event: TimelineEvent,
  stored?: Parts,
  token = () => randomBytes(8).toString('hex'),
): EventItems {
  const listed = listedFormOf(event);
  // Each account serialised once: for its size, and for its slice's digest.
  const texts = event.accounts.map((account) => JSON.stringify(account, inKeyOrder));
  const sizes = texts.map((text) => Buffer.byteLength(text));
  const total = sizes.reduce((sum, bytes) => sum + bytes, 0) + Math.max(sizes.length - 1, 0) + 2;
  if (total <= INLINE_ACCOUNTS_BYTES) return { event: { ...listed, accounts: event.accounts }, parts: [] };
  const kept =
    stored && 'keys' in stored ? new Map(stored.sums.map((sum, i) => [sum, stored.keys[i]])) : undefined;
  const fresh = token();
  const named = { keys: [] as string[], sums: [] as string[] };
  const parts: Array<Record<string, unknown>> = [];
  slices(sizes).forEach(([from, to], n) => {
    const sum = digestOf(texts.slice(from, to));
    const key = kept?.get(sum) ?? keys.eventPart(event.id, fresh, n).sk;
    named.keys.push(key);
    named.sums.push(sum);
    if (!kept?.has(sum))
      parts.push({ pk: keys.event(event.id).pk, sk: key, accounts: event.accounts.slice(from, to) });
  });
  return { event: { ...listed, parts: named }, parts };
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
  if ('token' in parts) {
    const items = await partItems(client, tableName, id, parts.token);
    if (items.length !== parts.count) return undefined;
    return items.flatMap((item) => (unmarshall(item as never).accounts as unknown[]) ?? []);
  }
  const { pk } = keys.event(id);
  const items = await batchGet(
    client,
    tableName,
    parts.keys.map((sk) => ({ pk, sk })),
  );
  const bySortKey = new Map(items.map((item) => unmarshall(item as never)).map((part) => [part.sk, part]));
  if (parts.keys.some((sk) => !bySortKey.has(sk))) return undefined;
  return parts.keys.flatMap((sk) => (bySortKey.get(sk)?.accounts as unknown[]) ?? []);
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
 * Deletes parts by sort key: the ones a write added before it lost the race, or those of an item just
 * replaced (deleteReplacedParts). Never another writer's: a write only ever adds parts under its own
 * fresh token. A crash before this leaves parts no item names, never read (storage only).
 */
export async function deleteParts(client: DynamoDBClient, tableName: string, id: string, sortKeys: string[]) {
  const { pk } = keys.event(id);
  await batchWrite(
    client,
    tableName,
    sortKeys.map((sk) => ({ DeleteRequest: { Key: marshall({ pk, sk }) } })),
  );
}

/** The sort keys of the parts an item names: listed, or (an item written before 5 Dec 2026) queried by its token. */
async function sortKeysOf(client: DynamoDBClient, tableName: string, id: string, parts: Parts) {
  if ('keys' in parts) return parts.keys;
  const items = await partItems(client, tableName, id, parts.token);
  return items.map((item) => String(unmarshall(item as never).sk));
}

/** After a put replaced an item naming `old`: its parts that the new item (naming `kept`) does not name. */
export async function deleteReplacedParts(
  client: DynamoDBClient,
  tableName: string,
  id: string,
  old: Parts,
  kept: Parts | undefined,
) {
  const keep = new Set(kept && 'keys' in kept ? kept.keys : []);
  const gone = (await sortKeysOf(client, tableName, id, old)).filter((sk) => !keep.has(sk));
  await deleteParts(client, tableName, id, gone);
}
