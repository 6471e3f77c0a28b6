import type { CreditLedger, EventRepository } from '../../lib/dedup/index.ts';
import { ACCEPT_HTML, type FetchedResponse, guardedFetch } from '../../lib/http/index.ts';
import type { Log } from '../../lib/log.ts';
import { sendToDeadLetters, type Unusable } from '../../lib/queue/index.ts';
import {
  baseServices,
  dynamoClient,
  type MetricsSink,
  type RuntimeConfig,
  sqsClient,
} from '../../lib/runtime/index.ts';
import { DynamoArticleLedger, DynamoEventStore } from '../../lib/store/index.ts';

/** What the worker runs on: the event store, the ledger, pages, and the DLQ when one is configured. */
export interface WorkerDeps {
  events: EventRepository;
  ledger: CreditLedger;
  fetchPage: (url: string) => Promise<FetchedResponse>;
  log: Log;
  metrics: MetricsSink;
  /** Sends a message it cannot decode to the DLQ with the reason; without it, the redrive policy does. */
  deadLetters?: (message: Unusable, reason: string) => Promise<void>;
}

/** The DLQ sender for the queue at `url`; none when the stack configured no DLQ. */
function deadLettersAt(url: string | undefined): WorkerDeps['deadLetters'] {
  if (!url) return undefined;
  const sqs = sqsClient();
  return (message, reason) => sendToDeadLetters(sqs, url, message, reason);
}

/** The worker's adapters, wired from the environment. */
export function workerServices(config: RuntimeConfig): WorkerDeps {
  const { logger, metrics, invalid } = baseServices(config);
  const dynamo = dynamoClient();
  return {
    events: new DynamoEventStore(dynamo, config.TABLE_NAME, invalid),
    ledger: new DynamoArticleLedger(dynamo, config.TABLE_NAME, invalid),
    fetchPage: (url) =>
      guardedFetch(url, { allowPrivateNetwork: config.ALLOW_PRIVATE_NETWORK, accept: ACCEPT_HTML }),
    log: logger,
    metrics,
    deadLetters: deadLettersAt(config.ARTICLES_DLQ_URL),
  };
}
