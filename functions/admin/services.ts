import { baseServices, dynamoClient, perEnvironment } from '../../lib/runtime/index.ts';
import { DynamoEventStore } from '../../lib/store/index.ts';

/** The admin function's adapters: the event store with its corrections log, nothing else (no queue, no secret). */
export const adminServices = perEnvironment((config) => {
  const { logger, invalid } = baseServices(config);
  return { logger, store: new DynamoEventStore(dynamoClient(), config.TABLE_NAME, invalid) };
});
