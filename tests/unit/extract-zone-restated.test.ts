import { describe, expect, it } from 'vitest';
import { clockEndingOf } from '../../lib/extraction/clock.ts';
import { clockTimesOf } from '../../lib/extraction/index.ts';
import { datedDays, TUESDAY } from '../support/dated-events.ts';

// Tuesday 4 March 2025; "Monday" is the 3rd, "Sunday" the 2nd.
const OPENING = '<p>The regional desk gathered the main stories of the past days for readers.</p>';
const days = (body: string, language?: string) => datedDays(`${OPENING}${body}`, TUESDAY, language);

describe('clockTimesOf: a clock time in the forms outlets write it, on a 24-hour clock', () => {
  it('reads twelve-hour, twenty-four-hour and wire forms alike', () => {
    expect([...clockTimesOf('The statement came shortly after 9pm')]).toEqual(['21:00']);
    expect([...clockTimesOf('posted at 9:15 p.m. on the site')]).toEqual(['21:15']);
    // British and Indian copy put a point between hour and minutes: still the afternoon's hour.
    expect([...clockTimesOf('the aftershock struck at 5.05pm')]).toEqual(['17:05']);
    expect([...clockTimesOf('restored by about 10.10 am IST')]).toEqual(['10:10']);
    expect([...clockTimesOf('publié vers 21h15 sur le site')]).toEqual(['21:15']);
    expect([...clockTimesOf('gegen 21.15 Uhr veröffentlicht')]).toEqual(['21:15']);
    expect([...clockTimesOf("saat 21.15'te açıklandı")]).toEqual(['21:15']);
    expect([...clockTimesOf('at 0215 GMT on Monday')]).toEqual(['02:15']);
    expect([...clockTimesOf('a las 21:15 hora local')]).toEqual(['21:15']);
  });

  it('reads the clock a text ends on, and none when words follow it', () => {
    expect(clockEndingOf('the ferry lost contact at 7:41 p.m. ')).toBe('19:41');
    expect(clockEndingOf('Der Kontakt brach um 22.30 Uhr')).toBe('22:30');
    expect(clockEndingOf('at 7:41 p.m. off the cape')).toBeUndefined();
  });

  it('leaves decimals, scores and durations past a day alone', () => {
    expect([...clockTimesOf('a 6.3 aftershock and a rise of 12.45%')]).toEqual([]);
    expect([...clockTimesOf('they won 3:1 after 48h of talks')]).toEqual([]);
  });

  it('reads a bare "6 h" as a time only after a word that says when: otherwise it is as often hours', () => {
    expect([...clockTimesOf('les pompiers ont lutté pendant 3 h contre les flammes')]).toEqual([]);
    expect([...clockTimesOf('le trajet se fait en 2 h par la route')]).toEqual([]);
    expect([...clockTimesOf('le feu a repris vers 3 h dans la nuit')]).toEqual(['03:00']);
    expect([...clockTimesOf('ouvert de 8 h à 18 h, fermé à 7 h 45 le lundi')]).toEqual([
      '08:00',
      '18:00',
      '07:45',
    ]);
  });
});

describe('one moment on two clocks is one event, dated by the first', () => {
  it("keeps the place's own day when a French outlet adds the Paris time of the next morning", () => {
    expect(
      days(
        '<p>Dans un communiqué publié vers 23h dimanche à New York, soit 5h à Paris ce lundi, la société annonce le départ de son fondateur.</p>',
        'fr',
      ),
    ).toEqual(['2025-03-02']);
  });

  it("reads a wire's GMT conversion in brackets the same way", () => {
    expect(
      days(
        '<p>The ministry announced the ceasefire at 10 p.m. on Sunday (0300 GMT Monday), officials said.</p>',
      ),
    ).toEqual(['2025-03-02']);
  });

  it('keeps the day a bracket names as local time, with or without a clock', () => {
    expect(
      days(
        '<p>Der Staudamm brach in der Nacht zu Dienstag (Ortszeit Montagabend) oberhalb der Stadt.</p>',
        'de',
      ),
    ).toEqual(['2025-03-03']);
    expect(days('<p>The dam gave way late on Monday (early Tuesday local time) above the town.</p>')).toEqual(
      ['2025-03-04'],
    );
    // A bracket that names no local time and no clock restates nothing: two days told.
    expect(days('<p>The dam gave way on Sunday (crews reached it on Monday) above the town.</p>')).toEqual([
      '2025-03-02',
      '2025-03-03',
    ]);
  });

  it('still gives two events when the second day is something that happened next', () => {
    expect(
      days('<p>The bridge closed at 11pm on Sunday and reopened at 7am on Monday after repairs.</p>'),
    ).toEqual(['2025-03-02', '2025-03-03']);
    expect(
      days('<p>The ferry left at 11pm on Sunday and also docked at 7am on Monday in the port.</p>'),
    ).toEqual(['2025-03-02', '2025-03-03']);
  });
});

