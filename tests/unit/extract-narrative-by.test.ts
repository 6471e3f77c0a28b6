import { describe, expect, it } from 'vitest';
import { extractEvents, isTextDated } from '../../lib/extraction/index.ts';

// Wednesday 16 October 2024, noon UTC.
const PUBLISHED = '2024-10-16T12:00:00Z';

const datesOf = (text: string) =>
  extractEvents({ html: `<p>${text}</p>`, publishedAt: PUBLISHED })
    .filter(isTextDated)
    .map((event) => event.date);

describe("'by' or 'as of' a weekday in a past clause tells the day a story reached that point", () => {
  it.each([
    ['By Saturday, some shareholders were pressing the board to reverse its decision.', '2024-10-12'],
    ['But by Sunday evening, it was clear that the rescue talks had failed.', '2024-10-13'],
    ['The number of evacuees had risen to 3,000 by Tuesday, officials said.', '2024-10-15'],
    ['Their efforts appeared to have been in vain by Monday as the club named a new coach.', '2024-10-14'],
    // A time of day before the weekday, as US copy writes it.
    ['As of 5 p.m. Tuesday, about 4,000 homes were still without power.', '2024-10-15'],
    ['The toll had risen to 3,000 by 9 p.m. Monday, officials said.', '2024-10-14'],
  ])('%s', (text, day) => {
    expect(datesOf(text)).toContain(day);
  });

  it('leaves deadlines, forecasts and calendar yardsticks undated', () => {
    expect(datesOf('Residents must register for the scheme by Friday.')).toEqual([]);
    expect(datesOf('Residents must register for the scheme by 5 p.m. Friday.')).toEqual([]);
    expect(datesOf('Crews expect the number of open sites to fall by Sunday evening.')).toEqual([]);
    expect(datesOf('The company had sold 5,000 units as of 30 September.')).toEqual([]);
  });
});

describe('a byline is a name after "By", not a day', () => {
  it('keeps a paragraph opening "By Saturday," as story text', () => {
    expect(datesOf('By Saturday, some investors were pushing the board to reverse its decision.')).toEqual([
      '2024-10-12',
    ]);
  });
});

describe("'by the' after a past participle names what did it, and its date dates that event", () => {
  it.each([
    [
      'Ferries left for Tarsa, one of the towns hardest hit by the Oct. 6 storm that killed 40 people.',
      '2024-10-06',
    ],
    [
      "A geologist said Monday's tremor was triggered by the 6 October earthquakes but was separate.",
      '2024-10-06',
    ],
  ])('%s', (text, day) => {
    expect(datesOf(text)).toContain(day);
  });

  it('reads the event gone by even when the sentence looks ahead', () => {
    // Published October 2024: a future verb would put an undated-year "Sept. 30" in 2025.
    expect(
      datesOf('The envoy will visit the villages damaged by the Sept. 30 floods, her office said.'),
    ).toEqual(['2024-09-30']);
  });

  it('still leaves a deadline named with "by the" undated', () => {
    expect(datesOf('Lenders must be repaid by the 30 November deadline.')).toEqual([]);
  });
});
