export {
  type ArticleRecord,
  type CreditLedger,
  type CreditOutcome,
  creditArticle,
  creditCarriers,
  creditFeed,
} from './credit.ts';
export { accountId, bySourceOrder, deriveEvent, mergeAccounts, onePerArticle, withFeed } from './derive.ts';
export {
  type ArticleOutcome,
  accountOf,
  type EventRepository,
  type Outcome,
  recordAccount,
  recordArticle,
  WriteConflictError,
} from './record.ts';
export { accountsMatch, linksTo, MATCH_THRESHOLD, MIN_SHARED, similarity } from './similarity.ts';
export { candidateRanges, datesCompatible, type SortRange } from './window.ts';
