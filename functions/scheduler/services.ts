import { type Feed, type FeedStateStore, loadFeedsFile, type PollJobQueue } from '../../lib/feeds/index.ts';
import type { Log } from '../../lib/log.ts';
import { SqsPollJobQueue } from '../../lib/queue/index.ts';
import {
  baseServices,
  dynamoClient,
  type MetricsSink,
  type RuntimeConfig,
  required,
  sqsClient,
} from '../../lib/runtime/index.ts';
import { DynamoFeedStates } from '../../lib/store/index.ts';

/** What the scheduler runs on: the feeds file, the feed states, the feeds queue. */
export interface SchedulerDeps {
  feeds(): Feed[];
  states: FeedStateStore;
  jobs: PollJobQueue;
  log: Log;
  metrics: MetricsSink;
}

/** The scheduler's adapters, wired from the environment: DynamoDB and SQS, nothing it does not call. */
export function schedulerServices(config: RuntimeConfig): SchedulerDeps {
  const { logger, metrics, invalid } = baseServices(config);
  return {
    feeds: () => loadFeedsFile(config.FEEDS_CONFIG),
    states: new DynamoFeedStates(dynamoClient(), config.TABLE_NAME, invalid),
    jobs: new SqsPollJobQueue(sqsClient(), required(config, 'FEEDS_QUEUE_URL')),
    log: logger,
    metrics,
  };
}
