import { describe, expect, it } from 'vitest';
import { findDates } from '../../lib/extraction/dates.ts';
import { extractEvents } from '../../lib/extraction/index.ts';
import { datedDays, TUESDAY } from '../support/dated-events.ts';

// Tuesday 4 March 2025: that week's Monday is the 3rd; "Friday" is 28 February.
const OPENING = '<p>The regional desk gathered the main stories of the past days for readers.</p>';
const days = (body: string, language?: string) => datedDays(`${OPENING}${body}`, TUESDAY, language);

describe('what opened the week happened on its Monday', () => {
  it('dates "started the week" and its kin to the Monday of the week of publication', () => {
    expect(days('<p>The league started the week by naming a new head of referees.</p>')).toEqual([
      '2025-03-03',
    ]);
    expect(days('<p>Le club a commencé la semaine par une victoire à domicile.</p>', 'fr')).toEqual([
      '2025-03-03',
    ]);
    expect(days('<p>Die Börse startete in die Woche mit deutlichen Gewinnen.</p>', 'de')).toEqual([
      '2025-03-03',
    ]);
    expect(days('<p>El equipo arrancó la semana con una victoria en casa.</p>', 'es')).toEqual([
      '2025-03-03',
    ]);
  });

  it('dates market copy\'s "to start the week", "zum Wochenauftakt", "zu Wochenbeginn" so, and no forecast', () => {
    expect(days('<p>Shares in the ferry operator fell to start the week.</p>')).toEqual(['2025-03-03']);
    expect(days('<p>Der Dax verlor zum Wochenauftakt deutlich.</p>', 'de')).toEqual(['2025-03-03']);
    expect(days('<p>Der Dax legte zu Wochenbeginn zu.</p>', 'de')).toEqual(['2025-03-03']);
    expect(days('<p>Shares are expected to rise to start the week.</p>')).toEqual([]);
  });

  it('gives a day, where "this week" gives the week', () => {
    const [event] = extractEvents({
      html: `${OPENING}<p>The league started the week by naming a new head of referees.</p>`,
      publishedAt: TUESDAY,
      title: 'Round-up',
    }).filter((e) => e.kind === 'dated');
    expect(event?.datePrecision).toBe('day');
    expect(days('<p>The league will start the week by naming a new head of referees.</p>')).toEqual([]);
  });
});

describe('"after" or "before" a time of day on a day: the day is when it happened', () => {
  it('keeps the day a clock time or midday sits on', () => {
    expect(days('<p>Just after midday on 3 March, the mayor told the council she would resign.</p>')).toEqual(
      ['2025-03-03'],
    );
    expect(days('<p>Shortly before 4 a.m. on Monday, a fire broke out in the old mill.</p>')).toEqual([
      '2025-03-03',
    ]);
  });

  it('still reads "after" a bare date as a bound', () => {
    expect(days('<p>The ban on night flights applies to every airline after 1 March.</p>')).toEqual([]);
  });
});

