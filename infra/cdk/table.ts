import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { TABLE_NAME, tableDefinition } from '../../lib/store/table.ts';

type KeySchema = NonNullable<CreateTableCommandInput['KeySchema']>;

function attribute(definition: CreateTableCommandInput, name: string): dynamodb.Attribute {
  const found = definition.AttributeDefinitions?.find((a) => a.AttributeName === name);
  if (!found) throw new Error(`tableDefinition: attribute ${name} has no AttributeDefinition`);
  const types = {
    S: dynamodb.AttributeType.STRING,
    N: dynamodb.AttributeType.NUMBER,
    B: dynamodb.AttributeType.BINARY,
  };
  return { name, type: types[found.AttributeType as keyof typeof types] };
}

function keysOf(definition: CreateTableCommandInput, schema: KeySchema | undefined) {
  const hash = schema?.find((k) => k.KeyType === 'HASH');
  const range = schema?.find((k) => k.KeyType === 'RANGE');
  if (!hash?.AttributeName) throw new Error('tableDefinition: a key schema has no HASH key');
  return {
    partitionKey: attribute(definition, hash.AttributeName),
    sortKey: range?.AttributeName ? attribute(definition, range.AttributeName) : undefined,
  };
}

/** The DynamoDB table, built from `tableDefinition()`: the same keys and GSIs the local stack creates. */
export function datelineTable(scope: Construct, id: string): dynamodb.Table {
  const definition = tableDefinition(TABLE_NAME);
  const table = new dynamodb.Table(scope, id, {
    ...keysOf(definition, definition.KeySchema),
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  for (const index of definition.GlobalSecondaryIndexes ?? []) {
    if (index.Projection?.ProjectionType !== 'ALL')
      throw new Error(`GSI ${index.IndexName}: only ALL projection is mapped`);
    table.addGlobalSecondaryIndex({
      indexName: index.IndexName as string,
      ...keysOf(definition, index.KeySchema),
      projectionType: dynamodb.ProjectionType.ALL,
    });
  }
  return table;
}
