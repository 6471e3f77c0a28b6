import {
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';

export interface DeadLetter {
  messageId: string;
  receiveCount: number;
  sentAt: string;
  body: string;
  /** Why the worker sent it here itself (a message that failed decoding); absent after five failed receives. */
  reason?: string;
}

const toDeadLetter = (message: Message): DeadLetter => ({
  messageId: message.MessageId ?? '',
  receiveCount: Number(message.Attributes?.ApproximateReceiveCount ?? 0),
  sentAt: new Date(Number(message.Attributes?.SentTimestamp ?? 0)).toISOString(),
  body: message.Body ?? '',
  ...(message.MessageAttributes?.reason?.StringValue
    ? { reason: message.MessageAttributes.reason.StringValue }
    : {}),
});

async function receive(client: SQSClient, queueUrl: string, visibilitySeconds: number): Promise<Message[]> {
  const { Messages = [] } = await client.send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: 10,
      VisibilityTimeout: visibilitySeconds,
      MessageSystemAttributeNames: ['All'],
      MessageAttributeNames: ['All'],
    }),
  );
  return Messages;
}

/**
 * The dead letters, looked at without taking them: each is received with a visibility timeout long
 * enough to list them all once, after which they are visible again.
 */
export async function listDeadLetters(client: SQSClient, dlqUrl: string, max = 100): Promise<DeadLetter[]> {
  const found = new Map<string, DeadLetter>();
  for (let round = 0; round < Math.ceil(max / 10); round++) {
    const batch = await receive(client, dlqUrl, 30);
    if (!batch.length) break;
    for (const message of batch) found.set(message.MessageId ?? '', toDeadLetter(message));
  }
  return [...found.values()];
}

/**
 * Moves dead letters back to the queue they came from, ten at a time: each is sent before it is
 * deleted, so a failure midway leaves a message in both queues (processed twice, harmlessly) rather
 * than in neither.
 */
export async function replayDeadLetters(
  client: SQSClient,
  dlqUrl: string,
  queueUrl: string,
): Promise<number> {
  let moved = 0;
  for (;;) {
    const batch = await receive(client, dlqUrl, 60);
    if (!batch.length) return moved;
    const { Successful = [] } = await client.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: batch.map((message, i) => ({ Id: `r${i}`, MessageBody: message.Body ?? '' })),
      }),
    );
    const sent = new Set(Successful.map((ok) => ok.Id));
    const done = batch.filter((_, i) => sent.has(`r${i}`));
    if (done.length) {
      await client.send(
        new DeleteMessageBatchCommand({
          QueueUrl: dlqUrl,
          Entries: done.map((message, i) => ({ Id: `d${i}`, ReceiptHandle: message.ReceiptHandle ?? '' })),
        }),
      );
    }
    moved += done.length;
    if (done.length < batch.length)
      throw new Error(`${batch.length - done.length} dead letters could not be sent back`);
  }
}
