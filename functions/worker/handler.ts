import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { FULL_TEXT_MS, withFullText } from '../../lib/articles/index.ts';
import { type Deadline, recordsDeadline } from '../../lib/budget/index.ts';
import { creditArticle, creditCarriers, recordArticle } from '../../lib/dedup/index.ts';
import {
  type ArticlesQueueMessage,
  BadMessageError,
  decodeArticlesQueueMessage,
} from '../../lib/queue/index.ts';
import { oncePerEnvironment } from '../../lib/runtime/index.ts';
import { type WorkerDeps, workerServices } from './services.ts';

type ArticleMessage = Extract<ArticlesQueueMessage, { kind: 'article' }>;
type CreditMessage = Extract<ArticlesQueueMessage, { kind: 'credit' }>;

/**
 * An article: extract and record its events, then credit the other feeds the ledger names. Its page
 * gets at most half the record's time, so a slow page leaves the rest for storing the feed's text.
 */
async function processArticle(deps: WorkerDeps, { article: queued }: ArticleMessage, deadline: Deadline) {
  const { events, ledger, log, fetchPage, metrics } = deps;
  const pageDeadline = deadline.within(Math.min(FULL_TEXT_MS, deadline.remainingMs() / 2));
  const article = await withFullText(queued, { fetch: fetchPage, log }, pageDeadline);
  const outcome = await recordArticle(events, article);
  const credited = await creditCarriers(events, ledger, article, outcome.events);
  metrics.addMetric('EventsCreated', MetricUnit.Count, outcome.created);
  metrics.addMetric('EventsMerged', MetricUnit.Count, outcome.merged);
  if (credited.feeds) metrics.addMetric('FeedsCredited', MetricUnit.Count, credited.feeds);
  log.info(`article ${article.url}: ${outcome.events} events`, {
    ...outcome,
    feedsCredited: credited.feeds,
    articleId: article.id,
  });
  return outcome;
}

/** A credit: another feed carries an article already queued; credit it without extracting again. */
async function processCredit(
  { events, ledger, log, metrics }: WorkerDeps,
  { articleId, feed }: CreditMessage,
) {
  const outcome = await creditArticle(events, ledger, articleId, feed);
  if (outcome.feeds) metrics.addMetric('FeedsCredited', MetricUnit.Count, outcome.feeds);
  const what = outcome.pending
    ? 'events not stored yet, credited when they are'
    : `${outcome.events} events credited`;
  log.info(`article ${articleId}, feed ${feed.id}: ${what}`, { ...outcome, articleId, feedId: feed.id });
  return outcome;
}

/**
 * A message that fails decoding fails the same way every time: straight to the DLQ with its reason,
 * reported as done. Without a DLQ configured it is thrown, and the redrive policy takes it there.
 */
async function deadLetter(
  { deadLetters, log, metrics }: WorkerDeps,
  record: SQSRecord,
  error: BadMessageError,
) {
  if (!deadLetters) throw error;
  const receiveCount = Number(record.attributes.ApproximateReceiveCount);
  await deadLetters({ messageId: record.messageId, body: record.body, receiveCount }, error.message);
  metrics.addMetric('MessagesDeadLettered', MetricUnit.Count, 1);
  log.error(`message ${record.messageId} dead-lettered: ${error.message}`, { messageId: record.messageId });
  return { deadLettered: true };
}

async function processRecord(deps: WorkerDeps, record: SQSRecord, deadline: Deadline) {
  let message: ArticlesQueueMessage;
  try {
    message = decodeArticlesQueueMessage(record.body);
  } catch (error) {
    if (error instanceof BadMessageError) return deadLetter(deps, record, error);
    throw error;
  }
  try {
    const work = (): Promise<unknown> =>
      message.kind === 'credit' ? processCredit(deps, message) : processArticle(deps, message, deadline);
    return await deadline.race('record', `message ${record.messageId}`, work);
  } catch (error) {
    deps.log.error(`message ${record.messageId} failed`, {
      messageId: record.messageId,
      receiveCount: record.attributes.ApproximateReceiveCount,
      error: error as Error,
    });
    throw error;
  }
}

/**
 * SQS batch → one article or credit per record, in parallel, each failing alone: a record still
 * running when its deadline (the invocation's remaining time, less a margin) comes is reported as
 * failed, so the handler returns before Lambda's timeout would fail the whole batch.
 */
export function makeWorkerHandler(deps: WorkerDeps) {
  return async (event: SQSEvent, context?: Context): Promise<SQSBatchResponse> => {
    const deadline = recordsDeadline(context?.getRemainingTimeInMillis());
    // One processor per invocation: its state is the batch's.
    const response = await processPartialResponse(
      event,
      (record: SQSRecord) => processRecord(deps, record, deadline),
      new BatchProcessor(EventType.SQS),
      { context: context as Context, throwOnFullBatchFailure: false },
    );
    // A batch whose every article failed has nothing to report; publishing nothing only warns.
    if (deps.metrics.hasStoredMetrics()) deps.metrics.publishStoredMetrics();
    return response;
  };
}

export const handler = oncePerEnvironment((config) => makeWorkerHandler(workerServices(config)));
