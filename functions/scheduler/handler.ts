import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { ScheduledEvent } from 'aws-lambda';
import { scheduleDue } from '../../lib/feeds/index.ts';
import { services } from '../../lib/runtime/index.ts';

/**
 * EventBridge schedule (every 5 minutes) → one poll job per due feed on the feeds queue. An event
 * with `detail.force: true` polls every enabled feed now.
 */
export async function handler(event: ScheduledEvent<{ force?: boolean } | undefined>) {
  const { feeds, states, pollJobs, logger, metrics } = services();
  const result = await scheduleDue(
    feeds(),
    { states, jobs: pollJobs(), log: logger },
    event.detail?.force === true,
  );
  logger.info('schedule finished', { ...result });
  metrics.addMetric('FeedsDue', MetricUnit.Count, result.due);
  metrics.addMetric('PollJobsQueued', MetricUnit.Count, result.queued);
  metrics.addMetric('UnhealthyFeeds', MetricUnit.Count, result.unhealthy);
  metrics.publishStoredMetrics();
  return result;
}