describe('"last year" after a holiday names the holiday of that year', () => {
  it('dates the holiday, not the whole year', () => {
    expect(days('<p>The factory closed its gates on Christmas Eve last year.</p>')).toEqual(['2024-12-24']);
    expect(days('<p>A storm hit the coast on New Year’s Eve last year.</p>')).toEqual(['2024-12-31']);
  });

  it('takes a year written after the holiday, and "over" the holidays of a year as their month', () => {
    expect(days('<p>A storm flooded the harbour on Christmas Day 2013.</p>')).toEqual(['2013-12-25']);
    expect(days('<p>The parade was rained off at Thanksgiving 2021.</p>')).toEqual(['2021-11-25']);
    expect(days('<p>The council’s servers were hacked over Christmas 2019.</p>')).toEqual(['2019-12']);
    // With no year, "over Christmas" is too loose to date.
    expect(days('<p>Shops on the high street were busy over Christmas.</p>')).toEqual([]);
  });

  it('dates a holiday named alone by the tense, and Thanksgiving to its fourth Thursday', () => {
    // Published Tuesday 4 March 2025.
    expect(days('<p>Two shops on the high street were flooded on Christmas Day.</p>')).toEqual([
      '2024-12-25',
    ]);
    expect(days('<p>The parade was cancelled on Thanksgiving last year.</p>')).toEqual(['2024-11-28']);
    expect(days('<p>Volunteers served 500 meals at the shelter on Thanksgiving.</p>')).toEqual([
      '2024-11-28',
    ]);
    expect(days('<p>The town will light its bonfire on Halloween.</p>')).toEqual(['2025-10-31 scheduled']);
  });

  it('dates the fixed holidays British, Irish, Commonwealth and French news name alone', () => {
    // Published Tuesday 4 March 2025.
    expect(days('<p>A ferry ran aground in the estuary on Boxing Day.</p>')).toEqual(['2024-12-26']);
    expect(days('<p>The harbour wall collapsed on Bonfire Night last year.</p>')).toEqual(['2024-11-05']);
    expect(days('<p>Veterans laid wreaths at the quay on Remembrance Day.</p>')).toEqual(['2024-11-11']);
    expect(days('<p>The new ferry will sail for the first time on St Patrick’s Day.</p>')).toEqual([
      '2025-03-17 scheduled',
    ]);
    expect(days('<p>Protesters blocked the port on Australia Day.</p>')).toEqual(['2025-01-26']);
    // A holiday naming something else is no day.
    expect(days('<p>The Boxing Day sales drew record crowds to the harbour shops.</p>')).toEqual([]);
  });

  it('lets a bound apply to the holiday, and leaves a plain "last year" a year', () => {
    expect(days('<p>The firm fell into turmoil just before Thanksgiving last year.</p>')).toEqual([]);
    expect(days('<p>Exports to the region rose sharply last year.</p>')).toEqual(['2024']);
  });
});

describe('an anniversary dates what it remembers', () => {
  it('counts the years back from the day that marks it, which is no event of its own', () => {
    // Published Tuesday 4 March 2025: "Monday" is 3 March.
    expect(
      days('<p>Monday marked two years since the chemical plant exploded, killing nine workers.</p>'),
    ).toEqual(['2023-03-03']);
    expect(
      days('<p>Hundreds of families gathered on Monday to mark one year since the ferry sank.</p>'),
    ).toContain('2025-03-03');
  });

  it.each([
    ['de', '<p>Der Einsturz der Brücke jährt sich am Montag zum zweiten Mal.</p>'],
    ['de', '<p>Die Stadt gedachte am Montag des zweiten Jahrestages des Brückeneinsturzes.</p>'],
    ['fr', '<p>Lundi, jour du deuxième anniversaire de l’effondrement du pont, la ville a prié.</p>'],
    ['es', '<p>El lunes se cumplió el segundo aniversario del derrumbe del puente.</p>'],
  ] as const)('counts an anniversary back in %s: %s', (language, html) => {
    expect(days(html, language)).toContain('2023-03-03');
  });

  it('keeps no event on the day a thing "sich jährt"', () => {
    expect(days('<p>Der Einsturz der Brücke jährt sich am Montag zum zweiten Mal.</p>', 'de')).not.toContain(
      '2025-03-03',
    );
  });

  it('reads "the first anniversary of" as one year', () => {
    expect(
      days('<p>On Monday, the first anniversary of the landslide, the village unveiled a memorial.</p>'),
    ).toContain('2024-03-03');
  });
});

