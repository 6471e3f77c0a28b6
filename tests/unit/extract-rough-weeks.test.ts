import { describe, expect, it } from 'vitest';
import { findDates } from '../../lib/extraction/index.ts';

// Sunday 15 March 2026: five weeks back is Sunday 8 February, three weeks back Sunday 22 February.
const SUNDAY = new Date('2026-03-15T12:00:00Z');

const datesOf = (sentence: string, language = 'en') =>
  findDates(sentence, SUNDAY, { language }).map((mention) => `${mention.date} ${mention.precision}`);

describe('a count of weeks said roughly', () => {
  it('is the month of the day it counts to, in English, German, French and Spanish', () => {
    const rough: Array<[string, string]> = [
      ['The two surveyors were kidnapped nearly five weeks ago near the border.', 'en'],
      ['The levee gave way about five weeks ago, the county said.', 'en'],
      ['Die beiden Vermesser waren vor knapp fünf Wochen entführt worden.', 'de'],
      ['Les deux géomètres avaient été enlevés il y a près de cinq semaines.', 'fr'],
      ['Los dos topógrafos fueron secuestrados hace casi cinco semanas.', 'es'],
    ];
    for (const [sentence, language] of rough) expect(datesOf(sentence, language)).toContain('2026-02 month');
  });

  it('dates nothing when it is about one week: a week either side is no day', () => {
    expect(datesOf('The levee gave way about a week ago, the county said.')).toEqual([]);
    expect(datesOf('Die Krise begann vor gut einer Woche.', 'de')).toEqual([]);
  });

  it('leaves a plain count of weeks the day it counts to', () => {
    expect(datesOf('The levee gave way three weeks ago.')).toEqual(['2026-02-22 day']);
    expect(datesOf('It was a troublesome three weeks ago for the county.')).toEqual(['2026-02-22 day']);
    expect(datesOf('Der Damm brach vor drei Wochen.', 'de')).toEqual(['2026-02-22 day']);
  });
});
