import * as z from 'zod';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(
    (text) =>
      !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) &&
      new Date(`${text}T00:00:00Z`).toISOString().startsWith(text),
    'is not a calendar date',
  );

export const DEFAULT_ORDER = 'desc';
export const DEFAULT_LIMIT = 50;

/** A page's size, 1–200. */
export const pageLimit = (what: string) =>
  z
    .string()
    .regex(/^[0-9]+$/, 'must be a whole number from 1 to 200, in digits')
    .transform(Number)
    .pipe(z.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200'))
    .default(DEFAULT_LIMIT)
    .meta({ description: `${what} per page, 1–200, in digits.` });
export const pageCursor = z.string().min(1).max(2000).optional();

/**
 * The public timeline's query string, as the contract in PRODUCT.md defines it. Every listing (JSON,
 * feeds, the HTML page) reads it, and the OpenAPI document describes it from the descriptions here.
 */
export const TimelineQuerySchema = z
  .object({
    from: day.optional().meta({
      description:
        'Earliest event date, inclusive (YYYY-MM-DD). On the 1st it also takes in month- and year-precision events of that month or year.',
      example: '2024-06-01',
    }),
    to: day
      .optional()
      .meta({ description: 'Latest event date, inclusive (YYYY-MM-DD).', example: '2024-10-31' }),
    topic: z.string().trim().toLowerCase().min(1).max(100).optional().meta({
      description: 'Only events carrying this topic slug (case-insensitive).',
      example: 'north-korea',
    }),
    feed: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .meta({ description: 'Only events reported by this feed id.', example: 'euromaidan-press' }),
    q: z.string().trim().min(1).max(200).optional().meta({
      description:
        'Only events whose summary, quotes or article titles contain this text (case-insensitive).',
    }),
    order: z
      .enum(['asc', 'desc'])
      .default(DEFAULT_ORDER)
      .meta({ description: 'By event date: `desc` (newest first) or `asc`.' }),
    // Digits only: `5e1`, ` 50`, `0x32` and `50.0` all coerce to 50, each a cache entry of its own.
    limit: pageLimit('Events'),
    cursor: pageCursor.meta({
      description: "Opaque: a previous page's `nextCursor`, valid only with the same filters and order.",
    }),
  })
  // A parameter the listing does not know is refused, not ignored: `&utm=1` or `&zz=…` would otherwise
  // be a new cache entry, and an origin request, for the same listing.
  .strict()
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    path: ['to'],
    message: 'must not be before from',
  });
export type TimelineQuery = z.infer<typeof TimelineQuerySchema>;

/**
 * The query string that asks for `query` again, defaults left out, so one listing has one URL (and one
 * cache entry): for "older" links, feed self/next links and the HTML form.
 */
export function searchOf(query: Partial<TimelineQuery>): string {
  const params = new URLSearchParams();
  for (const name of ['from', 'to', 'topic', 'feed', 'q'] as const) {
    const value = query[name];
    if (value) params.set(name, value);
  }
  if (query.order && query.order !== DEFAULT_ORDER) params.set('order', query.order);
  if (query.limit && query.limit !== DEFAULT_LIMIT) params.set('limit', String(query.limit));
  if (query.cursor) params.set('cursor', query.cursor);
  const search = params.toString();
  return search ? `?${search}` : '';
}

/**
 * The parameters of a query string (`?` and all) whose name or value is not percent-encoded UTF-8
 * (`q=%ZZ`, `%E0%A4%A`): refused, since each parser repairs them its own way and the edge could not
 * send them to one URL. Named as sent.
 */
export function undecodableParams(search: string): string[] {
  const decode = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '));
  return search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => {
      // A nameless pair (`?=x`) is no parameter: the parser drops it, and the redirect with it.
      if (pair.startsWith('=')) return false;
      try {
        pair.split('=').map(decode);
        return false;
      } catch {
        return true;
      }
    })
    .map((pair) => pair.split('=')[0] ?? pair);
}

/**
 * Where a valid request should have gone, when it asked for `query` in other words (parameters
 * reordered, a default spelled out, `topic=Defence`, `limit=050`, `q=a%20b`): the listing's one URL,
 * for a 301. Undefined when `search` (the request's query string, `?` and all) already is that URL.
 */
export function canonicalRedirect(
  pathname: string,
  search: string,
  query: TimelineQuery,
): string | undefined {
  const canonical = searchOf(query);
  return search === canonical ? undefined : `${pathname}${canonical}`;
}

/**
 * The filters that list the dates an event's `date` can mean (a day, a month or a year), so a link
 * to that listing shows the event among its neighbours: the permalink of an event on the page.
 */
export function datesOf(date: string): { from: string; to: string } {
  const [year = '0000', month, day] = date.split('-');
  if (month && day) return { from: date, to: date };
  if (month) {
    const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    return { from: `${year}-${month}-01`, to: `${year}-${month}-${String(last).padStart(2, '0')}` };
  }
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}
