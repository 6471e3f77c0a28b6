import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler, ValidationTargets } from 'hono';
import type { ZodError } from 'zod';
import type { Log } from '../log.ts';
import { type CursorCodec, InvalidCursorError } from './cursor.ts';
import { describeFilters } from './describe.ts';
import type { TimelineEvent } from './event.ts';
import type { FeedHealthReader } from './feed-health.ts';
import { docsPage } from './html/docs-page.ts';
import { eventPage, missingEventPage } from './html/event-page.ts';
import { htmlResponse } from './html/markup.ts';
import { eventPermalink, type FormValues, timelinePage } from './html/timeline-page.ts';
import {
  bodyEtag,
  CachePolicy,
  cacheFor,
  corsForReaders,
  listingPolicy,
  NOT_MODIFIED_HEADERS,
  noSniff,
} from './http.ts';
import {
  type Coding,
  codingFor,
  DEFAULT_STALENESS_MS,
  ListingCache,
  type ListingCacheOptions,
  type ListingTicket,
} from './listing-cache.ts';
import { prefersHtml, varyOnAccept } from './negotiate.ts';
import { pageTimeline, type TimelineReader } from './page.ts';
import { PatchedListings, type PatchOptions, patchable } from './patched-listings.ts';
import { presentEvent } from './present.ts';
import {
  type InvalidParam,
  invalidParams,
  invalidParamsOf,
  notFound,
  ProblemError,
  problemResponse,
} from './problem.ts';
import { PUBLIC_HOST_HEADER, publicOrigin } from './public-url.ts';
import {
  canonicalRedirect,
  datesOf,
  searchOf,
  type TimelineQuery,
  TimelineQuerySchema,
  undecodableParams,
} from './query.ts';
import {
  atomRoute,
  eventRoute,
  feedsRoute,
  healthRoute,
  jsonFeedRoute,
  pageRoute,
  rssRoute,
  sourcesRoute,
  timelineRoute,
} from './routes.ts';
import { pageSources } from './source-pages.ts';
import { atomFeed, FEED_TYPES, type FeedInput, jsonFeed, rssFeed } from './syndication.ts';

export interface TimelineAppDeps {
  reader: TimelineReader;
  cursors: CursorCodec;
  /** Feed health for GET /feeds; without it the route answers an empty list. */
  feeds?: FeedHealthReader;
  log?: Log;
  /**
   * The public origin (`https://dateline.example`) for the absolute links feeds need. Without it,
   * the host the edge stamped (behind CloudFront), else the request's own origin.
   */
  publicUrl?: string;
  /**
   * Served behind the CloudFront function (infra/cdk/edge): it stamps the public host, and it has
   * already sent every listing query to its canonical URL, so the app does not redirect again
   * (CloudFront may forward an allow-listed query re-serialized, and a second redirect could loop).
   */
  behindEdge?: boolean;
  /**
   * How stale a listing may be (default 2 s), how many bytes of rendered listings to keep and, for a
   * reader with a logged head, how many events of listings to keep across versions (`keptEvents`,
   * 0 for none). Used when the reader has a version; a reader without one is read on every request.
   */
  cache?: ListingCacheOptions & PatchOptions;
}

const API_INFO = {
  title: 'Dateline public timeline',
  version: '1.0.0',
  description:
    'One merged, sourced timeline of what happened when: each event once, with every outlet that reported it. Read-only, CORS-enabled for any origin, cacheable (strong ETags, If-None-Match → 304). Errors are RFC 9457 problem details naming the parameter.',
};

const BEHIND_EDGE = 'behindEdge';

type ValidationResult = { target: keyof ValidationTargets } & (
  | { success: true; data: unknown }
  | { success: false; error: ZodError }
);

function undecodableOf(c: Context): InvalidParam[] {
  return undecodableParams(new URL(c.req.url).search).map((name) => ({
    name,
    reason: 'is not percent-encoded UTF-8',
  }));
}

/**
 * A valid query written otherwise than its listing's own URL answers 301 to that URL, so each
 * listing has one cache key at the edge (see `canonicalRedirect`).
 */
function redirectToCanonical(c: Context, query: TimelineQuery): Response | undefined {
  if (c.get(BEHIND_EDGE)) return undefined;
  const url = new URL(c.req.url);
  const location = canonicalRedirect(url.pathname, url.search, query);
  return location === undefined ? undefined : c.redirect(location, 301);
}

/**
 * Invalid input answers a 400 problem naming each parameter, whichever route it came to; a valid
 * listing query not in its canonical form, a 301 to it.
 */
function rejectInvalid(result: ValidationResult, c: Context): Response | undefined {
  const undecodable = result.target === 'query' ? undecodableOf(c) : [];
  if (undecodable.length) return invalidParams(undecodable);
  if (result.success)
    return result.target === 'query' ? redirectToCanonical(c, result.data as TimelineQuery) : undefined;
  return invalidParams(
    invalidParamsOf(result.error, result.target === 'query' ? c.req.queries() : c.req.param()),
  );
}

