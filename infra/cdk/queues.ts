import { Duration } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { deadLetterQueueName } from '../../lib/queue/names.ts';
import { MAX_RECEIVE_COUNT } from '../../lib/queue/provision.ts';

/** How many consumer timeouts a message stays invisible for (AWS's guidance for SQS event sources). */
export const VISIBILITY_PER_FUNCTION_TIMEOUT = 6;

/** A work queue and its dead-letter queue, named as the local stack names them (`name`, `name-dlq`). */
export class QueuePair extends Construct {
  readonly queue: sqs.Queue;
  readonly dlq: sqs.Queue;

  constructor(scope: Construct, id: string, props: { name: string; consumerTimeout: Duration }) {
    super(scope, id);
    this.dlq = new sqs.Queue(this, 'Dlq', {
      queueName: deadLetterQueueName(props.name),
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
    });
    this.queue = new sqs.Queue(this, 'Queue', {
      queueName: props.name,
      visibilityTimeout: Duration.seconds(
        props.consumerTimeout.toSeconds() * VISIBILITY_PER_FUNCTION_TIMEOUT,
      ),
      deadLetterQueue: { queue: this.dlq, maxReceiveCount: MAX_RECEIVE_COUNT },
      enforceSSL: true,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
    });
  }
}
