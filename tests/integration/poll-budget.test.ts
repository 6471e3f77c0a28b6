import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOnce } from '../../infra/local/runner.ts';
import { FeedServer } from '../support/feed-server.ts';
import { getJson, withTimeline, workspace } from '../support/local.ts';
import { rss } from '../support/rss.ts';

describe('a feed over its parse budget, beside a healthy one', () => {
  const server = new FeedServer();
  const ws = workspace();

  beforeAll(async () => {
    await server.start();
    server.serve(
      '/healthy.xml',
      rss('Healthy', [
        {
          title: 'Notice 1',
          link: 'https://healthy.example/notices/1',
          pubDate: new Date().toISOString(),
          html: '<p>On 3 October the harbour office issued a notice.</p>',
        },
      ]),
    );
    // Titles a stray </b> never closes: 6,000 deep to a forgiving reader, past the 5,000 budget.
    const tangled = `<rss version="2.0"><channel><title>T</title><item>${'<title><![CDATA[x]]></b>'.repeat(6_000)}</title></item></channel></rss>`;
    server.serve('/tangled.xml', tangled);
    ws.writeFeeds([
      { id: 'healthy', name: 'Healthy', url: server.url('/healthy.xml') },
      { id: 'tangled', name: 'Tangled', url: server.url('/tangled.xml') },
    ]);
  });
  afterAll(() => server.stop());

  it('marks it unhealthy at once with the reason budget-exceeded; the healthy feed is read', async () => {
    expect(await runOnce(ws.options)).toMatchObject({ feeds: 2, failedFeeds: 1 });
    await withTimeline(ws.options, async (base) => {
      const { status, body } = await getJson(`${base}/feeds`);
      expect(status).toBe(200);
      const health = new Map((body.feeds as Array<{ id: string }>).map((feed) => [feed.id, feed]));
      expect(health.get('healthy')).toMatchObject({ status: 'ok' });
      expect(health.get('tangled')).toMatchObject({
        status: 'unhealthy',
        lastError: 'budget-exceeded',
        consecutiveFailures: 1,
      });
    });
  });
});
