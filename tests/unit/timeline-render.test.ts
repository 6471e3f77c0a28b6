import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { webUrl } from '../../lib/timeline/html/markup.ts';
import { groupByDate, timelinePage } from '../../lib/timeline/html/timeline-page.ts';
import {
  atomFeed,
  datesOf,
  describeDate,
  describeFilters,
  describeWhen,
  escapeXml,
  type FeedInput,
  JsonFeedSchema,
  jsonFeed,
  type PublicEvent,
  rssFeed,
  searchOf,
  TimelineQuerySchema,
} from '../../lib/timeline/index.ts';

const hostile = 'Strike <script>window.__pwned = true</script> & "quotes" \u0001\uFFFE\uD800 end';

function publicEvent(
  id: string,
  date: string,
  summary: string,
  url = `https://example.org/${id}`,
): PublicEvent {
  return {
    id,
    date,
    datePrecision: date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year',
    endDate: null,
    kind: 'dated',
    scheduled: false,
    summary,
    topics: ['shipping'],
    entities: { people: [], places: [], organizations: [] },
    firstReportedAt: '2024-10-20T08:00:00.000Z',
    lastReportedAt: '2024-10-21T09:30:00.000Z',
    sourceCount: 1,
    sources: [
      {
        url,
        title: `Title of ${summary}`,
        feedId: 'harbour',
        feedName: 'Harbour & Sons <News>',
        feeds: [{ id: 'harbour', name: 'Harbour & Sons <News>' }],
        publishedAt: '2024-10-20T08:00:00.000Z',
        quote: summary,
      },
    ],
  };
}

function feedInput(events: PublicEvent[], next: string | null = null): FeedInput {
  return {
    title: 'Dateline: topic shipping',
    events,
    links: {
      self: 'https://dateline.example/timeline.atom?topic=shipping',
      first: 'https://dateline.example/timeline.atom?topic=shipping',
      next,
      page: 'https://dateline.example/?topic=shipping',
      event: (id) => `https://dateline.example/events/${id}`,
      eventPage: (event) => `https://dateline.example/?from=${event.date}#${event.id}`,
    },
  };
}

describe('escapeXml', () => {
  it('escapes markup and drops characters XML cannot carry at all', () => {
    expect(escapeXml(hostile)).toBe(
      'Strike &lt;script&gt;window.__pwned = true&lt;/script&gt; &amp; &quot;quotes&quot;  end',
    );
  });

  it('keeps tabs, newlines, non-Latin text and astral characters', () => {
    expect(escapeXml('Київ\t東京\n🛰️')).toBe('Київ\t東京\n🛰️');
  });
});

describe('Atom and RSS feeds', () => {
  const events = [
    publicEvent('evt_0a', '2024-10-08', hostile),
    publicEvent('evt_0b', '2024-06', 'Talks in June'),
  ];

  it.each([
    ['Atom', atomFeed],
    ['RSS', rssFeed],
  ])('%s is well-formed and reads back with the feed strings intact', async (_, render) => {
    const xml = render(feedInput(events));
    const feed = await new Parser().parseString(xml);
    expect(feed.title).toBe('Dateline: topic shipping');
    expect(feed.items.map((item) => item.title)).toEqual([
      '8 October 2024: Strike <script>window.__pwned = true</script> & "quotes"  end',
      'June 2024: Talks in June',
    ]);
    expect(feed.items[0]?.link).toBe('https://dateline.example/?from=2024-10-08#evt_0a');
    // The content is HTML about the sources, with the feed's strings escaped inside it.
    expect(feed.items[0]?.content).toContain('Harbour &amp; Sons &lt;News&gt;');
    expect(feed.items[0]?.content).not.toContain('<script>');
  });

  it('links the next page only when there is one', () => {
    const next = 'https://dateline.example/timeline.atom?topic=shipping&cursor=abc';
    expect(atomFeed(feedInput(events, next))).toContain(
      `<link rel="next" type="application/atom+xml" href="${escapeXml(next)}"/>`,
    );
    expect(atomFeed(feedInput(events))).not.toContain('rel="next"');
    expect(rssFeed(feedInput(events, next))).toContain('<atom:link rel="next"');
  });

  it('is dated by its newest report, not by the request, so the same events give the same bytes', () => {
    const xml = atomFeed(feedInput(events));
    expect(xml).toContain('<updated>2024-10-21T09:30:00.000Z</updated>');
    expect(atomFeed(feedInput(events))).toBe(xml);
    expect(atomFeed(feedInput([]))).toContain('<updated>1970-01-01T00:00:00.000Z</updated>');
  });

  it('never turns a non-web source URL into a link', () => {
    const sneaky = publicEvent('evt_0c', '2024-10-09', 'Sneaky', 'javascript:window.__pwned=true');
    const xml = rssFeed(feedInput([sneaky]));
    expect(xml).not.toContain('javascript:');
    expect(xml).toContain('&lt;span class=&quot;outlet&quot;&gt;');
  });
});

