import {
  BatchGetItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import {
  feedIdsOf,
  type IndexHint,
  ListedEventSchema,
  type RangeRequest,
  sortKeyOf,
  type TimelineEvent,
} from '../timeline/index.ts';
import { batchWrite } from './batch-write.ts';
import { queryPages } from './query-pages.ts';
import { keys } from './table.ts';

/**
 * Per-topic and per-feed listings of events: one small item per (topic or feed, date, event), under
 * `INDEX#TOPIC#<slug>` / `INDEX#FEED#<id>` with the event's timeline sort key as `sk`. An item is a
 * hint, never the truth: it is written before its event, never overwritten or deleted, and checked
 * against the event when read, so a hint left by a failed write, a date that moved, a topic
 * dropped or a merge is skipped, and every live event has the hint for its current date.
 */
const INDEX_MARK = { pk: 'META#INDEXES', sk: 'META' };
const QUERY_PAGE = 100;

const partition = (hint: IndexHint) => `INDEX#${hint.kind.toUpperCase()}#${hint.value}`;

export function hintsOf(event: Pick<TimelineEvent, 'topics' | 'sources'>): IndexHint[] {
  return [
    ...[...new Set(event.topics)].map((value) => ({ kind: 'topic' as const, value })),
    ...feedIdsOf(event.sources).map((value) => ({ kind: 'feed' as const, value })),
  ];
}

/**
 * What a listing reads of an event item (all but its accounts), as a ProjectionExpression: every name
 * through a placeholder, since `date` is one of DynamoDB's reserved words. `extra` adds key or
 * pointer attributes the reader needs.
 */
export function listedProjection(...extra: string[]) {
  const names = [...Object.keys(ListedEventSchema.shape), ...extra];
  return {
    ProjectionExpression: names.map((_, i) => `#l${i}`).join(', '),
    ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#l${i}`, name])),
  };
}

export function hintItemsOf(event: TimelineEvent) {
  const sk = sortKeyOf(event);
  return hintsOf(event).map((hint) => ({ pk: partition(hint), sk }));
}

/**
 * Files the event under each of its topics and feeds at its sort key; idempotent. Given the stored
 * version it replaces, only the hints that version lacks: a wire story gaining its 2,000th outlet
 * writes one hint, not 2,000 (80 requests a carrier in the busy-event bench).
 */
export async function writeHints(
  client: DynamoDBClient,
  tableName: string,
  event: TimelineEvent,
  replaces?: TimelineEvent,
) {
  const had = new Set(replaces ? hintItemsOf(replaces).map(({ pk, sk }) => `${pk}\u0000${sk}`) : []);
  const puts = hintItemsOf(event)
    .filter(({ pk, sk }) => !had.has(`${pk}\u0000${sk}`))
    .map((item) => ({ PutRequest: { Item: marshall(item) } }));
  await batchWrite(client, tableName, puts);
}

/** Whether every stored event has its hints (a table from before them has not, until migrated). */
export async function hintsComplete(client: DynamoDBClient, tableName: string): Promise<boolean> {
  const { Item } = await client.send(
    new GetItemCommand({ TableName: tableName, Key: marshall(INDEX_MARK), ConsistentRead: true }),
  );
  return Item !== undefined;
}

export async function markHintsComplete(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(new PutItemCommand({ TableName: tableName, Item: marshall(INDEX_MARK) }));
}

/** The sort keys filed under a hint within bounds, a query page at a time. */
export async function* hintedKeys(
  client: DynamoDBClient,
  tableName: string,
  hint: IndexHint,
  { lower, upper, order, after, pageSize }: RangeRequest,
): AsyncGenerator<string[]> {
  const pk = partition(hint);
  for await (const page of queryPages(client, {
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :lower AND :upper',
    ExpressionAttributeValues: marshall({ ':pk': pk, ':lower': lower, ':upper': upper }),
    ScanIndexForward: order === 'asc',
    Limit: Math.min(pageSize ?? QUERY_PAGE, QUERY_PAGE),
    ExclusiveStartKey: after ? marshall({ pk, sk: after }) : undefined,
  }))
    yield (page.Items ?? []).map((item) => String(unmarshall(item).sk));
}

/**
 * The stored items of these events (pointers included), by id; up to 100 ids. With a projection,
 * only the attributes it names (it must name `pk` and `mergedInto`); consistent when asked.
 */
export async function itemsOf(
  client: DynamoDBClient,
  tableName: string,
  ids: string[],
  { consistent, ...projection }: Partial<ReturnType<typeof listedProjection>> & { consistent?: boolean } = {},
): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  // One event may have several hints in a page (its date moved): BatchGetItem refuses a key twice.
  let wanted = [...new Set(ids)].map((id) => marshall(keys.event(id)));
  for (let attempt = 0; wanted.length > 0; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** Math.min(attempt, 6)));
    const { Responses, UnprocessedKeys } = await client.send(
      new BatchGetItemCommand({
        RequestItems: { [tableName]: { Keys: wanted, ...projection, ConsistentRead: consistent } },
      }),
    );
    for (const item of Responses?.[tableName] ?? []) {
      found.set(String(unmarshall(item).pk).slice('EVENT#'.length), item);
    }
    wanted = UnprocessedKeys?.[tableName]?.Keys ?? [];
  }
  return found;
}
