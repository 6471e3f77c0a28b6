import type { Feed } from './config.ts';
import type { FeedState } from './state.ts';

/** A stored error from before errors were classified: its text stays private, its category unknown. */
const UNCLASSIFIED = 'error';

/** The feed's host (and port): never its path or query, nor the URL itself when it does not parse. */
function siteOf(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase() || null;
  } catch {
    return null;
  }
}

function statusOf(feed: Feed, state: FeedState | undefined) {
  if (!feed.enabled) return 'disabled';
  if (state?.unhealthy) return 'unhealthy';
  if (!state?.lastPolledAt) return 'new';
  return state.consecutiveFailures > 0 ? 'failing' : 'ok';
}

/**
 * How polling a feed is going, for ops and for the public /feeds listing. It names the feed's site
 * (host), never its URL, whose query string may hold a token; and the last error by category.
 */
export function feedHealth(feed: Feed, state: FeedState | undefined) {
  const url = state?.configuredUrl === feed.url ? state.url : feed.url;
  const lastError = state?.lastErrorCode ?? (state?.lastError ? UNCLASSIFIED : null);
  return {
    id: feed.id,
    name: feed.name,
    site: siteOf(url),
    enabled: feed.enabled,
    status: statusOf(feed, state),
    lastPolledAt: state?.lastPolledAt ?? null,
    lastStatus: state?.lastStatus ?? null,
    items: state?.items ?? null,
    consecutiveFailures: state?.consecutiveFailures ?? 0,
    lastError,
    warnings: state?.warnings ?? [],
    lastNewItemAt: state?.lastNewItemAt ?? null,
    nextPollAt: state?.nextPollAt ?? null,
  } as const;
}
