import { describe, expect, it } from 'vitest';
import { eventsOf, extractEvents } from '../../lib/extraction/index.ts';

// Thursday 12 March 2026.
const THURSDAY = '2026-03-12T09:00:00Z';

const article = (paragraphs: string[]) => ({
  html: paragraphs.map((p) => `<p>${p}</p>`).join(''),
  publishedAt: THURSDAY,
  title: 'Ferry operator grounds its fleet',
});

const dated = (paragraphs: string[]) =>
  eventsOf(article(paragraphs)).map((event) => `${event.kind} ${event.date}/${event.datePrecision}`);

describe('a year alone on the timeline', () => {
  it('dates no event: background a timeline editor leaves out', () => {
    expect(
      dated([
        'The operator grounded its fleet on Wednesday after a gearbox failed.',
        'The company was founded in 1994 and was sold to a fund in 2019.',
        'Its chief executive pleaded guilty to a safety charge last year.',
        'She ran the port authority from 2008 to 2012.',
      ]),
    ).toEqual(['report 2026-03-11/day']);
  });

  it('leaves the day or month of a sentence that also names a year', () => {
    expect(
      dated([
        'The operator grounded its fleet on Wednesday after a gearbox failed.',
        'The maker said late on Tuesday that the failed gearbox came from a batch cast in 2021.',
        'A sister ship lost power in May 2024, the inspectors found.',
      ]),
    ).toEqual(['dated 2026-03-10/day', 'dated 2024-05/month', 'report 2026-03-11/day']);
  });

  it('is still read, so that a day or month written after it takes its year', () => {
    const paragraphs = ['The line opened in 2011 and closed on 3 May that year.'];
    expect(dated(paragraphs)).toContain('dated 2011-05-03/day');
    // Every date the text tells, the year included: what later dates are counted from.
    expect(extractEvents(article(paragraphs)).map((event) => event.datePrecision)).toContain('year');
  });
});
