import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BatchWriteItemCommand,
  DynamoDBClient,
  ListTablesCommand,
  QueryCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
} from '@aws-sdk/client-sqs';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type DynamoEmulator, startDynalite, startFauxqsServer } from '../../infra/local/emulators.ts';
import { ensureTable } from '../../lib/store/index.ts';
import { emulatorSqsClient } from '../support/emulator-client.ts';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const region = 'us-east-1';
const TableName = 'memory';
const QUERIES = 300;

/** An embedded DynamoDB holding 50 timeline items, and the queries the stores make, QUERIES times. */
async function queried(): Promise<{ emulator: DynamoEmulator; client: DynamoDBClient }> {
  const emulator = await startDynalite(mkdtempSync(join(tmpdir(), 'dateline-memory-')));
  const client = new DynamoDBClient({ endpoint: emulator.endpoint, region, credentials });
  await ensureTable(client, TableName);
  for (let start = 0; start < 50; start += 25) {
    const items = Array.from({ length: 25 }, (_, i) => ({
      PutRequest: {
        Item: marshall({
          pk: `EVENT#e${start + i}`,
          sk: 'EVENT',
          gsi1pk: 'TIMELINE',
          gsi1sk: `2024-10-${String(1 + ((start + i) % 28)).padStart(2, '0')}#e${start + i}`,
        }),
      },
    }));
    await client.send(new BatchWriteItemCommand({ RequestItems: { [TableName]: items } }));
  }
  const timeline = (lower: string, upper: string, Limit?: number) =>
    new QueryCommand({
      TableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p AND gsi1sk BETWEEN :lower AND :upper',
      ExpressionAttributeValues: marshall({ ':p': 'TIMELINE', ':lower': lower, ':upper': upper }),
      Limit,
    });
  for (let i = 0; i < QUERIES; i++) {
    // Read to the end, stopped early by a Limit, empty, by key, a scan and a key listing: each path
    // dynalite reads a LevelDB iterator through.
    const command = [
      timeline('2024-10-01', '2024-10-28~'),
      timeline('2024-10-01', '2024-10-28~', 5),
      timeline('2025-01-01', '2025-01-31~'),
      new QueryCommand({
        TableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: marshall({ ':pk': `EVENT#e${i % 50}` }),
      }),
      new ScanCommand({ TableName, Limit: 10 }),
      new ListTablesCommand({}),
    ][i % 6];
    await client.send(command as never);
  }
  return { emulator, client };
}

describe('embedded emulators keep no state per request', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const stop of cleanup.splice(0)) await stop();
    vi.unstubAllEnvs();
  });

  it(`dynalite closes the LevelDB iterator of each of ${QUERIES} queries`, async () => {
    const { emulator, client } = await queried();
    cleanup.push(async () => {
      client.destroy();
      await emulator.stop();
    });
    // A query's stream closes its iterator as it ends: by the next tick after the last answer at most.
    await vi.waitFor(() => expect(emulator.openIterators()).toBe(0), { timeout: 2_000 });
  });

  it('dynalite alone leaves one open per query (the bug the wrapper works around)', async () => {
    // When this fails, dynalite closes its iterators itself and the wrapper's fix can go.
    vi.stubEnv('DYNALITE_LEAK_ITERATORS', '1');
    const { emulator, client } = await queried();
    cleanup.push(async () => {
      client.destroy();
      await emulator.stop();
    });
    expect(emulator.openIterators()).toBeGreaterThanOrEqual(QUERIES);
  });

  it('fauxqs holds no message or receipt once every message is deleted', async () => {
    const emulator = await startFauxqsServer();
    const sqs = emulatorSqsClient(emulator.endpoint);
    cleanup.push(async () => {
      sqs.destroy();
      await emulator.stop();
    });
    const { QueueUrl = '' } = await sqs.send(new CreateQueueCommand({ QueueName: 'memory' }));
    for (let i = 0; i < 200; i++) {
      await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl,
          Entries: Array.from({ length: 10 }, (_, j) => ({ Id: `m${j}`, MessageBody: `${i}-${j}` })),
        }),
      );
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
      );
      // One message of each batch fails once: made visible again, received and deleted with the next.
      const [first] = Messages;
      if (first && i % 2 === 0)
        await sqs.send(
          new ChangeMessageVisibilityCommand({
            QueueUrl,
            ReceiptHandle: first.ReceiptHandle,
            VisibilityTimeout: 0,
          }),
        );
      const done = i % 2 === 0 ? Messages.slice(1) : Messages;
      if (done.length)
        await sqs.send(
          new DeleteMessageBatchCommand({
            QueueUrl,
            Entries: done.map((message, j) => ({ Id: `d${j}`, ReceiptHandle: message.ReceiptHandle })),
          }),
        );
    }
    // Drain what is left, then long-poll the empty queue as the idle worker loop does.
    for (;;) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
      );
      if (!Messages.length) break;
      await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl,
          Entries: Messages.map((message, j) => ({ Id: `d${j}`, ReceiptHandle: message.ReceiptHandle })),
        }),
      );
    }
    // Ready, delayed and in flight (each receipt) together.
    expect(emulator.depth('memory')).toBe(0);
  });
});
