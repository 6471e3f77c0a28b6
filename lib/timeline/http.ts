import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { etag, RETAINED_304_HEADERS } from 'hono/etag';

/**
 * How long each kind of answer may be reused: `max-age` by browsers, `s-maxage` by CloudFront, which may
 * also serve a stale copy while it refetches (`stale-while-revalidate`) or while the origin fails
 * (`stale-if-error`). Errors are never cached (problem responses say `no-store`).
 */
/**
 * A listing may be reused for as long as the origin may itself lag the store (`stalenessMs`, the
 * timeline's one freshness setting), by browsers, by CloudFront, and once more while CloudFront
 * refetches: behind the edge a new event reaches every reader within three times the setting (see
 * docs/decisions/timeline-cache.md). A revalidation is cheap: the origin answers it from the version.
 */
export function listingPolicy(stalenessMs: number): string {
  const seconds = Math.max(1, Math.ceil(stalenessMs / 1000));
  return `public, max-age=${seconds}, s-maxage=${seconds}, stale-while-revalidate=${seconds}, stale-if-error=86400`;
}

export const CachePolicy = {
  /** Listings, at the default staleness (2 s); the app sets its own from its configured bound. */
  listing: listingPolicy(2_000),
  /** One event changes only when another outlet reports it. */
  event: 'public, max-age=60, s-maxage=300, stale-while-revalidate=3600, stale-if-error=86400',
  /** A merged event stays merged. */
  merged: 'public, max-age=86400, s-maxage=86400',
  /** The API description changes with a deploy. */
  reference: 'public, max-age=300, s-maxage=3600, stale-while-revalidate=86400',
  none: 'no-store',
} as const;

/**
 * The route's policy for successful and redirect answers, unless the handler chose one (a merged
 * event's redirect); an error keeps its own `no-store`.
 */
export function cacheFor(policy: string): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.res.status < 400 && !c.res.headers.has('cache-control')) c.res.headers.set('cache-control', policy);
  };
}

/**
 * A read-only API for any origin. With `*` the answer does not depend on the Origin header, so no
 * `Vary: Origin` is needed; preflights echo the requested headers and say `Vary:
 * Access-Control-Request-Headers` (hono/cors). ETag is exposed so scripts can revalidate.
 */
export const corsForReaders = cors({
  origin: '*',
  allowMethods: ['GET', 'HEAD'],
  exposeHeaders: ['ETag'],
  maxAge: 86_400,
});

/**
 * What a 304 keeps of its 200 (RFC 9110 §15.4.5, as hono/etag keeps them), with the CORS headers, or a
 * browser's cross-origin revalidation would fail, and nosniff, which every answer carries.
 */
export const NOT_MODIFIED_HEADERS: readonly string[] = [
  ...RETAINED_304_HEADERS,
  'access-control-allow-origin',
  'access-control-expose-headers',
  'x-content-type-options',
];

/**
 * Strong ETags: the SHA-1 of the body, so equal bytes give equal tags whichever instance rendered them,
 * and If-None-Match answers 304. The 304 keeps the CORS headers too, or a browser's cross-origin
 * revalidation would fail.
 */
export const bodyEtag = etag({ retainedHeaders: [...NOT_MODIFIED_HEADERS] });

/**
 * A GET form sends every field, empty ones too (`/?from=&topic=defence`), while for the API an empty
 * filter is an error. The page redirects to the same listing without them: the address bar shows the
 * listing's own URL, which is also the one the "older" links and the edge cache use.
 */
export const withoutEmptyFields: MiddlewareHandler = async (c, next) => {
  const url = new URL(c.req.url);
  const fields = [...url.searchParams];
  const kept = fields.filter(([, value]) => value.trim() !== '');
  if (kept.length === fields.length) return next();
  const search = new URLSearchParams(kept).toString();
  return c.redirect(`${url.pathname}${search ? `?${search}` : ''}`, 302);
};

/** Every answer declares its type truthfully; browsers must not second-guess it (a feed sniffed as HTML). */
export const noSniff: MiddlewareHandler = async (c, next) => {
  await next();
  c.res.headers.set('x-content-type-options', 'nosniff');
};