describe('JSON Feed', () => {
  it('is a JSON Feed 1.1 document with the event date as an extension', () => {
    const feed = jsonFeed(feedInput([publicEvent('evt_0a', '2024-10-08', hostile)], 'https://next'));
    expect(JsonFeedSchema.parse(feed)).toEqual(feed);
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      feed_url: 'https://dateline.example/timeline.atom?topic=shipping',
      next_url: 'https://next',
    });
    expect(feed.items[0]).toMatchObject({
      id: 'evt_0a',
      title: `8 October 2024: ${hostile}`,
      _dateline: { date: '2024-10-08', datePrecision: 'day', sourceCount: 1 },
    });
    expect(feed.items[0]?.content_html).not.toContain('<script>');
    expect(jsonFeed(feedInput([]))).not.toHaveProperty('next_url');
  });
});

describe('describing dates and filters', () => {
  it('writes a date as precisely as it is known', () => {
    expect(describeDate('2024-06-18')).toBe('18 June 2024');
    expect(describeDate('2024-06')).toBe('June 2024');
    expect(describeDate('2024')).toBe('2024');
    expect(describeWhen({ date: '2024-10-08', endDate: '2024-10-10' })).toBe(
      '8 October 2024 – 10 October 2024',
    );
  });

  it('names the filters in force', () => {
    expect(describeFilters({})).toBe('');
    expect(describeFilters({ topic: 'russia', from: '2024-06-01', q: 'troops' })).toBe(
      'topic russia, “troops”, from 1 June 2024',
    );
  });
});

describe('listing URLs', () => {
  it('leaves defaults out, so one listing has one URL', () => {
    expect(searchOf(TimelineQuerySchema.parse({}))).toBe('');
    expect(searchOf(TimelineQuerySchema.parse({ topic: ' Russia ', order: 'desc', limit: '50' }))).toBe(
      '?topic=russia',
    );
    expect(
      searchOf({ ...TimelineQuerySchema.parse({ order: 'asc', limit: '3', q: 'a&b' }), cursor: 'c.d' }),
    ).toBe('?q=a%26b&order=asc&limit=3&cursor=c.d');
  });

  it('reads back as the same query', () => {
    const query = TimelineQuerySchema.parse({
      from: '2024-06-01',
      to: '2024-06-30',
      feed: 'x',
      order: 'asc',
    });
    expect(TimelineQuerySchema.parse(Object.fromEntries(new URLSearchParams(searchOf(query))))).toEqual(
      query,
    );
  });

  it('covers every day an event date can mean', () => {
    expect(datesOf('2024-06-18')).toEqual({ from: '2024-06-18', to: '2024-06-18' });
    expect(datesOf('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(datesOf('2023-02')).toEqual({ from: '2023-02-01', to: '2023-02-28' });
    expect(datesOf('2024')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });
});

describe('the page helpers', () => {
  it('groups consecutive events of one date, keeping the order given', () => {
    const events = ['2024-10-08', '2024-10-08', '2024-10', '2024-06-18'].map((date, i) =>
      publicEvent(`evt_${i}`, date, `e${i}`),
    );
    expect(groupByDate(events).map(({ date, events: on }) => [date, on.length])).toEqual([
      ['2024-10-08', 2],
      ['2024-10', 1],
      ['2024-06-18', 1],
    ]);
  });

  it('links only web addresses', () => {
    expect(webUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(webUrl('http://example.org')).toBe('http://example.org/');
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      '//evil',
      'not a url',
      '',
    ])
      expect(webUrl(url), url).toBeUndefined();
  });
});

describe('timelinePage: an empty page', () => {
  const query = TimelineQuerySchema.parse({ topic: 'rare' });
  const render = (nextCursor: string | null) =>
    timelinePage({ form: { topic: 'rare' }, query, events: [], nextCursor, problems: [] });

  it('says none match only when the listing is exhausted', () => {
    expect(render(null)).toContain('No events match these filters.');
  });

  it('says the search goes on when a sparse filter ended the page early', () => {
    const html = render('next-cursor');
    expect(html).not.toContain('No events match these filters.');
    expect(html).toContain('the next page searches on');
    expect(html).toContain('rel="next"');
  });
});
