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
    ['A lorry overturned on the bypass in the intervening night of Tuesday and Wednesday.', undefined],
    ['The ferry lost power in the night between Tuesday and Wednesday.', undefined],
    ['Die Fähre verlor in der Nacht zwischen Dienstag und Mittwoch ihren Antrieb.', 'de'],
    ['Le ferry a perdu sa propulsion dans la nuit entre mardi et mercredi.', 'fr'],
  ])('is one event on the first day: %s', (sentence, language) => {
    expect(spans(sentence, language)).toEqual([['2024-11-12', '2024-11-13']]);
  });

  it.each([
    'The market fell on Tuesday into a rally on Wednesday.',
    'The count began on Tuesday and early results came on Wednesday.',
    // Two nights, and a night set off by a comma from days it does not span.
    'Patrols ran on the nights of Tuesday and Wednesday.',
    'After a sleepless night, the crew met Tuesday and Wednesday.',
  ])('leaves two days that are no one night apart: %s', (sentence) => {
    expect(spans(sentence)).toEqual([
      ['2024-11-12', null],
      ['2024-11-13', null],
    ]);
  });

  it('leaves days further apart', () => {
    expect(spans('Drones struck overnight Sunday and again on Tuesday.')).toEqual([
      ['2024-11-10', null],
      ['2024-11-12', null],
    ]);
  });
});
