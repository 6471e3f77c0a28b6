import { describe, expect, it } from 'vitest';
import { findDates } from '../../lib/extraction/index.ts';

// Wednesday 16 October 2024, noon UTC.
const PUBLISHED = new Date('2024-10-16T12:00:00Z');
const spans = (sentence: string, language = 'en') =>
  findDates(sentence, PUBLISHED, { language }).map((m) => `${m.date}${m.endDate ? `..${m.endDate}` : ''}`);

describe('a span told by its two ends with "between … and …"', () => {
  it.each([
    ['en', 'The ferry company cancelled 120 sailings between October 2nd and October 9th.'],
    ['en', 'The ferry company cancelled 120 sailings between Oct. 2 and Oct. 9.'],
    ['de', 'Zwischen dem 2. Oktober und dem 9. Oktober fielen 120 Fähren aus.'],
    ['fr', 'Entre le 2 octobre et le 9 octobre, 120 traversées ont été annulées.'],
    ['es', 'Entre el 2 de octubre y el 9 de octubre se cancelaron 120 travesías.'],
  ])('is one span from its first day, in %s: %s', (language, sentence) => {
    expect(spans(sentence, language)).toEqual(['2024-10-02..2024-10-09']);
  });

  it('keeps a later day of the sentence apart from the span', () => {
    expect(
      spans('The port cancelled 120 sailings between Oct. 2 and Oct. 9 and reopened fully on Oct. 11.'),
    ).toEqual(['2024-10-02..2024-10-09', '2024-10-11']);
  });

  it('keeps two days joined by "and" without "between" as two days', () => {
    expect(spans('The board met on Oct. 2 and again on Oct. 9.')).toEqual(['2024-10-02', '2024-10-09']);
  });
});

describe('a span told by "from … to …" whose ends are read apart', () => {
  it('is one span from its first day when both ends are holidays', () => {
    // Published in October 2024, a past clause: Easter 2024 fell on 31 March.
    expect(spans('The ferry company cancelled every sailing from Good Friday to Easter Monday.')).toEqual([
      '2024-03-29..2024-04-01',
    ]);
  });

  it('keeps two holidays that no "from … to" joins as two days', () => {
    expect(spans('The ferry sailed on Good Friday and again on Easter Monday.')).toEqual([
      '2024-03-29',
      '2024-04-01',
    ]);
  });
});

describe('two days of one month joined by "and"', () => {
  it.each([
    ['The ferry crews will stop work on Oct. 21 and 22, their union said.', '2024-10-21..2024-10-22'],
    ['The ferry crews stopped work on October 7 and 8.', '2024-10-07..2024-10-08'],
    [
      'The ferry crews will stop work on the 21st and 22nd of October, the union said.',
      '2024-10-21..2024-10-22',
    ],
  ])('is one span from the first day: %s', (sentence, span) => {
    expect(spans(sentence)).toEqual([span]);
  });

  it.each([
    'The port counted arrivals on Oct. 21 and 22 ferries docked late.',
    'The ferry crews will stop work on Nov. 30 and 31, the union said.',
  ])('keeps one day when the number is no day of it: %s', (sentence) => {
    expect(spans(sentence)).toHaveLength(1);
    expect(spans(sentence)[0]).not.toContain('..');
  });
});
