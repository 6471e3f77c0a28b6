import { describe, expect, it } from 'vitest';
import { datedDays as dated } from '../support/dated-events.ts';

// Wednesday 22 November 2023: the Thursday before is the 16th.
const WEDNESDAY = '2023-11-22T12:00:00Z';
const OPENING = '<p>The club published a long account of the week that ended with the coach leaving.</p>';

describe('a weekday a past plan was booked for', () => {
  it('dates nothing once that day, counted from the day the plan was made, has passed', () => {
    expect(
      dated(
        `${OPENING}<p>According to a post from the chairman, the captain sent the coach a message on Thursday evening to set up a meeting for Friday afternoon.</p>`,
        WEDNESDAY,
      ),
    ).toEqual(['2023-11-16']);
  });

  it('stays an announced day while it is still ahead', () => {
    expect(
      dated(
        `${OPENING}<p>On Monday the council set the final vote on the harbour plan for Thursday, the mayor said.</p>`,
        '2023-11-21T12:00:00Z',
      ),
    ).toEqual(['2023-11-20', '2023-11-23 scheduled']);
  });
});
