import { ACCEPT_HTML, guardedFetch } from '../../lib/http/index.ts';
import { baseServices, dynamoClient, perEnvironment, sqsClient } from '../../lib/runtime/index.ts';
import { DynamoArticleLedger, DynamoEventStore } from '../../lib/store/index.ts';

/** The worker's adapters, wired from the environment once per cold start: the event store, the ledger, pages, the DLQ. */
export const workerServices = perEnvironment((config) => {
  const { logger, metrics, invalid } = baseServices(config);
  const dynamo = dynamoClient();
  return {
    config,
    logger,
    metrics,
    sqs: sqsClient(),
    events: new DynamoEventStore(dynamo, config.TABLE_NAME, invalid),
    ledger: new DynamoArticleLedger(dynamo, config.TABLE_NAME, invalid),
    fetchPage: (url: string) =>
      guardedFetch(url, { allowPrivateNetwork: config.ALLOW_PRIVATE_NETWORK, accept: ACCEPT_HTML }),
  };
});
