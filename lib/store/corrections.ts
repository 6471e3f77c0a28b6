import { type DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { type Correction, CorrectionSchema } from '../corrections/index.ts';
import { conditionFailed } from './condition.ts';
import { assertStorable, type InvalidItems, validItem } from './invalid-items.ts';
import { queryItems } from './query-pages.ts';
import { CORRECTIONS_PARTITION } from './table.ts';

/**
 * The corrections log in one partition, sorted by when each was made: read whole and consistently
 * (editors make few, and every settle needs all that touch its accounts), written only by puts that
 * refuse an existing key, so nothing in the log is ever overwritten.
 */
export async function readCorrections(
  client: DynamoDBClient,
  tableName: string,
  invalid: InvalidItems,
): Promise<Correction[]> {
  const log: Correction[] = [];
  for await (const item of queryItems(client, {
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: marshall({ ':pk': CORRECTIONS_PARTITION }),
    ConsistentRead: true,
  })) {
    const { pk: _pk, sk, ...fields } = unmarshall(item);
    const correction = validItem(CorrectionSchema, fields, 'correction', String(sk), invalid);
    if (correction) log.push(correction);
  }
  return log;
}

export async function appendCorrection(
  client: DynamoDBClient,
  tableName: string,
  correction: Correction,
): Promise<void> {
  assertStorable(CorrectionSchema, correction, 'correction');
  try {
    await client.send(
      new PutItemCommand({
        TableName: tableName,
        Item: marshall(
          { pk: CORRECTIONS_PARTITION, sk: `${correction.at}#${correction.id}`, ...correction },
          { removeUndefinedValues: true },
        ),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (conditionFailed(error)) throw new Error(`correction ${correction.id} is in the log already`);
    throw error;
  }
}
