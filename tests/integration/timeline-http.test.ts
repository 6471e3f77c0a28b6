import fc from 'fast-check';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { DynamoEventStore } from '../../lib/store/index.ts';
import {
  CachePolicy,
  CursorCodec,
  createTimelineApp,
  type Source,
  type TimelineEvent,
  TimelineQuerySchema,
} from '../../lib/timeline/index.ts';
import { anAccount, anEvent } from '../support/accounts.ts';
import { workspace } from '../support/local.ts';

/** One article's account of an event; the event itself is derived from its accounts as the worker does. */
function source(n: number, date: string, summary: string, feedId = 'harbour', topics = ['shipping']): Source {
  return anAccount(n, {
    date,
    summary,
    feedId,
    feedName: feedId === 'harbour' ? 'Harbour News' : 'Wire Desk',
    title: `Article ${n}`,
    publishedAt: `2024-10-${String(10 + (n % 18)).padStart(2, '0')}T08:00:00.000Z`,
    topics,
  });
}
const eventOf = anEvent;

const twoSources = eventOf(
  source(1, '2024-10-08', 'Minister warns of troop deployment'),
  source(2, '2024-10-08', 'Minister warns troops will deploy', 'wire'),
);
const events: TimelineEvent[] = [
  twoSources,
  eventOf(source(3, '2024-06-18', 'Summit in the capital', 'harbour', ['summit'])),
  eventOf(source(4, '2024-06', 'Talks through June', 'wire')),
  eventOf(source(5, '2024-10-03', 'Strike near the border')),
  eventOf(source(6, '2024-10-11', 'Think tank estimates numbers', 'wire', ['defence'])),
  eventOf(source(7, '2024-11-04', 'First clashes reported', 'harbour', ['defence'])),
];
const merged = eventOf(source(8, '2024-10-08', 'A twin of the warning'));

const sha1Tag = /^"[0-9a-f]{40}"$/;

