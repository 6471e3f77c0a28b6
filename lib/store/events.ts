import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { EventRepository } from '../dedup/index.ts';
import {
  type RangeRequest,
  sortDate,
  sortKeyOf,
  type TimelineEvent,
  TimelineEventSchema,
  type TimelineReader,
} from '../timeline/index.ts';
import { keys, TIMELINE_INDEX, TIMELINE_PARTITION } from './table.ts';

const QUERY_PAGE = 100;

function toItem(event: TimelineEvent) {
  return marshall(
    { ...keys.event(event.id), gsi1pk: TIMELINE_PARTITION, gsi1sk: sortKeyOf(event), ...event },
    { removeUndefinedValues: true },
  );
}

/** Stored items are input too: validated on the way out of the table. */
function fromItem(item: Record<string, unknown>): TimelineEvent {
  const { pk, sk, gsi1pk, gsi1sk, ...event } = unmarshall(item as never);
  return TimelineEventSchema.parse(event);
}

async function putIf(
  client: DynamoDBClient,
  input: ConstructorParameters<typeof PutItemCommand>[0],
): Promise<boolean> {
  try {
    await client.send(new PutItemCommand(input));
    return true;
  } catch (error) {
    if (
      error instanceof ConditionalCheckFailedException ||
      (error as Error).name === 'ConditionalCheckFailedException'
    )
      return false;
    throw error;
  }
}

/** Events in DynamoDB: the dedup repository and the timeline reader over one table. */
export class DynamoEventStore implements EventRepository, TimelineReader {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  private async *query(input: Omit<QueryCommandInput, 'TableName'>): AsyncGenerator<TimelineEvent> {
    let startKey = input.ExclusiveStartKey;
    do {
      const page = await this.client.send(
        new QueryCommand({ ...input, TableName: this.tableName, ExclusiveStartKey: startKey }),
      );
      for (const item of page.Items ?? []) yield fromItem(item);
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }

  async candidates(date: string): Promise<TimelineEvent[]> {
    const events: TimelineEvent[] = [];
    const prefix = `${sortDate(date)}#`;
    for await (const event of this.query({
      IndexName: TIMELINE_INDEX,
      KeyConditionExpression: 'gsi1pk = :p AND begins_with(gsi1sk, :d)',
      ExpressionAttributeValues: marshall({ ':p': TIMELINE_PARTITION, ':d': prefix }),
    })) {
      events.push(event);
    }
    return events;
  }

  create(event: TimelineEvent): Promise<boolean> {
    return putIf(this.client, {
      TableName: this.tableName,
      Item: toItem(event),
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  }

  update(event: TimelineEvent): Promise<boolean> {
    return putIf(this.client, {
      TableName: this.tableName,
      Item: toItem(event),
      ConditionExpression: 'version = :read',
      ExpressionAttributeValues: marshall({ ':read': event.version - 1 }),
    });
  }

  range({ lower, upper, order, after }: RangeRequest): AsyncIterable<TimelineEvent> {
    const id = after?.slice(after.indexOf('#') + 1);
    return this.query({
      IndexName: TIMELINE_INDEX,
      KeyConditionExpression: 'gsi1pk = :p AND gsi1sk BETWEEN :lower AND :upper',
      ExpressionAttributeValues: marshall({ ':p': TIMELINE_PARTITION, ':lower': lower, ':upper': upper }),
      ScanIndexForward: order === 'asc',
      Limit: QUERY_PAGE,
      ExclusiveStartKey:
        after && id ? marshall({ ...keys.event(id), gsi1pk: TIMELINE_PARTITION, gsi1sk: after }) : undefined,
    });
  }

  async get(id: string): Promise<TimelineEvent | undefined> {
    const { Item } = await this.client.send(
      new GetItemCommand({ TableName: this.tableName, Key: marshall(keys.event(id)), ConsistentRead: true }),
    );
    return Item ? fromItem(Item) : undefined;
  }
}
