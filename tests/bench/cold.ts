import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { parseFeedsFile } from '../../lib/feeds/index.ts';
import { encodePollJob } from '../../lib/queue/index.ts';
import { PUBLIC_HOST_HEADER } from '../../lib/timeline/public-url.ts';
import { FeedServer } from '../support/feed-server.ts';
import {
  type BundleRun,
  functionUrlEvent,
  lambdaEnvironment,
  localRefs,
  runBundle,
  type SynthesizedFunction,
  synthesizeBundles,
} from '../support/lambda-bundles.ts';
import { SECRET_ARN, scheduled, secretsManager, sqsEvent } from '../support/lambda-events.ts';
import { takeAll, workspace } from '../support/local.ts';
import { rss } from '../support/rss.ts';
import { count, ratio } from './format.ts';
import type { Row, Section, SectionResult } from './section.ts';

/** Fresh processes per function: the median is reported, the machine being noisy. */
const RUNS = 5;

type Name = 'minimal' | 'scheduler' | 'poller' | 'worker' | 'timeline';

/** The smallest handler Lambda can run, built as the others are (one ESM file): the yardstick. */
function minimalFunction(): SynthesizedFunction {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-minimal-'));
  writeFileSync(
    join(dir, 'index.mjs'),
    'export const handler = async () => ({ statusCode: 200, body: "{}" });\n',
  );
  return { dir, timeoutSeconds: 10, environment: {} };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** A feed of one article per run, each on its own path, so every poll and record is first-time work. */
function serveFeeds(feeds: FeedServer): void {
  for (let run = 0; run < RUNS; run++) {
    feeds.serve(
      `/cold-${run}.xml`,
      rss(`Cold Gazette ${run}`, [
        {
          title: `Harbour report ${run}`,
          link: `https://cold.example/news/${run}`,
          pubDate: '2024-10-12T08:00:00Z',
          html: `<article><h1>Harbour report ${run}</h1><p>On 3 October 2024 pier ${run} was closed after a crane collapsed onto it.</p><p>Officials said on 12 October that inspections of berth ${run} would continue.</p></article>`,
        },
      ]),
    );
  }
}

interface Setup {
  fns: Record<Exclude<Name, 'minimal'>, SynthesizedFunction> & { minimal: SynthesizedFunction };
  envOf(name: Exclude<Name, 'minimal'>, extra?: Record<string, string>): Record<string, string>;
  local: LocalStack;
  feeds: FeedServer;
  secrets: Server;
}

async function setUp(): Promise<Setup> {
  const { stack, functions } = synthesizeBundles();
  const local = await startLocalStack(workspace('dateline-cold-').options);
  const feeds = await new FeedServer().start();
  serveFeeds(feeds);
  const secrets = await secretsManager([]);
  const refs = localRefs(stack, local, SECRET_ARN);
  const secretsEndpoint = `http://127.0.0.1:${(secrets.address() as AddressInfo).port}`;
  return {
    fns: { ...functions, minimal: minimalFunction() },
    envOf: (name, extra = {}) => ({
      ...lambdaEnvironment(name, functions[name], refs),
      // The fixtures are on loopback, which the deployed poller (rightly) refuses to fetch.
      ALLOW_PRIVATE_NETWORK: 'true',
      AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsEndpoint,
      ...extra,
    }),
    local,
    feeds,
    secrets,
  };
}

/** One cold start per run of each function: a fresh process importing its bundle, then its first event. */
async function measure(setup: Setup): Promise<Record<Name, BundleRun[]>> {
  const { fns, envOf, local, feeds } = setup;
  const runs: Record<Name, BundleRun[]> = {
    minimal: [],
    scheduler: [],
    poller: [],
    worker: [],
    timeline: [],
  };
  for (let run = 0; run < RUNS; run++) {
    runs.minimal.push(await runBundle(fns.minimal, {}, [{}]));
    runs.scheduler.push(await runBundle(fns.scheduler, envOf('scheduler'), [scheduled]));
    await takeAll(local.sqs, local.feeds.url);
    const [feed] = parseFeedsFile(
      `feeds:\n  - id: cold-${run}\n    name: Cold ${run}\n    url: ${feeds.url(`/cold-${run}.xml`)}\n    fullText: never\n`,
    );
    const job = { MessageId: `job-${run}`, Body: encodePollJob(feed as never) };
    runs.poller.push(await runBundle(fns.poller, envOf('poller'), [sqsEvent([job], local.feeds.arn)]));
    const articles = await takeAll(local.sqs, local.articles.url);
    runs.worker.push(await runBundle(fns.worker, envOf('worker'), [sqsEvent(articles, local.articles.arn)]));
    const request = functionUrlEvent('/timeline', { [PUBLIC_HOST_HEADER]: 'd111111abcdef8.cloudfront.net' });
    runs.timeline.push(await runBundle(fns.timeline, envOf('timeline'), [request]));
  }
  return runs;
}

function rowsOf(
  setup: Setup,
  runs: Record<Name, BundleRun[]>,
): { rows: Row[]; data: Record<string, unknown> } {
  const yardstick = median(runs.minimal.map((r) => r.wallMs));
  const data: Record<string, unknown> = {};
  const rows = (Object.keys(runs) as Name[]).map((name) => {
    const wall = median(runs[name].map((r) => r.wallMs));
    const importMs = median(runs[name].map((r) => r.importMs));
    const firstMs = median(runs[name].map((r) => r.invokeMs[0] ?? 0));
    const bytes = statSync(join(setup.fns[name].dir, 'index.mjs')).size;
    data[name] = {
      wallMs: wall,
      importMs,
      firstInvokeMs: firstMs,
      bundleBytes: bytes,
      ratio: wall / yardstick,
    };
    return {
      function: name,
      'bundle KB': count(Math.round(bytes / 1024)),
      'import ms': importMs.toFixed(0),
      'first invocation ms': firstMs.toFixed(0),
      'cold start ms (process)': wall.toFixed(0),
      'vs minimal': ratio(wall, yardstick),
    };
  });
  return { rows, data };
}

/**
 * Each function's cold start as Lambda pays it: a new Node process imports the synthesized bundle
 * (the init phase) and handles its first event against the embedded emulators, side by side with
 * a minimal handler started the same way, as a ratio.
 */
export const coldSection: Section = {
  name: 'cold',
  async run(): Promise<SectionResult> {
    const setup = await setUp();
    try {
      const { rows, data } = rowsOf(setup, await measure(setup));
      return {
        title: `Cold starts (median of ${RUNS} fresh processes per function, emulators on loopback)`,
        rows,
        notes: [
          'cold start = spawn to exit of a process that imports the bundle and handles one event; "vs minimal" divides it by a one-line handler\'s',
          'import ms is the init phase Lambda bills; first invocation includes the first AWS SDK connections and, for the timeline, its cursor key from Secrets Manager',
        ],
        data,
      };
    } finally {
      await new Promise((resolve) => setup.secrets.close(resolve));
      await setup.feeds.stop();
      await setup.local.stop();
    }
  },
};
