import { SQSClient } from '@aws-sdk/client-sqs';

/** The real SQS client pointed at an embedded emulator, with the local stack's stand-in credentials. */
export const emulatorSqsClient = (endpoint: string) =>
  new SQSClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    // Queue URLs name their own host; the emulator's endpoint is the one to call.
    useQueueUrlAsEndpoint: false,
  });
