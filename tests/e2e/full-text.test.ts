import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOnce } from '../../infra/local/runner.ts';
import { portsArticle, portsEvents } from '../fixtures/black-sea.ts';
import { articlePage } from '../fixtures/pages.ts';
import { FeedServer } from '../support/feed-server.ts';
import { getJson, withTimeline, workspace } from '../support/local.ts';
import { rss } from '../support/rss.ts';

const TEASER =
  'Ukraine’s southern ports came under renewed attack this week. Read the full story on our site.';

describe('teaser feeds: the worker reads the article page', () => {
  const server = new FeedServer();
  beforeAll(async () => {
    await server.start();
    server.serve(
      '/2024/10/15/black-sea-ports-hit-again/',
      articlePage(portsArticle.title, portsArticle.html),
      'text/html; charset=utf-8',
    );
    server.routes.set('/gone', (_req, res) => res.writeHead(404).end('not found'));
  });
  afterAll(() => server.stop());

  it('takes the events from the page when the feed carries only a teaser, and keeps the teaser when the page fails', async () => {
    const ws = workspace();
    const withPage = {
      ...portsArticle,
      link: server.url('/2024/10/15/black-sea-ports-hit-again/'),
      teaser: TEASER,
    };
    const broken = {
      title: 'Harbour master resigns',
      link: server.url('/gone'),
      pubDate: '2024-10-16T07:00:00Z',
      html: '',
      teaser: 'The harbour master of Odesa resigned on 14 October after the strikes, officials said.',
    };
    server.serve('/feed.xml', rss('Harbour News', [withPage, broken]));
    writeFileSync(
      ws.options.feedsPath,
      `feeds:\n  - { id: harbour, name: Harbour News, url: "${server.url('/feed.xml')}", fullText: auto }\n`,
    );
    const summary = await runOnce(ws.options);
    expect(summary).toMatchObject({ processed: 2, failedMessages: 0 });

    await withTimeline(ws.options, async (base) => {
      const { body } = await getJson(`${base}/timeline?order=asc&limit=200`);
      const dated = body.events
        .filter((e: { kind: string }) => e.kind === 'dated')
        .map((e: { date: string }) => e.date);
      expect(dated).toEqual([...portsEvents.map((e) => e.date), '2024-10-14']);
    });
    expect(server.hits.get('/gone')).toBe(1);
  });
});
