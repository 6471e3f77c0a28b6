import { describe, expect, it } from 'vitest';
import { findDates } from '../../lib/extraction/index.ts';

// Wednesday 13 November 2024.
const PUBLISHED = new Date('2024-11-13T10:00:00Z');
const datesIn = (sentence: string) =>
  findDates(sentence, PUBLISHED, { language: 'en-IN' }).map((m) => m.date);

describe('a day of the month written alone', () => {
  it.each([
    ['The accused was remanded before the magistrate on the 11th of this month.', '2024-11-11'],
    ['The order was passed on the 28th of last month.', '2024-10-28'],
    ['The fire broke out on the 9th, the fire officer said.', '2024-11-09'],
    // Ahead of its tense: the 25th of this month; the 5th gone by is next month's.
    ['Elections to the ward committee will be held on the 25th.', '2024-11-25'],
    ['The new ferry will be launched on the 5th.', '2024-12-05'],
    // Official copy's Latin months: instant (this), ultimo (last), proximo (next).
    ['The trader was arrested on 9th inst. for hoarding.', '2024-11-09'],
    ['The committee met on the 28th ult. and raised the fee.', '2024-10-28'],
    ['The hearing is fixed on 5th prox.', '2024-12-05'],
  ])('%s', (sentence, date) => {
    expect(datesIn(sentence)).toEqual([date]);
  });

  it('leaves ordinals that count something else, and a day the month named lacks', () => {
    expect(datesIn('The club celebrated on the 25th anniversary of its founding.')).toEqual([]);
    expect(datesIn('The office moved on the 4th floor last year.').filter((d) => d.length === 10)).toEqual(
      [],
    );
    expect(datesIn('The fee was waived on the 31st of this month.')).toEqual([]);
  });

  it('takes the nearest month that has the day, the way the tense points', () => {
    // November has no 31st: ahead is 31 December, behind 31 October.
    expect(datesIn('The next instalment will be due on the 31st.')).toEqual(['2024-12-31']);
    expect(datesIn('The last instalment was paid on the 31st.')).toEqual(['2024-10-31']);
  });
});

describe('a weekday set beside a written day', () => {
  it.each([
    'The police registered a case on November 9, Saturday.',
    'The collector visited the village on Saturday (November 9).',
    'The new wing will be opened by the health minister on Saturday, the 9th November 2024 at 11 am.',
    'The fair was opened on Saturday the 9th of November by the district collector.',
  ])('names that day again, not a second one: %s', (sentence) => {
    expect(datesIn(sentence)).toEqual(['2024-11-09']);
  });

  it.each([
    // Written on Tuesday the 12th for Wednesday's paper: "yesterday" was Monday, as the bracket says.
    [
      'Yesterday (Monday), the minister had opened a new ward at the district hospital.',
      'en-IN',
      '2024-11-11',
    ],
    ['The minister opened a new ward on Monday (yesterday), officials said.', 'en-IN', '2024-11-11'],
    ['The ferry service will resume tomorrow (Friday), the port said.', 'en-IN', '2024-11-15'],
    ['Hier (lundi), le ministre a inauguré un nouveau service à l’hôpital.', 'fr', '2024-11-11'],
  ])('a weekday beside a casual day names it: %s', (sentence, language, date) => {
    expect(findDates(sentence, PUBLISHED, { language }).map((m) => m.date)).toEqual([date]);
  });

  it('keeps a weekday that is a day of its own', () => {
    expect(datesIn('The case was registered on November 9 and the arrest made on Monday.')).toEqual([
      '2024-11-09',
      '2024-11-11',
    ]);
  });
});

