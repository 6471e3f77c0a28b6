import type { ScheduledEvent } from 'aws-lambda';
import { pollFeeds } from '../../lib/feeds/index.ts';
import { services } from '../../lib/runtime/index.ts';

/** EventBridge schedule → poll every enabled feed and queue what is new. */
export async function handler(_event: ScheduledEvent) {
  const { feeds, fetch, ledger, articleQueue, logger } = services();
  const enabled = feeds().filter((feed) => feed.enabled);
  const results = await pollFeeds(enabled, { fetch, ledger, queue: articleQueue(), log: logger });
  const summary = {
    feeds: results.length,
    failed: results.filter((result) => !result.ok).length,
    queued: results.reduce((sum, result) => sum + result.queued, 0),
  };
  logger.info('poll finished', summary);
  return { ...summary, results };
}
