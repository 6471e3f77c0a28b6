import { describe, expect, it } from 'vitest';
import { datedDays } from '../support/dated-events.ts';

// Wednesday 13 May 2026, noon UTC: 9 June lies 27 days ahead, 9 June 2025 eleven months back.
const WEDNESDAY = '2026-05-13T12:00:00Z';

const datedOf = (sentence: string, language?: string, publishedAt = WEDNESDAY) =>
  datedDays(`<p>${sentence}</p>`, publishedAt, language);

describe('a summons to testify books the day it names, whatever the past verb that issued it', () => {
  it('in English, Spanish and French', () => {
    const summonses: Array<[string, string]> = [
      ['The inquiry last month subpoenaed the port director to testify on June 9.', 'en'],
      ['La jueza citó el mes pasado al exdirector del puerto a declarar el 9 de junio.', 'es'],
      ['Le juge a convoqué l’ancien directeur du port pour être entendu le 9 juin.', 'fr'],
      ['Le parquet a cité le maire à comparaître le 9 juin devant le tribunal.', 'fr'],
    ];
    for (const [sentence, language] of summonses)
      expect(datedOf(sentence, language)).toContain('2026-06-09 scheduled');
  });

  it('leaves a testimony told in the past where it was', () => {
    expect(datedOf('The port director testified on June 9 last year.', 'en')).toContain('2025-06-09');
  });
});

describe('"next" or "last" beside a day written without its year', () => {
  it('puts it ahead, whatever the clause’s past verb', () => {
    expect(datedOf('El tribunal fijó la vista para el próximo 3 de julio.', 'es')).toEqual([
      '2026-07-03 scheduled',
    ]);
    expect(datedOf('Le tribunal a fixé l’audience au 3 juillet prochain.', 'fr')).toEqual([
      '2026-07-03 scheduled',
    ]);
  });

  it('puts it behind, whatever the clause announces', () => {
    expect(
      datedOf('La alcaldesa, que dimitió el pasado 3 de febrero, volverá a presentarse.', 'es'),
    ).toContain('2026-02-03');
  });
});

describe('a weekday named "next" and "tomorrow" in the writer\'s words are announced, whatever the past beside them', () => {
  // Thursday 24 September 2026.
  const THURSDAY = '2026-09-24T12:00:00Z';

  it('books "next Tuesday" after a past verb', () => {
    expect(
      datedOf('The gang claimed the breach and threatened to leak the files next Tuesday.', 'en', THURSDAY),
    ).toContain('2026-09-29 scheduled');
  });

  it('books "tomorrow" beside a day gone by', () => {
    expect(
      datedOf('Ferry strike: 40 sailings cancelled today, walkout to continue tomorrow', 'en', THURSDAY),
    ).toEqual(['2026-09-24', '2026-09-25 scheduled']);
  });

  it('leaves a "tomorrow" inside a quotation to the day it was said', () => {
    expect(
      datedOf('"We reopen the pier tomorrow," the harbour master said on Saturday.', 'en', THURSDAY),
    ).toContain('2026-09-20');
  });
});

describe('"N días después de" a thing named', () => {
  it('is no day counted forward from the sentence’s own, with the article contracted ("del") too', () => {
    // Friday 17 October 2025: the director's day is written; the rescue came three days before it.
    const dates = datedOf(
      'El director dimitió el 12 de septiembre, tres días después del rescate.',
      'es',
      '2025-10-17T12:00:00Z',
    );
    expect(dates).toContain('2025-09-12');
    expect(dates).not.toContain('2025-09-15');
  });

  it('still counts "N días después" on its own from the day told before it', () => {
    const dates = datedOf(
      'Los mineros quedaron atrapados el 10 de agosto. Tres días después, los rescatistas hicieron contacto.',
      'es',
      '2025-10-17T12:00:00Z',
    );
    expect(dates).toEqual(['2025-08-10', '2025-08-13']);
  });
});