function formOf(query: TimelineQuery): FormValues {
  const { from, to, topic, q, order, limit } = query;
  return { from, to, topic, q, order, limit: String(limit) };
}

type Listings = (c: Context, key: string[], render: () => Promise<Response>) => Promise<Response>;

const LISTED = 'listed';
type AppEnv = { Variables: { [BEHIND_EDGE]: boolean; [LISTED]?: ListingTicket } };

/** What a listing's answer depends on besides the version: the URL as sent, and the edge's host. */
const requestKeyOf = (c: Context, coding: Coding) =>
  `${c.req.url}\n${c.req.header(PUBLIC_HOST_HEADER) ?? ''}\n${coding}`;

/**
 * How listings are answered: from the rendered-listing cache when the reader has a version, each
 * with a Cache-Control as fresh as the cache's staleness bound; otherwise rendered every time. With a
 * cache, `replay` goes first: a GET answered 200 at the version known within the bound is answered
 * again as it left the app (or 304), before validation, rendering or the other middleware run.
 */
function listingsOf({ reader, cache }: TimelineAppDeps): {
  listings: Listings;
  replay: MiddlewareHandler<AppEnv>;
} {
  const policy = listingPolicy(cache?.stalenessMs ?? DEFAULT_STALENESS_MS);
  const version = reader.version?.bind(reader);
  if (!version) return { listings: (_c, _key, render) => render(), replay: (_c, next) => next() };
  const rendered = new ListingCache(version, cache);
  const listings: Listings = async (c, key, render) => {
    const coding = codingFor(c.req.header('accept-encoding'));
    const { response, ticket } = await rendered.answer(
      key.join('\n'),
      c.req.header('if-none-match'),
      render,
      coding,
    );
    if (response.status < 400) response.headers.set('cache-control', policy);
    if (ticket) c.set(LISTED, ticket);
    return response;
  };
  const replay: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (c.req.method !== 'GET') return next();
    const request = requestKeyOf(c, codingFor(c.req.header('accept-encoding')));
    const replayed = rendered.replayed(request, c.req.header('if-none-match'));
    if (replayed) return replayed;
    await next();
    const ticket = c.get(LISTED);
    if (ticket && c.res.status === 200)
      rendered.remember(request, ticket, c.res.headers, NOT_MODIFIED_HEADERS);
  };
  return { listings, replay };
}

/**
 * A reader whose version comes with a log of what changed keeps its listings across versions and
 * patches them (`PatchedListings`): a cache miss after a write reads the changed events only.
 */
function readerOf({ reader, cache }: TimelineAppDeps): TimelineReader {
  if (!patchable(reader) || cache?.keptEvents === 0) return reader;
  return new PatchedListings(reader, cache);
}

