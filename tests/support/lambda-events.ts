import { createServer, type Server } from 'node:http';
import type { Message } from '@aws-sdk/client-sqs';

/** The cursor key's secret as the stack names it, and the key only Secrets Manager holds. */
export const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:CursorSecret-AbCdEf';
export const CURSOR_KEY = 'a-cursor-key-only-secrets-manager-holds';

/** Secrets Manager's GetSecretValue on loopback (its JSON protocol), recording what it was asked. */
export function secretsManager(asked: string[]): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const { SecretId } = JSON.parse(body) as { SecretId: string };
      asked.push(`${req.headers['x-amz-target']} ${SecretId}`);
      const found = SecretId === SECRET_ARN;
      res.writeHead(found ? 200 : 400, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(
        JSON.stringify(
          found
            ? { ARN: SECRET_ARN, Name: 'CursorSecret', SecretString: CURSOR_KEY, VersionId: 'v1' }
            : { __type: 'ResourceNotFoundException', message: 'no such secret' },
        ),
      );
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** SQS messages as the event source mapping hands them to a function. */
export function sqsEvent(messages: Array<Pick<Message, 'MessageId' | 'Body'>>, queueArn: string) {
  return {
    Records: messages.map((message, i) => ({
      messageId: message.MessageId ?? `m${i}`,
      receiptHandle: `handle-${i}`,
      body: message.Body,
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: '1796187600000',
        SenderId: 'AIDAEXAMPLE',
        ApproximateFirstReceiveTimestamp: '1796187600000',
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: queueArn,
      awsRegion: 'eu-west-1',
    })),
  };
}

export const scheduled = {
  version: '0',
  id: 'a1b2c3',
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '111122223333',
  time: '2026-12-02T05:00:00Z',
  region: 'eu-west-1',
  resources: ['arn:aws:events:eu-west-1:111122223333:rule/Every5Minutes'],
  detail: {},
};
