import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDynalite } from '../../infra/local/emulators.ts';
import { QueueJournal, type Recovery } from '../../infra/local/queue-journal.ts';
import { startLocalStack } from '../../infra/local/stack.ts';
import { parseFeed } from '../../lib/feeds/index.ts';
import { decodeBody } from '../../lib/http/index.ts';
import type { TimelineEvent } from '../../lib/timeline/index.ts';
import { launch } from './cli.ts';
import { FeedServer } from './feed-server.ts';
import { storedTimeline, workspace } from './local.ts';
import { type FixtureItem, rss } from './rss.ts';

/**
 * The kill drill: `npm start -- --once` over several outlets' feeds, its whole process group killed with
 * SIGKILL at a chosen moment, then `--once` again on the same data folder. The result must be a clean
 * run's timeline: the same events with the same sources, no source twice, nothing left on any queue.
 */

/** What a watcher sees of the running pipeline from outside: feed requests and the queue journal. */
export interface Observation {
  feedRequests: number;
  /** Poll jobs on the feeds queue (ready or in flight). */
  pollJobs: number;
  /** Article messages on the articles queue (ready or in flight), and those in flight. */
  articles: number;
  articlesInFlight: number;
  /** The most article messages the queue has held at once so far. */
  articlesPeak: number;
}

export type Phase = 'polling' | 'fan-out' | 'worker';

export interface KillPoint {
  name: string;
  phase: Phase;
  /** Kill inside the handler of this feed request (1-based), before it is answered. */
  atFeedRequest?: number;
  /** Kill once the observation says so. */
  when?: (seen: Observation) => boolean;
  /** Kill this share of a clean run's worker phase after the first article message went in flight. */
  workerShare?: number;
}

/**
 * Twenty moments across the first seconds of a run: inside feed requests (poll jobs in flight), while
 * the poller queues articles, and across the worker's batches. The worker deletes a batch's messages
 * only when the whole batch is done, so its progress is measured in time, as a share of a clean run's.
 */
export const KILL_POINTS: KillPoint[] = [
  ...[1, 2, 4, 6, 8, 10].map((n) => ({
    name: `feed request ${n}`,
    phase: 'polling' as const,
    atFeedRequest: n,
  })),
  ...[1, 2, 3, 5, 7].map((n) => ({
    name: `${n} article message(s) queued, polling not done`,
    phase: 'fan-out' as const,
    when: (seen: Observation) =>
      seen.articles >= n && seen.feedRequests < FEEDS && seen.articlesInFlight === 0,
  })),
  ...[0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8].map((share) => ({
    name: `worker batch, ${Math.round(share * 100)}% into the work`,
    phase: 'worker' as const,
    workerShare: share,
  })),
];

/**
 * The bundled demo outlets' articles, each served as its own feed: ten feeds of one article. Their
 * timeline does not depend on the order articles arrive in (the order drill shows it), so a run that
 * was killed and resumed must give exactly the clean run's events.
 */
export async function drillFeeds(): Promise<Map<string, FixtureItem[]>> {
  const feeds = new Map<string, FixtureItem[]>();
  for (const file of ['kyiv-ledger.xml', 'world-desk.atom', 'east-wire.xml']) {
    const parsed = await parseFeed(
      decodeBody(readFileSync(new URL(`../../infra/local/demo-feeds/${file}`, import.meta.url))),
    );
    parsed.entries.forEach((entry, i) => {
      const link = entry.link ?? `https://demo.example/${file}/${i}`;
      feeds.set(`${file.split('.')[0]}-${i + 1}`, [
        {
          title: entry.title,
          link,
          guid: entry.guid,
          pubDate: entry.publishedAt ?? '2024-11-01T00:00:00Z',
          html: entry.html,
        },
      ]);
    });
  }
  return feeds;
}

export const FEEDS = 10;

export interface DrillWorld {
  server: FeedServer;
  feedsPath: (dir: string) => string;
  /** Called inside every feed request, before it is answered: a run counts them and may kill there. */
  onFeedRequest: () => void;
  stop(): Promise<void>;
}

/** The outlets' feeds on a loopback server. */
export async function drillWorld(): Promise<DrillWorld> {
  const server = await new FeedServer().start();
  const feeds = await drillFeeds();
  const world: DrillWorld = {
    server,
    feedsPath(dir) {
      const path = join(dir, 'feeds.yaml');
      const lines = [...feeds.keys()].map(
        (outlet) => `  - id: ${outlet}\n    name: ${outlet}\n    url: ${server.url(`/${outlet}.xml`)}\n`,
      );
      writeFileSync(path, `feeds:\n${lines.join('')}`);
      return path;
    },
    onFeedRequest: () => {},
    stop: () => server.stop(),
  };
  for (const [outlet, items] of feeds) {
    const body = rss(outlet, items);
    server.routes.set(`/${outlet}.xml`, (_req, res) => {
      world.onFeedRequest();
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
    });
  }
  return world;
}

function observe(dataDir: string, feedRequests: number, peak: number): Observation {
  const { messages } = QueueJournal.inspect(dataDir);
  const articles = messages.get('dateline-articles') ?? [];
  return {
    feedRequests,
    pollJobs: (messages.get('dateline-feeds') ?? []).length,
    articles: articles.length,
    articlesInFlight: articles.filter((message) => message.inFlight).length,
    articlesPeak: Math.max(peak, articles.length),
  };
}

