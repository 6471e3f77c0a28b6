import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { candidateRanges, dateRelation } from '../../lib/dedup/index.ts';
import {
  atomFeed,
  describeWhen,
  type FeedInput,
  jsonFeed,
  type PublicEvent,
  PublicEventSchema,
  rssFeed,
  SourceSchema,
} from '../../lib/timeline/index.ts';

const week: PublicEvent = {
  id: 'evt_0a1b2c',
  date: '2024-10-14',
  datePrecision: 'week',
  endDate: '2024-10-20',
  kind: 'dated',
  scheduled: false,
  summary: 'The harbour authority closed the north quay',
  topics: [],
  entities: { people: [], places: [], organizations: [] },
  firstReportedAt: '2024-10-22T08:00:00.000Z',
  lastReportedAt: '2024-10-22T08:00:00.000Z',
  sourceCount: 1,
  sources: [
    {
      url: 'https://example.org/quay',
      title: 'Quay closed',
      feedId: 'harbour',
      feedName: 'Harbour News',
      feeds: [{ id: 'harbour', name: 'Harbour News' }],
      publishedAt: '2024-10-22T08:00:00.000Z',
      quote: 'The harbour authority closed the north quay last week.',
    },
  ],
};

const input: FeedInput = {
  title: 'Dateline',
  events: [week],
  links: {
    self: 'https://dateline.example/timeline.atom',
    first: 'https://dateline.example/timeline.atom',
    next: null,
    page: 'https://dateline.example/',
    event: (id) => `https://dateline.example/events/${id}`,
    eventPage: (event) => `https://dateline.example/?from=${event.date}#${event.id}`,
  },
};

describe('week precision', () => {
  it('is shown as the week of its Monday on the page and in every feed format', () => {
    expect(describeWhen(week)).toBe('week of 14 October 2024');
    expect(atomFeed(input)).toContain('week of 14 October 2024: The harbour authority');
    expect(rssFeed(input)).toContain('week of 14 October 2024: The harbour authority');
    expect(jsonFeed(input).items[0]?.title).toBe(
      'week of 14 October 2024: The harbour authority closed the north quay',
    );
  });

  it('is a value the public schema (and so the OpenAPI document) names, beside the old ones', () => {
    expect(PublicEventSchema.parse(week).datePrecision).toBe('week');
    const schema = JSON.stringify(z.toJSONSchema(PublicEventSchema));
    expect(schema).toContain('"week"');
    // Stored sources written before weeks existed still read as they did.
    const stored = SourceSchema.shape.datePrecision;
    expect(['day', 'month', 'year'].map((p) => stored.parse(p))).toEqual(['day', 'month', 'year']);
  });

  it('holds its seven days for matching, and reads postings up to the day after its Sunday', () => {
    const asWeek = { date: '2024-10-14', datePrecision: 'week' as const };
    expect(dateRelation(asWeek, { date: '2024-10-20', datePrecision: 'day' })).toBe('same-period');
    expect(dateRelation({ date: '2024-10-21', datePrecision: 'day' }, asWeek)).toBe('apart');
    expect(dateRelation(asWeek, { date: '2024-10-14', datePrecision: 'week' })).toBe('same-period');
    expect(dateRelation(asWeek, { date: '2024-10-07', datePrecision: 'week' })).toBe('apart');
    expect(candidateRanges(asWeek)[0]).toMatchObject({ lower: '2024-10-13#', upper: '2024-10-21#~' });
  });
});