describe('a moment told on two named calendars is one event, whichever way each day reads alone', () => {
  // Tuesday 4 March 2025: alone, "Saturday" after "Friday" reads as the Saturday to come and "Monday"
  // after "Tuesday" as the past week's; the restating day names its place, so the pair is one moment.
  it('drops the restating day and keeps the first, set off by a bracket or by dashes', () => {
    expect(
      days("<p>The agency cut the bank's rating late on Friday in New York (early Saturday in Seoul).</p>"),
    ).toEqual(['2025-02-28']);
    expect(
      days(
        '<p>Customs officers stopped the courier at Changi early on Monday Singapore time — Sunday evening in Paris — as he boarded.</p>',
      ),
    ).toEqual(['2025-03-03']);
  });

  it("puts a local day ahead of the writer's calendar beside its restatement, not a week back", () => {
    // Monday 3 March 2025, an American desk's evening: the dam broke in the small hours of Tuesday there.
    expect(
      datedDays(
        `${OPENING}<p>The dam above Valdora failed at about 2:05 a.m. Tuesday local time (8:05 p.m. Monday ET), flooding the lower town.</p>`,
        '2025-03-03T12:00:00Z',
      ),
    ).toEqual(['2025-03-04']);
  });

  it("keeps two places' two acts apart", () => {
    expect(
      days('<p>The ship ran aground late on Sunday in Genoa and tugs freed it on Monday in Savona.</p>'),
    ).toEqual(['2025-03-02', '2025-03-03']);
  });
});

describe("a place's clock before a bracket giving universal time and its day", () => {
  // Tuesday 4 March 2025.
  it("puts the moment on the place's own calendar, a day either side of the bracket's", () => {
    // An evening west of Greenwich is already the next morning in universal time.
    expect(
      days('<p>The ferry lost radio contact at 9:50 p.m. (0250 GMT on Tuesday) off the cape.</p>'),
    ).toEqual(['2025-03-03']);
    // A small-hours clock far east of it is still the day before there.
    expect(
      days(
        '<p>The quake struck at 2:14 a.m. local time (1814 GMT on Sunday) off the coast, officials said.</p>',
      ),
    ).toEqual(['2025-03-03']);
    // Within the same day, the bracket's day stands.
    expect(days('<p>The blast came at 11 a.m. (0900 GMT on Monday) in the port.</p>')).toEqual([
      '2025-03-03',
    ]);
  });
});

describe('a day that only restates, for readers elsewhere, a moment told on local time', () => {
  it('is no event of its own: "soit 6h10 mardi à Paris" after "minuit heure locale"', () => {
    expect(
      days(
        "<p>Le barrage a cédé lundi soir. La rupture s'est produite vers minuit heure locale, soit 6h10 mardi à Paris, selon les autorités.</p>",
        'fr',
      ),
    ).toEqual(['2025-03-03']);
  });

  it('is no event of its own: "in Europe it was already Tuesday morning"', () => {
    expect(
      days(
        '<p>Die Einigung kam am Montagabend (Ortszeit) zustande. In Europa war es da bereits Dienstagmorgen.</p>',
        'de',
      ),
    ).toEqual(['2025-03-03']);
    expect(
      days(
        '<p>The deal was struck late on Monday evening – in Asia it was already Tuesday – after talks.</p>',
      ),
    ).toEqual(['2025-03-03']);
  });

  it('keeps a second day that tells another act', () => {
    expect(
      days(
        "<p>La rupture s'est produite vers minuit heure locale, et les secours sont arrivés mardi à l'aube.</p>",
        'fr',
      ),
    ).toEqual(['2025-03-04']);
  });
});

describe('a day the moment had reached, with no place named', () => {
  it('dates the moment: "by the time crews arrived it was already Tuesday"', () => {
    expect(days('<p>By the time the crews reached the village it was already Tuesday.</p>')).toEqual([
      '2025-03-04',
    ]);
  });
});
