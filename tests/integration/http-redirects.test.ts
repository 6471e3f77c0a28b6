import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, guardedFetch, permanentUrl } from '../../lib/http/index.ts';
import { FeedServer } from '../support/feed-server.ts';

const local = { allowPrivateNetwork: true };
const FEED = '<rss version="2.0"><channel><title>Moved Desk</title></channel></rss>';

describe('guardedFetch: redirects', () => {
  const server = new FeedServer();

  const redirect = (path: string, status: number, location: string) =>
    server.routes.set(path, (_req, res) => res.writeHead(status, { location }).end());

  beforeAll(async () => {
    await server.start();
    server.serve('/feed', FEED);
    redirect('/moved', 301, '/feed');
    redirect('/moved-308', 308, server.url('/feed'));
    redirect('/found', 302, '/feed');
    redirect('/temporary', 307, '/feed');
    redirect('/see-other', 303, '/feed');
    redirect('/moved-then-found', 301, '/found');
    redirect('/moved-twice', 301, '/moved-308');
    redirect('/moved-to-gone', 301, '/nowhere');
    redirect('/relative/a', 301, '../feed');
    // /chain/N redirects to /chain/N-1 until /chain/0, which is the feed.
    server.routes.set('/chain/0', (_req, res) => res.writeHead(200).end(FEED));
    for (let n = 1; n <= 6; n++) redirect(`/chain/${n}`, 301, `/chain/${n - 1}`);
    // A redirect's own body is never read, even one that would never end.
    server.routes.set('/endless-redirect', (_req, res) => {
      res.writeHead(301, { location: '/feed' });
      const timer = setInterval(() => res.write('x'.repeat(1024)), 5);
      res.on('close', () => clearInterval(timer));
    });
  });
  afterAll(() => server.stop());

  it('follows a 301, records the chain and reports the final URL as permanent', async () => {
    const response = await guardedFetch(server.url('/moved'), local);
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe(FEED);
    expect(response.url).toBe(server.url('/feed'));
    expect(response.redirects).toEqual([
      { status: 301, from: server.url('/moved'), to: server.url('/feed') },
    ]);
    expect(permanentUrl(response)).toBe(server.url('/feed'));
  });

  it('treats 308 as permanent, and a chain of permanent hops as permanent', async () => {
    expect(permanentUrl(await guardedFetch(server.url('/moved-308'), local))).toBe(server.url('/feed'));
    const twice = await guardedFetch(server.url('/moved-twice'), local);
    expect(twice.redirects.map((hop) => hop.status)).toEqual([301, 308]);
    expect(permanentUrl(twice)).toBe(server.url('/feed'));
  });

  for (const [path, status] of [
    ['/found', 302],
    ['/temporary', 307],
    ['/see-other', 303],
  ] as const) {
    it(`follows a ${status} but does not report it as permanent`, async () => {
      const response = await guardedFetch(server.url(path), local);
      expect(response.status).toBe(200);
      expect(response.redirects).toEqual([{ status, from: server.url(path), to: server.url('/feed') }]);
      expect(permanentUrl(response)).toBeUndefined();
    });
  }

  it('does not report a chain with any temporary hop as permanent', async () => {
    const response = await guardedFetch(server.url('/moved-then-found'), local);
    expect(response.redirects.map((hop) => hop.status)).toEqual([301, 302]);
    expect(permanentUrl(response)).toBeUndefined();
  });

  it('does not report a permanent redirect to an error as the new address', async () => {
    const response = await guardedFetch(server.url('/moved-to-gone'), local);
    expect(response.status).toBe(404);
    expect(permanentUrl(response)).toBeUndefined();
  });

  it('resolves a relative Location against the URL that sent it', async () => {
    const response = await guardedFetch(server.url('/relative/a'), local);
    expect(response.url).toBe(server.url('/feed'));
  });

  it('follows exactly 5 redirects', async () => {
    const response = await guardedFetch(server.url('/chain/5'), local);
    expect(response.status).toBe(200);
    expect(response.redirects).toHaveLength(5);
  });

  it('refuses a 6th redirect without requesting its target', async () => {
    server.hits.clear();
    const error = await guardedFetch(server.url('/chain/6'), local).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).code).toBe('ETOOMANYREDIRECTS');
    expect((error as FetchError).message).toContain('more than 5 redirects');
    expect(server.hits.get('/chain/1')).toBe(1); // the 6th redirect was received…
    expect(server.hits.get('/chain/0')).toBeUndefined(); // …and not followed
  });

  it('takes a lower maxRedirects', async () => {
    const error = await guardedFetch(server.url('/chain/2'), { ...local, maxRedirects: 1 }).catch(
      (e: unknown) => e,
    );
    expect((error as FetchError).code).toBe('ETOOMANYREDIRECTS');
  });

  it("does not read a redirect's body", async () => {
    const response = await guardedFetch(server.url('/endless-redirect'), { ...local, totalTimeoutMs: 2_000 });
    expect(response.body.toString()).toBe(FEED);
  });
});
