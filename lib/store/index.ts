export { DynamoEventStore, itemOfHeldPosting, itemsOfNewEvent } from './events.ts';
export { DynamoFeedStates } from './feed-states.ts';
export { fileEventHints } from './hint-migrate.ts';
export { type InvalidItems, type ItemKind, invalidItemsToStderr } from './invalid-items.ts';
export { DynamoArticleLedger } from './ledger.ts';
export { fileStoredAccounts } from './migrate.ts';
export { ensureTable } from './provision.ts';
export { DynamoReclusterProgress, RECLUSTER_KEY } from './recluster-progress.ts';
export {
  BY_PARTITION_INDEX,
  FEEDS_PARTITION,
  keys,
  TABLE_NAME,
  TIMELINE_PARTITION,
  tableDefinition,
} from './table.ts';
export { bumpTimelineVersion } from './timeline-version.ts';
