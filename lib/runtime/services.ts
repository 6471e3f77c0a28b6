import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { RuntimeConfig } from './config.ts';
import { reportInvalidItems } from './invalid-items.ts';

export const logger = new Logger({ serviceName: 'dateline' });

/** What a handler does with metrics; Powertools' Metrics satisfies it, and so does a test's recorder. */
export interface MetricsSink {
  addMetric(name: string, unit: Parameters<Metrics['addMetric']>[1], value: number): unknown;
  hasStoredMetrics(): boolean;
  publishStoredMetrics(): unknown;
}

/**
 * What every function is wired with: its configuration, the logger, metrics (CloudWatch EMF log
 * lines; off locally through POWERTOOLS_METRICS_DISABLED) and the report of invalid stored items.
 * Each function's own services (functions/<name>/services.ts) add the adapters it runs, and only those,
 * so a bundle carries no adapter its function never calls.
 */
export function baseServices(config: RuntimeConfig) {
  // Built here, not at import, so the environment the local stack sets first is the one it reads.
  const metrics = new Metrics({ namespace: 'Dateline', serviceName: 'dateline' });
  return { config, logger, metrics, invalid: reportInvalidItems(logger, metrics) };
}

/**
 * Clients take their endpoints from the SDK's standard settings (AWS_ENDPOINT_URL_DYNAMODB,
 * AWS_ENDPOINT_URL_SQS), so the same code talks to AWS or to the local emulators.
 */
export const dynamoClient = () => new DynamoDBClient({});
/** Queue URLs name their own host; the configured endpoint (an emulator locally) is the one to call. */
export const sqsClient = () => new SQSClient({ useQueueUrlAsEndpoint: false });

/** A setting the function cannot run without, named in the error when the stack did not set it. */
export function required(config: RuntimeConfig, name: 'ARTICLES_QUEUE_URL' | 'FEEDS_QUEUE_URL'): string {
  const value = config[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}
