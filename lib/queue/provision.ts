import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { deadLetterQueueName } from './names.ts';

export const MAX_RECEIVE_COUNT = 5;

export interface QueuePair {
  url: string;
  dlqUrl: string;
}

/** Creates a work queue and its dead-letter queue when absent: messages go to the DLQ after 5 receives. */
export async function ensureQueuePair(
  client: SQSClient,
  name: string,
  visibilityTimeoutSeconds: number,
): Promise<QueuePair> {
  const dlq = await client.send(
    new CreateQueueCommand({
      QueueName: deadLetterQueueName(name),
      Attributes: { MessageRetentionPeriod: String(14 * 86_400) },
    }),
  );
  const dlqUrl = dlq.QueueUrl as string;
  const { Attributes } = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['QueueArn'] }),
  );
  const queue = await client.send(
    new CreateQueueCommand({
      QueueName: name,
      Attributes: {
        VisibilityTimeout: String(visibilityTimeoutSeconds),
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: Attributes?.QueueArn,
          maxReceiveCount: String(MAX_RECEIVE_COUNT),
        }),
      },
    }),
  );
  return { url: queue.QueueUrl as string, dlqUrl };
}
