import type { IncomingHttpHeaders } from 'node:http';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../../lib/feeds/index.ts';
import {
  ACCEPT_FEED,
  ACCEPT_HTML,
  decodeBody,
  FetchError,
  guardedFetch,
  MAX_CODINGS,
} from '../../lib/http/index.ts';
import { FeedServer } from '../support/feed-server.ts';

const local = { allowPrivateNetwork: true };

function rss(title: string, itemTitle: string, encoding?: string): string {
  const prolog = encoding ? `<?xml version="1.0" encoding="${encoding}"?>\n` : '';
  return `${prolog}<rss version="2.0"><channel><title>${title}</title>
  <item><title>${itemTitle}</title><link>https://news.example.com/1</link></item>
</channel></rss>`;
}

/** What the poller does with a response: decode by the header and the prolog, then parse. */
async function fetchFeed(url: string) {
  const response = await guardedFetch(url, local);
  return parseFeed(decodeBody(response.body, response.headers['content-type']));
}

describe('guardedFetch: compression', () => {
  const server = new FeedServer();
  const feed = rss('Compressed Desk', 'Zürich – «naïve» café, Київ'.repeat(20));
  const plain = Buffer.from(feed, 'utf8');
  const encodings: Array<[string, string, Buffer]> = [
    ['gzip', 'gzip', gzipSync(plain)],
    ['x-gzip', 'x-gzip', gzipSync(plain)],
    ['deflate (zlib-wrapped, as the RFC says)', 'deflate', deflateSync(plain)],
    ['deflate (raw, as some servers send it)', 'deflate', deflateRawSync(plain)],
    ['br', 'br', brotliCompressSync(plain)],
  ];

  beforeAll(async () => {
    await server.start();
    for (const [i, [, coding, body]] of encodings.entries()) {
      server.routes.set(`/coding-${i}`, (_req, res) =>
        res
          .writeHead(200, {
            'content-type': 'application/rss+xml; charset=utf-8',
            'content-encoding': coding,
          })
          .end(body),
      );
    }
    server.routes.set('/corrupt', (_req, res) =>
      res.writeHead(200, { 'content-encoding': 'gzip' }).end(Buffer.from('this is not gzip at all')),
    );
    server.routes.set('/corrupt-br', (_req, res) =>
      res.writeHead(200, { 'content-encoding': 'br' }).end(Buffer.from('this is not brotli at all')),
    );
    server.routes.set('/truncated-gzip', (_req, res) =>
      res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(plain).subarray(0, 40)),
    );
    // Servers label 304s and empty answers with the coding the full answer would have had.
    server.routes.set('/not-modified', (_req, res) =>
      res.writeHead(304, { 'content-encoding': 'gzip', etag: '"v1"' }).end(),
    );
    server.routes.set('/empty-deflate', (_req, res) =>
      res.writeHead(200, { 'content-encoding': 'deflate' }).end(),
    );
    server.routes.set('/stacked', (_req, res) =>
      res.writeHead(200, { 'content-encoding': 'deflate, gzip' }).end(gzipSync(deflateSync(plain))),
    );
    for (const layers of [MAX_CODINGS, MAX_CODINGS + 1, 2_500]) {
      server.routes.set(`/layers-${layers}`, (_req, res) => {
        const coding = layers > MAX_CODINGS + 1 ? 'br' : 'gzip';
        let body = plain;
        // Only the accepted stack is built for real; a refused one is refused on its header alone.
        for (let i = 0; i < Math.min(layers, MAX_CODINGS + 1); i++) body = gzipSync(body);
        res.writeHead(200, { 'content-encoding': Array(layers).fill(coding).join(', ') }).end(body);
      });
    }
  });
  afterAll(() => server.stop());

  for (const [i, [name]] of encodings.entries()) {
    it(`decompresses ${name}`, async () => {
      const response = await guardedFetch(server.url(`/coding-${i}`), local);
      expect(response.body.equals(plain)).toBe(true);
      const parsed = await parseFeed(decodeBody(response.body, response.headers['content-type']));
      expect(parsed.title).toBe('Compressed Desk');
    });
  }

  it('undoes stacked codings in reverse order of application', async () => {
    const response = await guardedFetch(server.url('/stacked'), local);
    expect(response.body.equals(plain)).toBe(true);
  });

  it(`undoes up to ${MAX_CODINGS} stacked codings and refuses more, before decoding any`, async () => {
    expect((await guardedFetch(server.url(`/layers-${MAX_CODINGS}`), local)).body.equals(plain)).toBe(true);
    for (const layers of [MAX_CODINGS + 1, 2_500]) {
      const error = await guardedFetch(server.url(`/layers-${layers}`), local).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FetchError);
      expect((error as FetchError).code).toBe('EDECODE');
      expect((error as FetchError).message).toContain(`${layers} content codings`);
    }
  });

  it('reads an empty body as empty whatever its Content-Encoding says (a 304, an empty 200)', async () => {
    const notModified = await guardedFetch(server.url('/not-modified'), local);
    expect(notModified.status).toBe(304);
    expect(notModified.headers.etag).toBe('"v1"');
    expect(notModified.body.length).toBe(0);
    expect((await guardedFetch(server.url('/empty-deflate'), local)).body.length).toBe(0);
  });

  it('reports a corrupt or truncated compressed body as EDECODE', async () => {
    for (const path of ['/corrupt', '/corrupt-br', '/truncated-gzip']) {
      const error = await guardedFetch(server.url(path), local).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FetchError);
      expect((error as FetchError).code, path).toBe('EDECODE');
    }
  });
});

