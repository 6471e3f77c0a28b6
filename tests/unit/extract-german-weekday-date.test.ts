import { describe, expect, it } from 'vitest';
import { datedDays } from '../support/dated-events.ts';

// Friday 27 February 2026: the Sunday before is the 22nd.
const FRIDAY = '2026-02-27T12:00:00Z';

const datedOf = (sentence: string) => datedDays(`<p>${sentence}</p>`, FRIDAY, 'de');

describe('a German weekday with its date set after it by an article ("Sonntag, dem 8. Februar")', () => {
  it('is the written day alone, not the nearest such weekday as well', () => {
    expect(datedOf('Die Fähre war am Sonntag, dem 8. Februar, vor Rügen auf Grund gelaufen.')).toEqual([
      '2026-02-08',
    ]);
    expect(datedOf('Der Stadtrat stimmte am Dienstag, der 17. Februar, knapp für den Neubau.')).toEqual([
      '2026-02-17',
    ]);
  });

  it('keeps a day ahead ahead', () => {
    expect(datedOf('Die Anhörung ist für Donnerstag, den 12. März, angesetzt.')).toEqual([
      '2026-03-12 scheduled',
    ]);
  });

  it('leaves a weekday and a later, unrelated date both read', () => {
    expect(
      datedOf('Am Sonntag wurde bekannt, dass der Hafen schon seit dem 8. Februar gesperrt war.'),
    ).toContain('2026-02-22');
  });
});
