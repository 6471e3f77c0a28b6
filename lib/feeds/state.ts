import { z } from 'zod';
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
  lastError: z.string().optional(),
  lastNewItemAt: instant.optional(),
  /** Entries in the feed at the last full fetch. */
  items: z.number().int().nonnegative().optional(),
  newestItemAt: instant.optional(),
  unhealthy: z.boolean(),
  version: z.number().int().nonnegative(),
});
export type FeedState = z.infer<typeof FeedStateSchema>;

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
