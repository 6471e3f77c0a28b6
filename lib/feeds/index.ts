export { articleFromEntry } from './articles.ts';
export { boundedEntries, ITEM_DATE_WINDOW, itemDate } from './bounds.ts';
export {
  type Feed,
  FeedSchema,
  FeedsConfigError,
  FeedsFileSchema,
  loadFeedsFile,
  parseDuration,
  parseFeedsFile,
  ResolvedFeedSchema,
} from './config.ts';
export { classifyError, type FeedErrorCode } from './failure.ts';
export { feedHealth } from './health.ts';
export { feedTtlMs, freshnessMs, maxAgeMs, type PollHints, retryAfterMs } from './hints.ts';
export { HostLimiter, hostOf } from './hosts.ts';
export { type FeedEntry, FeedParseError, type ParsedFeed, parseFeed, repairXml } from './parse.ts';
export { PARSE_BUDGET, type ParseBudget } from './parse-budget.ts';
export { type PollDeps, type PollResult, pollFeed, pollFeeds } from './poll.ts';
export type { ArticleLedger, ArticleQueue, FeedStateStore, QueueResult, Triage } from './ports.ts';
export {
  baseIntervalMs,
  boundedHints,
  DEFAULT_POLICY,
  nextPollAt,
  type PollPolicy,
  type ScheduleInput,
} from './schedule.ts';
export {
  CLAIM_MS,
  type PollJobQueue,
  type ScheduleDeps,
  type ScheduleResult,
  scheduleDue,
} from './scheduler.ts';
export {
  currentState,
  type FeedState,
  FeedStateSchema,
  type FeedWarning,
  initialState,
  recoveredState,
} from './state.ts';
