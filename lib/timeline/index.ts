export { createTimelineApp, type TimelineAppDeps } from './app.ts';
export { changedSince, NO_EVENT_CHANGE, type TimelineHead, UNKNOWN_CHANGE } from './change-log.ts';
export { CursorCodec, type CursorPosition, InvalidCursorError } from './cursor.ts';
export { describeDate, describeFilters, describeWhen } from './describe.ts';
export {
  DatePrecisionSchema,
  EntitiesSchema,
  type FeedRef,
  FeedRefSchema,
  isoDate,
  type Source,
  SourceSchema,
  type TimelineEvent,
  TimelineEventSchema,
} from './event.ts';
export { type FeedHealth, type FeedHealthReader, FeedHealthSchema } from './feed-health.ts';
export { CachePolicy } from './http.ts';
export {
  carries,
  feedIdsOf,
  type IndexHint,
  LISTED_SOURCES,
  type ListedEvent,
  ListedEventSchema,
  listedFormOf,
  pageTimeline,
  type RangeRequest,
  type TimelinePage,
  type TimelineReader,
} from './page.ts';
export { DEFAULT_KEPT_EVENTS, PatchedListings, type PatchOptions, patchKept } from './patched-listings.ts';
export {
  type PublicEvent,
  PublicEventSchema,
  presentEvent,
  SourcePageSchema,
  TimelinePageSchema,
} from './present.ts';
export {
  type InvalidParam,
  invalidParams,
  notFound,
  PROBLEM_TYPE,
  type Problem,
  ProblemSchema,
  problemResponse,
} from './problem.ts';
export { DEFAULT_LIMIT, datesOf, searchOf, type TimelineQuery, TimelineQuerySchema } from './query.ts';
export { EventIdSchema } from './routes.ts';
export { sortDate, sortKeyBounds, sortKeyOf } from './sort-key.ts';
export { atomFeed, type FeedInput, JsonFeedSchema, jsonFeed, rssFeed } from './syndication.ts';
export { escapeXml } from './xml.ts';
