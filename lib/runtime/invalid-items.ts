import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { InvalidItems } from '../store/index.ts';

/**
 * Stored items that failed validation, logged with their key and counted in `InvalidStoredItems`
 * (dimension `Kind`). Each count is published at once, as its own metric document: the timeline
 * function never flushes stored metrics, and a skipped item must be counted wherever it was read.
 */
export function reportInvalidItems(logger: Logger, metrics: Metrics): InvalidItems {
  return {
    report(kind, key, error) {
      logger.error(`skipped an invalid ${kind} item`, { kind, key, error });
      const single = metrics.singleMetric();
      single.addDimension('Kind', kind);
      single.addMetric('InvalidStoredItems', MetricUnit.Count, 1);
    },
  };
}
