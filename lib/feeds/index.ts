export { articleFromEntry } from './articles.ts';
export {
  type Feed,
  FeedSchema,
  FeedsConfigError,
  FeedsFileSchema,
  loadFeedsFile,
  parseDuration,
  parseFeedsFile,
} from './config.ts';
export { type FeedEntry, FeedParseError, type ParsedFeed, parseFeed, repairXml } from './parse.ts';
export {
  type ArticleLedger,
  type ArticleQueue,
  type PollDeps,
  type PollResult,
  pollFeed,
  pollFeeds,
  type QueueResult,
} from './poll.ts';
