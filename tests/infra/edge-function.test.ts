import { readFileSync } from 'node:fs';
import { Script } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EDGE_FUNCTION_PATH } from '../../infra/cdk/edge.ts';
import { CursorCodec, createTimelineApp, TimelineQuerySchema } from '../../lib/timeline/index.ts';
import { prefersHtml } from '../../lib/timeline/negotiate.ts';
import { PUBLIC_HOST_HEADER } from '../../lib/timeline/public-url.ts';

type Header = { value: string };
/** The request, passed on (perhaps changed), or an answer made at the edge. */
type Edge =
  | { querystring: object; headers: Record<string, Header> }
  | { statusCode: number; headers: Record<string, Header>; body?: { data: string } };
type EdgeHandler = (event: unknown) => Edge;

const code = readFileSync(EDGE_FUNCTION_PATH, 'utf8');
/** The function as CloudFront runs it: one script, no modules, `handler` found by name. */
const handler = new Script(`${code}\nhandler`).runInNewContext({}) as EdgeHandler;

/** The query object CloudFront hands a viewer-request function: values as sent, repeats grouped. */
function querystringOf(search: string) {
  const grouped = new Map<string, string[]>();
  for (const pair of search.split('&').filter(Boolean)) {
    const at = pair.indexOf('=');
    const [name, value] = at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
    grouped.set(name, [...(grouped.get(name) ?? []), value]);
  }
  return Object.fromEntries(
    [...grouped].map(([name, values]) => [
      name,
      values.length === 1
        ? { value: values[0] }
        : { value: values[0], multiValue: values.map((value) => ({ value })) },
    ]),
  );
}

function atEdge(path: string, search: string, method = 'GET', accept?: string) {
  const request = {
    method,
    uri: path,
    querystring: querystringOf(search),
    headers: {
      host: { value: 'd111111abcdef8.cloudfront.net' },
      ...(accept === undefined ? {} : { accept: { value: accept } }),
    },
    cookies: {},
  };
  return handler({
    version: '1.0',
    context: { eventType: 'viewer-request' },
    viewer: { ip: '192.0.2.1' },
    request,
  });
}

const statusOf = (edge: Edge) => ('statusCode' in edge ? edge.statusCode : 'pass');
const locationOf = (edge: Edge) => ('statusCode' in edge ? edge.headers.location?.value : undefined);

const app = createTimelineApp({
  reader: { async *range() {}, get: async () => undefined, resolve: async () => undefined },
  cursors: new CursorCodec('a-test-secret-of-16+'),
});

