import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';

/** SQS caps a message attribute with the rest of the message; a reason needs no more than this. */
const MAX_REASON_CHARS = 1_000;

/** A message the worker cannot use, as it was received. */
export interface Unusable {
  messageId: string;
  body: string;
  receiveCount: number;
}

/**
 * Sends a message straight to the dead-letter queue with why it was refused: retrying a message
 * that fails schema decoding gives the same answer five times, and the redrive policy would deliver
 * it there without its reason. The body is kept as received, so a replay after a fix can use it.
 */
export async function sendToDeadLetters(
  client: SQSClient,
  dlqUrl: string,
  message: Unusable,
  reason: string,
): Promise<void> {
  await client.send(
    new SendMessageCommand({
      QueueUrl: dlqUrl,
      MessageBody: message.body || '(empty)',
      MessageAttributes: {
        reason: { DataType: 'String', StringValue: reason.slice(0, MAX_REASON_CHARS) || 'unusable' },
        sourceMessageId: { DataType: 'String', StringValue: message.messageId || 'unknown' },
        receiveCount: { DataType: 'Number', StringValue: String(message.receiveCount) },
      },
    }),
  );
}
