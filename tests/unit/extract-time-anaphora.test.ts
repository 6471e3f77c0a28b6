import { describe, expect, it } from 'vitest';
import { extractEvents, isTextDated } from '../../lib/extraction/index.ts';

// Wednesday 16 October 2024, noon UTC.
const PUBLISHED = '2024-10-16T12:00:00Z';

// An undated lead first, so the sentences under test are the body's (a lead's day dates the report).
const LEAD = '<p>Hundreds of residents spent the night in school halls as the storm moved slowly east.</p>';

const dated = (html: string, language?: string) =>
  extractEvents({ html: LEAD + html, publishedAt: PUBLISHED, ...(language ? { language } : {}) })
    .filter(isTextDated)
    .map((event) => [event.date, event.quote.slice(0, 24)]);

describe('a time of day with no day takes the day of the sentence before', () => {
  it('in English: a clock time, noon, and a bare "shortly after,"', () => {
    expect(
      dated(
        '<p>A landslide blocked the mountain road on Monday. A second slope gave way at 4:40 pm near the tunnel.</p>',
      ),
    ).toEqual([
      ['2024-10-14', 'A landslide blocked the '],
      ['2024-10-14', 'A second slope gave way '],
    ]);
    expect(
      dated(
        '<p>The ferry operator cancelled sailings on Sunday. Shortly after, the port closed its gates.</p>',
      ),
    ).toEqual([
      ['2024-10-13', 'The ferry operator cance'],
      ['2024-10-13', 'Shortly after, the port '],
    ]);
  });

  it.each([
    ['de', 'Am 14. Oktober brach im Hafen ein Feuer aus. Am Mittag folgte eine zweite Explosion im Lager.'],
    [
      'fr',
      'Le 14 octobre, un incendie a touché le port. Peu avant midi, une seconde explosion a frappé l’entrepôt.',
    ],
    [
      'es',
      'El 14 de octubre un incendio afectó al puerto. Una segunda explosión sacudió el almacén a las 20:15.',
    ],
  ])('in %s', (language, text) => {
    expect(dated(`<p>${text}</p>`, language).map(([date]) => date)).toEqual(['2024-10-14', '2024-10-14']);
  });

  it('a clock time said give or take ("shortly before 9 p.m.", "kurz nach 14 Uhr"), and the chain it carries on', () => {
    expect(
      dated(
        '<p>Fire crews were called to the grain store on Monday. The roof fell in shortly before 9 p.m. ' +
          'A second fire broke out in the mill about 40 minutes later.</p>',
      ).map(([date]) => date),
    ).toEqual(['2024-10-14', '2024-10-14', '2024-10-14']);
    expect(
      dated(
        '<p>Am 14. Oktober brach im Hafen ein Feuer aus. Kurz nach 14 Uhr stürzte das Dach des Lagers ein.</p>',
        'de',
      ).map(([date]) => date),
    ).toEqual(['2024-10-14', '2024-10-14']);
  });

  it('a clock time on a 24-hour clock, said as when it happened, and a bare one that is not', () => {
    expect(
      dated(
        '<p>Floodwater reached the old bridge on Monday. The embankment broke at 22:40 and the lower town emptied.</p>',
      ).map(([date]) => date),
    ).toEqual(['2024-10-14', '2024-10-14']);
    expect(
      dated(
        '<p>Floodwater reached the old bridge on Monday. The 22:40 train to the coast carried evacuees.</p>',
      ).map(([date]) => date),
    ).toEqual(['2024-10-14']);
  });

  it('in Turkish: "saat 13.24\'te"', () => {
    expect(
      dated(
        "<p>14 Ekim'de limanda bir yangın çıktı. Saat 13.24'te depoda ikinci bir patlama meydana geldi.</p>",
        'tr',
      ).map(([date]) => date),
    ).toEqual(['2024-10-14', '2024-10-14']);
  });

  it('dates nothing without a dated sentence right before, or when the time is booked ahead', () => {
    expect(dated('<p>A second slope gave way at 4:40 pm near the tunnel.</p>')).toEqual([]);
    expect(
      dated('<p>The road reopened on Monday. Crews will inspect the slope at 9 am each day.</p>').map(
        ([date]) => date,
      ),
    ).toEqual(['2024-10-14']);
  });

  it('dates no hours: a clock time that closes a span of them ("de 6 h à 20 h") is no moment', () => {
    const days = (html: string, language: string) => dated(html, language).map(([date]) => date);
    expect(
      days('<p>Le pont a rouvert lundi. Les voitures y passent de 6 h à 20 h, une voie à la fois.</p>', 'fr'),
    ).toEqual(['2024-10-14']);
    expect(days('<p>Le pont a rouvert lundi. Les camions y passent de 6h à 22h.</p>', 'fr')).toEqual([
      '2024-10-14',
    ]);
    expect(days('<p>Le pont a rouvert lundi. Les camions y passent jusqu’à 21 h.</p>', 'fr')).toEqual([
      '2024-10-14',
    ]);
    expect(days('<p>Le pont a rouvert lundi. Un camion y est tombé à 19 h 30.</p>', 'fr')).toEqual([
      '2024-10-14',
      '2024-10-14',
    ]);
  });
});

