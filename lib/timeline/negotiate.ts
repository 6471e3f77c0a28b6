import type { MiddlewareHandler } from 'hono';

/** The q of each media range in an Accept header, by the range as written (`text/html`, `*\/*`). */
function qualities(accept: string): Map<string, number> {
  const ranges = new Map<string, number>();
  for (const part of accept.split(',')) {
    const [range = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    if (!range) continue;
    const q = params.find((param) => param.startsWith('q='));
    const value = q === undefined ? 1 : Number(q.slice(2));
    ranges.set(range, Number.isFinite(value) ? Math.min(Math.max(value, 0), 1) : 0);
  }
  return ranges;
}

/**
 * Whether a request asks for the event as a page rather than JSON. JSON is the API's answer: to
 * `*\/*`, to no Accept at all, to `application/json`. Only a client naming HTML, and preferring it to
 * JSON, gets the page: a browser (`text/html,…,*\/*;q=0.8`) does, curl and `fetch()` do not.
 */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const ranges = qualities(accept);
  const html = Math.max(ranges.get('text/html') ?? 0, ranges.get('application/xhtml+xml') ?? 0);
  const json = Math.max(
    ranges.get('application/json') ?? 0,
    ranges.get('application/*') ?? 0,
    ranges.get('*/*') ?? 0,
  );
  return html > 0 && html > json;
}

/** The answer depends on Accept: caches must key on it, or a browser's page would reach an API client. */
export const varyOnAccept: MiddlewareHandler = async (c, next) => {
  await next();
  c.res.headers.append('vary', 'Accept');
};
