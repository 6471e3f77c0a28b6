import { loadFeedsFile } from '../../lib/feeds/index.ts';
import { baseServices, dynamoClient, perEnvironment } from '../../lib/runtime/index.ts';
import { DynamoEventStore, DynamoFeedStates } from '../../lib/store/index.ts';
import { CursorCodec } from '../../lib/timeline/index.ts';

/** The timeline's adapters, wired from the environment once per cold start: it reads DynamoDB, never SQS. */
export const timelineServices = perEnvironment((config) => {
  const { logger, invalid } = baseServices(config);
  const dynamo = dynamoClient();
  return {
    config,
    logger,
    events: new DynamoEventStore(dynamo, config.TABLE_NAME, invalid),
    states: new DynamoFeedStates(dynamo, config.TABLE_NAME, invalid),
    cursors: new CursorCodec(config.CURSOR_SECRET),
    feeds: () => loadFeedsFile(config.FEEDS_CONFIG),
  };
});
