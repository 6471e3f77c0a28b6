import {
  ChangeMessageVisibilityCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

export type SqsHandler = (event: SQSEvent) => Promise<SQSBatchResponse | undefined>;

export interface WorkerLoopOptions {
  sqs: SQSClient;
  queueUrl: string;
  queueArn: string;
  handler: SqsHandler;
  batchSize?: number;
  waitSeconds?: number;
  region?: string;
}

export interface WorkerStats {
  batches: number;
  succeeded: number;
  failed: number;
}

/** A received message as Lambda hands it to a handler. */
export function toRecord(message: Message, queueArn: string, region: string): SQSRecord {
  const attributes = message.Attributes ?? {};
  return {
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? '1',
      SentTimestamp: attributes.SentTimestamp ?? String(Date.now()),
      SenderId: attributes.SenderId ?? 'local',
      ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: region,
  };
}

/**
 * What Lambda's SQS event source mapping does, on one machine: long-poll, hand the batch to the
 * handler as an SQSEvent, delete only the messages it did not report in batchItemFailures. A failed
 * message becomes visible again after a short backoff (Lambda waits for the visibility timeout) and
 * goes to the DLQ after maxReceiveCount receives, by the queue's own redrive policy.
 */
export class WorkerLoop {
  readonly stats: WorkerStats = { batches: 0, succeeded: 0, failed: 0 };
  private running = false;
  private abort = new AbortController();
  private loop: Promise<void> | undefined;

  constructor(private readonly options: WorkerLoopOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.abort = new AbortController();
    this.loop = this.run();
  }

  /** Stops receiving and waits for the batch in hand; a batch still running after the grace period is abandoned and its messages reappear. */
  async stop(graceMs = 10_000): Promise<void> {
    this.running = false;
    this.abort.abort();
    await Promise.race([this.loop, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.pollOnce();
      } catch (error) {
        if (!this.running) break;
        console.error(`worker loop: ${(error as Error).message}; retrying in 1 s`);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }

  /** Receives one batch and processes it; returns how many messages it received. */
  async pollOnce(): Promise<number> {
    const {
      sqs,
      queueUrl,
      queueArn,
      handler,
      batchSize = 10,
      waitSeconds = 1,
      region = 'us-east-1',
    } = this.options;
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: batchSize,
        WaitTimeSeconds: waitSeconds,
        MessageSystemAttributeNames: ['All'],
      }),
      { abortSignal: this.abort.signal },
    );
    if (!Messages.length) return 0;
    const records = Messages.map((message) => toRecord(message, queueArn, region));
    let failedIds: Set<string>;
    try {
      const response = await handler({ Records: records });
      failedIds = new Set((response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
    } catch {
      failedIds = new Set(records.map((record) => record.messageId));
    }
    const done = records.filter((record) => !failedIds.has(record.messageId));
    if (done.length) {
      await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: done.map((record, i) => ({ Id: `d${i}`, ReceiptHandle: record.receiptHandle })),
        }),
      );
    }
    for (const record of records.filter((r) => failedIds.has(r.messageId))) {
      const receives = Number(record.attributes.ApproximateReceiveCount);
      await sqs.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: queueUrl,
          ReceiptHandle: record.receiptHandle,
          VisibilityTimeout: Math.min(receives - 1, 30),
        }),
      );
    }
    this.stats.batches++;
    this.stats.succeeded += done.length;
    this.stats.failed += failedIds.size;
    return Messages.length;
  }

  /** Processes until the queue holds nothing visible, in flight or delayed: what --once waits for. */
  async drain(): Promise<void> {
    const { sqs, queueUrl } = this.options;
    for (;;) {
      if ((await this.pollOnce()) > 0) continue;
      const { Attributes = {} } = await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: queueUrl,
          AttributeNames: [
            'ApproximateNumberOfMessages',
            'ApproximateNumberOfMessagesNotVisible',
            'ApproximateNumberOfMessagesDelayed',
          ],
        }),
      );
      const remaining =
        Number(Attributes.ApproximateNumberOfMessages ?? 0) +
        Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0) +
        Number(Attributes.ApproximateNumberOfMessagesDelayed ?? 0);
      if (remaining === 0) return;
    }
  }
}
