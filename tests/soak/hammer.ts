/**
 * One embedded emulator alone, hammered with the request mix the runner makes (DynamoDB: PutItem,
 * GetItem, UpdateItem, Query, BatchGetItem; SQS: SendMessageBatch, ReceiveMessage long polls,
 * ChangeMessageVisibility, DeleteMessageBatch), printing this process's memory every 5 s:
 * `node --import tsx tests/soak/hammer.ts dynamodb|sqs [seconds]`. With DYNALITE_LEAK_ITERATORS=1
 * dynalite runs without the iterator fix in infra/local/emulators.ts, to see the leak beside it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BatchGetItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { marshall } from '@aws-sdk/util-dynamodb';
import { startDynalite, startFauxqsServer } from '../../infra/local/emulators.ts';
import { ensureTable } from '../../lib/store/index.ts';

const mode = process.argv[2] ?? 'dynamodb';
const seconds = Number(process.argv[3] ?? 60);
process.env.AWS_REGION ??= 'us-east-1';
process.env.AWS_ACCESS_KEY_ID ??= 'local';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const started = Date.now();
let ops = 0;
let detail = () => '';
const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
const report = () => {
  const m = process.memoryUsage();
  console.log(
    `${((Date.now() - started) / 1000).toFixed(0)} s  ops ${ops}  rss ${mb(m.rss)}  heap ${mb(m.heapUsed)}  external ${mb(m.external)}  arrayBuffers ${mb(m.arrayBuffers)}${detail()}`,
  );
};
const timer = setInterval(report, 5_000);
const until = started + seconds * 1000;

if (mode === 'dynamodb') {
  const dir = mkdtempSync(join(tmpdir(), 'hammer-'));
  const emulator = await startDynalite(dir);
  detail = () => `  open iterators ${emulator.openIterators()}`;
  const client = new DynamoDBClient({ endpoint: emulator.endpoint });
  await ensureTable(client, 'hammer');
  const TableName = 'hammer';
  const body = 'x'.repeat(2_000);
  for (let i = 0; Date.now() < until; i++) {
    const id = `e${i}`;
    await client.send(
      new PutItemCommand({
        TableName,
        Item: marshall({
          pk: `EVENT#${id}`,
          sk: 'EVENT',
          gsi1pk: 'TIMELINE',
          gsi1sk: `2024-10-${i % 28}#${id}`,
          body,
          version: 1,
        }),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    await client.send(
      new GetItemCommand({
        TableName,
        Key: marshall({ pk: `EVENT#${id}`, sk: 'EVENT' }),
        ConsistentRead: true,
      }),
    );
    await client.send(
      new UpdateItemCommand({
        TableName,
        Key: marshall({ pk: `ARTICLE#${id}`, sk: 'SEEN' }),
        UpdateExpression: 'SET articleId = :id ADD feedIds :f',
        ExpressionAttributeValues: marshall({ ':id': id, ':f': new Set([`f${i % 200}`]) }),
      }),
    );
    await client.send(
      new QueryCommand({
        TableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p AND gsi1sk BETWEEN :l AND :u',
        ExpressionAttributeValues: marshall({
          ':p': 'TIMELINE',
          ':l': `2024-10-${i % 28}`,
          ':u': `2024-10-${i % 28}~`,
        }),
        Limit: 100,
      }),
    );
    await client.send(
      new BatchGetItemCommand({
        RequestItems: {
          [TableName]: {
            Keys: Array.from({ length: 10 }, (_, j) => marshall({ pk: `ARTICLE#e${i - j}`, sk: 'SEEN' })),
          },
        },
      }),
    );
    ops += 5;
  }
  client.destroy();
  await emulator.stop();
} else {
  const emulator = await startFauxqsServer();
  const client = new SQSClient({ endpoint: emulator.endpoint, useQueueUrlAsEndpoint: false });
  const { QueueUrl: busy = '' } = await client.send(new CreateQueueCommand({ QueueName: 'busy' }));
  const { QueueUrl: idle = '' } = await client.send(new CreateQueueCommand({ QueueName: 'idle' }));
  // An idle queue long-polled all along, as the feeds loop is between schedules.
  let stop = false;
  const idlePoll = (async () => {
    while (!stop) {
      await client.send(
        new ReceiveMessageCommand({ QueueUrl: idle, WaitTimeSeconds: 1, MaxNumberOfMessages: 10 }),
      );
      ops++;
    }
  })();
  for (let i = 0; Date.now() < until; i++) {
    await client.send(
      new SendMessageBatchCommand({
        QueueUrl: busy,
        Entries: Array.from({ length: 10 }, (_, j) => ({ Id: `m${j}`, MessageBody: `{"n":${i * 10 + j}}` })),
      }),
    );
    const { Messages = [] } = await client.send(
      new ReceiveMessageCommand({
        QueueUrl: busy,
        WaitTimeSeconds: 1,
        MaxNumberOfMessages: 10,
        MessageSystemAttributeNames: ['All'],
      }),
    );
    const [first] = Messages;
    if (first)
      await client.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: busy,
          ReceiptHandle: first.ReceiptHandle,
          VisibilityTimeout: 5,
        }),
      );
    if (Messages.length)
      await client.send(
        new DeleteMessageBatchCommand({
          QueueUrl: busy,
          Entries: Messages.map((m, j) => ({ Id: `d${j}`, ReceiptHandle: m.ReceiptHandle })),
        }),
      );
    ops += 4;
  }
  stop = true;
  await idlePoll;
  client.destroy();
  await emulator.stop();
}
clearInterval(timer);
report();
