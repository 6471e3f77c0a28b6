import { serve } from '@hono/node-server';
import type { ScheduledEvent } from 'aws-lambda';
import { handler as pollerHandler } from '../../functions/poller/handler.ts';
import { timelineApp } from '../../functions/timeline/app.ts';
import { handler as workerHandler } from '../../functions/worker/handler.ts';
import { type Feed, loadFeedsFile } from '../../lib/feeds/index.ts';
import type { RunnerOptions } from './cli.ts';
import { type LocalStack, startLocalStack } from './stack.ts';
import { WorkerLoop } from './worker-loop.ts';

const MIN_TICK_MS = 60_000;

/** The event EventBridge Scheduler sends the poller. */
export function scheduledEvent(now = new Date()): ScheduledEvent {
  return {
    version: '0',
    id: crypto.randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '000000000000',
    time: now.toISOString(),
    region: process.env.AWS_REGION ?? 'us-east-1',
    resources: ['arn:aws:events:us-east-1:000000000000:rule/dateline-poll'],
    detail: {},
  };
}

function workerFor(stack: LocalStack): WorkerLoop {
  return new WorkerLoop({
    sqs: stack.sqs,
    queueUrl: stack.articles.url,
    queueArn: stack.articles.arn,
    handler: (event) => workerHandler(event),
    region: process.env.AWS_REGION,
  });
}

export interface OnceSummary {
  feeds: number;
  failedFeeds: number;
  queued: number;
  processed: number;
  failedMessages: number;
}

/** --once: poll every enabled feed, process everything queued, report. */
export async function runOnce(options: RunnerOptions): Promise<OnceSummary> {
  loadFeedsFile(options.feedsPath);
  const stack = await startLocalStack(options);
  try {
    const worker = workerFor(stack);
    const poll = await pollerHandler(scheduledEvent());
    await worker.drain();
    return {
      feeds: poll.feeds,
      failedFeeds: poll.failed,
      queued: poll.queued,
      processed: worker.stats.succeeded,
      failedMessages: worker.stats.failed,
    };
  } finally {
    await stack.stop();
  }
}

function tickMs(feeds: Feed[]): number {
  const intervals = feeds.filter((feed) => feed.enabled).map((feed) => feed.pollEveryMs);
  return Math.max(MIN_TICK_MS, Math.min(...intervals, 10 * MIN_TICK_MS));
}

export interface RunningPipeline {
  port: number;
  stop(): Promise<void>;
}

/** The long-running local pipeline: schedule, worker loop and timeline server. */
export async function runPipeline(options: RunnerOptions, log = console.log): Promise<RunningPipeline> {
  const feeds = loadFeedsFile(options.feedsPath);
  const stack = await startLocalStack(options);
  const worker = workerFor(stack);
  worker.start();
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<unknown> = Promise.resolve();
  const tick = () => {
    polling = pollerHandler(scheduledEvent())
      .catch((error: Error) => log(`poll failed: ${error.message}`))
      .finally(() => {
        if (!stopping) timer = setTimeout(tick, tickMs(feeds));
      });
  };
  tick();
  const server = serve({ fetch: timelineApp().fetch, port: options.port });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  log(`Dateline timeline on http://localhost:${port}/timeline (Ctrl-C to stop)`);
  return {
    port,
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await worker.stop();
      await Promise.race([polling, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await stack.stop();
    },
  };
}
