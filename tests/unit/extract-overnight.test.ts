import { describe, expect, it } from 'vitest';
import { findDates } from '../../lib/extraction/index.ts';

// Wednesday 13 November 2024.
const PUBLISHED = new Date('2024-11-13T10:00:00Z');
const spans = (sentence: string, language?: string) =>
  findDates(sentence, PUBLISHED, { language }).map((m) => [m.date, m.endDate]);

describe('one night told by the two days it spans', () => {
  it.each([
    ['The ferry ran aground overnight Tuesday into Wednesday.', undefined],
    ['Storm surges flooded the quay on the night of Tuesday to Wednesday.', undefined],
    ['Die Fähre lief in der Nacht von Dienstag auf Mittwoch auf Grund.', 'de'],
    ['Gales closed the port late on Tuesday and early on Wednesday.', undefined],
    ['Crews pumped water from the hold on Tuesday night and into early Wednesday.', undefined],
  ])('is one event on the first day: %s', (sentence, language) => {
    expect(spans(sentence, language)).toEqual([['2024-11-12', '2024-11-13']]);
  });

  it('leaves two days that are no night apart, and days further apart', () => {
    expect(spans('The market fell on Tuesday into a rally on Wednesday.')).toEqual([
      ['2024-11-12', null],
      ['2024-11-13', null],
    ]);
    expect(spans('The count began on Tuesday and early results came on Wednesday.')).toEqual([
      ['2024-11-12', null],
      ['2024-11-13', null],
    ]);
    expect(spans('Drones struck overnight Sunday and again on Tuesday.')).toEqual([
      ['2024-11-10', null],
      ['2024-11-12', null],
    ]);
  });
});
