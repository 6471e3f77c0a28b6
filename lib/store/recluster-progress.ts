import { type DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import * as z from 'zod';
import type { ReclusterProgress } from '../dedup/index.ts';

/** Where a re-clustering run stopped: one small item, so a killed run (or the next Lambda slice) resumes. */
export const RECLUSTER_KEY = { pk: 'META#RECLUSTER', sk: 'META' };

const ProgressSchema = z.object({ cursor: z.string().optional(), updatedAt: z.string() });

export class DynamoReclusterProgress implements ReclusterProgress {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  async load(): Promise<string | undefined> {
    const { Item } = await this.client.send(
      new GetItemCommand({ TableName: this.tableName, Key: marshall(RECLUSTER_KEY), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const parsed = ProgressSchema.safeParse(unmarshall(Item));
    // A damaged mark costs a full run, never a skipped block.
    return parsed.success ? parsed.data.cursor : undefined;
  }

  async save(cursor: string | undefined): Promise<void> {
    await this.client.send(
      new PutItemCommand({
        TableName: this.tableName,
        Item: marshall(
          { ...RECLUSTER_KEY, cursor, updatedAt: new Date().toISOString() },
          { removeUndefinedValues: true },
        ),
      }),
    );
  }
}
