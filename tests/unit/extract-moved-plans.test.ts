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

describe('a hearing a court sets is ahead of the past-tense sentence that sets it', () => {
  it('reads "posted the matter for further hearing on" forward from publication', () => {
    // Tuesday 4 March 2025: read as past, the hearing would be April of last year.
    expect(
      dated('<p>The high court posted the ferry workers’ petition for further hearing on April 2.</p>'),
    ).toEqual(['2025-04-02 scheduled']);
    expect(dated('<p>The bench listed the harbour case for final arguments on 20 March.</p>')).toEqual([
      '2025-03-20 scheduled',
    ]);
  });

  it('leaves a past act with "for" before another noun in the past', () => {
    expect(dated('<p>The harbour master was jailed for fraud in January.</p>')).toEqual(['2025-01']);
  });
});

describe('the day a plan was moved away from', () => {
  it('is no event: "instead of", "au lieu du", "statt am", "en lugar del" name a day nothing happens on', () => {
    expect(
      dated('<p>The ferry service will resume on March 24 instead of March 17 as first announced.</p>'),
    ).toEqual(['2025-03-24 scheduled']);
    expect(
      dated('<p>La reprise du trafic aura lieu le 24 mars au lieu du 17 mars.</p>', undefined, 'fr'),
    ).toEqual(['2025-03-24 scheduled']);
    expect(
      dated(
        '<p>Der Fährverkehr soll am 24. März statt am 17. März wieder aufgenommen werden.</p>',
        undefined,
        'de',
      ),
    ).toEqual(['2025-03-24 scheduled']);
    expect(
      dated('<p>El servicio se reanudará el 24 de marzo en lugar del 17 de marzo.</p>', undefined, 'es'),
    ).toEqual(['2025-03-24 scheduled']);
  });

  it('is no event after "rather than", nor after "not on" when what follows says it was the plan', () => {
    expect(dated('<p>The ferry service will resume on March 24 rather than on March 17.</p>')).toEqual([
      '2025-03-24 scheduled',
    ]);
    expect(
      dated(
        '<p>The ferry service will resume on Monday, 24th March, and not on Monday, 17th March, as earlier announced.</p>',
      ),
    ).toEqual(['2025-03-24 scheduled']);
  });
});