describe('British "a week on Thursday" and "Thursday week"', () => {
  it.each([
    // Wednesday 13 November: the coming Thursday is the 14th, a week on it the 21st.
    ['The harbour committee meets a week on Thursday.', '2024-11-21'],
    ['The inquest into the ferry death opens on Tuesday week.', '2024-11-26'],
  ])('is the weekday a week after the coming one: %s', (sentence, date) => {
    expect(datesIn(sentence)).toEqual([date]);
  });

  it('leaves a past clause counting from a day gone by, and "week" that starts another phrase', () => {
    expect(datesIn('A week on Monday, the dock strike was still going.')).toEqual(['2024-11-11']);
    expect(datesIn('The ferry sailed on Saturday, a week after the storm.')).toEqual(['2024-11-09']);
  });
});

describe('a part of the day written before its weekday', () => {
  it('reads "mid-afternoon Monday", "late morning Tuesday" as that weekday', () => {
    expect(datesIn('The ferry struck the pier mid-afternoon Monday, the coast guard said.')).toEqual([
      '2024-11-11',
    ]);
    expect(datesIn('Divers reached the wreck late morning Tuesday.')).toEqual(['2024-11-12']);
    expect(datesIn('Crews arrived early evening Sunday.')).toEqual(['2024-11-10']);
    // The usual order, and a night spanning two days, as before.
    expect(datesIn('The ferry struck the pier Monday afternoon.')).toEqual(['2024-11-11']);
    expect(datesIn('The storm hit overnight Tuesday.')).toEqual(['2024-11-12']);
  });

  it.each([
    // Published on Wednesday 13 November 2024.
    ['El muelle se derrumbó la noche de este lunes.', 'es', '2024-11-11'],
    ['El muelle se derrumbó la tarde de este martes.', 'es', '2024-11-12'],
    ['El muelle se derrumbó la noche de ayer.', 'es', '2024-11-12'],
    ["Le quai s'est effondré le soir de lundi.", 'fr', '2024-11-11'],
    ["Le quai s'est effondré à 4h du matin lundi.", 'fr', '2024-11-11'],
  ])('reads the Spanish and French part of the day before its weekday: %s', (sentence, language, date) => {
    expect(findDates(sentence, PUBLISHED, { language }).map((m) => m.date)).toEqual([date]);
  });
});

describe('a numeric date written with dots', () => {
  const read = (sentence: string, language?: string) =>
    findDates(sentence, PUBLISHED, language ? { language } : {}).map((m) => m.date);

  it.each([
    ['The inspection team was constituted on 04.11.2024 to assess the damage.', undefined],
    ['The inspection team was constituted on 04.11.2024 to assess the damage.', 'en-US'],
    ['Denetim ekibi 04.11.2024 tarihinde kuruldu.', 'tr'],
    ['Denetim ekibi 04/11/2024 tarihinde kuruldu.', 'tr'],
  ])('puts the day first: %s (%s)', (sentence, language) => {
    expect(read(sentence, language)).toEqual(['2024-11-04']);
  });

  it('leaves a date that cannot be day first, and American slashes, month first', () => {
    expect(read('The permit was signed on 10.25.2024 in Kessel.')).toEqual(['2024-10-25']);
    expect(read('The permit was signed on 10/04/2024 in Kessel.', 'en-US')).toEqual(['2024-10-04']);
  });
});

describe('a fraction written with a slash', () => {
  const withEn = (sentence: string) => findDates(sentence, PUBLISHED, { language: 'en' }).map((m) => m.date);

  it.each([
    // A mixed number: the whole number before it says it counts something.
    'The former treasurer was jailed for 4 1/2 years at the county court.',
    'Up to 3 1/4 inches of snow fell on the valley overnight.',
    // Before a measure.
    'Stir in 3/4 cup of flour and bake for an hour.',
    'The new trail adds a 1/2-mile loop around the reservoir.',
    // A share of something.
    'Nearly 2/3 of the council backed the budget.',
  ])('is no date: %s', (sentence) => {
    expect(withEn(sentence).filter((date) => date.length === 10)).toEqual([]);
  });

  it('leaves a numeric day set after a word, and keeps the day a sentence also names', () => {
    expect(withEn('Ballots counted 10/8 gave the mayor a narrow lead.')).toEqual(['2024-10-08']);
    expect(withEn('She was sentenced on Monday to 2 1/2 years in prison.')).toEqual(['2024-11-11']);
  });
});