describe('a day counted from the same sentence’s own day is a second event', () => {
  it('"on 3 October …, and the next day …" gives both days', () => {
    expect(
      dated(
        '<p>Rebels seized the airport on 3 October, and the next day the army withdrew from the city.</p>',
      ),
    ).toEqual([
      ['2024-10-03', 'Rebels seized the airpor'],
      ['2024-10-04', 'Rebels seized the airpor'],
    ]);
    expect(
      dated('<p>A first ferry left the port on 4 October, followed by a second two days later.</p>').map(
        ([date]) => date,
      ),
    ).toEqual(['2024-10-04', '2024-10-06']);
  });

  it('leaves one event when the phrase keeps the day, or the first day is still to come', () => {
    expect(
      dated('<p>The dam failed on 2 October and later that day the army withdrew from the city.</p>').map(
        ([date]) => date,
      ),
    ).toEqual(['2024-10-02']);
    expect(
      dated(
        '<p>The ministry will publish the report on Friday and the next day the unions will meet.</p>',
      ).map(([date]) => date),
    ).toEqual(['2024-10-18']);
  });
});

describe('a sentence that opens on "earlier in the day" takes the day the story tells', () => {
  it('across a sentence of background between them', () => {
    expect(
      dated(
        '<p>The mayor opened the new ferry terminal on Monday. Its first stone was laid in March 2021.</p>' +
          '<p>Earlier in the day, she chaired a meeting on the harbour budget.</p>',
      ),
    ).toEqual([
      ['2024-10-14', 'The mayor opened the new'],
      ['2021-03', 'Its first stone was laid'],
      ['2024-10-14', 'Earlier in the day, she '],
    ]);
  });

  it('past a background day years back, which does not move the story on', () => {
    expect(
      dated(
        '<p>The mayor opened the new ferry terminal on Monday. Its first stone was laid on 2 March 2021.</p>' +
          '<p>She thanked the builders and the harbour staff.</p>' +
          '<p>Earlier in the day, she chaired a meeting on the harbour budget.</p>',
      ).map(([date]) => date),
    ).toEqual(['2024-10-14', '2021-03-02', '2024-10-14']);
  });

  it('and so does a sentence that opens on "the next day" or "two days later"', () => {
    expect(
      dated(
        '<p>The ferry ran aground on 8 October. Twelve passengers were taken off by lifeboat.</p>' +
          '<p>Two days later, divers reached the hull.</p><p>The harbour board met on 11 October.</p>' +
          '<p>Its chair had resigned in the spring.</p><p>Le lendemain, le port a rouvert.</p>',
      ).map(([date]) => date),
    ).toEqual(['2024-10-08', '2024-10-10', '2024-10-11', '2024-10-12']);
  });

  it('counts no delay: "two days later than planned" is no day', () => {
    expect(
      dated('<p>The pier reopened on 9 October. The repairs ended two days later than planned.</p>').map(
        ([date]) => date,
      ),
    ).toEqual(['2024-10-09']);
  });

  it('counts no bound: "less than a week later", "just over two days later", "nearly a week later" date nothing', () => {
    expect(
      dated(
        '<p>The pier reopened on 9 October. Less than a week later, a storm closed it again.</p>' +
          '<p>The ferry sank on 2 October. Just over two days later the divers arrived.</p>' +
          '<p>The dredger ran aground on 4 October. Nearly a week later, the tugs freed it.</p>' +
          '<p>The yard opened in 2015. Less than two years later, it closed.</p>' +
          '<p>The quay was rebuilt in May 2022. More than three months later, the cranes came.</p>',
      ).map(([date]) => date),
    ).toEqual(['2024-10-09', '2024-10-02', '2024-10-04', '2015', '2022-05']);
  });

  it("but not when the phrase is inside a sentence, where it is as often the speaker's day", () => {
    expect(
      dated(
        '<p>The mayor opened the new ferry terminal on Monday. Its first stone was laid in March 2021.</p>' +
          '<p>Her aides said she would speak to reporters later in the day.</p>',
      ).map(([date]) => date),
    ).toEqual(['2024-10-14', '2021-03']);
  });
});
