import { describe, expect, it } from 'vitest';
import { describeInstant, eventPage } from '../../lib/timeline/html/event-page.ts';
import { timelinePage } from '../../lib/timeline/html/timeline-page.ts';
import { type PublicEvent, TimelineQuerySchema } from '../../lib/timeline/index.ts';
import { prefersHtml } from '../../lib/timeline/negotiate.ts';

describe('choosing JSON or the page for /events/:id', () => {
  it('answers JSON to API clients: no Accept, */*, application/json, or a tie', () => {
    for (const accept of [
      undefined,
      '',
      '*/*',
      'application/json',
      'application/*',
      'application/json, text/html',
      'text/html;q=0.5, application/json',
      'text/html;q=0, */*',
      'text/*',
      'garbage;;;,',
    ])
      expect(prefersHtml(accept), String(accept)).toBe(false);
  });

  it('answers the page to a request that prefers HTML, as browsers send it', () => {
    for (const accept of [
      'text/html',
      'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8',
      'application/xhtml+xml',
      'TEXT/HTML; charset=utf-8',
      'application/json;q=0.4, text/html;q=0.9',
    ])
      expect(prefersHtml(accept), accept).toBe(true);
  });
});

const hostile = 'Quay <script>window.__pwned = 1</script> & closed';

function anEvent(fields: Partial<PublicEvent> = {}): PublicEvent {
  return {
    id: 'evt_0a1b',
    date: '2024-10-14',
    datePrecision: 'week',
    endDate: '2024-10-20',
    kind: 'dated',
    scheduled: false,
    summary: hostile,
    topics: ['harbour'],
    entities: { people: ['Ada Quayle'], places: ['North Quay'], organizations: [] },
    firstReportedAt: '2024-10-21T08:00:00.000Z',
    lastReportedAt: '2024-10-22T09:30:00.000Z',
    sourceCount: 2,
    sources: [
      {
        url: 'https://harbour.example/a',
        title: 'Harbour closes the north quay',
        feedId: 'harbour',
        feedName: 'Harbour News',
        feeds: [{ id: 'harbour', name: 'Harbour News' }],
        publishedAt: '2024-10-21T08:00:00.000Z',
        quote: 'Last week the harbour authority closed the north quay.',
      },
      {
        url: 'javascript:alert(1)',
        title: 'Quay shut',
        feedId: 'wire',
        feedName: 'Wire Desk',
        feeds: [{ id: 'wire', name: 'Wire Desk' }],
        publishedAt: '2024-10-22T09:30:00.000Z',
        quote: 'The quay was shut last week, officials said.',
      },
    ],
    ...fields,
  };
}

describe('the event page', () => {
  const html = eventPage({ event: anEvent(), others: [anEvent({ id: 'evt_0c', summary: 'Ferry resumes' })] });

  it('links to every source when it lists only the first of them', () => {
    expect(html).not.toContain('more-sources');
    const carried = eventPage({ event: anEvent({ sourceCount: 1_200 }), others: [] });
    expect(carried).toContain('Reported by 1200 sources');
    expect(carried).toContain('href="/events/evt_0a1b/sources?limit=200">and 1198 more');
  });

  it('says when, and how precisely: a week as the week of its Monday', () => {
    expect(html).toContain('week of 14 October 2024</time> · dated to the week');
    expect(html).toContain('Also in the week of 14 October 2024');
    const month = eventPage({
      event: anEvent({ date: '2024-10', datePrecision: 'month', endDate: null }),
      others: [],
    });
    expect(month).toContain('October 2024</time> · dated to the month');
    expect(month).toContain('No other events.');
  });

  it('shows every source with outlet, headline, time and sentence, and links only web addresses', () => {
    expect(html).toContain('Harbour News');
    expect(html).toContain(
      '<a href="https://harbour.example/a" rel="nofollow noopener noreferrer"><cite>Harbour closes',
    );
    expect(html).toContain('<time datetime="2024-10-22T09:30:00.000Z">22 October 2024 at 09:30 UTC</time>');
    expect(html).toContain('<blockquote>The quay was shut last week, officials said.</blockquote>');
    expect(html).not.toContain('javascript:');
  });

  it('shows topics and entities, and links the other events of its date', () => {
    expect(html).toContain('<a class="topic" href="/?topic=harbour">#harbour</a>');
    expect(html).toContain('<dd>Ada Quayle</dd>');
    expect(html).toContain('<dd>North Quay</dd>');
    expect(html).not.toContain('Organisations');
    expect(html).toContain('<a href="/events/evt_0c">Ferry resumes</a>');
    expect(html).toContain('href="/?from=2024-10-14&amp;to=2024-10-14&amp;order=asc#evt_0a1b"');
  });

  it('escapes what the feeds wrote', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('Quay &lt;script&gt;');
  });

  it('writes publication times in UTC to the minute', () => {
    expect(describeInstant('2024-11-05T23:59:00+02:00')).toBe('5 November 2024 at 21:59 UTC');
    expect(describeInstant('not a time')).toBe('not a time');
  });
});

describe('week and month precision on the timeline page', () => {
  const week = anEvent({ id: 'evt_0b', summary: 'Quay closed' });
  const day = anEvent({
    id: 'evt_0a',
    date: '2024-10-14',
    datePrecision: 'day',
    endDate: null,
    summary: 'Ferry late',
  });
  const month = anEvent({
    id: 'evt_0c',
    date: '2024-10',
    datePrecision: 'month',
    endDate: null,
    summary: 'Talks',
  });
  const html = timelinePage({
    form: {},
    query: TimelineQuerySchema.parse({}),
    events: [week, day, month],
    nextCursor: null,
    problems: [],
  });
  const headings = [...html.matchAll(/<h2><time datetime="([^"]+)">([^<]+)<\/time><\/h2>/g)].map(
    ([, , text]) => text,
  );

  it('heads a week-precision event as its week, apart from the day events of its Monday', () => {
    expect(headings).toEqual(['week of 14 October 2024', '14 October 2024', 'October 2024']);
    expect(html).toContain('>week of 14 October 2024</a> · 2 sources');
  });
});
