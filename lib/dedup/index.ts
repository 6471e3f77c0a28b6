export { type ArticleAccount, accountsOf, withSameDay } from './accounts.ts';
export {
  accountKey,
  accountRefOf,
  type Clusterable,
  type ClusterOptions,
  clusterAccounts,
} from './cluster.ts';
export { type EventDate, eventDate } from './cluster-date.ts';
export { CLUSTER_RULES, type ClusterRules } from './cluster-links.ts';
export {
  type ArticleRecord,
  type CreditLedger,
  type CreditOutcome,
  creditArticle,
  creditCarriers,
  creditFeed,
} from './credit.ts';
export { accountId, bySourceOrder, deriveEvent, mergeAccounts, onePerArticle, withFeed } from './derive.ts';
export { eventIdOf, type Plan, planEvents } from './plan.ts';
export {
  type AccountRef,
  contentOf,
  type Posting,
  PostingSchema,
  postingOf,
  postingSortKey,
  sourceOf,
} from './posting.ts';
export {
  type PostingPages,
  type ReclusterOptions,
  type ReclusterProgress,
  type ReclusterStatus,
  reclusterAll,
} from './recluster.ts';
export {
  type ArticleOutcome,
  type Outcome,
  recordAccount,
  recordAccounts,
  recordArticle,
} from './record.ts';
export {
  type EventRepository,
  MAX_ATTEMPTS,
  neighbourhoodRanges,
  type Settled,
  settle,
  WriteConflictError,
} from './settle.ts';
export {
  accountsMatch,
  type Evidence,
  evidenceOf,
  isMatch,
  MATCH_THRESHOLDS,
  similarity,
  type Thresholds,
} from './similarity.ts';
export {
  candidateRanges,
  type DateRelation,
  dateRelation,
  type SortRange,
} from './window.ts';
