import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { withFullText } from '../../lib/articles/index.ts';
import { recordArticle } from '../../lib/dedup/index.ts';
import { decodeArticleMessage } from '../../lib/queue/index.ts';
import { services } from '../../lib/runtime/index.ts';

const processor = new BatchProcessor(EventType.SQS);

async function processRecord(record: SQSRecord) {
  const { events, logger, fetchPage, metrics } = services();
  try {
    const article = await withFullText(decodeArticleMessage(record.body), { fetch: fetchPage, log: logger });
    const outcome = await recordArticle(events, article);
    metrics.addMetric('EventsCreated', MetricUnit.Count, outcome.created);
    metrics.addMetric('EventsMerged', MetricUnit.Count, outcome.merged);
    logger.info(`article ${article.url}: ${outcome.events} events`, { ...outcome, articleId: article.id });
    return outcome;
  } catch (error) {
    logger.error(
      `message ${record.messageId} failed (receive ${record.attributes.ApproximateReceiveCount}): ${(error as Error).message}`,
    );
    throw error;
  }
}

/** SQS batch → one article per record; failures are reported per record so only they are retried. */
export async function handler(event: SQSEvent, context?: Context): Promise<SQSBatchResponse> {
  const response = await processPartialResponse(event, processRecord, processor, {
    context: context as Context,
    throwOnFullBatchFailure: false,
  });
  const { metrics } = services();
  // A batch whose every article failed has nothing to report; publishing nothing only warns.
  if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  return response;
}
