import type { PollDeps } from '../../lib/feeds/index.ts';
import { guardedFetch } from '../../lib/http/index.ts';
import { SqsArticleQueue } from '../../lib/queue/index.ts';
import {
  baseServices,
  dynamoClient,
  type MetricsSink,
  type RuntimeConfig,
  required,
  sqsClient,
} from '../../lib/runtime/index.ts';
import { DynamoArticleLedger, DynamoFeedStates } from '../../lib/store/index.ts';

/** What the poller runs on: the guarded fetch, the ledger, the articles queue, the feed states. */
export type PollerDeps = Omit<PollDeps, 'hosts'> & { metrics: MetricsSink };

/** The poller's adapters, wired from the environment. */
export function pollerServices(config: RuntimeConfig): PollerDeps {
  const { logger, metrics, invalid } = baseServices(config);
  const dynamo = dynamoClient();
  return {
    fetch: (url, headers) =>
      guardedFetch(url, { allowPrivateNetwork: config.ALLOW_PRIVATE_NETWORK, headers }),
    ledger: new DynamoArticleLedger(dynamo, config.TABLE_NAME, invalid),
    queue: new SqsArticleQueue(sqsClient(), required(config, 'ARTICLES_QUEUE_URL')),
    states: new DynamoFeedStates(dynamo, config.TABLE_NAME, invalid),
    log: logger,
    metrics,
  };
}
