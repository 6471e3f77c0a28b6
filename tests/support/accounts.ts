import type { Article } from '../../lib/articles/index.ts';
import { type ArticleAccount, deriveEvent, eventIdOf, withSameDay } from '../../lib/dedup/index.ts';
import type { Feed } from '../../lib/feeds/index.ts';
import type { Source, TimelineEvent } from '../../lib/timeline/index.ts';

/** One article's account of an event, with plain defaults for everything a test does not set. */
export function anAccount(n: number, fields: Partial<Source> & Pick<Source, 'date' | 'summary'>): Source {
  const feedId = fields.feedId ?? 'wire';
  return {
    articleId: `art_${n.toString(16).padStart(32, '0')}`,
    url: `https://${feedId}.example/articles/${n}`,
    title: fields.summary,
    feedId,
    feedName: feedId,
    publishedAt: '2024-10-20T00:00:00.000Z',
    quote: fields.summary,
    position: 0,
    kind: 'dated',
    datePrecision: fields.date.length === 10 ? 'day' : fields.date.length === 7 ? 'month' : 'year',
    endDate: null,
    scheduled: false,
    topics: [],
    entities: { people: [], places: [], organizations: [] },
    ...fields,
    feeds: fields.feeds ?? [{ id: feedId, name: fields.feedName ?? feedId }],
  };
}

let tellings = 1_000_000;
/** One outlet's article telling one thing (its only account), under its own site. */
export function told(
  outlet: string,
  date: string,
  summary: string,
  fields: Partial<Source> = {},
): ArticleAccount {
  const [entry] = withSameDay([anAccount(++tellings, { feedId: outlet, date, summary, ...fields })]);
  return entry as ArticleAccount;
}

/** An event as the worker derives it from its accounts, under its earliest account's id. */
export function anEvent(...accounts: Source[]): TimelineEvent {
  return deriveEvent(eventIdOf(accounts), accounts, 0);
}

/** One dated event in one sentence: what the worker tests and drills put on the queue. */
export const CHANNEL_CLOSED =
  '<p>On 3 October the harbour master closed the northern channel to cargo traffic.</p>';

/** An article as the poller queues it, with plain defaults for everything a test does not set. */
export function anArticle(n: number, fields: Partial<Article> = {}): Article {
  return {
    id: `art_${n.toString(16).padStart(32, '0')}`,
    feedId: 'wire',
    feedName: 'Wire',
    url: `https://wire.example/articles/${n}`,
    title: `Article ${n}`,
    publishedAt: '2024-10-15T08:30:00.000Z',
    html: `<p>Article ${n}.</p>`,
    trimmed: false,
    topics: [],
    fullText: 'never',
    contentHash: 'h1',
    ...fields,
  };
}

/** A feed as the resolved feeds file gives it, with plain defaults for everything a test does not set. */
export function aFeed(fields: Partial<Feed> & Pick<Feed, 'id' | 'url'>): Feed {
  return {
    name: fields.id,
    topics: [],
    enabled: true,
    pollEveryMs: 600_000,
    pollEveryConfigured: false,
    fullText: 'never',
    ...fields,
  };
}
