import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { withFullText } from '../../lib/articles/index.ts';
import { creditArticle, creditCarriers, recordArticle } from '../../lib/dedup/index.ts';
import { type ArticlesQueueMessage, decodeArticlesQueueMessage } from '../../lib/queue/index.ts';
import { services } from '../../lib/runtime/index.ts';

const processor = new BatchProcessor(EventType.SQS);

/** An article: extract and record its events, then credit the other feeds the ledger names. */
async function processArticle({ article: queued }: Extract<ArticlesQueueMessage, { kind: 'article' }>) {
  const { events, ledger, logger, fetchPage, metrics } = services();
  const article = await withFullText(queued, { fetch: fetchPage, log: logger });
  const outcome = await recordArticle(events, article);
  const credited = await creditCarriers(events, ledger, article, outcome.events);
  metrics.addMetric('EventsCreated', MetricUnit.Count, outcome.created);
  metrics.addMetric('EventsMerged', MetricUnit.Count, outcome.merged);
  if (credited.feeds) metrics.addMetric('FeedsCredited', MetricUnit.Count, credited.feeds);
  logger.info(`article ${article.url}: ${outcome.events} events`, {
    ...outcome,
    feedsCredited: credited.feeds,
    articleId: article.id,
  });
  return outcome;
}

/** A credit: another feed carries an article already queued; credit it without extracting again. */
async function processCredit({ articleId, feed }: Extract<ArticlesQueueMessage, { kind: 'credit' }>) {
  const { events, ledger, logger, metrics } = services();
  const outcome = await creditArticle(events, ledger, articleId, feed);
  if (outcome.feeds) metrics.addMetric('FeedsCredited', MetricUnit.Count, outcome.feeds);
  const what = outcome.pending
    ? 'events not stored yet, credited when they are'
    : `${outcome.events} events credited`;
  logger.info(`article ${articleId}, feed ${feed.id}: ${what}`, { ...outcome, articleId, feedId: feed.id });
  return outcome;
}

async function processRecord(record: SQSRecord) {
  const { logger } = services();
  try {
    const message = decodeArticlesQueueMessage(record.body);
    return message.kind === 'credit' ? await processCredit(message) : await processArticle(message);
  } catch (error) {
    logger.error(
      `message ${record.messageId} failed (receive ${record.attributes.ApproximateReceiveCount}): ${(error as Error).message}`,
    );
    throw error;
  }
}

/** SQS batch → one article or credit per record; failures are reported per record so only they are retried. */
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
