import * as z from 'zod';
import type { Feed } from './config.ts';

const instant = z.iso.datetime({ offset: true });

/** What the poller remembers about a feed between polls (one item per feed in DynamoDB). */
export const FeedStateSchema = z.object({
  feedId: z.string(),
  /** The URL as feeds.yaml gives it; when ops change it, the state starts over. */
  configuredUrl: z.string(),
  /** Where the feed lives now: a permanent redirect (301/308) moves it. */
  url: z.string(),
  /** Validators sent back exactly as received. */
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  bodyHash: z.string().optional(),
  lastStatus: z.number().int().optional(),
  lastPolledAt: instant.optional(),
  nextPollAt: instant,
  consecutiveFailures: z.number().int().nonnegative(),
  /** The last failure as logged, for ops; never shown publicly (it can hold the feed's full URL). */
  lastError: z.string().optional(),
  /** The last failure's public category (`timeout`, `http-404`, `parse-error`…): see failure.ts. */
  lastErrorCode: z.string().optional(),
  /** What the last full fetch carried that had to be bounded or left for later: see FeedWarning. */
  warnings: z.array(z.string()).optional(),
  /** Messages left for the next poll by the per-poll cap. */
  backlog: z.number().int().nonnegative().optional(),
  lastNewItemAt: instant.optional(),
  /** Entries in the feed at the last full fetch. */
  items: z.number().int().nonnegative().optional(),
  newestItemAt: instant.optional(),
  unhealthy: z.boolean(),
  version: z.number().int().nonnegative(),
});
export type FeedState = z.infer<typeof FeedStateSchema>;

/**
 * - `cache-hint-clamped`: Cache-Control/Expires or the feed's <ttl> asked for more than the longest
 *   interval; the feed is polled at that interval.
 * - `retry-after-clamped`: the same for Retry-After.
 * - `item-dates-out-of-range`: items dated outside ITEM_DATE_WINDOW, read as undated.
 * - `entries-capped`: more new articles than one poll queues; the rest come with the next polls.
 */
export type FeedWarning =
  | 'cache-hint-clamped'
  | 'retry-after-clamped'
  | 'item-dates-out-of-range'
  | 'entries-capped';

/**
 * What stands in for a stored state that failed validation on read: unhealthy with the reason, due
 * now, and starting over (no URL kept, so `currentState` gives a fresh one) under the stored
 * version, so the next conditional write replaces the bad item instead of being refused by it.
 */
export function recoveredState(feedId: string, version: number, now: Date): FeedState {
  return {
    feedId,
    configuredUrl: '',
    url: '',
    nextPollAt: now.toISOString(),
    consecutiveFailures: 0,
    lastError: 'the stored state failed validation; it starts over',
    lastErrorCode: 'invalid-state',
    unhealthy: true,
    version,
  };
}

/** A feed never polled, or whose URL ops just changed: due now. */
export function initialState(feed: Pick<Feed, 'id' | 'url'>, now: Date): FeedState {
  return {
    feedId: feed.id,
    configuredUrl: feed.url,
    url: feed.url,
    nextPollAt: now.toISOString(),
    consecutiveFailures: 0,
    unhealthy: false,
    version: 0,
  };
}

/** The state to poll a feed with: a fresh one when there is none or the configured URL changed. */
export function currentState(
  feed: Pick<Feed, 'id' | 'url'>,
  stored: FeedState | undefined,
  now: Date,
): FeedState {
  if (!stored) return initialState(feed, now);
  if (stored.configuredUrl !== feed.url) return { ...initialState(feed, now), version: stored.version };
  return stored;
}
