import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { HostLimiter, pollFeed } from '../../lib/feeds/index.ts';
import { decodePollJob } from '../../lib/queue/index.ts';
import { oncePerEnvironment } from '../../lib/runtime/index.ts';
import { type PollerDeps, pollerServices } from './services.ts';

/**
 * Feeds queue → one poll per job. A feed that is down is not a failed message: its state records
 * the failure and schedules the retry. Only what stops the poll itself (an unusable job, storage
 * unreachable) fails the record, so SQS retries it and finally dead-letters it.
 */
export function makePollerHandler({ metrics, ...deps }: PollerDeps) {
  const processor = new BatchProcessor(EventType.SQS);
  return async (event: SQSEvent, context?: Context): Promise<SQSBatchResponse> => {
    // One limiter per batch: the jobs polled in parallel share each host's politeness.
    const polling = { ...deps, hosts: new HostLimiter() };
    const pollRecord = async (record: SQSRecord) => {
      const feed = decodePollJob(record.body);
      const stored = await deps.states.getMany([feed.id]);
      const result = await pollFeed(feed, stored.get(feed.id), polling);
      metrics.addMetric('ArticlesQueued', MetricUnit.Count, result.queued);
      // A feed larger than one poll's cap: what waits for its next polls.
      if (result.backlog) metrics.addMetric('ArticlesLeftForNextPoll', MetricUnit.Count, result.backlog);
      if (!result.ok) metrics.addMetric('FeedFailures', MetricUnit.Count, 1);
      return result;
    };
    const response = await processPartialResponse(event, pollRecord, processor, {
      context: context as Context,
      throwOnFullBatchFailure: false,
      processInParallel: true,
    });
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    return response;
  };
}

export const handler = oncePerEnvironment((config) => makePollerHandler(pollerServices(config)));
