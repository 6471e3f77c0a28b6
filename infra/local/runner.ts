import { serve } from '@hono/node-server';
import type { ScheduledEvent } from 'aws-lambda';
import { handler as pollerHandler } from '../../functions/poller/handler.ts';
import { handler as schedulerHandler } from '../../functions/scheduler/handler.ts';
import { timelineApp } from '../../functions/timeline/app.ts';
import { handler as workerHandler } from '../../functions/worker/handler.ts';
import { loadFeedsFile } from '../../lib/feeds/index.ts';
import { readRuntimeConfig } from '../../lib/runtime/index.ts';
import { DynamoFeedStates } from '../../lib/store/index.ts';
import { ADMIN_TOKEN_ENV, serveAdmin } from './admin-server.ts';
import type { RunnerOptions } from './cli.ts';
import { describeRecovery } from './queue-journal.ts';
import { type LocalStack, startLocalStack } from './stack.ts';
import { type SqsHandler, WorkerLoop } from './worker-loop.ts';

/** The scheduler runs every minute locally (every 5 in AWS); each run queues only the feeds that are due. */
const SCHEDULE_EVERY_MS = 60_000;

/** The event EventBridge Scheduler sends the scheduler; `force` polls every feed now. */
export function scheduledEvent(now = new Date(), force = false): ScheduledEvent<{ force?: boolean }> {
  return {
    version: '0',
    id: crypto.randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '000000000000',
    time: now.toISOString(),
    region: process.env.AWS_REGION ?? 'us-east-1',
    resources: ['arn:aws:events:us-east-1:000000000000:rule/dateline-schedule'],
    detail: force ? { force } : {},
  };
}

function loopFor(stack: LocalStack, queue: 'articles' | 'feeds', handler: SqsHandler): WorkerLoop {
  const { url, arn } = stack[queue];
  return new WorkerLoop({
    sqs: stack.sqs,
    queueUrl: url,
    queueArn: arn,
    handler,
    region: process.env.AWS_REGION,
  });
}

/** The local stack, saying what its queue journal gave back so an operator sees nothing was dropped. */
async function startLocal(options: RunnerOptions, log: (line: string) => void): Promise<LocalStack> {
  const stack = await startLocalStack(options);
  const recovered = stack.recovery && describeRecovery(stack.recovery);
  if (recovered) log(recovered);
  return stack;
}

export interface OnceSummary {
  feeds: number;
  failedFeeds: number;
  processed: number;
  failedMessages: number;
}

/** --once: poll every enabled feed now, process everything queued, report. */
export async function runOnce(options: RunnerOptions, log = console.log): Promise<OnceSummary> {
  const feeds = loadFeedsFile(options.feedsPath).filter((feed) => feed.enabled);
  const stack = await startLocal(options, log);
  try {
    const started = new Date().toISOString();
    const pollers = loopFor(stack, 'feeds', (event) => pollerHandler(event));
    const workers = loopFor(stack, 'articles', (event) => workerHandler(event));
    await schedulerHandler(scheduledEvent(new Date(), true));
    await pollers.drain();
    await workers.drain();
    const states = await new DynamoFeedStates(stack.dynamo, readRuntimeConfig().TABLE_NAME).getMany(
      feeds.map((feed) => feed.id),
    );
    const polled = [...states.values()].filter((state) => (state.lastPolledAt ?? '') >= started);
    return {
      feeds: polled.length,
      failedFeeds: polled.filter((state) => state.lastError).length,
      processed: workers.stats.succeeded,
      failedMessages: workers.stats.failed,
    };
  } finally {
    await stack.stop();
  }
}

export interface RunningPipeline {
  port: number;
  /** The admin API's loopback port, when a token let it start. */
  adminPort?: number;
  stop(): Promise<void>;
}

/** The long-running local pipeline: schedule, poll and worker loops, timeline server. */
export async function runPipeline(options: RunnerOptions, log = console.log): Promise<RunningPipeline> {
  loadFeedsFile(options.feedsPath);
  const stack = await startLocal(options, log);
  const loops = [
    loopFor(stack, 'feeds', (event) => pollerHandler(event)),
    loopFor(stack, 'articles', (event) => workerHandler(event)),
  ];
  for (const loop of loops) loop.start();
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let scheduling: Promise<unknown> = Promise.resolve();
  const tick = () => {
    scheduling = schedulerHandler(scheduledEvent())
      .catch((error: Error) => log(`schedule failed: ${error.message}`))
      .finally(() => {
        if (!stopping) timer = setTimeout(tick, SCHEDULE_EVERY_MS);
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
  const admin = options.admin && (await serveAdmin(options.admin));
  if (admin) log(`Admin API on ${admin.url}/admin (loopback only, bearer token from $${ADMIN_TOKEN_ENV})`);
  return {
    port,
    adminPort: admin?.port,
    async stop() {
      await admin?.close();
      stopping = true;
      clearTimeout(timer);
      await Promise.all(loops.map((loop) => loop.stop()));
      await Promise.race([scheduling, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await stack.stop();
    },
  };
}
