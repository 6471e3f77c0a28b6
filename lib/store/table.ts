import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/** The table's name in AWS (infra/cdk) and the local stack's default (TABLE_NAME overrides it). */
export const TABLE_NAME = 'dateline';

/** One generic index (gsi1pk, gsi1sk): each item family that needs an ordering has a partition in it. */
export const BY_PARTITION_INDEX = 'gsi1';
/** Every event lives in one timeline partition of the index, sorted by date: see docs/data-model.md. */
export const TIMELINE_PARTITION = 'TIMELINE';
/** Every account filed under its own date, for candidate lookup: see docs/data-model.md. */
export const POSTINGS_PARTITION = 'POSTINGS';
/** Editors' corrections and undos, by when made (a table partition, read consistently): docs/data-model.md. */
export const CORRECTIONS_PARTITION = 'CORRECTIONS';
/** Every feed's state, sorted by when it is next due. */
export const FEEDS_PARTITION = 'FEEDS';

/** The sort keys of an event's account parts begin with this, then the write's token. */
export const EVENT_PART_PREFIX = 'PART#';

export const keys = {
  event: (id: string) => ({ pk: `EVENT#${id}`, sk: 'EVENT' }),
  /** A slice of a large event's accounts: see lib/store/event-parts.ts. */
  eventPart: (id: string, token: string, n: number) => ({
    pk: `EVENT#${id}`,
    sk: `${EVENT_PART_PREFIX}${token}#${String(n).padStart(4, '0')}`,
  }),
  posting: (articleId: string, position: number) => ({
    pk: `ACCOUNT#${articleId}#${position}`,
    sk: 'POSTING',
  }),
  article: (id: string) => ({ pk: `ARTICLE#${id}`, sk: 'SEEN' }),
  feed: (id: string) => ({ pk: `FEED#${id}`, sk: 'STATE' }),
  host: (host: string) => ({ pk: `HOST#${host}`, sk: 'LIMIT' }),
};

/** The table as both the local stack and the CDK app create it: the single source of its shape. */
export function tableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
      { AttributeName: 'gsi1pk', AttributeType: 'S' },
      { AttributeName: 'gsi1sk', AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: BY_PARTITION_INDEX,
        KeySchema: [
          { AttributeName: 'gsi1pk', KeyType: 'HASH' },
          { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  };
}
