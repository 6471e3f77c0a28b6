import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOnce } from '../../infra/local/runner.ts';
import { portsArticle, portsEvents, wireArticle } from '../fixtures/black-sea.ts';
import { FeedServer } from '../support/feed-server.ts';
import { getJson, withTimeline, workspace } from '../support/local.ts';
import { rss } from '../support/rss.ts';

const timeline = (base: string) => getJson(`${base}/timeline?order=asc&limit=200`);
/** Events on one day have no order of their own: compare by date, then wording. */
const byDateThenSummary = (a: { date: string; summary: string }, b: { date: string; summary: string }) =>
  a.date.localeCompare(b.date) || a.summary.localeCompare(b.summary);

describe('the pipeline, end to end on the embedded emulators', () => {
  const feeds = new FeedServer();
  const ws = workspace();
  const harbour = { id: 'harbour-news', name: 'Harbour News', url: '' };
  const wire = { id: 'wire-desk', name: 'Wire Desk', url: '' };

  beforeAll(async () => {
    await feeds.start();
    feeds.serve('/harbour.xml', rss('Harbour News', [portsArticle]));
    feeds.serve('/wire.xml', rss('Wire Desk', [wireArticle]));
    harbour.url = feeds.url('/harbour.xml');
    wire.url = feeds.url('/wire.xml');
  });
  afterAll(() => feeds.stop());

  it('turns one article into its exact dated events, two same-day events staying two', async () => {
    ws.writeFeeds([harbour]);
    const summary = await runOnce(ws.options);
    expect(summary).toMatchObject({ feeds: 1, failedFeeds: 0, processed: 1, failedMessages: 0 });

    await withTimeline(ws.options, async (base) => {
      const { status, body } = await timeline(base);
      expect(status).toBe(200);
      expect(body.nextCursor).toBeNull();
      const dated = body.events.filter((e: { kind: string }) => e.kind === 'dated');
      const found = dated.map((e: { date: string; summary: string }) => ({
        date: e.date,
        summary: e.summary,
      }));
      expect(found.map((e: { date: string }) => e.date)).toEqual(portsEvents.map((e) => e.date));
      expect(found.sort(byDateThenSummary)).toEqual([...portsEvents].sort(byDateThenSummary));
      for (const event of dated) {
        expect(event).toMatchObject({
          datePrecision: 'day',
          endDate: null,
          sourceCount: 1,
        });
        expect(event.topics).toContain('shipping');
        expect(event.id).toMatch(/^evt_/);
        expect(event.sources[0]).toMatchObject({
          feedId: 'harbour-news',
          feedName: 'Harbour News',
          title: portsArticle.title,
          url: portsArticle.link,
          publishedAt: '2024-10-15T08:30:00.000Z',
        });
        expect(event.firstReportedAt).toBe('2024-10-15T08:30:00.000Z');
      }
      const health = await getJson(`${base}/feeds`);
      expect(health.body.feeds).toEqual([
        expect.objectContaining({
          id: 'harbour-news',
          status: 'ok',
          lastStatus: 200,
          items: 1,
          consecutiveFailures: 0,
        }),
      ]);
      const izmail = dated.find((e: { date: string }) => e.date === '2024-07-02');
      expect(izmail.sources[0].quote).toBe(
        '2 July: Russian drones struck the port of Izmail, damaging two grain silos on the Danube',
      );
    });
  });

  it('adds a second outlet’s wording of two events as sources, not as new events', async () => {
    ws.writeFeeds([harbour, wire]);
    const summary = await runOnce(ws.options);
    expect(summary).toMatchObject({ feeds: 2, failedFeeds: 0, processed: 1 });

    await withTimeline(ws.options, async (base) => {
      const { body } = await timeline(base);
      const dated = body.events.filter((e: { kind: string }) => e.kind === 'dated');
      expect(dated).toHaveLength(portsEvents.length);
      const byCount = dated.filter((e: { sourceCount: number }) => e.sourceCount === 2);
      expect(byCount.map((e: { date: string }) => e.date)).toEqual(['2024-07-02', '2024-10-09']);
      const paola = byCount.find((e: { date: string }) => e.date === '2024-10-09');
      expect(paola.summary).toContain('Paola');
      expect(paola.sources.map((s: { feedId: string }) => s.feedId)).toEqual(['harbour-news', 'wire-desk']);
      expect(paola.lastReportedAt).toBe('2024-10-16T06:05:00.000Z');
      expect(paola.sources[1].quote).toBe(
        'A missile struck the container vessel Paola off Odesa on October 9, killing a crew member, Ukrainian officials said.',
      );
      const romania = dated.find((e: { summary: string }) => e.summary.includes('Plauru'));
      expect(romania.sourceCount).toBe(1);
    });
  });

  it('adds nothing when the same feeds are polled again', async () => {
    const before = await withTimeline(ws.options, async (base) => (await timeline(base)).body);
    const summary = await runOnce(ws.options);
    expect(summary).toMatchObject({ feeds: 2, failedFeeds: 0, processed: 0 });
    const after = await withTimeline(ws.options, async (base) => (await timeline(base)).body);
    expect(after).toEqual(before);
  });

  it('credits a second feed carrying the same article on its sources, without a second source', async () => {
    feeds.serve(
      '/mirror.xml',
      rss('Mirror', [{ ...portsArticle, link: portsArticle.link.replace('?utm_source=rss', '') }]),
    );
    ws.writeFeeds([harbour, wire, { id: 'mirror', name: 'Mirror', url: feeds.url('/mirror.xml') }]);
    await runOnce(ws.options);
    await withTimeline(ws.options, async (base) => {
      const { body } = await timeline(base);
      const izmail = body.events.find((e: { date: string }) => e.date === '2024-07-02');
      expect(izmail.sourceCount).toBe(2);
      const harbourSource = izmail.sources.find((s: { feedId: string }) => s.feedId === 'harbour-news');
      expect(harbourSource.feeds).toEqual([
        { id: 'harbour-news', name: 'Harbour News' },
        { id: 'mirror', name: 'Mirror' },
      ]);
      const mirrored = await getJson(`${base}/timeline?feed=mirror&limit=200`);
      expect(mirrored.body.events.length).toBe(portsEvents.length + 1);
    });
  });
});