describe('the timeline over HTTP: events, feeds, caching, CORS, OpenAPI (dynalite)', () => {
  let stack: LocalStack;
  let store: DynamoEventStore;
  let app: ReturnType<typeof createTimelineApp>;
  const cursors = new CursorCodec('a-test-secret-of-16+');
  const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });

  beforeAll(async () => {
    stack = await startLocalStack(workspace().options);
    store = new DynamoEventStore(stack.dynamo, 'dateline');
    for (const event of [...events, merged]) expect(await store.create(event)).toBe(true);
    expect(await store.absorb(merged, twoSources.id)).toBe(true);
    app = createTimelineApp({ reader: store, cursors });
  });
  afterAll(() => stack.stop());

  describe('GET /events/:id', () => {
    it('answers one event with all its sources', async () => {
      const response = await get(`/events/${twoSources.id}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe(CachePolicy.event);
      expect(response.headers.get('etag')).toMatch(sha1Tag);
      const body = await response.json();
      expect(body).toMatchObject({ id: twoSources.id, date: '2024-10-08', sourceCount: 2 });
      expect(body.sources.map((s: { feedName: string }) => s.feedName).sort()).toEqual([
        'Harbour News',
        'Wire Desk',
      ]);
      expect(body).not.toHaveProperty('version');
    });

    it('redirects a merged event to the one it was merged into, permanently', async () => {
      const response = await get(`/events/${merged.id}`);
      expect(response.status).toBe(301);
      expect(response.headers.get('location')).toBe(`/events/${twoSources.id}`);
      expect(response.headers.get('cache-control')).toBe(CachePolicy.merged);
    });

    it('answers 404 for an unknown event and 400 naming id for something that is not an id', async () => {
      const missing = await get('/events/evt_0123456789abcdef01234567');
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toBe('application/problem+json');
      expect(missing.headers.get('cache-control')).toBe('no-store');
      for (const id of ['nope', 'evt_XYZ', `evt_${'a'.repeat(65)}`, '%E0%A4%A', 'evt_12%00']) {
        const response = await get(`/events/${id}`);
        expect(response.status, id).toBe(400);
        expect((await response.json()).invalidParams, id).toEqual([
          { name: 'id', reason: expect.any(String) },
        ]);
      }
    });
  });

  describe('conditional requests and caching', () => {
    it.each([
      '/timeline',
      '/timeline.atom',
      '/timeline.rss',
      '/timeline.json',
      '/',
      `/events/${twoSources.id}`,
    ])(
      '%s: a strong ETag of the body, and If-None-Match answers 304 with the caching headers',
      async (path) => {
        const first = await get(path, { origin: 'https://newsroom.example' });
        expect(first.status).toBe(200);
        const tag = first.headers.get('etag') as string;
        expect(tag).toMatch(sha1Tag);
        const policy = first.headers.get('cache-control');
        expect(policy).toMatch(/^public, max-age=\d+, s-maxage=\d+, stale-while-revalidate=\d+/);

        const again = await get(path, {
          'if-none-match': `"other", ${tag}`,
          origin: 'https://newsroom.example',
        });
        expect(again.status).toBe(304);
        expect(await again.text()).toBe('');
        expect(again.headers.get('etag')).toBe(tag);
        expect(again.headers.get('cache-control')).toBe(policy);
        expect(again.headers.get('access-control-allow-origin')).toBe('*');

        expect((await get(path, { 'if-none-match': '"stale"' })).status).toBe(200);
      },
    );

    it('gives the same bytes the same tag and other bytes another', async () => {
      const tagOf = async (path: string) => (await get(path)).headers.get('etag');
      expect(await tagOf('/timeline?topic=defence')).toBe(await tagOf('/timeline?topic=defence'));
      expect(await tagOf('/timeline?topic=defence')).not.toBe(await tagOf('/timeline?topic=summit'));
      // The same listing asked another way is sent to its one URL, not given a second copy (and a
      // second cache entry at the edge).
      const upper = await get('/timeline?topic=DEFENCE');
      expect([upper.status, upper.headers.get('location'), upper.headers.get('etag')]).toEqual([
        301,
        '/timeline?topic=defence',
        null,
      ]);
    });

    it('never lets an error be cached', async () => {
      for (const path of ['/timeline?limit=0', '/nope', '/?from=yesterday']) {
        const response = await get(path);
        expect(response.status, path).toBeGreaterThanOrEqual(400);
        expect(response.headers.get('cache-control'), path).toBe('no-store');
        expect(response.headers.get('etag'), path).toBeNull();
      }
    });
  });

  describe('CORS', () => {
    it('lets any origin read, without varying on Origin', async () => {
      const response = await get('/timeline', { origin: 'https://dashboard.example' });
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-expose-headers')).toBe('ETag');
      expect(response.headers.get('vary') ?? '').not.toMatch(/origin/i);
      const problem = await get('/timeline?order=up', { origin: 'https://dashboard.example' });
      expect(problem.headers.get('access-control-allow-origin')).toBe('*');
    });

    it('answers a preflight for GET, varying on the requested headers', async () => {
      const response = await app.request('/timeline', {
        method: 'OPTIONS',
        headers: {
          origin: 'https://dashboard.example',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'if-none-match',
        },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-methods')).toBe('GET,HEAD');
      expect(response.headers.get('access-control-allow-headers')).toBe('if-none-match');
      expect(response.headers.get('vary')).toBe('Access-Control-Request-Headers');
    });
  });

  describe('feeds', () => {
    const ids = async (path: string) =>
      ((await (await get(path)).json()).events as Array<{ id: string }>).map((e) => e.id);

    it('list the same events as /timeline, with the same filters', async () => {
      for (const query of ['', '?topic=defence', '?feed=wire&order=asc', '?from=2024-06-01&to=2024-06-30']) {
        const expected = await ids(`/timeline${query}`);
        const json = await (await get(`/timeline.json${query}`)).json();
        expect(
          json.items.map((item: { id: string }) => item.id),
          query,
        ).toEqual(expected);
        for (const format of ['atom', 'rss']) {
          const feed = await new Parser().parseString(
            await (await get(`/timeline.${format}${query}`)).text(),
          );
          expect(
            feed.items.map((item) => item.link?.split('#')[1]),
            `${format}${query}`,
          ).toEqual(expected);
        }
      }
    });

    it('page with next links to the last event', async () => {
      const seen: string[] = [];
      let url: string | undefined = 'http://localhost/timeline.json?order=asc&limit=2';
      while (url) {
        const feed = await (await app.request(url)).json();
        seen.push(...feed.items.map((item: { id: string }) => item.id));
        url = feed.next_url;
      }
      expect(seen).toEqual(await ids('/timeline?order=asc&limit=200'));
      const atom = await (await get('/timeline.atom?limit=2')).text();
      expect(atom).toMatch(
        /<link rel="next" type="application\/atom\+xml" href="http:\/\/localhost\/timeline\.atom\?limit=2&amp;cursor=/,
      );
    });

    it('link to the configured public origin rather than the host the request reached', async () => {
      const behindCdn = createTimelineApp({ reader: store, cursors, publicUrl: 'https://dateline.example/' });
      const lambdaUrl = 'https://abc123.lambda-url.eu-west-1.on.aws/timeline.json?limit=1';
      const feed = await (await behindCdn.request(lambdaUrl)).json();
      expect(feed.feed_url).toBe('https://dateline.example/timeline.json?limit=1');
      expect(feed.next_url).toMatch(/^https:\/\/dateline\.example\/timeline\.json\?limit=1&cursor=/);
      expect(feed.items[0].url).toMatch(/^https:\/\/dateline\.example\/\?from=/);
    });

    it('declare their types and refuse bad filters as problems', async () => {
      expect((await get('/timeline.atom')).headers.get('content-type')).toBe(
        'application/atom+xml; charset=utf-8',
      );
      expect((await get('/timeline.rss')).headers.get('content-type')).toBe(
        'application/rss+xml; charset=utf-8',
      );
      expect((await get('/timeline.json')).headers.get('content-type')).toBe(
        'application/feed+json; charset=utf-8',
      );
      const bad = await get('/timeline.rss?limit=500');
      expect(bad.status).toBe(400);
      expect(bad.headers.get('content-type')).toBe('application/problem+json');
      expect((await bad.json()).invalidParams[0].name).toBe('limit');
    });
  });

  describe('the page', () => {
    it('sends a submitted form with empty fields to the listing without them', async () => {
      const response = await get('/?from=&to=&topic=defence&q=+&order=');
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/?topic=defence');
      expect((await get('/?topic=defence')).status).toBe(200);
    });

    it('answers bad filters with the page, naming them, not with JSON', async () => {
      for (const [query, name] of [
        ['?from=2024-02-30', 'from'],
        ['?cursor=forged.cursor', 'cursor'],
        ['?topic=a&topic=b', 'topic'],
      ]) {
        const response = await get(`/${query}`);
        expect(response.status, query).toBe(400);
        expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(await response.text(), query).toContain(`<li><strong>${name}</strong>: `);
      }
    });

    it('loads nothing from elsewhere: a policy allows only its own inline style', async () => {
      const policy = (await get('/')).headers.get('content-security-policy');
      expect(policy).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*';/);
    });
  });

  describe('the API description', () => {
    it('/openapi.json describes every route from the same schemas that validate it', async () => {
      const response = await get('/openapi.json');
      expect(response.status).toBe(200);
      const document = await response.json();
      expect(document.openapi).toBe('3.1.0');
      expect(Object.keys(document.paths).sort()).toEqual(
        [
          '/',
          '/events/{id}',
          '/events/{id}/sources',
          '/feeds',
          '/healthz',
          '/timeline',
          '/timeline.atom',
          '/timeline.json',
          '/timeline.rss',
        ].sort(),
      );
      const parameters = document.paths['/timeline'].get.parameters.map((p: { name: string }) => p.name);
      expect(parameters).toEqual(Object.keys(TimelineQuerySchema.shape));
      expect(document.paths['/events/{id}'].get.responses).toHaveProperty('301');
      expect(document.paths['/events/{id}/sources'].get.responses).toHaveProperty('301');
      expect(document.components.schemas.SourcePage.required).toEqual(['sources', 'nextCursor']);
      expect(document.components.schemas).toHaveProperty('Event');
      expect(document.components.schemas).toHaveProperty('Problem');
      expect(document.components.schemas.TimelinePage.required).toEqual(['events', 'nextCursor']);
    });

    it('/docs lists the operations on one self-contained page', async () => {
      const response = await get('/docs');
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await response.text();
      for (const path of ['/timeline', '/events/{id}', '/timeline.atom', '/timeline.json', '/healthz'])
        expect(html).toContain(`<code>GET ${path}</code>`);
      expect(html).not.toMatch(/<script|<link rel="stylesheet"|src="http/);
    });
  });

  it('answers unknown routes and methods with a 404 problem', async () => {
    for (const [method, path] of [
      ['GET', '/nope'],
      ['GET', '/timeline/extra'],
      ['POST', '/timeline'],
      ['DELETE', `/events/${twoSources.id}`],
    ] as const) {
      const response = await app.request(path, { method });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({ status: 404, title: 'Not Found' });
    }
  });

  describe('no query string of any shape gives a 500', () => {
    const names = fc.oneof(
      fc.constantFrom(...Object.keys(TimelineQuerySchema.shape)),
      fc.constantFrom(
        '__proto__',
        'constructor',
        'toString',
        'limit[]',
        'topic[0]',
        'a[b][c]',
        '',
        '%',
        '&',
        '=',
      ),
      fc.string({ unit: 'binary', maxLength: 12 }),
    );
    const values = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'grapheme', minLength: 150, maxLength: 3000 }),
      fc.constantFrom(
        '',
        ' ',
        '0',
        '-1',
        '1e3',
        '0x10',
        '2.5',
        'NaN',
        'Infinity',
        '9'.repeat(400),
        '200',
        '201',
      ),
      fc.constantFrom('2024-02-30', '2024-02-29', '0000-00-00', '9999-12-31', '2024-6-1', '2024-06-18T00:00'),
      fc.constantFrom('asc', 'desc', 'ASC', 'a.b', 'a.b.c', '.', `${'x'.repeat(1999)}.y`),
      fc.constantFrom(
        '%',
        '%%',
        '%E0%A4%A',
        '%ZZ',
        '%00',
        '%C0%AF',
        '%uD800',
        '[]',
        '[a]=1',
        '\uD800',
        '\uDFFF',
      ),
    );
    /** encodeURIComponent throws on a lone surrogate; the raw form below still sends them. */
    const encode = (text: string) => encodeURIComponent(text.replace(/\p{Cs}/gu, '\uFFFD'));
    /** A pair as a client might send it: percent-encoded, or raw for the URL parser to cope with. */
    const pair = fc
      .tuple(names, values, fc.boolean())
      .map(([name, value, raw]) => (raw ? `${name}=${value}` : `${encode(name)}=${encode(value)}`));
    const queries = fc.array(fc.oneof(pair, names), { maxLength: 8 }).map((parts) => parts.join('&'));
    const paths = fc.constantFrom('/timeline', '/timeline.atom', '/timeline.rss', '/timeline.json', '/');

    it('answers 200, 304 or 400, and a 400 names a parameter', async () => {
      await fc.assert(
        fc.asyncProperty(paths, queries, fc.boolean(), async (path, query, conditional) => {
          const url = `${path}?${query}`;
          const headers: Record<string, string> = conditional ? { 'if-none-match': '"x", *' } : {};
          let response = await app.request(url, { headers });
          // The page sends a form's empty fields on to the same listing without them, once.
          if (path === '/' && response.status === 302) {
            const location = response.headers.get('location') as string;
            expect(new URL(location, 'http://localhost').pathname).toBe('/');
            response = await app.request(location, { headers });
          }
          // A valid query written another way goes to its listing's one URL, which is final.
          if (response.status === 301) {
            const location = response.headers.get('location') as string;
            expect(new URL(location, 'http://localhost').pathname).toBe(path);
            response = await app.request(location, { headers });
            expect(response.status, `${url} → ${location}`).not.toBe(301);
          }
          expect([200, 304, 400], url).toContain(response.status);
          if (response.status === 400 && path !== '/') {
            expect(response.headers.get('content-type')).toBe('application/problem+json');
            const problem = await response.json();
            expect(problem.invalidParams.length, url).toBeGreaterThan(0);
            const parsed = new URL(url, 'http://localhost');
            // Decoded names, and names as sent for the ones that do not decode.
            const sent = parsed.search
              .slice(1)
              .split('&')
              .map((pair) => pair.split('=')[0]);
            const given = [...parsed.searchParams.keys(), ...sent];
            for (const { name } of problem.invalidParams)
              expect([...Object.keys(TimelineQuerySchema.shape), ...given], url).toContain(name);
          }
        }),
        { numRuns: 400 },
      );
    });
  });
});
