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
  ])('%s', (text, day) => {
    expect(datesOf(text)).toContain(day);
  });

  it('leaves deadlines, forecasts and calendar yardsticks undated', () => {
    expect(datesOf('Residents must register for the scheme by Friday.')).toEqual([]);
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
