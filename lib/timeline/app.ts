import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, ValidationTargets } from 'hono';
import type { ZodError } from 'zod';
import type { Log } from '../log.ts';
import { type CursorCodec, InvalidCursorError } from './cursor.ts';
import { describeFilters } from './describe.ts';
import type { FeedHealthReader } from './feed-health.ts';
import { docsPage } from './html/docs-page.ts';
import { htmlResponse } from './html/markup.ts';
import { eventPermalink, type FormValues, timelinePage } from './html/timeline-page.ts';
import { bodyEtag, CachePolicy, cacheFor, corsForReaders, noSniff } from './http.ts';
import { pageTimeline, type TimelineReader } from './page.ts';
import { presentEvent } from './present.ts';
import { invalidParams, invalidParamsOf, notFound, ProblemError, problemResponse } from './problem.ts';
import { searchOf, type TimelineQuery } from './query.ts';
import {
  atomRoute,
  eventRoute,
  feedsRoute,
  healthRoute,
  jsonFeedRoute,
  pageRoute,
  rssRoute,
  timelineRoute,
} from './routes.ts';
import { atomFeed, FEED_TYPES, type FeedInput, jsonFeed, rssFeed } from './syndication.ts';

export interface TimelineAppDeps {
  reader: TimelineReader;
  cursors: CursorCodec;
  /** Feed health for GET /feeds; without it the route answers an empty list. */
  feeds?: FeedHealthReader;
  log?: Log;
  /**
   * The public origin (`https://dateline.example`) for the absolute links feeds need. Defaults to the
   * request's own origin, which behind CloudFront is the function URL's, so set it there.
   */
  publicUrl?: string;
}

const API_INFO = {
  title: 'Dateline public timeline',
  version: '1.0.0',
  description:
    'One merged, sourced timeline of what happened when: each event once, with every outlet that reported it. Read-only, CORS-enabled for any origin, cacheable (strong ETags, If-None-Match → 304). Errors are RFC 9457 problem details naming the parameter.',
};

type ValidationResult = { target: keyof ValidationTargets } & (
  | { success: true }
  | { success: false; error: ZodError }
);

/** Invalid input answers a 400 problem naming each parameter, whichever route it came to. */
function rejectInvalid(result: ValidationResult, c: Context): Response | undefined {
  if (result.success) return undefined;
  return invalidParams(
    invalidParamsOf(result.error, result.target === 'query' ? c.req.queries() : c.req.param()),
  );
}

function formOf(query: TimelineQuery): FormValues {
  const { from, to, topic, q, order, limit } = query;
  return { from, to, topic, q, order, limit: String(limit) };
}

/** The public timeline: Web-standard Request/Response only, storage injected, runtime-agnostic. */
export function createTimelineApp({ reader, cursors, log, publicUrl, feeds }: TimelineAppDeps) {
  const app = new OpenAPIHono({ defaultHook: rejectInvalid });
  app.use(corsForReaders, noSniff, bodyEtag);

  async function feedOf(path: string, query: TimelineQuery, requestUrl: string): Promise<FeedInput> {
    const page = await pageTimeline(reader, cursors, query);
    const base = publicUrl?.replace(/\/+$/, '') ?? new URL(requestUrl).origin;
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

  app.openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200));

  app.openapi(feedsRoute, async (c) => c.json({ feeds: (await feeds?.health()) ?? [] }, 200));

  app.openapi(timelineRoute, async (c) => {
    const page = await pageTimeline(reader, cursors, c.req.valid('query'));
    return c.json({ events: page.events.map(presentEvent), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(atomRoute, async (c) => {
    const feed = await feedOf(atomRoute.path, c.req.valid('query'), c.req.url);
    return c.body(atomFeed(feed), 200, { 'content-type': FEED_TYPES.atom });
  });

  app.openapi(rssRoute, async (c) => {
    const feed = await feedOf(rssRoute.path, c.req.valid('query'), c.req.url);
    return c.body(rssFeed(feed), 200, { 'content-type': FEED_TYPES.rss });
  });

  app.openapi(jsonFeedRoute, async (c) => {
    const feed = await feedOf(jsonFeedRoute.path, c.req.valid('query'), c.req.url);
    return c.json(jsonFeed(feed), 200, { 'content-type': FEED_TYPES.json });
  });

  app.openapi(eventRoute, async (c) => {
    const { id } = c.req.valid('param');
    const event = await reader.get(id);
    if (event) return c.json(presentEvent(event), 200);
    // Only a miss pays for the second read: most requests are for live events.
    const survivor = await reader.resolve(id);
    if (survivor && survivor !== id) {
      c.header('cache-control', CachePolicy.merged);
      return c.redirect(`/events/${survivor}`, 301);
    }
    throw new ProblemError(notFound(`no event ${id}`));
  });

  app.openapi(
    pageRoute,
    async (c) => {
      const query = c.req.valid('query');
      try {
        const page = await pageTimeline(reader, cursors, query);
        const events = page.events.map(presentEvent);
        return htmlResponse(
          timelinePage({ form: formOf(query), query, events, nextCursor: page.nextCursor, problems: [] }),
        );
      } catch (error) {
        if (!(error instanceof InvalidCursorError)) throw error;
        const problems = [{ name: 'cursor', reason: error.message }];
        return htmlResponse(
          timelinePage({ form: formOf(query), events: [], nextCursor: null, problems }),
          400,
        );
      }
    },
    // A person typed these filters: answer with the page and the form as they filled it, not JSON.
    (result, c) => {
      if (result.success) return undefined;
      const problems = invalidParamsOf(result.error, c.req.queries());
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
    log?.error(`timeline request failed: ${error.message}`, { path: c.req.path });
    return problemResponse({ type: 'about:blank', title: 'Internal Server Error', status: 500 });
  });

  return app;
}
