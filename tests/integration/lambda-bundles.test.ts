import { statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timelineApp } from '../../functions/timeline/app.ts';
import { BUNDLE_LIMITS, type BundledFunction } from '../../infra/cdk/bundle-sizes.ts';
import { PROJECT_ROOT } from '../../infra/cdk/functions.ts';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { loadFeedsFile, parseFeedsFile } from '../../lib/feeds/index.ts';
import { encodePollJob } from '../../lib/queue/index.ts';
import { DynamoEventStore } from '../../lib/store/index.ts';
import { PUBLIC_HOST_HEADER } from '../../lib/timeline/public-url.ts';
import { FeedServer } from '../support/feed-server.ts';
import {
  functionUrlEvent,
  invokeBundle,
  lambdaEnvironment,
  localRefs,
  type SynthesizedFunction,
  synthesizeBundles,
} from '../support/lambda-bundles.ts';
import { CURSOR_KEY, SECRET_ARN, scheduled, secretsManager, sqsEvent } from '../support/lambda-events.ts';
import { takeAll, workspace } from '../support/local.ts';
import { rss } from '../support/rss.ts';

const CDN_HOST = 'd111111abcdef8.cloudfront.net';

/** An article page whose text the feed only teases: the worker reads it with Readability on linkedom. */
const lighthousePage = `<!doctype html><html><head><title>Lighthouse relit</title>
<style>article p { margin: 0 } .ad { display: none }</style></head><body><nav>Home | News</nav>
<article><h1>Lighthouse relit</h1>
<p>The old lighthouse on the southern cape was relit on 21 September 2024 after two years of repairs to its lantern.</p>
<p>Keepers said the beam can again be seen from the harbour on clear nights, and that tours of the tower will resume next spring.</p>
<p>The restoration was paid for by the county and by donations from the fishing cooperative.</p></article>
<footer>Copyright Lighthouse Post</footer></body></html>`;

const article = (n: number, day: string, sentence: string) => ({
  title: `Harbour report ${n}`,
  link: `https://harbour.example/news/${n}`,
  pubDate: `2024-10-1${n}T08:00:00Z`,
  html: `<article><h1>Harbour report ${n}</h1><p>${sentence}</p><p>Port officials said on ${day} that inspections would continue through the winter.</p></article>`,
});

