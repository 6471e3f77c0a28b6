import { describeDate, describeFilters } from '../describe.ts';
import type { PublicEvent } from '../present.ts';
import type { InvalidParam } from '../problem.ts';
import { DEFAULT_LIMIT, datesOf, searchOf, type TimelineQuery } from '../query.ts';
import { timelineChart } from './chart.ts';
import { eventItem } from './event.ts';
import { type Child, h, htmlDocument, type JSXNode } from './markup.ts';

/** What the filter form shows: the parsed query, or the raw text when it did not parse. */
export type FormValues = Partial<Record<'from' | 'to' | 'topic' | 'q' | 'order' | 'limit', string>>;

export interface TimelinePageView {
  form: FormValues;
  /** The listing shown; undefined when the query was invalid and nothing was read. */
  query?: TimelineQuery;
  events: PublicEvent[];
  nextCursor: string | null;
  problems: InvalidParam[];
}

/** An event on the page: the listing of its own date, oldest first, scrolled to it. */
export function eventPermalink(event: Pick<PublicEvent, 'id' | 'date'>): string {
  return `/${searchOf({ ...datesOf(event.date), order: 'asc' })}#${event.id}`;
}

type DateGroup = { date: string; week: boolean; events: PublicEvent[] };

/**
 * Consecutive events with the same date, in the order given: the page's sections. A week-precision
 * event heads a section of its own ("week of 14 October 2024"), never one of its Monday's.
 */
export function groupByDate(events: PublicEvent[]): DateGroup[] {
  const groups: DateGroup[] = [];
  for (const event of events) {
    const last = groups.at(-1);
    const week = event.datePrecision === 'week';
    if (last?.date === event.date && last.week === week) last.events.push(event);
    else groups.push({ date: event.date, week, events: [event] });
  }
  return groups;
}

function field(label: string, input: JSXNode): JSXNode {
  return h('label', null, label, input);
}

function filterForm(form: FormValues, topics: string[]): JSXNode {
  return h(
    'form',
    { class: 'filters', method: 'get', action: '/', role: 'search' },
    field('From', h('input', { type: 'date', name: 'from', value: form.from ?? '' })),
    field('To', h('input', { type: 'date', name: 'to', value: form.to ?? '' })),
    field(
      'Topic',
      h('input', { type: 'text', name: 'topic', value: form.topic ?? '', list: 'topics', size: 14 }),
    ),
    h(
      'datalist',
      { id: 'topics' },
      topics.map((topic) => h('option', { value: topic })),
    ),
    field('Text', h('input', { type: 'search', name: 'q', value: form.q ?? '', size: 14 })),
    field(
      'Order',
      h(
        'select',
        { name: 'order' },
        // The default sends nothing, so a submitted form lands on the listing's canonical URL.
        h('option', { value: '', selected: form.order !== 'asc' }, 'Newest first'),
        h('option', { value: 'asc', selected: form.order === 'asc' }, 'Oldest first'),
      ),
    ),
    form.limit && form.limit !== String(DEFAULT_LIMIT)
      ? h('input', { type: 'hidden', name: 'limit', value: form.limit })
      : null,
    h('button', { type: 'submit' }, 'Apply'),
    h('a', { href: '/' }, 'Clear'),
  );
}

function problemList(problems: InvalidParam[]): Child {
  if (problems.length === 0) return null;
  return h(
    'div',
    { class: 'problems', role: 'alert' },
    h('p', null, 'These filters could not be used:'),
    h(
      'ul',
      null,
      problems.map(({ name, reason }) => h('li', null, h('strong', null, name), `: ${reason}`)),
    ),
  );
}

function timeline(events: PublicEvent[], filters: Partial<TimelineQuery>, more: boolean): Child {
  // A sparse filter's page can end at the read budget before it finds anything: say so, not "none".
  if (events.length === 0 && more) {
    return h(
      'p',
      { class: 'empty' },
      'No matching events in the stretch searched so far; the next page searches on.',
    );
  }
  if (events.length === 0) return h('p', { class: 'empty' }, 'No events match these filters.');
  const topicHref = (topic: string) => `/${searchOf({ ...filters, topic, cursor: undefined })}`;
  return groupByDate(events).map(({ date, week, events: onDate }) =>
    h(
      'section',
      { class: 'day' },
      h(
        'h2',
        null,
        h('time', { datetime: date }, week ? `week of ${describeDate(date)}` : describeDate(date)),
      ),
      h(
        'ol',
        { class: 'events' },
        onDate.map((event) => eventItem(event, { topicHref, permalink: eventPermalink })),
      ),
    ),
  );
}

function pager(query: TimelineQuery | undefined, nextCursor: string | null): Child {
  if (!query) return null;
  const later = query.order === 'asc' ? 'Later events →' : 'Older events →';
  const first = query.order === 'asc' ? '← Earliest' : '← Newest';
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages' },
    query.cursor ? h('a', { href: `/${searchOf({ ...query, cursor: undefined })}` }, first) : h('span', null),
    nextCursor
      ? h('a', { href: `/${searchOf({ ...query, cursor: nextCursor })}`, rel: 'next' }, later)
      : null,
  );
}

const FEEDS = [
  ['Atom', '/timeline.atom', 'application/atom+xml'],
  ['RSS', '/timeline.rss', 'application/rss+xml'],
  ['JSON Feed', '/timeline.json', 'application/feed+json'],
] as const;

/** The merged timeline as a page: filters, events grouped by date with their sources, and paging. */
export function timelinePage({ form, query, events, nextCursor, problems }: TimelinePageView): string {
  const filters = { ...query, cursor: undefined };
  const described = query ? describeFilters(query) : '';
  const topics = [...new Set(events.flatMap((event) => event.topics))].sort();
  return htmlDocument({
    title: described ? `Dateline: ${described}` : 'Dateline: what happened when',
    // Feed readers find the feeds for the filters in view from the page itself.
    head: FEEDS.map(([title, path, type]) =>
      h('link', {
        rel: 'alternate',
        type,
        title: `Dateline (${title})`,
        href: `${path}${searchOf(filters)}`,
      }),
    ),
    body: [
      h(
        'header',
        null,
        h('h1', null, h('a', { href: '/' }, 'Dateline')),
        h('p', null, 'One merged, sourced timeline of what happened when.'),
      ),
      filterForm(form, topics),
      problemList(problems),
      h(
        'main',
        null,
        timelineChart({ events, filters, complete: !query?.cursor && nextCursor === null }),
        timeline(events, filters, nextCursor !== null),
      ),
      pager(query, nextCursor),
      h(
        'footer',
        null,
        'Subscribe: ',
        FEEDS.map(([title, path], i) => [
          i > 0 ? ' · ' : '',
          h('a', { href: `${path}${searchOf(filters)}` }, title),
        ]),
        ' — ',
        h('a', { href: '/docs' }, 'API'),
      ),
    ],
  });
}
