import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportInvalidItems } from '../../lib/runtime/invalid-items.ts';

describe('an invalid stored item, as the Lambda functions report it', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('is counted at once in InvalidStoredItems by kind, whether or not the handler flushes metrics', () => {
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    // Powertools prints through the global console in dev mode: the EMF document is what CloudWatch reads.
    vi.stubEnv('POWERTOOLS_DEV', 'true');
    const printed: string[] = [];
    const capture = vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    try {
      const metrics = new Metrics({ namespace: 'Dateline', serviceName: 'dateline' });
      const logger = new Logger({ serviceName: 'dateline', logLevel: 'SILENT' });
      reportInvalidItems(logger, metrics).report('event', 'EVENT#evt_1', new Error('summary: too short'));
    } finally {
      capture.mockRestore();
    }
    const emf = printed.map((line) => JSON.parse(line)).find((doc) => '_aws' in doc);
    expect(emf).toMatchObject({ InvalidStoredItems: 1, Kind: 'event' });
    expect(emf._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: 'Dateline' });
  });
});