describe('guardedFetch: request headers', () => {
  const server = new FeedServer();
  let seen: IncomingHttpHeaders = {};

  beforeAll(async () => {
    await server.start();
    server.routes.set('/echo', (req, res) => {
      seen = req.headers;
      res.writeHead(200).end('<rss/>');
    });
  });
  afterAll(() => server.stop());

  it('asks for feeds, offers gzip, deflate and br, and names itself with a contact URL', async () => {
    await guardedFetch(server.url('/echo'), local);
    expect(seen.accept).toBe(
      'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5',
    );
    expect(seen.accept).toBe(ACCEPT_FEED);
    expect(seen['accept-encoding']).toBe('gzip, deflate, br');
    expect(seen['user-agent']).toMatch(/^Dateline\/[\d.]+ \(\+https:\/\/\S+/);
  });

  it('asks for HTML when told to (article pages)', async () => {
    await guardedFetch(server.url('/echo'), { ...local, accept: ACCEPT_HTML });
    expect(seen.accept).toBe(ACCEPT_HTML);
  });

  it('sends extra headers such as conditional-GET validators as given', async () => {
    await guardedFetch(server.url('/echo'), {
      ...local,
      headers: { 'if-none-match': 'W/"abc"', 'if-modified-since': 'Sun, 13 Oct 2024 09:00:00 GMT' },
    });
    expect(seen['if-none-match']).toBe('W/"abc"');
    expect(seen['if-modified-since']).toBe('Sun, 13 Oct 2024 09:00:00 GMT');
  });
});

describe('guardedFetch + decodeBody: legacy charsets come out right', () => {
  const server = new FeedServer();
  const cyrillic = ['Новини Києва', 'Їжа, ґанок і є: подорожчання з 1 жовтня'] as const;
  const latin = ['Nouvelles de Zürich', 'Café à São Paulo: grève générale, 18 juin'] as const;

  beforeAll(async () => {
    await server.start();
    const serve = (path: string, text: string, charset: string, contentType: string) =>
      server.serve(path, iconv.encode(text, charset), contentType);
    serve('/cp1251-prolog', rss(...cyrillic, 'windows-1251'), 'windows-1251', 'application/rss+xml');
    serve('/cp1251-header', rss(...cyrillic), 'windows-1251', 'text/xml; charset=windows-1251');
    serve('/latin1-header', rss(...latin), 'latin1', 'application/rss+xml; charset=ISO-8859-1');
    serve('/latin1-prolog', rss(...latin, 'ISO-8859-1'), 'latin1', 'text/xml');
    // The header wins over a prolog that says otherwise (RFC 3023).
    serve('/header-wins', rss(...latin, 'utf-8'), 'latin1', 'text/xml; charset=iso-8859-1');
  });
  afterAll(() => server.stop());

  it('decodes a windows-1251 feed declared in the XML prolog', async () => {
    const feed = await fetchFeed(server.url('/cp1251-prolog'));
    expect(feed.title).toBe(cyrillic[0]);
    expect(feed.entries[0]?.title).toBe(cyrillic[1]);
  });

  it('decodes a windows-1251 feed declared in the Content-Type header', async () => {
    const feed = await fetchFeed(server.url('/cp1251-header'));
    expect(feed.entries[0]?.title).toBe(cyrillic[1]);
  });

  it('decodes an ISO-8859-1 feed declared in the Content-Type header', async () => {
    const feed = await fetchFeed(server.url('/latin1-header'));
    expect(feed.title).toBe(latin[0]);
    expect(feed.entries[0]?.title).toBe(latin[1]);
  });

  it('decodes an ISO-8859-1 feed declared in the XML prolog', async () => {
    const feed = await fetchFeed(server.url('/latin1-prolog'));
    expect(feed.entries[0]?.title).toBe(latin[1]);
  });

  it('lets the HTTP charset win over the prolog', async () => {
    const feed = await fetchFeed(server.url('/header-wins'));
    expect(feed.entries[0]?.title).toBe(latin[1]);
  });
});