/** The public timeline: Web-standard Request/Response only, storage injected, runtime-agnostic. */
export function createTimelineApp(deps: TimelineAppDeps) {
  const { cursors, log, publicUrl, feeds, behindEdge } = deps;
  const reader = readerOf(deps);
  const app = new OpenAPIHono<AppEnv>({ defaultHook: rejectInvalid });
  const { listings, replay } = listingsOf({ ...deps, reader });
  app.use(replay, corsForReaders, noSniff, bodyEtag, async (c, next) => {
    c.set(BEHIND_EDGE, behindEdge === true);
    await next();
  });
  const baseOf = (c: Context) =>
    publicOrigin(c.req.url, c.req.header(PUBLIC_HOST_HEADER), { publicUrl, behindEdge });

  async function feedOf(path: string, query: TimelineQuery, base: string): Promise<FeedInput> {
    const page = await pageTimeline(reader, cursors, query);
    const first = { ...query, cursor: undefined };
    const filters = describeFilters(query);
    return {
      title: filters ? `Dateline: ${filters}` : 'Dateline',
      events: page.events.map(presentEvent),
      links: {
        self: `${base}${path}${searchOf(query)}`,
        first: `${base}${path}${searchOf(first)}`,
        next: page.nextCursor && `${base}${path}${searchOf({ ...query, cursor: page.nextCursor })}`,
        page: `${base}/${searchOf(first)}`,
        event: (id) => `${base}/events/${id}`,
        eventPage: (event) => `${base}${eventPermalink(event)}`,
      },
    };
  }

  async function htmlPage(query: TimelineQuery): Promise<Response> {
    try {
      const page = await pageTimeline(reader, cursors, query);
      const events = page.events.map(presentEvent);
      return htmlResponse(
        timelinePage({ form: formOf(query), query, events, nextCursor: page.nextCursor, problems: [] }),
      );
    } catch (error) {
      if (!(error instanceof InvalidCursorError)) throw error;
      const problems = [{ name: 'cursor', reason: error.message }];
      return htmlResponse(timelinePage({ form: formOf(query), events: [], nextCursor: null, problems }), 400);
    }
  }

  app.openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200));

  app.openapi(feedsRoute, async (c) => c.json({ feeds: (await feeds?.health()) ?? [] }, 200));

  app.openapi(timelineRoute, (c) => {
    const query = c.req.valid('query');
    return listings(c, [timelineRoute.path, searchOf(query)], async () => {
      const page = await pageTimeline(reader, cursors, query);
      const body = { events: page.events.map(presentEvent), nextCursor: page.nextCursor };
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    });
  });

  /** A feed's links are absolute: one rendering per public origin. */
  const syndicated = (path: string, type: string, write: (feed: FeedInput) => string) => (c: Context) => {
    const query = c.req.valid('query' as never) as TimelineQuery;
    const base = baseOf(c);
    return listings(c, [path, base, searchOf(query)], async () => {
      const feed = await feedOf(path, query, base);
      return new Response(write(feed), { headers: { 'content-type': type } });
    });
  };
  app.openapi(atomRoute, syndicated(atomRoute.path, FEED_TYPES.atom, atomFeed));
  app.openapi(rssRoute, syndicated(rssRoute.path, FEED_TYPES.rss, rssFeed));
  app.openapi(
    jsonFeedRoute,
    syndicated(jsonFeedRoute.path, FEED_TYPES.json, (feed) => JSON.stringify(jsonFeed(feed))),
  );

  /** An event as a page, with links to the other events of its date. */
  async function eventHtml(event: TimelineEvent): Promise<Response> {
    const sameDate = TimelineQuerySchema.parse({ ...datesOf(event.date), order: 'asc', limit: '21' });
    const { events } = await pageTimeline(reader, cursors, sameDate);
    const others = events.filter((other) => other.id !== event.id).slice(0, 20);
    return htmlResponse(eventPage({ event: presentEvent(event), others: others.map(presentEvent) }));
  }

  // JSON by default; the page when the request prefers HTML (a browser). Both vary on Accept.
  app.use('/events/*', varyOnAccept);
  app.openapi(eventRoute, async (c) => {
    const { id } = c.req.valid('param');
    const html = prefersHtml(c.req.header('accept'));
    const event = await reader.get(id);
    if (event && !event.hidden) return html ? eventHtml(event) : c.json(presentEvent(event), 200);
    // Only a miss pays for the second read: most requests are for live events. A hidden event (an
    // editor's "not an event") is answered as absent: the public never learns what was hidden.
    const survivor = event ? undefined : await reader.resolve(id);
    if (survivor && survivor !== id) {
      c.header('cache-control', CachePolicy.merged);
      return c.redirect(`/events/${survivor}`, 301);
    }
    if (html) return htmlResponse(missingEventPage(id), 404);
    throw new ProblemError(notFound(`no event ${id}`));
  });

  app.openapi(sourcesRoute, async (c) => {
    const { id } = c.req.valid('param');
    const event = await reader.get(id);
    if (event && !event.hidden)
      return c.json(pageSources(id, event.sources, c.req.valid('query'), cursors), 200);
    const survivor = event ? undefined : await reader.resolve(id);
    if (survivor && survivor !== id) {
      c.header('cache-control', CachePolicy.merged);
      return c.redirect(`/events/${survivor}/sources`, 301);
    }
    throw new ProblemError(notFound(`no event ${id}`));
  });

  app.openapi(
    pageRoute,
    (c) => {
      const query = c.req.valid('query');
      return listings(c, [pageRoute.path, searchOf(query)], () => htmlPage(query));
    },
    // A person typed these filters: answer with the page and the form as they filled it, not JSON.
    (result, c) => {
      const undecodable = undecodableOf(c);
      if (result.success && !undecodable.length)
        return redirectToCanonical(c, result.data as unknown as TimelineQuery);
      const problems = result.success ? undecodable : invalidParamsOf(result.error, c.req.queries());
      return htmlResponse(timelinePage({ form: c.req.query(), events: [], nextCursor: null, problems }), 400);
    },
  );

  // Generated once, after every route is registered, from the routes' own schemas.
  let document: ReturnType<typeof app.getOpenAPI31Document> | undefined;
  const openApi = () => {
    document ??= app.getOpenAPI31Document({ openapi: '3.1.0', info: API_INFO });
    return document;
  };
  app.get('/openapi.json', cacheFor(CachePolicy.reference), (c) => c.json(openApi()));
  app.get('/docs', cacheFor(CachePolicy.reference), () => htmlResponse(docsPage(openApi())));

  app.notFound((c) => notFound(`no route for ${c.req.method} ${c.req.path}`));

  app.onError((error, c) => {
    if (error instanceof ProblemError) return error.response;
    // A cursor is checked only when the listing is read, after the query schema passed.
    if (error instanceof InvalidCursorError)
      return invalidParams([{ name: 'cursor', reason: error.message }]);
    log?.error('timeline request failed', { path: c.req.path, error });
    return problemResponse({ type: 'about:blank', title: 'Internal Server Error', status: 500 });
  });

  return app;
}