export interface DrillRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  /** What the watcher saw at the kill (absent when the run was not killed). */
  atKill?: Observation;
  /** From the first article message in flight to the end of the process (ms). */
  workerPhaseMs?: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One `npm start -- --once`, watched from outside through the feed server and the queue journal; killed
 * (whole process group, SIGKILL) at `point` when one is given. `workerPhaseMs` scales worker kill points.
 */
export async function runOnceProcess(
  world: DrillWorld,
  dataDir: string,
  options: { point?: KillPoint; workerPhaseMs?: number; env?: Record<string, string> } = {},
): Promise<DrillRun> {
  const { point, workerPhaseMs = 0, env = {} } = options;
  const child = launch(
    'infra/local/main.ts',
    ['--once', '--feeds', world.feedsPath(dataDir), '--data-dir', dataDir, '--allow-private-network'],
    // Compaction every few kilobytes, so kills land around rewrites of the journal too.
    { DATELINE_SQS_JOURNAL_COMPACT_BYTES: '4096', POWERTOOLS_LOG_LEVEL: 'SILENT', ...env },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk;
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (code, signal) => resolve([code, signal])),
  );
  let requests = 0;
  let peak = 0;
  let seen: Observation | undefined;
  let firstInFlight: number | undefined;
  const kill = () => {
    if (seen) return;
    process.kill(-(child.pid as number), 'SIGKILL');
    seen = observe(dataDir, requests, peak);
  };
  world.onFeedRequest = () => {
    requests++;
    if (point?.atFeedRequest === requests) kill();
  };
  let running = true;
  const watching = (async () => {
    while (running && !seen) {
      const now = observe(dataDir, requests, peak);
      peak = now.articlesPeak;
      if (now.articlesInFlight > 0) firstInFlight ??= Date.now();
      if (point?.when?.(now)) kill();
      const share = point?.workerShare;
      if (share !== undefined && firstInFlight && Date.now() - firstInFlight >= share * workerPhaseMs) kill();
      await pause(5);
    }
  })();
  const [code, signal] = await exited;
  const end = Date.now();
  running = false;
  await watching;
  world.onFeedRequest = () => {};
  return { code, signal, output, atKill: seen, workerPhaseMs: firstInFlight && end - firstInFlight };
}

/** The stored timeline of a data folder (see `storedTimeline`), read once its run has ended. */
export async function storedTimelineIn(dataDir: string, env: Record<string, string> = {}): Promise<string[]> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const stack = await startLocalStack({ dataDir, feedsPath: '', allowPrivateNetwork: true });
  try {
    return await storedTimeline(stack);
  } finally {
    await stack.stop();
    process.env = saved;
  }
}

/** Events in which one article is a source twice. */
export function duplicateSources(timeline: string[]): string[] {
  return timeline.filter((line) => {
    const urls = (JSON.parse(line) as TimelineEvent).sources.map((source) => source.url);
    return new Set(urls).size !== urls.length;
  });
}

export interface KillDrillResult {
  point: KillPoint;
  atKill?: Observation;
  timeline: string[];
  leftOnQueues: Recovery;
  recoveryLine?: string;
}

/** DynamoDB as an existing service (the AWS_ENDPOINT_URL_DYNAMODB path), outliving the killed process. */
export async function externalDynamo() {
  const dynamo = await startDynalite(workspace('dateline-external-dynamodb-').dir);
  return { env: { AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint }, stop: () => dynamo.stop() };
}

/** A run to its end on a fresh data folder: the timeline every killed run must come back to. */
export async function cleanRun(world: DrillWorld): Promise<{ timeline: string[]; workerPhaseMs: number }> {
  const { dataDir } = workspace('dateline-clean-').options;
  mkdirSync(dataDir, { recursive: true });
  const run = await runOnceProcess(world, dataDir);
  if (run.code !== 0 || !run.workerPhaseMs) throw new Error(`the clean run failed:\n${run.output}`);
  return { timeline: await storedTimelineIn(dataDir), workerPhaseMs: run.workerPhaseMs };
}

/** Kill at `point`, then run `--once` again on the same data folder to its end; what is left to compare. */
export async function killAndRecover(
  world: DrillWorld,
  point: KillPoint,
  options: { workerPhaseMs: number; env?: Record<string, string> },
): Promise<KillDrillResult> {
  const { dataDir } = workspace('dateline-kill-').options;
  mkdirSync(dataDir, { recursive: true });
  const killed = await runOnceProcess(world, dataDir, { point, ...options });
  if (killed.signal !== 'SIGKILL')
    throw new Error(`the run ended before the kill point "${point.name}":\n${killed.output}`);
  const recovered = await runOnceProcess(world, dataDir, { env: options.env });
  if (recovered.code !== 0) throw new Error(`the run after the kill failed:\n${recovered.output}`);
  const leftOnQueues = QueueJournal.inspect(dataDir);
  return {
    point,
    atKill: killed.atKill,
    leftOnQueues,
    timeline: await storedTimelineIn(dataDir, options.env),
    recoveryLine: recovered.output.split('\n').find((line) => line.startsWith('queues: ')),
  };
}
