import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { ScheduledEvent } from 'aws-lambda';
import { scheduleDue } from '../../lib/feeds/index.ts';
import { oncePerEnvironment } from '../../lib/runtime/index.ts';
import { type SchedulerDeps, schedulerServices } from './services.ts';

export type ScheduleEvent = ScheduledEvent<{ force?: boolean } | undefined>;

/**
 * EventBridge schedule (every 5 minutes) → one poll job per due feed on the feeds queue. An event
 * with `detail.force: true` polls every enabled feed now.
 */
export function makeSchedulerHandler(deps: SchedulerDeps) {
  return async (event: ScheduleEvent) => {
    const { log, metrics } = deps;
    const result = await scheduleDue(deps.feeds(), deps, event.detail?.force === true);
    log.info('schedule finished', { ...result });
    metrics.addMetric('FeedsDue', MetricUnit.Count, result.due);
    metrics.addMetric('PollJobsQueued', MetricUnit.Count, result.queued);
    metrics.addMetric('UnhealthyFeeds', MetricUnit.Count, result.unhealthy);
    metrics.publishStoredMetrics();
    return result;
  };
}

export const handler = oncePerEnvironment((config) => makeSchedulerHandler(schedulerServices(config)));
