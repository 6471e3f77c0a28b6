import { describe, expect, it } from 'vitest';
import { extractEvents, isTextDated } from '../../lib/extraction/index.ts';
import { datedDays as dated, TUESDAY } from '../support/dated-events.ts';

describe('what happened over the past 24 hours happened on the report’s day', () => {
  it('dates "over the past 24 hours" and "in den letzten 24 Stunden" on publication', () => {
    expect(
      dated(
        '<p>The party leader resigned on Friday after a long row over the budget.</p><p>Over the past 24 hours, hundreds of party members have posted messages backing her on social media.</p>',
      ),
    ).toEqual(['2025-02-28', '2025-03-04']);
    const german = extractEvents({
      html: '<p>Die Parteichefin trat am Freitag nach einem langen Streit zurück.</p><p>In den letzten 24 Stunden haben Hunderte Mitglieder ihre Unterstützung erklärt.</p>',
      publishedAt: TUESDAY,
      language: 'de',
    });
    expect(german.filter(isTextDated).map((event) => event.date)).toContain('2025-03-04');
  });

  it('leaves a coming or open-ended span undated', () => {
    expect(
      dated('<p>More rain will fall across the valley in the next 24 hours, forecasters said.</p>'),
    ).toEqual([]);
    expect(
      dated('<p>No new survivors have been found in at least 24 hours, the rescue teams said.</p>'),
    ).toEqual([]);
  });
});
