import * as z from 'zod';
import { describeWhen } from './describe.ts';
import { sourcesHtml } from './html/event.ts';
import { type PublicEvent, PublicEventSchema } from './present.ts';
import { el, xmlDocument } from './xml.ts';

/**
 * The timeline as Atom, RSS 2.0 and JSON Feed 1.1, so a feed reader can subscribe to any listing. One
 * entry per event: its title is the date and summary, its content the sources as HTML (escaped twice
 * over in XML: once as HTML, once as XML text), and paging follows the listing's cursor (RFC 5005 `next`
 * links, JSON Feed `next_url`).
 */

export const FEED_TYPES = {
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
} as const;
export type FeedFormat = keyof typeof FEED_TYPES;

const ATOM_NS = 'http://www.w3.org/2005/Atom';
const SUBTITLE = 'One merged, sourced timeline of what happened when.';

export interface FeedLinks {
  /** This document: the listing's filters and page. */
  self: string;
  /** The listing's first page: the feed's identity, the same on every page. */
  first: string;
  next: string | null;
  /** The HTML page with the same filters. */
  page: string;
  /** The event in the API (`/events/{id}`). */
  event(id: string): string;
  /** The event on the HTML page, among the others of its date: where a reader's "open" goes. */
  eventPage(event: PublicEvent): string;
}

export interface FeedInput {
  title: string;
  events: PublicEvent[];
  links: FeedLinks;
}

/**
 * When the feed last changed: its newest report. Never the time of the request, so an unchanged listing
 * renders to the same bytes and keeps its ETag.
 */
function updatedOf(events: PublicEvent[]): string {
  return (
    events
      .map((event) => event.lastReportedAt)
      .sort()
      .at(-1) ?? '1970-01-01T00:00:00.000Z'
  );
}

function headline(event: PublicEvent): string {
  return `${describeWhen(event)}: ${event.summary}`;
}

export function atomFeed({ title, events, links }: FeedInput): string {
  return xmlDocument(
    el(
      'feed',
      { xmlns: ATOM_NS },
      el('id', {}, links.first),
      el('title', {}, title),
      el('subtitle', {}, SUBTITLE),
      el('updated', {}, updatedOf(events)),
      el('author', {}, el('name', {}, 'Dateline')),
      el('generator', {}, 'Dateline'),
      el('link', { rel: 'self', type: 'application/atom+xml', href: links.self }),
      el('link', { rel: 'alternate', type: 'text/html', href: links.page }),
      links.next && el('link', { rel: 'next', type: 'application/atom+xml', href: links.next }),
      ...events.map((event) =>
        el(
          'entry',
          {},
          el('id', {}, links.event(event.id)),
          el('title', {}, headline(event)),
          el('link', { rel: 'alternate', type: 'text/html', href: links.eventPage(event) }),
          el('link', { rel: 'related', type: 'application/json', href: links.event(event.id) }),
          el('published', {}, event.firstReportedAt),
          el('updated', {}, event.lastReportedAt),
          ...event.topics.map((topic) => el('category', { term: topic })),
          el('summary', {}, event.summary),
          el('content', { type: 'html' }, sourcesHtml(event)),
        ),
      ),
    ),
  );
}

/** RSS dates are RFC 822; `toUTCString` writes exactly that form ("Sun, 13 Oct 2024 09:00:00 GMT"). */
const rfc822 = (instant: string) => new Date(instant).toUTCString();

export function rssFeed({ title, events, links }: FeedInput): string {
  return xmlDocument(
    el(
      'rss',
      { version: '2.0', 'xmlns:atom': ATOM_NS },
      el(
        'channel',
        {},
        el('title', {}, title),
        el('link', {}, links.page),
        el('description', {}, SUBTITLE),
        el('atom:link', { rel: 'self', type: 'application/rss+xml', href: links.self }),
        links.next && el('atom:link', { rel: 'next', type: 'application/rss+xml', href: links.next }),
        el('lastBuildDate', {}, rfc822(updatedOf(events))),
        el('generator', {}, 'Dateline'),
        ...events.map((event) =>
          el(
            'item',
            {},
            el('title', {}, headline(event)),
            el('link', {}, links.eventPage(event)),
            el('guid', { isPermaLink: 'false' }, event.id),
            el('pubDate', {}, rfc822(event.firstReportedAt)),
            ...event.topics.map((topic) => el('category', {}, topic)),
            el('description', {}, sourcesHtml(event)),
          ),
        ),
      ),
    ),
  );
}

const JsonFeedItemSchema = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string(),
  summary: z.string(),
  content_html: z.string().meta({ description: 'The sources as HTML: outlet links, titles and quotes.' }),
  date_published: z.string(),
  date_modified: z.string(),
  tags: z.array(z.string()),
  _dateline: PublicEventSchema.pick({
    date: true,
    datePrecision: true,
    endDate: true,
    kind: true,
    scheduled: true,
    sourceCount: true,
  }).meta({ description: 'JSON Feed extension: the event date as Dateline knows it.' }),
});

export const JsonFeedSchema = z
  .object({
    version: z.literal('https://jsonfeed.org/version/1.1'),
    title: z.string(),
    description: z.string(),
    home_page_url: z.string(),
    feed_url: z.string(),
    next_url: z.string().optional(),
    authors: z.array(z.object({ name: z.string() })),
    items: z.array(JsonFeedItemSchema),
  })
  .meta({ id: 'JsonFeed', description: 'JSON Feed 1.1 (https://jsonfeed.org/version/1.1).' });
export type JsonFeed = z.infer<typeof JsonFeedSchema>;

export function jsonFeed({ title, events, links }: FeedInput): JsonFeed {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title,
    description: SUBTITLE,
    home_page_url: links.page,
    feed_url: links.first,
    ...(links.next ? { next_url: links.next } : {}),
    authors: [{ name: 'Dateline' }],
    items: events.map((event) => ({
      id: event.id,
      url: links.eventPage(event),
      title: headline(event),
      summary: event.summary,
      content_html: sourcesHtml(event),
      date_published: event.firstReportedAt,
      date_modified: event.lastReportedAt,
      tags: event.topics,
      _dateline: {
        date: event.date,
        datePrecision: event.datePrecision,
        endDate: event.endDate,
        kind: event.kind,
        scheduled: event.scheduled,
        sourceCount: event.sourceCount,
      },
    })),
  };
}
