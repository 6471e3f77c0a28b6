import type { Feed } from './config.ts';
import type { FeedState } from './state.ts';

/** How polling a feed is going, for ops and for the public /feeds listing. */
export function feedHealth(feed: Feed, state: FeedState | undefined) {
  const status = !feed.enabled
    ? 'disabled'
    : !state?.lastPolledAt
      ? 'new'
      : state.unhealthy
        ? 'unhealthy'
        : state.consecutiveFailures > 0
          ? 'failing'
          : 'ok';
  return {
    id: feed.id,
    name: feed.name,
    url: state?.configuredUrl === feed.url ? state.url : feed.url,
    enabled: feed.enabled,
    status,
    lastPolledAt: state?.lastPolledAt ?? null,
    lastStatus: state?.lastStatus ?? null,
    items: state?.items ?? null,
    consecutiveFailures: state?.consecutiveFailures ?? 0,
    lastError: state?.lastError ?? null,
    lastNewItemAt: state?.lastNewItemAt ?? null,
    nextPollAt: state?.nextPollAt ?? null,
  } as const;
}
