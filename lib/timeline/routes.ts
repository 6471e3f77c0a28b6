import { createRoute } from '@hono/zod-openapi';
import * as z from 'zod';
import { FeedHealthSchema } from './feed-health.ts';
import { CachePolicy, cacheFor, withoutEmptyFields } from './http.ts';
import { PublicEventSchema, SourcePageSchema, TimelinePageSchema } from './present.ts';
import { PROBLEM_TYPE, ProblemSchema } from './problem.ts';
import { TimelineQuerySchema } from './query.ts';
import { SourcePageQuerySchema } from './source-pages.ts';
import { JsonFeedSchema } from './syndication.ts';

/**
 * Every public operation, described once: @hono/zod-openapi validates requests against these schemas
 * and generates /openapi.json from the same definitions, so the document cannot drift from the code.
 */

const problem = (description: string) => ({
  description,
  content: { [PROBLEM_TYPE]: { schema: ProblemSchema } },
});
const notModified = { description: 'Not Modified: the `If-None-Match` ETag still matches.' };
const text = z.string();

const listingHeaders = z.object({
  ETag: z.string().meta({
    description:
      'Strong validator (for listings, a hash of the timeline version and the request; otherwise of the body); send it back as If-None-Match.',
  }),
  'Cache-Control': z.string(),
});

export const EventIdSchema = z
  .string()
  .regex(/^evt_[0-9a-f]{1,64}$/, 'must be an event id (evt_ and hex digits)')
  .meta({ example: 'evt_3f0c9d2b8a41e6f7a9b0c1d2' });

interface Listing<P extends string, S extends z.ZodType> {
  path: P;
  summary: string;
  description: string;
  body: { description: string; type: string; schema: S };
}

/** The timeline in one format: one query, one cache policy, the same 304 and 400 answers. */
function listingRoute<P extends string, S extends z.ZodType>({
  path,
  summary,
  description,
  body,
}: Listing<P, S>) {
  return createRoute({
    method: 'get',
    path,
    summary,
    description,
    middleware: [cacheFor(CachePolicy.listing)] as const,
    request: { query: TimelineQuerySchema },
    responses: {
      200: {
        description: body.description,
        headers: listingHeaders,
        content: { [body.type]: { schema: body.schema } } as Record<string, { schema: S }>,
      },
      304: notModified,
      400: problem('An invalid parameter, named in `invalidParams`'),
    },
  });
}

export const timelineRoute = listingRoute({
  path: '/timeline',
  summary: 'A page of the merged timeline',
  description:
    'Events newest first (or oldest, with `order=asc`), each with every article that reported it. Follow `nextCursor` until it is null: a text search (`q`) reads at most 1,000 events a request, so a rare phrase can answer a short (even empty) page with a cursor. A new event shows within the staleness bound `max-age` states.',
  body: { description: 'One page of events', type: 'application/json', schema: TimelinePageSchema },
});

const FOR_READERS = 'The same listing and filters as `/timeline`, one entry per event, for feed readers.';

export const atomRoute = listingRoute({
  path: '/timeline.atom',
  summary: 'The timeline as an Atom feed',
  description: `${FOR_READERS} The next page is linked from the feed.`,
  body: { description: 'an Atom feed document', type: 'application/atom+xml', schema: text },
});

export const rssRoute = listingRoute({
  path: '/timeline.rss',
  summary: 'The timeline as an RSS 2.0 feed',
  description: `${FOR_READERS} The next page is linked from the feed.`,
  body: { description: 'an RSS 2.0 feed document', type: 'application/rss+xml', schema: text },
});

export const jsonFeedRoute = listingRoute({
  path: '/timeline.json',
  summary: 'The timeline as a JSON Feed 1.1',
  description: FOR_READERS,
  body: { description: 'JSON Feed document', type: 'application/feed+json', schema: JsonFeedSchema },
});

export const eventRoute = createRoute({
  method: 'get',
  path: '/events/{id}',
  summary: 'One event with all its sources',
  description:
    'JSON by default (no `Accept`, `*/*`, `application/json`); a request that prefers `text/html` (a browser) gets the event as a page, with its sources, topics, entities and the other events of its date. Responses say `Vary: Accept`. An event merged into another answers 301 with the surviving event in `Location`.',
  middleware: [cacheFor(CachePolicy.event)] as const,
  request: { params: z.object({ id: EventIdSchema }) },
  responses: {
    200: {
      description: 'The event',
      headers: listingHeaders,
      content: { 'application/json': { schema: PublicEventSchema }, 'text/html': { schema: text } },
    },
    301: {
      description: 'The event was merged into another',
      headers: z.object({ Location: z.string().meta({ description: '`/events/{surviving id}`' }) }),
    },
    304: notModified,
    400: problem('Not an event id'),
    404: problem('No such event'),
  },
});

export const sourcesRoute = createRoute({
  method: 'get',
  path: '/events/{id}/sources',
  summary: 'Every source of one event, a page at a time',
  description:
    'An event lists its first sources; this pages through all of them, earliest first (a wire story may have thousands). An event merged into another answers 301 to the surviving event’s sources.',
  middleware: [cacheFor(CachePolicy.event)] as const,
  request: { params: z.object({ id: EventIdSchema }), query: SourcePageQuerySchema },
  responses: {
    200: {
      description: 'A page of sources',
      headers: listingHeaders,
      content: { 'application/json': { schema: SourcePageSchema } },
    },
    301: {
      description: 'The event was merged into another',
      headers: z.object({ Location: z.string().meta({ description: '`/events/{surviving id}/sources`' }) }),
    },
    304: notModified,
    400: problem('Not an event id, or a bad limit or cursor'),
    404: problem('No such event'),
  },
});

export const pageRoute = createRoute({
  method: 'get',
  path: '/',
  summary: 'The timeline as a web page',
  description:
    'Server-rendered HTML with filters and paging; the same query as `/timeline`. Empty fields, as a form sends them, redirect to the listing without them.',
  middleware: [cacheFor(CachePolicy.listing), withoutEmptyFields] as const,
  request: { query: TimelineQuerySchema },
  responses: {
    200: { description: 'The page', content: { 'text/html': { schema: text } } },
    302: { description: 'The same listing without the empty fields' },
    304: notModified,
    400: {
      description: 'The page, naming the filters that could not be used',
      content: { 'text/html': { schema: text } },
    },
  },
});

export const feedsRoute = createRoute({
  method: 'get',
  path: '/feeds',
  summary: 'Every configured feed and how polling it is going',
  description:
    'Per feed: its site (host, never the full URL), last poll, HTTP status, items, consecutive failures, next poll, the last error as a category (`timeout`, `http-404`, `parse-error`…) and warnings about values the feed sent that were bounded. `unhealthy`: 10 failures in a row or 410 Gone (polled once a day), or a stored state that failed validation (polled again from scratch).',
  middleware: [cacheFor(CachePolicy.listing)] as const,
  responses: {
    200: {
      description: 'The feeds',
      headers: listingHeaders,
      content: { 'application/json': { schema: z.object({ feeds: z.array(FeedHealthSchema) }) } },
    },
    304: notModified,
  },
});

export const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  summary: 'Liveness',
  middleware: [cacheFor(CachePolicy.none)] as const,
  responses: {
    200: {
      description: 'Serving',
      content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } },
    },
  },
});