describe('the CloudFront viewer-request function', () => {
  it('fits CloudFront Functions’ 10 KB code limit', () => {
    expect(Buffer.byteLength(code)).toBeLessThan(10_240);
  });

  it.each([
    ['zz=1', 400],
    ['utm=1&limit=5', 400],
    ['LIMIT=5', 400],
    ['limit=5e1', 400],
    ['limit=%2050', 400],
    ['limit=5&limit=6', 400],
    ['q=%ZZ', 400],
    ['limit=50', 301],
    ['order=asc&from=2024-06-01', 301],
    ['topic=Defence', 301],
    ['q=a%20b', 301],
    ['from=2024-06-01&order=asc', 'pass'],
    ['', 'pass'],
  ] as const)('/timeline?%s: %s at the edge, as the app answers', async (search, expected) => {
    const edge = atEdge('/timeline', search);
    expect(statusOf(edge)).toBe(expected);
    const origin = await app.request(`/timeline?${search}`);
    expect(origin.status).toBe(expected === 'pass' ? 200 : expected);
    expect(locationOf(edge)).toBe(origin.headers.get('location') ?? undefined);
  });

  it('answers a refusal as the app does: a problem naming the parameter, never cached', () => {
    const edge = atEdge('/timeline.atom', 'limit=5e1&zz=1') as {
      statusCode: number;
      headers: Record<string, Header>;
      body: { data: string };
    };
    expect(edge.headers['content-type']?.value).toBe('application/problem+json');
    expect(edge.headers['cache-control']?.value).toBe('no-store');
    expect(JSON.parse(edge.body.data).invalidParams.map((p: { name: string }) => p.name)).toEqual(['zz']);
  });

  it('keys other routes on their path alone and stamps the public host on every request', () => {
    const edge = atEdge('/events/evt_1', 'utm=1');
    expect('querystring' in edge && edge.querystring).toEqual({});
    expect(edge.headers[PUBLIC_HOST_HEADER]?.value).toBe('d111111abcdef8.cloudfront.net');
  });

  it('keeps the page and cursor of an event’s sources, and nothing else, in the key', () => {
    const edge = atEdge('/events/evt_1/sources', 'utm=1&cursor=abc.def&limit=200');
    expect('querystring' in edge && edge.querystring).toEqual({
      cursor: { value: 'abc.def' },
      limit: { value: '200' },
    });
  });

  it('reduces Accept to the view the origin picks by it: an event page or its JSON, nothing elsewhere', () => {
    const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const acceptAt = (path: string, accept?: string) => atEdge(path, '', 'GET', accept).headers.accept?.value;
    expect(acceptAt('/events/evt_1', browser)).toBe('text/html');
    expect(acceptAt('/events/evt_1', '*/*')).toBe('application/json');
    expect(acceptAt('/events/evt_1')).toBe('application/json');
    expect(acceptAt('/timeline', browser)).toBeUndefined();
    expect(acceptAt('/', browser)).toBeUndefined();
  });

  it('decides an event’s view as the app does for any Accept header', () => {
    const range = fc.constantFrom(
      'text/html',
      'application/json',
      'application/xhtml+xml',
      '*/*',
      'application/*',
      'text/*',
      'image/webp',
      '',
    );
    const quality = fc.option(fc.constantFrom('0', '0.5', '0.8', '1', 'x', '1.5', '-1'), { nil: undefined });
    const accept = fc
      .array(fc.tuple(range, quality), { maxLength: 5 })
      .map((parts) => parts.map(([r, q]) => (q === undefined ? r : `${r};q=${q}`)).join(', '));
    fc.assert(
      fc.property(accept, (header) => {
        const edge = atEdge('/events/evt_1', '', 'GET', header);
        expect(edge.headers.accept?.value).toBe(prefersHtml(header) ? 'text/html' : 'application/json');
      }),
    );
  });

  it('lets preflights through untouched', () => {
    expect(statusOf(atEdge('/timeline', 'zz=1', 'OPTIONS'))).toBe('pass');
  });

  describe('agrees with the app on every query (one cache key per meaning)', () => {
    const names = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...Object.keys(TimelineQuerySchema.shape)) },
      fc.constantFrom('LIMIT', 'Order', 'utm', 'zz', '__proto__', 'hasOwnProperty', '', 'l%69mit', '%ZZ'),
    );
    const values = fc.oneof(
      // A request line holds no raw space: `+` and `%20` are how one arrives.
      fc.constantFrom('', '+', '%20', '1', '050', '50', '200', '201', '5e1', '%2050', '+50', '0x32', '50.0'),
      fc.constantFrom('asc', 'desc', 'ASC', '2024-06-01', '2024-02-30', '2024-6-1', '2023-12-31'),
      fc.constantFrom('Defence', 'defence', '%20defence', 'a%20b', 'a+b', 'a%2Bb', '%ZZ', '%E0%A4%A', 'x.y'),
      fc.string({ maxLength: 8 }).map(encodeURIComponent),
    );
    const queries = fc
      .array(fc.tuple(names, values), { maxLength: 5 })
      .map((pairs) => pairs.map(([name, value]) => `${name}=${value}`).join('&'));
    const paths = fc.constantFrom('/timeline', '/timeline.atom', '/timeline.rss', '/timeline.json', '/');

    it('refuses only what the app refuses, redirects where the app redirects, passes nothing the app would redirect', async () => {
      await fc.assert(
        fc.asyncProperty(paths, queries, async (path, search) => {
          const edge = atEdge(path, search);
          const origin = await app.request(`${path}?${search}`);
          const where = `${path}?${search}`;
          if (statusOf(edge) === 400) expect(origin.status, where).toBe(400);
          else if (statusOf(edge) === 301) {
            // The app reads the URL after the URL parser has percent-encoded what it must (`'`,
            // `"`, a space): a query the parser already made canonical needs no redirect there.
            const parsed = new URL(where, 'http://localhost');
            const expected =
              origin.status === 301 ? origin.headers.get('location') : parsed.pathname + parsed.search;
            expect(locationOf(edge), where).toBe(expected);
          } else expect(origin.status, where).not.toBe(301);
        }),
        { numRuns: 1500 },
      );
    });
  });
});
