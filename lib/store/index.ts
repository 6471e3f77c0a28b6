export { DynamoEventStore } from './events.ts';
export { DynamoArticleLedger } from './ledger.ts';
export { ensureTable } from './provision.ts';
export { keys, TIMELINE_INDEX, TIMELINE_PARTITION, tableDefinition } from './table.ts';
