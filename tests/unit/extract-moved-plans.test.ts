import { describe, expect, it } from 'vitest';
import { datedDays as dated } from '../support/dated-events.ts';

describe('a date a plan was moved to lies ahead of the past-tense sentence that moves it', () => {
  it('reads "postponed to", "pushed back to" and "to take place on" forward from publication', () => {
    expect(
      dated(
        '<p>The regional assembly vote was postponed to March 19 because of the heavy storms in the north.</p>',
      ),
    ).toEqual(['2025-03-19 scheduled']);
    expect(
      dated(
        '<p>The trade summit was first announced to take place on March 12 but it was pushed back to March 26 after a clash with a holiday.</p>',
      ),
    ).toEqual(['2025-03-12 scheduled', '2025-03-26 scheduled']);
  });

  it('still reads back when the new day has passed by publication', () => {
    expect(
      dated(
        '<p>The cup final, which was moved to March 15 after the floods, ended in a draw in front of a small crowd.</p>',
        '2025-03-28T12:00:00Z',
      ),
    ).toEqual(['2025-03-15']);
  });
});
