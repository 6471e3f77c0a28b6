import { describe, expect, it } from 'vitest';
import { extractEvents, isTextDated } from '../../lib/extraction/index.ts';
import { datedDays as dated, TUESDAY } from '../support/dated-events.ts';

describe('a casualty count given as it stands now is the report’s day', () => {
  it('dates "is now", "so far" and "hasta ahora" counts on publication', () => {
    expect(
      dated(
        '<p>Rescue teams searched the valley again overnight.</p><p>The number of dead from the landslide is now 1,284.</p>',
      ),
    ).toEqual(['2025-03-04']);
    const spanish = extractEvents({
      html: '<p>Los equipos de rescate siguen trabajando en la zona.</p><p>Hasta ahora las autoridades han confirmado 37 muertos y 412 heridos en la región.</p>',
      publishedAt: TUESDAY,
      language: 'es',
    });
    expect(spanish.filter(isTextDated).map((event) => event.date)).toEqual(['2025-03-04']);
  });

  it('adds the count beside the older day of the disaster in another clause', () => {
    expect(
      dated(
        '<p>Aid convoys reached the delta again overnight.</p><p>More than 2,400 people are so far known to have died in the floods, which swept through the delta on February 20.</p>',
      ).sort(),
    ).toEqual(['2025-02-20', '2025-03-04']);
  });

  it('needs a count, something counted and a word for now', () => {
    expect(dated('<p>The company now has 12,000 staff in its three factories near the coast.</p>')).toEqual(
      [],
    );
    expect(dated('<p>The dead were buried in a field outside the town near the old church.</p>')).toEqual([]);
    expect(
      dated('<p>So far the injured have been taken to hospitals in the capital and the port.</p>'),
    ).toEqual([]);
  });
});

describe('a casualty or case count reached by its day', () => {
  const OPENING = '<p>Health teams went door to door in the old quarter again.</p>';

  it('is that day’s count, with a calendar date too: "as of 1 March", "bis Sonntag", "hasta el domingo"', () => {
    expect(
      dated(`${OPENING}<p>As of 1 March, 812 suspected cases, including 23 deaths, had been reported.</p>`),
    ).toEqual(['2025-03-01']);
    expect(
      dated(
        '<p>Die Gesundheitsteams waren wieder im Einsatz.</p><p>Bis Sonntag wurden in der Provinz 812 Verdachtsfälle und 23 Todesfälle gemeldet.</p>',
        TUESDAY,
        'de',
      ),
    ).toEqual(['2025-03-02']);
    expect(
      dated(
        '<p>Los equipos sanitarios siguen en la zona.</p><p>Hasta el domingo se habían notificado 812 casos sospechosos y 23 muertes.</p>',
        TUESDAY,
        'es',
      ),
    ).toEqual(['2025-03-02']);
  });

  it('is not a company’s figures as of a date, which are a yardstick', () => {
    expect(dated(`${OPENING}<p>As of 1 March, the ferry company served 175 routes.</p>`)).toEqual([]);
  });
});
