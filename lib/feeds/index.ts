export { articleFromEntry } from './articles.ts';
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
export { feedHealth } from './health.ts';
export { feedTtlMs, maxAgeMs, type PollHints, retryAfterMs } from './hints.ts';
export { HostLimiter, hostOf } from './hosts.ts';
export { type FeedEntry, FeedParseError, type ParsedFeed, parseFeed, repairXml } from './parse.ts';
export {
  type ArticleLedger,
  type ArticleQueue,
  type FeedStateStore,
  type PollDeps,
  type PollResult,
  pollFeed,
  pollFeeds,
  type QueueResult,
  type Triage,
} from './poll.ts';
export {
  baseIntervalMs,
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
export { currentState, type FeedState, FeedStateSchema, initialState } from './state.ts';
