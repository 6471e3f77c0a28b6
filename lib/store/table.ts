import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

export const TIMELINE_INDEX = 'timeline';
/** Every event lives in one timeline partition of the index, sorted by date: see README "Data model". */
export const TIMELINE_PARTITION = 'TIMELINE';

export const keys = {
  event: (id: string) => ({ pk: `EVENT#${id}`, sk: 'EVENT' }),
  article: (id: string) => ({ pk: `ARTICLE#${id}`, sk: 'SEEN' }),
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
        IndexName: TIMELINE_INDEX,
        KeySchema: [
          { AttributeName: 'gsi1pk', KeyType: 'HASH' },
          { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  };
}
