import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { loadFeedsFile } from '../feeds/index.ts';
import { ACCEPT_HTML, guardedFetch } from '../http/index.ts';
import { SqsArticleQueue, SqsPollJobQueue } from '../queue/index.ts';
import { DynamoArticleLedger, DynamoEventStore, DynamoFeedStates } from '../store/index.ts';
import { CursorCodec } from '../timeline/index.ts';
import { type RuntimeConfig, readRuntimeConfig } from './config.ts';
import { reportInvalidItems } from './invalid-items.ts';

export const logger = new Logger({ serviceName: 'dateline' });

/**
 * The adapters wired from the environment. Clients take their endpoints from the SDK's standard
 * settings (AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_SQS), so the same code talks to AWS or to
 * the local emulators.
 */
export function createServices(config: RuntimeConfig = readRuntimeConfig()) {
  const dynamo = new DynamoDBClient({});
  // Queue URLs name their own host; the configured endpoint (an emulator locally) is the one to call.
  const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
  // Built here, not at import, so the environment the local stack sets first is the one it reads.
  const metrics = new Metrics({ namespace: 'Dateline', serviceName: 'dateline' });
  const invalid = reportInvalidItems(logger, metrics);
  return {
    config,
    logger,
    // CloudWatch metrics as EMF log lines (off locally: POWERTOOLS_METRICS_DISABLED).
    metrics,
    dynamo,
    sqs,
    events: new DynamoEventStore(dynamo, config.TABLE_NAME, invalid),
    ledger: new DynamoArticleLedger(dynamo, config.TABLE_NAME, invalid),
    states: new DynamoFeedStates(dynamo, config.TABLE_NAME, invalid),
    cursors: new CursorCodec(config.CURSOR_SECRET),
    articleQueue() {
      if (!config.ARTICLES_QUEUE_URL) throw new Error('ARTICLES_QUEUE_URL is not set');
      return new SqsArticleQueue(sqs, config.ARTICLES_QUEUE_URL);
    },
    pollJobs() {
      if (!config.FEEDS_QUEUE_URL) throw new Error('FEEDS_QUEUE_URL is not set');
      return new SqsPollJobQueue(sqs, config.FEEDS_QUEUE_URL);
    },
    feeds: () => loadFeedsFile(config.FEEDS_CONFIG),
    fetch: (url: string, headers?: Record<string, string>) =>
      guardedFetch(url, { allowPrivateNetwork: config.ALLOW_PRIVATE_NETWORK, headers }),
    fetchPage: (url: string) =>
      guardedFetch(url, { allowPrivateNetwork: config.ALLOW_PRIVATE_NETWORK, accept: ACCEPT_HTML }),
  };
}
export type Services = ReturnType<typeof createServices>;

let cached: { key: string; services: Services } | undefined;

/** Services for the current environment, built once per cold start (and again if the environment changes, as in tests). */
export function services(): Services {
  const config = readRuntimeConfig();
  const key = JSON.stringify([
    config,
    process.env.AWS_ENDPOINT_URL_DYNAMODB,
    process.env.AWS_ENDPOINT_URL_SQS,
  ]);
  if (cached?.key !== key) cached = { key, services: createServices(config) };
  return cached.services;
}
