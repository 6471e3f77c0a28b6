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