describe('a holiday whose name holds a weekday, or moves with Easter', () => {
  // Thursday 9 April 2026: Good Friday was 3 April, Easter Monday 6 April.
  const AFTER_EASTER = new Date('2026-04-09T12:00:00Z');
  const dates = (sentence: string, language = 'en', at = AFTER_EASTER) =>
    findDates(sentence, at, { language }).map((m) => `${m.text} ${m.date}`);

  it('is its own day, not the nearest weekday its name holds', () => {
    expect(dates('Crews dredged the canal on Good Friday and reopened it on Easter Monday.')).toEqual([
      'Good Friday 2026-04-03',
      'Easter Monday 2026-04-06',
    ]);
    expect(dates('Die Fähre lief am Karfreitag auf Grund und wurde am Ostermontag geborgen.', 'de')).toEqual([
      'Karfreitag 2026-04-03',
      'Ostermontag 2026-04-06',
    ]);
    expect(dates('El puerto cerró el Jueves Santo y reabrió el Lunes de Pascua.', 'es')).toEqual([
      'Jueves Santo 2026-04-02',
      'Lunes de Pascua 2026-04-06',
    ]);
    expect(dates('Le port a fermé le vendredi saint.', 'fr')).toEqual(['vendredi saint 2026-04-03']);
  });

  it('dates the American days set by a weekday of their month, in the year of the tense', () => {
    expect(dates('Shoppers queued outside the mall on Black Friday.')).toEqual(['Black Friday 2025-11-28']);
    expect(dates('The new bridge will open on Memorial Day.')).toEqual(['Memorial Day 2026-05-25']);
  });

  it('takes the near one when the tense would send it most of a year away', () => {
    // Two days before Good Friday: a plan confirmed in the past tense is this year's.
    const before = new Date('2026-04-01T12:00:00Z');
    expect(
      dates('The ferry company confirmed that sailings on Good Friday would not run.', 'en', before),
    ).toEqual(['Good Friday 2026-04-03']);
    // Easter moves: last year's Good Friday fell on 18 April.
    expect(dates('The ferry ran aground on Good Friday last year.', 'en', before)).toEqual([
      'Good Friday last year 2025-04-18',
    ]);
  });

  it('reads the Easter weekend as Good Friday to Easter Monday, in the languages read', () => {
    const spans = (sentence: string, language = 'en') =>
      findDates(sentence, AFTER_EASTER, { language }).map((m) => `${m.date}..${m.endDate}`);
    expect(spans('Ferries carried 40,000 passengers over the Easter weekend.')).toEqual([
      '2026-04-03..2026-04-06',
    ]);
    expect(spans('Tausende Urlauber saßen über Ostern am Hafen fest.', 'de')).toEqual([
      '2026-04-03..2026-04-06',
    ]);
    expect(spans('Le port a été bloqué pendant le week-end de Pâques.', 'fr')).toEqual([
      '2026-04-03..2026-04-06',
    ]);
    // Any year's: no date.
    expect(spans('The port handles 600 sailings on a typical Easter weekend day.')).toEqual([]);
  });

  it('is no day when it names a thing, or is a long weekend with no year', () => {
    expect(dates('The Good Friday Agreement was signed in 1998.')).toEqual(['1998 1998']);
    expect(dates('Black Friday sales fell by a tenth.')).toEqual([]);
    expect(dates('Traffic was heavy on Memorial Day weekend.')).toEqual([]);
    expect(dates('The harbour was busy at Easter.')).toEqual([]);
  });
});

describe('a day counted from a holiday', () => {
  // Saturday 10 January 2026.
  const AFTER_NEW_YEAR = new Date('2026-01-10T12:00:00Z');
  const dates = (sentence: string) =>
    findDates(sentence, AFTER_NEW_YEAR, { language: 'en' }).map((m) => `${m.text} ${m.date}`);

  it('is that weekday or day before or after the holiday, not the nearest such weekday', () => {
    expect(dates('The council agreed its budget on the Monday before Christmas.')).toEqual([
      'the Monday before Christmas 2025-12-22',
    ]);
    expect(dates('The harbour shops reopened the day after Boxing Day.')).toEqual([
      'the day after Boxing Day 2025-12-27',
    ]);
    expect(dates('The ferry timetable changes on the Tuesday after Easter Monday.')).toEqual([
      'the Tuesday after Easter Monday 2026-04-07',
    ]);
  });
});