describe('two numbers with a slash that English uses as words', () => {
  it.each([
    'The clinic now answers calls 24/7, the trust said on Monday.',
    'The museum opened a wing on Monday devoted to the 9/11 attacks.',
  ])('are no date: %s', (sentence) => {
    expect(findDates(sentence, PUBLISHED, { language: 'en' }).map((m) => m.date)).toEqual(['2024-11-11']);
  });
});

describe('a numeric date in a feed that declares only English', () => {
  const withEn = (sentence: string) => findDates(sentence, PUBLISHED, { language: 'en' }).map((m) => m.date);

  it('is read day first when month first would put a past act after publication', () => {
    expect(withEn('The accident took place on 12/11/2024 near the toll plaza.')).toEqual(['2024-11-12']);
    expect(withEn('The notice was served on 12-11-2024.')).toEqual(['2024-11-12']);
  });

  it('is read day first when it names a thing with no tense of its own', () => {
    expect(
      withEn(
        'The engineer was suspended today in connection with the collapse of the mill at Pardi on 12/11/2024.',
      ),
    ).toEqual(['2024-11-13', '2024-11-12']);
    expect(
      findDates('The inquiry into the fire of 12/11/2024 has begun.', PUBLISHED).map((m) => m.date),
    ).toEqual(['2024-11-12']);
  });

  it('with its time of day after it, as pages stamp themselves and reports time an act', () => {
    expect(withEn('The accident took place on 12/11/2024 at 14:30 near the toll plaza.')).toEqual([
      '2024-11-12',
    ]);
    expect(withEn('The notice was served on 12/11/2024, 9:15 am.')).toEqual(['2024-11-12']);
    expect(withEn('12/11/2024 08:12 | Updated: 18:06')).toEqual(['2024-11-12']);
  });

  it('stays month first when that reading is possible', () => {
    expect(withEn('The accident took place on 11/09/2024 near the toll plaza.')).toEqual(['2024-11-09']);
    expect(withEn('The accident took place on 11/09/2024 at 14:30.')).toEqual(['2024-11-09']);
    expect(withEn('The inquiry will report on 12/11/2024.')).toEqual(['2024-12-11']);
  });
});

describe("a name's number before a dash and a day", () => {
  const at = new Date('2026-03-04T12:00:00Z');
  const read = (sentence: string, language = 'en') =>
    findDates(sentence, at, { language }).map((m) => `${m.date}${m.endDate ? `..${m.endDate}` : ''}`);

  it('is no first day of a range', () => {
    expect(read('Burglary at the harbour museum, Quay Street, Dublin 2 – 3rd March 2026')).toEqual([
      '2026-03-03',
    ]);
  });

  it('leaves a range written out, and one a span word opens', () => {
    expect(read('The regatta runs 2 – 3 March 2026.')).toEqual(['2026-03-02..2026-03-03']);
    expect(read('From 2 – 3 March 2026 the ferries stay in port.')).toEqual(['2026-03-02..2026-03-03']);
    expect(read('Ministers met in Geneva on 2 – 3 March 2026.')).toEqual(['2026-03-02..2026-03-03']);
  });
});

describe('a code of letters and a figure after a day', () => {
  const at = new Date('2026-03-20T12:00:00Z');
  const read = (sentence: string) => findDates(sentence, at).map((m) => m.text.trim());

  it('is no clock time: "AT1" is a bond class, not "at 1"', () => {
    expect(read('March 4 – AT1 bondholders at the cooperative lose their stake.')).toEqual(['March 4']);
    expect(read('On March 4 at1 notes fell by half.')).toEqual(['March 4']);
  });

  it('leaves a time written with its space', () => {
    expect(read('The board met on March 4 at 10 a.m.')).toEqual(['March 4 at 10 a.m.']);
  });
});