describe('every synthesized bundle answers as the local stack does (dynalite + fauxqs)', () => {
  let bundles: ReturnType<typeof synthesizeBundles>;
  let local: LocalStack;
  let feeds: FeedServer;
  let secrets: Server;
  const asked: string[] = [];
  let refs: Record<string, string>;
  const envOf = (name: keyof typeof bundles.functions, extra: Record<string, string> = {}) => ({
    ...lambdaEnvironment(name, bundles.functions[name], refs),
    ...extra,
  });
  const fn = (name: keyof typeof bundles.functions): SynthesizedFunction => bundles.functions[name];

  beforeAll(async () => {
    bundles = synthesizeBundles();
    local = await startLocalStack(workspace().options);
    feeds = await new FeedServer().start();
    feeds.serve(
      '/harbour.xml',
      rss('Harbour Gazette', [
        article(
          1,
          '12 October',
          'On 3 October 2024 the northern pier was closed after a crane collapsed onto it.',
        ),
        article(
          2,
          '14 October',
          'The ferry service to the islands resumed on 9 October 2024 after a week of storms.',
        ),
      ]),
    );
    feeds.serve(
      '/lighthouse.xml',
      rss('Lighthouse Post', [
        {
          title: 'Lighthouse relit',
          link: feeds.url('/news/lighthouse'),
          pubDate: '2024-09-22T08:00:00Z',
          html: '',
          teaser: 'The lighthouse is back.',
        },
      ]),
    );
    feeds.serve('/news/lighthouse', lighthousePage, 'text/html; charset=utf-8');
    secrets = await secretsManager(asked);
    refs = localRefs(bundles.stack, local, SECRET_ARN);
  }, 300_000);

  afterAll(async () => {
    await new Promise((resolve) => secrets?.close(resolve));
    await feeds?.stop();
    await local?.stop();
  });

  it('each bundle carries only what its function runs: within its size limit (infra/cdk/bundle-sizes.ts)', () => {
    for (const name of Object.keys(BUNDLE_LIMITS) as BundledFunction[]) {
      const size = statSync(join(fn(name).dir, 'index.mjs')).size;
      expect(size, `${name} bundle`).toBeLessThanOrEqual(BUNDLE_LIMITS[name]);
    }
  });

  it('the scheduler plans from the feeds file it carries: every enabled feed once, then none while claimed', async () => {
    const carried = loadFeedsFile(join(fn('scheduler').dir, 'feeds.yaml'));
    const enabled = loadFeedsFile(join(PROJECT_ROOT, 'infra', 'feeds.yaml')).filter((f) => f.enabled);
    expect(carried.filter((f) => f.enabled).map((f) => f.id)).toEqual(enabled.map((f) => f.id));
    const [first, second] = (await invokeBundle(fn('scheduler'), envOf('scheduler'), [
      scheduled,
      scheduled,
    ])) as Array<{
      queued: number;
    }>;
    expect([first?.queued, second?.queued]).toEqual([enabled.length, 0]);
    const jobs = await takeAll(local.sqs, local.feeds.url);
    expect(jobs.map((job) => JSON.parse(job.Body as string).feed.id).sort()).toEqual(
      enabled.map((f) => f.id).sort(),
    );
  }, 120_000);

  /** The local stack's app over the same table, signing with the same key, reading the same feeds file. */
  const localApp = () => {
    process.env.FEEDS_CONFIG = join(PROJECT_ROOT, 'infra', 'feeds.yaml');
    return timelineApp({ cursorSecret: CURSOR_KEY });
  };

  it('the poller polls a job and queues each new article; the worker records their events, reading a teased page in full', async () => {
    const feedsFile = (id: string, path: string, fullText: string) =>
      `feeds:\n  - id: ${id}\n    name: ${id}\n    url: ${feeds.url(path)}\n    fullText: ${fullText}\n`;
    const [harbour] = parseFeedsFile(feedsFile('harbour-gazette', '/harbour.xml', 'never'));
    const [lighthouse] = parseFeedsFile(feedsFile('lighthouse-post', '/lighthouse.xml', 'auto'));
    const jobs = [harbour, lighthouse].map((feed, i) => ({
      MessageId: `job-${i}`,
      Body: encodePollJob(feed as never),
    }));
    // The fixture feeds and pages are on loopback, which the deployed functions (rightly) refuse to fetch.
    const loopback = { ALLOW_PRIVATE_NETWORK: 'true' };
    expect(envOf('poller').ALLOW_PRIVATE_NETWORK).toBe('false');
    expect(
      await invokeBundle(fn('poller'), envOf('poller', loopback), [sqsEvent(jobs, local.feeds.arn)]),
    ).toEqual([{ batchItemFailures: [] }]);
    const queued = await takeAll(local.sqs, local.articles.url);
    expect(queued).toHaveLength(3);
    expect(
      await invokeBundle(fn('worker'), envOf('worker', loopback), [sqsEvent(queued, local.articles.arn)]),
    ).toEqual([{ batchItemFailures: [] }]);
    // The relighting's date is on the page only, not in the feed's teaser.
    const timeline = JSON.stringify(await (await localApp().request('/timeline')).json());
    expect(timeline).toContain('2024-09-21');
  }, 120_000);

  it('the admin function answers the stored log to the caller its function URL authenticated, 401 without one', async () => {
    const signed = functionUrlEvent('/admin/log', {});
    const caller = { iam: { userArn: 'arn:aws:iam::111122223333:user/desk', accountId: '111122223333' } };
    const withCaller = { ...signed, requestContext: { ...signed.requestContext, authorizer: caller } };
    const store = new DynamoEventStore(local.dynamo, process.env.TABLE_NAME as string);
    const at = new Date().toISOString();
    await store.append({
      id: 'cor_0b0d1e',
      at,
      by: 'desk',
      why: 'a caption',
      events: [],
      verb: 'hide',
      accounts: ['art_1#0'],
    });
    const [answered, refused] = (await invokeBundle(fn('admin'), envOf('admin'), [
      withCaller,
      functionUrlEvent('/admin/log', {}),
    ])) as Array<{ statusCode: number; body: string }>;
    expect(answered?.statusCode).toBe(200);
    const { corrections } = JSON.parse(answered?.body as string);
    expect(corrections.map((c: { id: string }) => c.id)).toContain('cor_0b0d1e');
    expect(corrections).toEqual(await store.corrections());
    expect(refused?.statusCode).toBe(401);
  }, 120_000);

  describe('the timeline', () => {
    type Answer = { statusCode: number; headers: Record<string, string>; body: string };
    let answers: Answer[];
    const paths = ['/timeline', '/feeds', '/timeline.atom', '/timeline?limit=1', '/timeline?zz=1'];

    beforeAll(async () => {
      const events = paths.map((path) => functionUrlEvent(path, { [PUBLIC_HOST_HEADER]: CDN_HOST }));
      // The SDK's standard endpoint setting, as for DynamoDB and SQS: Secrets Manager on loopback.
      const endpoint = `http://127.0.0.1:${(secrets.address() as AddressInfo).port}`;
      const env = envOf('timeline', { AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoint });
      answers = (await invokeBundle(fn('timeline'), env, events)) as Answer[];
    }, 120_000);

    it('reads its cursor key from Secrets Manager, by the ARN the stack gives it, once', () => {
      expect(envOf('timeline').CURSOR_SECRET_ARN).toBe(SECRET_ARN);
      expect(envOf('timeline')).not.toHaveProperty('CURSOR_SECRET');
      expect(asked).toEqual([`secretsmanager.GetSecretValue ${SECRET_ARN}`]);
    });

    it.each([
      ['/timeline', 'events', 2],
      ['/feeds', 'feeds', 1],
    ] as const)('answers %s (%s from its own bundle) as the local app does', async (path, list, least) => {
      const answer = answers[paths.indexOf(path)];
      expect(answer?.statusCode).toBe(200);
      const body = JSON.parse(answer?.body as string);
      expect(body[list].length).toBeGreaterThanOrEqual(least);
      expect(body).toEqual(await (await localApp().request(path)).json());
    });

    it('links its feeds to the public CloudFront domain, never the function URL', async () => {
      const atom = answers[2];
      expect(atom?.statusCode).toBe(200);
      expect(atom?.body).toContain(`href="https://${CDN_HOST}/timeline.atom"`);
      expect(atom?.body).not.toContain('lambda-url');
      const locally = await (await localApp().request('http://localhost/timeline.atom')).text();
      expect(atom?.body).toBe(locally.replaceAll('http://localhost', `https://${CDN_HOST}`));
    });

    it('signs cursors the local app (same key) continues, and refuses unknown parameters', async () => {
      const { nextCursor } = JSON.parse(answers[3]?.body as string);
      expect(nextCursor).toEqual(expect.any(String));
      const next = await localApp().request(`/timeline?limit=1&cursor=${encodeURIComponent(nextCursor)}`);
      expect(next.status).toBe(200);
      expect(answers[4]?.statusCode).toBe(400);
    });
  });
});
