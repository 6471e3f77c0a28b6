import { describeWhen } from '../describe.ts';
import type { PublicEvent } from '../present.ts';
import { h, type JSXNode, render, webUrl } from './markup.ts';

type PublicSource = PublicEvent['sources'][number];

/** The outlet's name, linked to the article when its URL is a web address. */
function outlet(source: PublicSource): JSXNode {
  const href = webUrl(source.url);
  return href
    ? h('a', { class: 'outlet', href, rel: 'nofollow noopener noreferrer' }, source.feedName)
    : h('span', { class: 'outlet' }, source.feedName);
}

/** Every source of an event: outlet (linked), article title and the article's own sentence. */
export function sourceList(sources: PublicSource[]): JSXNode {
  return h(
    'ul',
    { class: 'sources' },
    sources.map((source) =>
      h(
        'li',
        null,
        outlet(source),
        ' — ',
        h('cite', null, source.title),
        h('blockquote', null, source.quote),
      ),
    ),
  );
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export interface EventItemOptions {
  /** Where a topic links to (the page filtered by it). */
  topicHref: (topic: string) => string;
  /** The event's permalink, which its date links to. */
  permalink: (event: PublicEvent) => string;
}

/** One timeline entry on the page: summary, when, how many sources, topics, then the sources. */
export function eventItem(event: PublicEvent, { topicHref, permalink }: EventItemOptions): JSXNode {
  return h(
    'li',
    { class: 'event', id: event.id, 'data-date': event.date },
    h('p', { class: 'summary' }, h('a', { href: `/events/${event.id}` }, event.summary)),
    h(
      'p',
      { class: 'meta' },
      h('a', { href: permalink(event) }, describeWhen(event)),
      event.scheduled ? ' · scheduled' : '',
      ` · ${plural(event.sourceCount, 'source')}`,
      event.topics.length > 0 ? ' · ' : '',
      event.topics.map((topic) => h('a', { class: 'topic', href: topicHref(topic) }, `#${topic}`)),
    ),
    sourceList(event.sources),
  );
}

/** An event's sources as an HTML fragment, for feed entries (whose title carries date and summary). */
export function sourcesHtml(event: PublicEvent): string {
  return render(sourceList(event.sources));
}
