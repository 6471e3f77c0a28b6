import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedParseError, parseFeed } from '../../lib/feeds/index.ts';
import { decodeBody, guardedFetch } from '../../lib/http/index.ts';
import { FeedServer } from '../support/feed-server.ts';

/** The poller's path: fetch, decode by header and prolog, repair, parse. */
async function fetchFeed(url: string) {
  const response = await guardedFetch(url, { allowPrivateNetwork: true });
  return parseFeed(decodeBody(response.body, response.headers['content-type']));
}

async function parseFailure(url: string): Promise<FeedParseError> {
  const error = await fetchFeed(url).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FeedParseError);
  return error as FeedParseError;
}

describe('documents served as feeds', () => {
  const server = new FeedServer();

  beforeAll(async () => {
    await server.start();
    server.serve(
      '/html',
      '<!DOCTYPE html><html><head><title>East Wire</title><link rel="alternate" type="application/rss+xml" href="/feed"></head><body><p>Welcome</p></body></html>',
      'text/html; charset=utf-8',
    );
    server.serve('/json', '{"version":"https://jsonfeed.org/version/1.1","items":[]}', 'application/json');
    server.serve('/empty', '');
    server.serve('/garbage', '<?xml version="1.0"?>\n<rss version="2.0"><channel><<<>>> &&& </channel>');
    server.serve('/truncated-start', '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><chan');
    server.serve(
      '/truncated',
      '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Cut Desk</title>\n<item><title>First</title><link>https://cut.example.com/1</link></item>\n<item><title>Sec',
    );
    // Real-world faults that repairs fix before parsing: a blank line and a stray BOM before the
    // declaration, &nbsp; and &eacute;, a bare &, a form feed, no version on <rss>.
    server.serve(
      '/sloppy',
      '\n\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<rss><channel><title>Caf&eacute;&nbsp;Desk\f</title>\n<item><title>Q&A: ports & harbours</title><link>https://sloppy.example.com/qa?a=1&b=2</link></item></channel></rss>',
    );
  });
  afterAll(() => server.stop());

  it('reports an HTML page as not-a-feed', async () => {
    const error = await parseFailure(server.url('/html'));
    expect(error.reason).toBe('not-a-feed');
    expect(error.message).toBe('not a feed: an HTML page');
  });

  it('reports JSON and an empty body as not-a-feed', async () => {
    expect((await parseFailure(server.url('/json'))).reason).toBe('not-a-feed');
    const empty = await parseFailure(server.url('/empty'));
    expect(empty.reason).toBe('not-a-feed');
    expect(empty.message).toContain('empty document');
  });

  it('reports XML that cannot be read even leniently as malformed-xml, with where it broke', async () => {
    for (const path of ['/garbage', '/truncated-start']) {
      const error = await parseFailure(server.url(path));
      expect(error.reason).toBe('malformed-xml');
      expect(error.code).toBe('EFEEDPARSE');
      expect(error.message).toMatch(/^malformed XML: .+ \(line \d+, column \d+\)$/);
    }
  });

  it('recovers what a truncated feed still holds, flagged lenient', async () => {
    const feed = await fetchFeed(server.url('/truncated'));
    expect(feed.lenient).toBe(true);
    expect(feed.title).toBe('Cut Desk');
    expect(feed.entries[0]).toMatchObject({ title: 'First', link: 'https://cut.example.com/1' });
  });

  it('repairs the usual faults of real feeds and parses them strictly', async () => {
    const feed = await fetchFeed(server.url('/sloppy'));
    expect(feed.lenient).toBeUndefined();
    expect(feed.title).toBe('Café\u00a0Desk');
    expect(feed.entries[0]).toMatchObject({
      title: 'Q&A: ports & harbours',
      link: 'https://sloppy.example.com/qa?a=1&b=2',
    });
  });
});
