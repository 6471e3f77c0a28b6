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

describe('a plan told in the past for a day gone by', () => {
  it('dates nothing: what did happen is told as itself', () => {
    expect(
      dated(
        `${OPENING}<p>The ferry had been due to dock at Harwich at 6 p.m. on Monday, the operator said.</p>`,
        WEDNESDAY,
      ),
    ).toEqual([]);
    expect(
      dated(
        `${OPENING}<p>The talks were scheduled to resume on Friday, before the union walked out.</p>`,
        WEDNESDAY,
      ),
    ).toEqual([]);
    // Counted from the sentence before: the crossing's last contact, then the docking it never made.
    expect(
      dated(
        `${OPENING}<p>The ferry lost radio contact at 9:50 p.m. on Monday off the cape. It had been due to dock ten minutes later.</p>`,
        WEDNESDAY,
      ),
    ).toEqual(['2023-11-20']);
  });

  it('keeps a plan told in the past for a day still ahead, and a plan that happened told as done', () => {
    expect(
      dated(
        `${OPENING}<p>The minister was due to arrive in Harwich on Friday, her office said on Monday.</p>`,
        WEDNESDAY,
      ),
    ).toEqual(['2023-11-24 scheduled', '2023-11-20']);
    // The day of what the plan was timed against is that event's.
    expect(
      dated(`${OPENING}<p>The repairs had been due to finish before the storm on Monday.</p>`, WEDNESDAY),
    ).toEqual(['2023-11-20']);
    expect(
      dated(`${OPENING}<p>The ferry docked at Harwich at 6 p.m. on Monday, as planned.</p>`, WEDNESDAY),
    ).toEqual(['2023-11-20']);
  });
});
