import { describeDate, describeWhen } from '../describe.ts';
import type { PublicEvent } from '../present.ts';
import { searchOf } from '../query.ts';
import { h, htmlDocument, type JSXNode, webUrl } from './markup.ts';
import { eventPermalink } from './timeline-page.ts';

type PublicSource = PublicEvent['sources'][number];

const PUBLISHED = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

/** "5 November 2024 at 09:00 UTC": when an outlet published, to the minute. */
export function describeInstant(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : PUBLISHED.format(date);
}

/** How precisely the reports date the event, in words, for readers who wonder why "October 2024". */
const PRECISION: Record<PublicEvent['datePrecision'], string> = {
  day: 'dated to the day',
  week: 'dated to the week',
  month: 'dated to the month',
  year: 'dated to the year',
};

function source(item: PublicSource): JSXNode {
  const href = webUrl(item.url);
  return h(
    'li',
    null,
    h(
      'p',
      { class: 'headline' },
      h('span', { class: 'outlet' }, item.feedName),
      ' — ',
      href
        ? h('a', { href, rel: 'nofollow noopener noreferrer' }, h('cite', null, item.title))
        : h('cite', null, item.title),
    ),
    h('p', { class: 'meta' }, h('time', { datetime: item.publishedAt }, describeInstant(item.publishedAt))),
    h('blockquote', null, item.quote),
  );
}

const ENTITY_KINDS = [
  ['people', 'People'],
  ['places', 'Places'],
  ['organizations', 'Organisations'],
] as const;

function about(event: PublicEvent): JSXNode | null {
  const named = ENTITY_KINDS.filter(([kind]) => event.entities[kind].length > 0);
  if (event.topics.length === 0 && named.length === 0) return null;
  return h(
    'dl',
    { class: 'about' },
    event.topics.length > 0
      ? [
          h('dt', null, 'Topics'),
          h(
            'dd',
            null,
            event.topics.map((topic) =>
              h('a', { class: 'topic', href: `/${searchOf({ topic })}` }, `#${topic}`),
            ),
          ),
        ]
      : null,
    named.map(([kind, label]) => [h('dt', null, label), h('dd', null, event.entities[kind].join(', '))]),
  );
}

/** "on 8 October 2024", "in the week of 14 October 2024", "in October 2024": the event's own date. */
function onItsDate(event: PublicEvent): string {
  if (event.datePrecision === 'day') return `on ${describeDate(event.date)}`;
  return `in ${event.datePrecision === 'week' ? 'the ' : ''}${describeWhen(event)}`;
}

function sameDay(event: PublicEvent, others: PublicEvent[]): JSXNode {
  return h(
    'section',
    { class: 'same-day', 'aria-labelledby': 'same-day' },
    h('h2', { id: 'same-day' }, `Also ${onItsDate(event)}`),
    others.length === 0
      ? h('p', null, 'No other events.')
      : h(
          'ul',
          null,
          others.map((other) => h('li', null, h('a', { href: `/events/${other.id}` }, other.summary))),
        ),
    h(
      'p',
      null,
      h('a', { href: eventPermalink(event), class: 'back' }, `← ${describeDate(event.date)} on the timeline`),
    ),
  );
}

export interface EventPageView {
  event: PublicEvent;
  /** Other events of the same date (the listing of `datesOf(event.date)`), the event itself left out. */
  others: PublicEvent[];
}

/** One event in full: when (and how precisely), every source with its sentence, what it is about, its neighbours. */
export function eventPage({ event, others }: EventPageView): string {
  const when = describeWhen(event);
  return htmlDocument({
    title: `${event.summary} (${when}) · Dateline`,
    body: [
      h(
        'header',
        null,
        h('p', { class: 'site' }, h('a', { href: '/' }, 'Dateline'), ' · what happened when'),
      ),
      h(
        'main',
        null,
        h(
          'article',
          { class: 'event-page', id: event.id },
          h('h1', null, event.summary),
          h(
            'p',
            { class: 'when' },
            h('time', { datetime: event.date }, when),
            ` · ${PRECISION[event.datePrecision]}`,
            event.scheduled ? ' · scheduled' : '',
          ),
          about(event),
          h('h2', null, `Reported by ${event.sourceCount} source${event.sourceCount === 1 ? '' : 's'}`),
          h('ol', { class: 'sources full' }, event.sources.map(source)),
          moreSources(event),
        ),
        sameDay(event, others),
      ),
      h('footer', null, h('a', { href: '/' }, 'The timeline'), ' — ', h('a', { href: '/docs' }, 'API')),
    ],
  });
}

/** Past the first sources an event lists, a link to every one of them (a wire story has thousands). */
function moreSources(event: PublicEvent) {
  const rest = event.sourceCount - event.sources.length;
  if (rest <= 0) return '';
  return h(
    'p',
    { class: 'more-sources' },
    h('a', { href: `/events/${event.id}/sources?limit=200` }, `and ${rest} more (JSON, a page at a time)`),
  );
}

/** The page for an id no event has, so a mistyped link in a browser reads as such. */
export function missingEventPage(id: string): string {
  return htmlDocument({
    title: 'No such event · Dateline',
    body: [
      h('header', null, h('p', { class: 'site' }, h('a', { href: '/' }, 'Dateline'))),
      h('main', null, h('h1', null, 'No such event'), h('p', null, `There is no event ${id}.`)),
      h('footer', null, h('a', { href: '/' }, 'The timeline')),
    ],
  });
}
