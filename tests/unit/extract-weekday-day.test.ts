import { describe, expect, it } from 'vitest';
import { findDates } from '../../lib/extraction/index.ts';

// Wednesday 16 October 2024.
const PUBLISHED = new Date('2024-10-16T12:00:00Z');
const datesIn = (sentence: string, language: string) =>
  findDates(sentence, PUBLISHED, { language }).map((m) => m.date);

describe('a weekday with its day of the month and no month', () => {
  it.each([
    ['El Ayuntamiento cerró el puerto el martes 8 por el temporal.', 'es', '2024-10-08'],
    ['La alcaldesa anunció el pasado martes 8 un plan de obras.', 'es', '2024-10-08'],
    ['El pleno votará el lunes 28 la nueva ordenanza.', 'es', '2024-10-28'],
    ['La alcaldesa habló este martes 15 con los pescadores.', 'es', '2024-10-15'],
    ['Le conseil municipal a voté mardi 8 au soir le budget du port.', 'fr', '2024-10-08'],
    ['Il consiglio comunale ha approvato martedì 1, dopo un lungo dibattito.', 'it', '2024-10-01'],
    ['Il sindaco ha parlato martedi 8 alla stampa.', 'it', '2024-10-08'],
    ['A câmara aprovou na terça-feira 8 um novo regulamento.', 'pt', '2024-10-08'],
    // The month, from the weekday and the day: the 1st of October fell on a Tuesday, of November on a Friday.
    ['La subasta se celebrará el viernes 1.', 'es', '2024-11-01'],
    // A verb after the day: a reflexive pronoun or a finite verb's ending, which no counted noun has.
    ['"El martes 8 perdimos las redes", contó un pescador.', 'es', '2024-10-08'],
    ['El martes 8 se inundaron los muelles.', 'es', '2024-10-08'],
    ['Na terça-feira 8 chegaram os primeiros barcos.', 'pt', '2024-10-08'],
  ])('%s', (sentence, language, date) => {
    expect(datesIn(sentence, language)).toEqual([date]);
  });

  it('leaves a count after the weekday, and a clock, to the weekday alone', () => {
    // Friday 13 September lies within reach, but thirteen fishermen were rescued last Friday.
    expect(datesIn('El viernes 13 pescadores fueron rescatados frente al puerto.', 'es')).toEqual([
      '2024-10-11',
    ]);
    expect(datesIn('Le conseil a siégé mardi 14h30.', 'fr')).toEqual(['2024-10-15']);
  });
});
