import { describe, expect, it } from 'vitest';
import {
  type ArticleText,
  extractEvents,
  findDates,
  htmlToBlocks,
  isTextDated,
} from '../../lib/extraction/index.ts';
import { sentencesOf } from '../../lib/extraction/sentences.ts';

// Tuesday 15 October 2024, morning in Europe.
const PUBLISHED = '2024-10-15T08:30:00Z';

const dated = (article: ArticleText) => extractEvents(article).filter(isTextDated);
const datedIn = (html: string, publishedAt = PUBLISHED) =>
  dated({ html, publishedAt }).map(({ date, datePrecision, endDate, quote }) => ({
    date,
    datePrecision,
    endDate,
    quote,
  }));

describe('sentence boundaries in news copy', () => {
  it("keeps a wire's instrument code in brackets inside its sentence", () => {
    expect(
      sentencesOf('Shares in Harbour Bank (HBK.I) plunged 41% on Tuesday after a warning.'),
    ).toHaveLength(1);
    expect(
      sentencesOf('Vossen (VSNG.DE) and Kessler (7203.T) rose on Monday. Tolmar (TLM.MC) fell.'),
    ).toEqual(['Vossen (VSNG.DE) and Kessler (7203.T) rose on Monday.', 'Tolmar (TLM.MC) fell.']);
  });

  it('keeps abbreviations of months, titles, places and times inside their sentence', () => {
    expect(
      sentencesOf('Sen. Ortiz and Gov. Lee met Lt. Gen. Park at No. 4 St. Clair Road at 7 a.m. Friday.'),
    ).toHaveLength(1);
    expect(sentencesOf('The U.K. envoy and a U.S. delegation left on Sept. 9 for talks.')).toHaveLength(1);
    expect(sentencesOf('The ferry sailed at 5 p.m. on Jan. 4, the port said.')).toHaveLength(1);
  });

  it('keeps dotted initials with the name or noun they belong to', () => {
    for (const sentence of [
      'The ferry line reopens on Thursday, Gov. K.T. Marsh said.',
      'On Monday, R.J. Okafor toured the flooded depot.',
      'Inspectors met with the U.S. Coast Guard on Tuesday.',
      'Rep. Dana Whitlow, D-N.M., said on Monday the dam was safe.',
      'A brush fire broke out near Ft. Halden on Monday.',
      'Cmdr. Ivo Rask and Adm. Lee Pardo inspected the pier on Monday.',
      'The crane failed at approx. 3 p.m. on Monday.',
    ])
      expect(sentencesOf(sentence), sentence).toEqual([sentence]);
    expect(
      datedIn('<p>The depot reopens on Thursday, Gov. K.T. Marsh said. Crews were still pumping.</p>')[0],
    ).toMatchObject({ date: '2024-10-17', quote: 'The depot reopens on Thursday, Gov. K.T. Marsh said.' });
  });

  it('keeps a paragraph holding the stand-in character for hidden points as written', () => {
    const text = 'The \uE000 icon marks U.S. Coast Guard posts. Crews left on Monday.';
    expect(sentencesOf(text).join(' ')).toBe(text);
  });

  it('ends a sentence on initials where the next word opens a sentence', () => {
    expect(sentencesOf('The merger was cleared in the U.K. The shares rose on Monday.')).toEqual([
      'The merger was cleared in the U.K.',
      'The shares rose on Monday.',
    ]);
    expect(sentencesOf('She moved to Washington, D.C. In 2019 she joined the agency.')).toHaveLength(2);
  });

  it('ends a sentence on a clock time, but not one that goes on telling the time', () => {
    expect(
      sentencesOf('The pumps failed shortly before 6 a.m. A second pump station flooded at noon.'),
    ).toEqual(['The pumps failed shortly before 6 a.m.', 'A second pump station flooded at noon.']);
    expect(sentencesOf('The shift ended at 10 p.m. "We were lucky," a nurse said.')).toHaveLength(2);
    for (const going of [
      'Monday',
      'EDT on Monday',
      'Eastern Time on Monday',
      'Lisbon time on Monday',
      'Oct. 4',
    ])
      expect(sentencesOf(`The ferry left at 7 a.m. ${going}.`), going).toHaveLength(1);
  });

  it('ends a sentence on a date without losing the day', () => {
    expect(sentencesOf('The relief ship docked on Oct. 13. Crews began unloading at dawn.')).toEqual([
      'The relief ship docked on Oct. 13.',
      'Crews began unloading at dawn.',
    ]);
    expect(
      datedIn('<p>The relief ship docked on Oct. 13. Crews began unloading at dawn.</p>')[0],
    ).toMatchObject({
      date: '2024-10-13',
    });
  });

  it('splits text scraped without a space after the full stop', () => {
    const [first, second] = sentencesOf('The plant shut on Friday.Engineers said repairs would take weeks.');
    expect(first).toMatch(/^The plant shut on Friday\.?$/);
    expect(second).toBe('Engineers said repairs would take weeks.');
  });

  it('ends a sentence on the platform X, but keeps an initial inside its name', () => {
    expect(sentencesOf('The mayor posted the video to X. Police said on Monday it was genuine.')).toEqual([
      'The mayor posted the video to X.',
      'Police said on Monday it was genuine.',
    ]);
    expect(
      sentencesOf('„Wir bleiben“, schrieb Varga auf X. Der Hafen hat am Montag geschlossen.'),
    ).toHaveLength(2);
    expect(
      datedIn('<p>"We are staying," Varga wrote on X. The port board named a new chief on Monday.</p>'),
    ).toEqual([
      expect.objectContaining({ date: '2024-10-14', quote: 'The port board named a new chief on Monday.' }),
    ]);
    expect(sentencesOf('The port posted it on its account, formerly X. The ferries ran again.')).toHaveLength(
      2,
    );
    expect(sentencesOf('Malcolm X. Reed, the harbour master, resigned.')).toHaveLength(1);
  });

  it('ends a short sentence on a year, a figure or a short month name', () => {
    expect(sentencesOf('Repairs ended in 2019. A new ferry will start on Dec. 12.')).toEqual([
      'Repairs ended in 2019.',
      'A new ferry will start on Dec. 12.',
    ]);
    expect(sentencesOf('He was 67. His sister survives him.')).toHaveLength(2);
    expect(sentencesOf('They met in June. The wedding followed.')).toHaveLength(2);
    // The year is not scheduled by the next sentence's "will", and the ferry keeps its day.
    expect(
      datedIn('<p>Repairs ended in 2019. A new ferry will start on Dec. 12.</p>').map((e) => e.date),
    ).toEqual(['2019', '2024-12-12']);
    // A decimal and an abbreviated title are not sentence ends.
    expect(sentencesOf('The quake measured 6.1 on the scale. Gen. Park flew in.')).toHaveLength(2);
    expect(sentencesOf('Am 9. Oktober trat der Minister zurück. Er war 64.')).toHaveLength(2);
  });

  it('starts a sentence on a day and its month, but not after a short abbreviation', () => {
    expect(sentencesOf('The port suspended Varga. 4 October: Crews strike at the harbour.')).toEqual([
      'The port suspended Varga.',
      '4 October: Crews strike at the harbour.',
    ]);
    expect(sentencesOf('La grève a duré trois jours. 14 mars : le port rouvre.')).toHaveLength(2);
    expect(sentencesOf('The crews sailed at 6 a.m. 9 March was a calm day.')).toHaveLength(2);
    expect(sentencesOf('The ferry is listed as No. 4 May sailing in the timetable.')).toHaveLength(1);
  });

  it('keeps an ordinal day and its month together ("am 9. Oktober")', () => {
    expect(sentencesOf('Am 9. Oktober trat der Minister zurück.')).toHaveLength(1);
  });

  it('reads one timeline entry per line in plain text, but keeps hard-wrapped prose whole', () => {
    const text = 'Oct. 8: The council votes to close the depot.\nOct. 9: Drivers walk out in protest.';
    expect(htmlToBlocks(text).map((block) => block.text)).toHaveLength(2);
    expect(datedIn(text).map((event) => event.date)).toEqual(['2024-10-08', '2024-10-09']);
    expect(htmlToBlocks('The council voted to close the depot\nafter a long debate.')).toHaveLength(1);
  });
});

describe('a fragment cut off by an excerpt', () => {
  it('tells nothing when it is only its date and a name', () => {
    expect(datedIn('<p>The ferry line named a new board on 4 March.</p><p>In March, Ines Varga</p>')).toEqual(
      [expect.objectContaining({ date: '2024-03-04' })],
    );
  });

  it('reads a weekday as a date word, and a name starting like a month as a name', () => {
    expect(datedIn('<p>On Monday, Ines Varga</p>')).toEqual([]);
    expect(datedIn('<p>On Monday, Marcus Junor resigned</p>').map((event) => event.date)).toEqual([
      '2024-10-14',
    ]);
  });

  it('keeps a terse entry that says what happened', () => {
    expect(datedIn('<p>7 October: Trial opens</p>').map((event) => event.date)).toEqual(['2024-10-07']);
    expect(datedIn('<p>Runoff: 7 November</p>').map((event) => event.date)).toEqual(['2024-11-07']);
  });

  it("reads a writer's signature closing an article, a name and a day in brackets, as no event", () => {
    const html =
      '<p>The ferry went back to its timetable on Monday. (Eva Lindner, 14.10.2024)</p>' +
      '<p>(APA, 14.10.2024)</p>';
    expect(datedIn(html).map((event) => event.quote)).toEqual([
      'The ferry went back to its timetable on Monday.',
    ]);
  });
});

describe('week- and month-relative dates', () => {
  const at = new Date(PUBLISHED);
  const datesIn = (sentence: string) =>
    findDates(sentence, at).map(({ text, date, precision, endDate }) => ({ text, date, precision, endDate }));

  it('reads a week as its ISO week, Monday to Sunday', () => {
    expect(datesIn('The ferry line stopped running last week.')).toEqual([
      { text: 'last week', date: '2024-10-07', precision: 'week', endDate: '2024-10-13' },
    ]);
    expect(datesIn('Inspectors visited the depot earlier this week.')[0]).toMatchObject({
      date: '2024-10-14',
      precision: 'week',
      endDate: '2024-10-20',
    });
    expect(datesIn('The strike ended late last week, the union said.')[0]?.date).toBe('2024-10-07');
  });

  it('leaves "the past week", a span up to now, undated', () => {
    expect(datesIn('Prices climbed over the past week.')).toEqual([]);
    // "the last week" and "the previous month" after "over", "in", "during" are spans too.
    expect(datesIn('Fares rose 6% over the last week.')).toEqual([]);
    expect(datesIn('In the previous month, three ferries were withdrawn.')).toEqual([]);
    // Without "the", or naming a week of a month, they are dates.
    expect(datesIn('Fares rose 6% last week.')[0]).toMatchObject({ date: '2024-10-07', precision: 'week' });
    expect(datesIn('The vote fell in the last week of September.')[0]).toMatchObject({ date: '2024-09' });
  });

  it('reads "a week ago Tuesday" as the Tuesday before the latest one', () => {
    expect(datesIn('The levee failed a week ago Tuesday, engineers said.')[0]).toMatchObject({
      date: '2024-10-08',
    });
    expect(datesIn('The levee failed two weeks ago Friday.')[0]).toMatchObject({ date: '2024-09-27' });
  });

  it('counts "six weeks ago tonight", "a month ago today", "ten years ago today" back to the day', () => {
    // Tuesday 15 October 2024.
    expect(datesIn('Six weeks ago tonight, the levee failed.')).toMatchObject([{ date: '2024-09-03' }]);
    expect(datesIn('A month ago today, the levee failed.')).toMatchObject([{ date: '2024-09-15' }]);
    expect(datesIn('Ten years ago today, the levee failed.')).toMatchObject([{ date: '2014-10-15' }]);
    // A count of years alone is a year, which dates nothing.
    expect(datesIn('Ten years ago, the levee failed.')).toEqual([]);
  });

  it('reads "a week ago today" as that day, and "the weekend before last" as the one before', () => {
    expect(datesIn('The levee failed a week ago today.')).toMatchObject([{ date: '2024-10-08' }]);
    expect(datesIn('Crowds gathered in the square the weekend before last.')).toMatchObject([
      { date: '2024-10-05', endDate: '2024-10-06' },
    ]);
  });

  it('reads a past weekend as its Saturday and Sunday, and a coming week or weekend as a forecast', () => {
    expect(datesIn('Crowds gathered in the square over the weekend.')[0]).toMatchObject({
      date: '2024-10-12',
      endDate: '2024-10-13',
    });
    expect(datesIn('The envoy will travel to the border this weekend.')).toEqual([]);
    expect(datesIn('The verdict is expected to be read next week.')).toEqual([]);
    expect(datesIn('Staff will rotate onto weekend shifts.')).toEqual([]);
  });

  it('dates a span of months written with one year by its first month, in that year', () => {
    const spans = [
      ['The thefts took place from February to May 2021, the court heard.', '2021-02'],
      ['Inspections ran in April-July 2022.', '2022-04'],
      ['The works ran from October to January 2023.', '2022-10'],
      ['The payments were made between February and May 2021.', '2021-02'],
      // Published in October 2024: a past span without a year ends in the last May gone by.
      ['The fraud went on between January and May, prosecutors said.', '2024-01'],
    ];
    for (const [sentence, month] of spans) {
      expect(datesIn(sentence as string), sentence).toEqual([
        expect.objectContaining({ date: month, precision: 'month' }),
      ]);
    }
  });

  it('reads months counted from publication and parts of named months', () => {
    const months = [
      ['The levee gave way earlier this month.', '2024-10'],
      ['The mill closed last month.', '2024-09'],
      ['The senator retired two months ago.', '2024-08'],
      ['Ice closed the harbour in mid-May.', '2024-05'],
      ['The pass reopened in late March.', '2024-03'],
      ['The count finished in early October.', '2024-10'],
    ];
    for (const [sentence, month] of months) {
      expect(datesIn(sentence as string)[0], sentence).toMatchObject({ date: month, precision: 'month' });
    }
  });

  it('reads the part of this or last month in four languages, and "mi-octobre"', () => {
    const month = (sentence: string, language: string) =>
      findDates(sentence, at, { language }).map(({ date, precision }) => `${date} ${precision}`);
    expect(month('At the end of last month, a storm flooded the quay.', 'en')).toEqual(['2024-09 month']);
    expect(month('The quay flooded at the start of the month.', 'en')).toEqual(['2024-10 month']);
    expect(month('Anfang des Monats hatte ein Sturm den Kai überflutet.', 'de')).toEqual(['2024-10 month']);
    expect(month('Ende letzten Monats hatte ein Sturm den Kai überflutet.', 'de')).toEqual(['2024-09 month']);
    expect(month('Letzte Woche hatte ein Sturm den Kai überflutet.', 'de')).toEqual(['2024-10-07 week']);
    expect(month('Au début du mois, une tempête avait inondé le quai.', 'fr')).toEqual(['2024-10 month']);
    expect(month('À la mi-septembre, une tempête avait inondé le quai.', 'fr')).toEqual(['2024-09 month']);
    expect(month('A finales del mes pasado, una tormenta inundó el muelle.', 'es')).toEqual([
      '2024-09 month',
    ]);
    // A deadline in the present is no event: only a past clause dates the current month.
    expect(month('Die Frist endet Ende des Monats.', 'de')).toEqual([]);
    expect(month('The lease runs out at the end of the month.', 'en')).toEqual([]);
  });

  it('reads "a week ago" and its French and German forms as that day', () => {
    expect(datesIn('The tunnel flooded a week ago.')[0]).toMatchObject({
      date: '2024-10-08',
      precision: 'day',
    });
    expect(findDates('Le tunnel a été inondé il y a une semaine.', at, { language: 'fr' })[0]?.date).toBe(
      '2024-10-08',
    );
    expect(findDates('Der Tunnel wurde vor zwei Wochen überflutet.', at, { language: 'de' })[0]?.date).toBe(
      '2024-10-01',
    );
  });

  it('keeps the day of "the morning of 26 March" and "in the evening of 18 June"', () => {
    expect(datesIn('The barrier failed on the morning of 26 March.')[0]?.date).toBe('2024-03-26');
    expect(datesIn('Gunmen attacked the convoy in the evening of 18 June.')[0]?.date).toBe('2024-06-18');
  });

  it('keeps "this morning" when "of" after it opens no written day', () => {
    // Published 15 October 2024.
    expect(
      datesIn('The union served notice this morning of a walkout at the port.').map((m) => m.date),
    ).toEqual(['2024-10-15']);
  });

  it('dates the earlier event of "six weeks to the day after" from the sentence\'s own day', () => {
    const dates = datedIn('<p>The stadium reopened on 12 October, six weeks to the day after the fire.</p>');
    expect(dates.map((event) => event.date).sort()).toEqual(['2024-08-31', '2024-10-12']);
    const fromPublication = datedIn(
      '<p>Donors pledged aid, three days after the landslide buried the village.</p>',
    );
    expect(fromPublication.map((event) => event.date)).toEqual(['2024-10-12']);
  });

  it('dates the earlier event of "a month to the day after" to its day, and of "a month after" to its month', () => {
    const toTheDay = datedIn(
      '<p>The stadium reopened on 12 October, one month to the day after the fire.</p>',
    );
    expect(toTheDay.map((event) => `${event.date} ${event.datePrecision}`).sort()).toEqual([
      '2024-09-12 day',
      '2024-10-12 day',
    ]);
    const roughly = datedIn('<p>The stadium reopened on 12 October, a month after the fire.</p>');
    expect(roughly.map((event) => `${event.date} ${event.datePrecision}`).sort()).toEqual([
      '2024-09 month',
      '2024-10-12 day',
    ]);
  });

  it('gives a day inside the phrase naming the earlier event to that event, and counts on from it', () => {
    // Published Tuesday 15 October: Thursday is the 10th.
    const dates = datedIn('<p>The ruling came two days after a stormy hearing on Thursday.</p>')
      .map((event) => event.date)
      .sort();
    expect(dates).toEqual(['2024-10-10', '2024-10-12']);
    // A clause break between makes the day the sentence's own again.
    const own = datedIn('<p>The pier reopened three days after the storm, on Thursday.</p>')
      .map((event) => event.date)
      .sort();
    expect(own).toEqual(['2024-10-07', '2024-10-10']);
  });

  it('counts "the move comes a week after" from the last day the story reported', () => {
    const FERRY = '<p>The ferry company said on Monday it would cut its winter sailings.</p>';
    const move = (html: string) =>
      datedIn(FERRY + html)
        .map((event) => event.date)
        .sort();
    // The sentence between reports no day: the week counts back from Monday 14 October, the last day told.
    expect(
      move('<p>Crews heard the news at a meeting. The move comes a week after a storm wrecked the pier.</p>'),
    ).toEqual(['2024-10-07', '2024-10-14']);
    // So does news said to be made public, or to have come, days after, a paragraph on.
    const later = (sentence: string) => move(`<p>Crews heard the news at a meeting.</p><p>${sentence}</p>`);
    expect(later('The decision was announced two days after a storm wrecked the pier.')).toEqual([
      '2024-10-12',
      '2024-10-14',
    ]);
    expect(later('The announcement came a day after a storm wrecked the pier.')).toEqual([
      '2024-10-13',
      '2024-10-14',
    ]);
    // Without a subject pointing back, a present clause counts from publication, as before.
    expect(move('<p>Families are still in hotels, a week after a storm wrecked the pier.</p>')).toEqual([
      '2024-10-08',
      '2024-10-14',
    ]);
  });

  it('makes the thing a counted-back day names and the same day written out one account', () => {
    const events = datedIn(`<p>The ferry company said on Monday it would cut its winter sailings.</p>
      <p>The move comes a week after a storm wrecked the pier. The 7 October storm also flooded the harbour office.</p>`);
    expect(events.map((event) => event.date).sort()).toEqual(['2024-10-07', '2024-10-14']);
  });

  it('counts "a week later" from the sentence before', () => {
    const events = datedIn(
      '<p>The dam was breached on 2 October. A week later, the river crested in the capital.</p>',
    );
    expect(events.map((event) => event.date)).toEqual(['2024-10-02', '2024-10-09']);
  });
});

describe('direction: the verb that governs the date', () => {
  const at = new Date(PUBLISHED);
  const dateOf = (sentence: string, language?: string) => findDates(sentence, at, { language })[0]?.date;

  it('reads a reporting verb before the date as past, whatever the quote or clause after it announces', () => {
    expect(dateOf('"We will reopen the port within days," the governor said on Monday.')).toBe('2024-10-14');
    expect(dateOf('The senator said Friday she intends to run again.')).toBe('2024-10-11');
    expect(dateOf('The agency told reporters on Sunday that flights would resume.')).toBe('2024-10-13');
  });

  it('reads the month "May" after a preposition as the month, not a forecast\'s "may"', () => {
    const datesOf = (sentence: string) => findDates(sentence, at).map((mention) => mention.date);
    expect(datesOf('The talks began in May and ended on Friday.')).toEqual(['2024-05', '2024-10-11']);
    expect(datesOf('A low may develop into a storm by Friday.')).toEqual([]);
  });

  it('reads "the will" as a noun, not a future', () => {
    expect(dateOf('The will was lodged with the probate court in September.')).toBe('2024-09');
    expect(dateOf('Her will had been read to the family on Monday.')).toBe('2024-10-14');
  });

  it('reads "read" and "shut" as past unless a modal or a present passive comes before', () => {
    const datesOf = (sentence: string) => findDates(sentence, at).map((mention) => mention.date);
    expect(
      datesOf('The statement, drafted in August 2023 and read to staff on Friday, was published.'),
    ).toEqual(['2023-08', '2024-10-11']);
    expect(dateOf('The verdict will be read on Monday.')).toBe('2024-10-21');
    expect(dateOf('The smelter shut on Monday after the fire.')).toBe('2024-10-14');
  });

  it('reads "is expected on" and "ahead of Sunday\'s" as ahead', () => {
    expect(dateOf('The ruling is expected on Thursday.')).toBe('2024-10-17');
    expect(dateOf("Crowds gathered ahead of Sunday's final.")).toBe('2024-10-20');
  });

  it('reads a past tense in French and a "dernier" weekday as past', () => {
    expect(dateOf('Le directeur avait été écarté vendredi.', 'fr')).toBe('2024-10-11');
    expect(dateOf('Il a été limogé vendredi dernier.', 'fr')).toBe('2024-10-11');
  });

  it('reads a timeline entry headed by a bare weekday as the past one', () => {
    const events = datedIn('<ul><li>Thursday: The board meets and votes to remove the chair.</li></ul>');
    expect(events.map((event) => event.date)).toEqual(['2024-10-10']);
  });
});

describe('reference date: stamps, datelines and quoted days', () => {
  it('counts relative dates under a live-blog update stamp from the stamp', () => {
    const html = `<p>Rescue teams are working through the night in the valley, officials say.</p>
      <p>Updated 17 October 14:05</p>
      <p>Yesterday the regional governor ordered the evacuation of three villages.</p>`;
    expect(datedIn(html).map((event) => event.date)).toEqual(['2024-10-16']);
  });

  it('counts from an entry header with a time, and from an "April 1 update"', () => {
    const html = `<p>Our live coverage of the storm continues through the week.</p>
      <h3>April 1 update</h3><p>The ferry operator cancelled all sailings yesterday.</p>`;
    expect(datedIn(html, '2024-04-03T10:00:00Z').map((event) => event.date)).toEqual(['2024-03-31']);
  });

  it('takes a timeline entry with a decimal ("cuts its rate to 5.25%") for an entry, not a stamp', () => {
    const html = `<p>The central bank raised its rate again on Thursday, its governor said.</p>
      <ul><li>3 October: Bank cuts its rate to 5.25%</li><li>9 October: Inflation reported at 4.9%</li></ul>`;
    expect(datedIn(html).map((event) => event.date)).toEqual(['2024-10-10', '2024-10-03', '2024-10-09']);
  });

  it('reads a day booked "pour le" in French as ahead under a past verb', () => {
    const date = findDates(
      'Le président a signé lundi le décret convoquant le scrutin pour le 10 novembre.',
      new Date(PUBLISHED),
      {
        language: 'fr',
      },
    ).map((mention) => mention.date);
    expect(date).toEqual(['2024-10-14', '2024-11-10']);
  });

  it('leaves a page stamp above the lede alone', () => {
    const html = `<p class="meta">Published 01.08.2024 · 4 min read</p>
      <p>The customs union took effect yesterday after years of talks between the two states.</p>`;
    expect(datedIn(html).map((event) => event.date)).toEqual(['2024-10-14']);
  });

  it('counts from a wire dateline that gives only its day ("Oct 9 (Wire) - "), left out of the quote', () => {
    const [event] = datedIn(
      '<p>Oct 9 (Wire) - The ferry operator said on Monday it would buy a smaller rival.</p>',
    );
    expect(event).toMatchObject({
      date: '2024-10-07',
      quote: 'The ferry operator said on Monday it would buy a smaller rival.',
    });
  });

  it("counts a reprint's relative dates from its original dateline", () => {
    const html =
      '<p>LISBON, Oct 9 (Wire Service) - Dockworkers walked off the job on Monday, halting exports from the port for the first time in a decade.</p>';
    expect(datedIn(html).map((event) => event.date)).toEqual(['2024-10-07']);
  });

  it.each([
    ['it', '(ANSA) - KESSEL, 9 OTT - I portuali hanno incrociato le braccia lunedì, bloccando il porto.'],
    ['es', 'KESSEL, 9 oct (EFE).- Los estibadores dejaron de trabajar el lunes y paralizaron el puerto.'],
    ['en-IN', 'Kessel, Oct 9 (PTI) Dock workers stopped work on Monday, shutting the port, police said.'],
  ])("counts from an agency's dateline in %s and leaves it out of the quote", (language, text) => {
    const events = dated({ html: `<p>${text}</p>`, publishedAt: PUBLISHED, language });
    expect(events.map((event) => event.date)).toEqual(['2024-10-07']);
    expect(events[0]?.quote).toMatch(/^(?:I portuali|Los estibadores|Dock workers)/);
  });

  it.each([
    'Kessel, Oct 9 (Reuters) - Dock workers stopped work on Monday, shutting the port, police said.',
    'Kessel, 9 October (AFP) – Dock workers stopped work on Monday, shutting the port, police said.',
  ])("counts from a reprint's dateline that sets the place as a name: %s", (text) => {
    const events = dated({ html: `<p>${text}</p>`, publishedAt: PUBLISHED });
    expect(events.map((event) => event.date)).toEqual(['2024-10-07']);
    expect(events[0]?.quote).toMatch(/^Dock workers/);
  });

  it.each([
    'Kessel (dpa) - Die Hafenarbeiter haben am Montag die Arbeit niedergelegt.',
    'Kessel (dpa/lni) – Die Hafenarbeiter haben am Montag die Arbeit niedergelegt.',
  ])("leaves a German agency's dateline, place in lower case, out of the quote: %s", (text) => {
    const events = dated({ html: `<p>${text}</p>`, publishedAt: PUBLISHED, language: 'de' });
    expect(events.map((event) => event.date)).toEqual(['2024-10-14']);
    expect(events[0]?.quote).toMatch(/^Die Hafenarbeiter/);
  });

  it('counts from a dateline set as a paragraph of its own, past a title and a caption', () => {
    const events = dated({
      html:
        '<p>Los estibadores paralizan el puerto de Kessel</p>' +
        '<p>El sindicato exige un nuevo convenio</p>' +
        '<p>Archivo - Grúas en el puerto de Kessel - Archivo</p>' +
        '<p>KESSEL, 11 Oct. (EUROPA PRESS) -</p>' +
        '<p>Los estibadores del puerto de Kessel dejaron de trabajar este lunes, según el sindicato.</p>',
      publishedAt: PUBLISHED,
      language: 'es',
    });
    expect(events.map((event) => [event.date, event.quote.slice(0, 16)])).toEqual([
      ['2024-10-07', 'Los estibadores '],
    ]);
  });

  it("keeps a name and a party in brackets before a dash as the story's words", () => {
    const [event] = dated({
      html: '<p>Lena Varga (SPD) – die Hafenarbeiter haben am Montag die Arbeit niedergelegt, sagte sie.</p>',
      publishedAt: PUBLISHED,
      language: 'de',
    });
    expect(event?.quote).toMatch(/^Lena Varga \(SPD\)/);
  });

  it('dates "today" inside a quotation by the day the words were said', () => {
    const saidOnDay = datedIn('<p>"We reopen today," the harbour master said on Saturday.</p>');
    expect(saidOnDay.map((event) => event.date)).toEqual(['2024-10-12']);
  });
});

describe('not events', () => {
  it('reads a date field written with an ordinal day as a field', () => {
    const html =
      '<p>Date: 12th October, 2024</p><p>Dock workers stopped work on Monday, shutting the port.</p>';
    expect(datedIn(html).map((event) => event.date)).toEqual(['2024-10-14']);
  });

  it.each([
    'Harbour TV | Published 14 October 2024, 14:02 CEST | Updated 14 October 2024, 18:40 CEST',
    'Coast Desk | Kessel | Updated: 14-10-2024 04:12 IST | Created: 14-10-2024 04:12 IST',
  ])("reads a stamp line after the outlet's name as a stamp: %s", (stamp) => {
    const html = `<p>Dock workers stopped work on Monday, shutting the port.</p><p>${stamp}</p>`;
    expect(datedIn(html).map((event) => event.date)).toEqual(['2024-10-14']);
  });

  const at = new Date(PUBLISHED);
  const datesIn = (sentence: string) => findDates(sentence, at).map((mention) => mention.date);

  it('skips the dates printed on a product that a recall names', () => {
    expect(datesIn('The recall covers jars with use-by dates from 10/11/2024 to 18/11/2024.')).toEqual([]);
    expect(datesIn('Packs with a best before date of 3 November 2024 are affected.')).toEqual([]);
    expect(datesIn('Cartons with an expiry date of 5 January 2025 should be returned.')).toEqual([]);
    expect(datesIn('Betroffen ist nur das Mindesthaltbarkeitsdatum 14.11.2024.')).toEqual([]);
    // An expiry with no label is a day something ends, and the recall itself is news.
    expect(datesIn('The lease expiry on 31 March forced the move.')).toEqual(['2024-03-31']);
    expect(datesIn('The dairy recalled the jars on 11 October.')).toEqual(['2024-10-11']);
  });

  it('skips photo captions, in a figure or credited in running text', () => {
    const html = `<p>Engineers restored power to most of the city on Sunday, the utility said.</p>
      <figure><img src="x.jpg"><figcaption>Crews repair a line in the east, Saturday, Oct. 12, 2024.</figcaption></figure>
      <p>A lineman climbs a pole in the old town, Friday, Oct. 11, 2024. (AP Photo/Jane Doe)</p>`;
    expect(datedIn(html).map((event) => event.date)).toEqual(['2024-10-13']);
  });

  it("keeps a caption that tells the story's event as that account's evidence, in a figure or credited", () => {
    // Tuesday 15 October 2024: the visit was on Sunday the 13th.
    const html = `<p>The prime minister toured the flooded river towns on Sunday with the regional governor.</p>
      <figure><img src="x.jpg"><figcaption>The prime minister tours the flooded river towns with the governor, Sunday, Oct. 13, 2024.</figcaption></figure>
      <p>The prime minister and the governor inspect the flooded river towns from a boat, Sunday, Oct. 13, 2024. (AP Photo/Jane Doe)</p>
      <figure><img src="y.jpg"><figcaption>A volunteer fills sandbags at the depot, Saturday, Oct. 12, 2024.</figcaption></figure>`;
    const events = extractEvents({ html, publishedAt: PUBLISHED }).filter(isTextDated);
    expect(events.map((event) => event.date)).toEqual(['2024-10-13']);
    expect(events[0]?.evidence).toEqual([
      'The prime minister tours the flooded river towns with the governor, Sunday, Oct. 13, 2024.',
      'The prime minister and the governor inspect the flooded river towns from a boat, Sunday, Oct. 13, 2024.',
    ]);
  });

  it('skips "Most read" teasers and live-blog "Key events" navigation', () => {
    const html = `<p>The parliament approved the budget on Monday after a night of debate.</p>
      <p>Most read: Ferry sinks off the coast on 2 October</p>
      <p>Key events: 14:05 Vote passes on 14 October</p>`;
    expect(datedIn(html).map((event) => event.date)).toEqual(['2024-10-14']);
  });

  it('reads forecasts and bounds named by an event as no date', () => {
    expect(datesIn('The storm could make landfall as early as Thursday.')).toEqual([]);
    expect(datesIn('The aid ship is expected to arrive on Friday.')).toEqual([]);
    expect(datesIn('More thunderstorms are possible on Thursday afternoon, forecasters said.')).toEqual([]);
    // A market's close is a yardstick; the verb "close" is not.
    expect(datesIn("The offer is a 24% premium to the ferry line's closing price on Monday.")).toEqual([]);
    expect(datesIn("Its shares rose 3% from Friday's close.")).toEqual([]);
    expect(datesIn('The ferry ticket offices close on Monday for the holiday.')).toEqual(['2024-10-21']);
    expect(datesIn('Snow is also likely Friday in the hills above the harbour.')).toEqual([]);
    // The same forecast reported in the past tense of the saying.
    expect(datesIn('The ferry operator warned that more cancellations were possible Wednesday.')).toEqual([]);
    expect(datesIn('Forecasters said heavy rain was likely on Saturday along the coast.')).toEqual([]);
    expect(datesIn('Tenants stayed in the block until the demolition on Monday.')).toEqual([]);
    expect(datesIn('Prices have doubled since the devaluation on 3 March, traders said.')).toEqual([]);
    // A verb after "until" names what happened then: "until police arrived on Monday".
    expect(datesIn('Residents held the square until police arrived on Monday.')).toEqual(['2024-10-14']);
    // A scheduled event keeps its day.
    expect(datesIn('The vote is expected on Thursday.')).toEqual(['2024-10-17']);
    // A hedge inside a bound leaves it a bound.
    expect(
      datesIn('The ferry pier will stay shut until at least Thursday afternoon, the port said.'),
    ).toEqual([]);
    expect(datesIn('The harbour has flooded every spring since at least 2019.')).toEqual([]);
    expect(datesIn('Der Hafen bleibt bis mindestens Freitag gesperrt.')).toEqual([]);
    // So does "inclusive": a booking window's last day is no event.
    const german = (sentence: string) =>
      findDates(sentence, new Date(PUBLISHED), { language: 'de' }).map((mention) => mention.date);
    expect(
      german('Fahrgäste können Tickets mit Reisedatum bis einschließlich 31. Oktober kostenlos umbuchen.'),
    ).toEqual([]);
    expect(german('Fahrgäste können Tickets mit Reisedatum am 31. Oktober kostenlos umbuchen.')).toHaveLength(
      1,
    );
    // An article or "last" between the bound and its date leaves it a bound, in other languages too;
    // a span written out is no bound: it began on its first day.
    const spanish = (sentence: string) =>
      findDates(sentence, new Date(PUBLISHED), { language: 'es' }).map((mention) => mention.date);
    expect(spanish('La reforma está bloqueada desde el pasado mes de marzo.')).toEqual([]);
    expect(spanish('La reforma está bloqueada desde el 3 de marzo.')).toEqual([]);
    expect(spanish('El muelle estuvo cerrado desde el 3 de marzo hasta el 5 de junio.')).toEqual([
      '2024-03-03',
    ]);
    // Italian bounds: "da" is "since" outside a plan, "fino a" and "entro" are always bounds.
    const italian = (sentence: string) =>
      findDates(sentence, new Date(PUBLISHED), { language: 'it' }).map((mention) => mention.date);
    expect(italian('Il traffico è deviato sulla statale, dove da martedì si formano code.')).toEqual([]);
    expect(italian('Il molo è chiuso dal 3 marzo.')).toEqual([]);
    expect(italian('Il molo resterà chiuso fino a giovedì.')).toEqual([]);
    expect(italian('La perizia va consegnata entro il 20 novembre.')).toEqual([]);
    expect(italian('Da lunedì i traghetti torneranno a partire.')).toEqual(['2024-10-21']);
    expect(italian('Il molo resta chiuso dal 3 al 5 marzo.')).toEqual(['2024-03-03']);
    // Turkish bounds follow their date: "-den beri", "-den bu yana" (since), "-e kadar", "-e dek" (until).
    const turkish = (sentence: string) =>
      findDates(sentence, new Date(PUBLISHED), { language: 'tr' }).map((mention) => mention.date);
    expect(turkish('Pazartesi gününden bu yana feribot seferleri yapılmıyor.')).toEqual([]);
    expect(turkish("İskele 3 Ekim'den beri kapalı.")).toEqual([]);
    expect(turkish("İskele 20 Ekim'e kadar kapalı kalacak.")).toEqual([]);
    expect(turkish('İskele cuma gününe dek kapalı kalacak.')).toEqual([]);
    expect(turkish("Vali pazartesi günü Kessel'e gitti.")).toEqual(['2024-10-14']);
    // "through" a day ends a span: the day it began is the event.
    expect(datesIn('Ferry bookings opened on Monday and run through Saturday, the operator said.')).toEqual([
      '2024-10-14',
    ]);
  });

  it('dates what a "when" clause after a bound tells ("since 3 March, when a warrant was issued")', () => {
    expect(
      datesIn('The former harbour master had been hiding since 3 March, when a warrant was issued.'),
    ).toEqual(['2024-03-03']);
    expect(
      spanishDates('Se ocultaba desde el pasado 3 de marzo, cuando se giró la orden de aprehensión.'),
    ).toEqual(['2024-03-03']);
    expect(
      findDates(
        'Er hatte sich seit dem 3. März versteckt, als ein Haftbefehl erlassen wurde.',
        new Date(PUBLISHED),
        {
          language: 'de',
        },
      ).map((mention) => mention.date),
    ).toEqual(['2024-03-03']);
    // Without the clause the bound still frames only.
    expect(datesIn('The former harbour master had been hiding since 3 March.')).toEqual([]);
  });
});

const spanishDates = (sentence: string) =>
  findDates(sentence, new Date(PUBLISHED), { language: 'es' }).map((mention) => mention.date);

/** The dates findDates gives a sentence published at PUBLISHED. */
const datesIn = (sentence: string) => findDates(sentence, new Date(PUBLISHED)).map((mention) => mention.date);

describe('"today" as nowadays', () => {
  it('dates nothing when it means the present state of things', () => {
    expect(datesIn('Without the levy, the ferry line would not run as it does today.')).toEqual([]);
    expect(datesIn('Varga shaped the ferry service into what it has become today.')).toEqual([]);
    expect(datesIn('The quay as we know it today was rebuilt after the storm.')).toEqual([]);
  });

  it('dates nothing in "today\'s world" and its kin', () => {
    expect(datesIn("The ferry timetable was never designed for today's environment.")).toEqual([]);
    expect(datesIn("In today's digital economy, harbours compete for data as well as cargo.")).toEqual([]);
  });

  it('still dates the day when something happened today', () => {
    expect(datesIn('The council voted today to close the bridge.')).toEqual(['2024-10-15']);
    expect(datesIn("Today's vote on the bridge ended in a tie.")).toEqual(['2024-10-15']);
  });
});

describe('a thing named by a casual day ("yesterday\'s ruling") in a future clause', () => {
  const shown = (html: string) =>
    dated({ html, publishedAt: PUBLISHED }).map((e) => `${e.date}${e.scheduled ? ' scheduled' : ''}`);

  it('is of the day the word names, nothing booked ahead', () => {
    expect(
      shown("<p>Yesterday's ruling on the ferry contract will be appealed, the operator said.</p>"),
    ).toEqual(['2024-10-14']);
    expect(shown("<p>Today's harbour levy decision will cost the ferry operators millions.</p>")).toEqual([
      '2024-10-15',
    ]);
  });

  it('but "tomorrow\'s vote" lies ahead', () => {
    expect(shown("<p>Tomorrow's vote will decide the future of the ferry line.</p>")).toEqual([
      '2024-10-16 scheduled',
    ]);
  });
});

describe('a tenure told in the past', () => {
  it('ends on its "until" day or month: the day someone left a post', () => {
    expect(datesIn('Ortiz was previously finance director of the port authority till May 2019.')).toEqual([
      '2019-05',
    ]);
    expect(datesIn('Varga served as harbour master until March 2021, when he retired.')).toEqual(['2021-03']);
    expect(datesIn('Brill held the post until 3 June 2022.')).toEqual(['2022-06-03']);
  });

  it('leaves a bound that names no role, a tenure ahead and a year alone as before', () => {
    expect(datesIn('The ferry pier was closed until Monday.')).toEqual([]);
    expect(datesIn('He was held in custody until Monday.')).toEqual([]);
    expect(datesIn('Varga will serve as interim chief until March.')).toEqual([]);
    expect(datesIn('Ortiz was mayor until 2019.')).toEqual([]);
  });
});

describe('a timeline entry that goes on to what came next', () => {
  const entry = (html: string) => datedIn(html).map((event) => `${event.date} ${event.quote}`);

  it('gives "Later, …" its day and "The next day, …" the day after, each an event of its own', () => {
    expect(
      entry(
        '<p>10 October: The minister opens the new bridge. Crowds line the river. Later, she visits the flooded quarter. The next day, the bridge closes for repairs.</p>',
      ),
    ).toEqual([
      '2024-10-10 10 October: The minister opens the new bridge. Crowds line the river.',
      '2024-10-10 Later, she visits the flooded quarter.',
      '2024-10-11 The next day, the bridge closes for repairs.',
    ]);
  });

  it('reads dated entries run together in one block as one event each, on its own day', () => {
    expect(
      entry(
        '<p>3 October: The port suspends ferry captain Varga. 4 October: Crews strike at the harbour. Oct. 6: The operator hires a new captain. Later, Lena Ortiz meets the crews.</p>',
      ),
    ).toEqual([
      '2024-10-03 3 October: The port suspends ferry captain Varga.',
      '2024-10-04 4 October: Crews strike at the harbour.',
      '2024-10-06 Oct. 6: The operator hires a new captain.',
      '2024-10-06 Later, Lena Ortiz meets the crews.',
    ]);
  });

  it('dates entries under a year heading in that year, and a heading that is no year changes nothing', () => {
    // Published 15 October 2024: read alone, "14 March" is this year's and "2 November" next month's.
    const html = `<h2>2022</h2><ul><li>14 March: The port orders two ferries from a yard in Gdansk.</li>
      <li>2 November: The first ferry fails its sea trials.</li></ul>
      <h2>In 2023</h2><p>In June, crews struck for a week over the ferry rosters.</p>
      <h2>What came next</h2><ul><li>14 March: Lena Ortiz takes the chair of the port board.</li></ul>`;
    expect(datedIn(html).map((event) => event.date)).toEqual([
      '2022-03-14',
      '2022-11-02',
      '2023-06',
      '2024-03-14',
    ]);
  });

  it('reads a timeline in its order: an entry that lands after the next one is the year before', () => {
    // Published 15 October 2024: "2 December" alone is the coming one, but it comes before March.
    const html = `<ul><li>2 December: The port orders two ferries from a yard in Gdansk.</li>
      <li>14 March: The first ferry fails its sea trials.</li>
      <li>9 July: Crews strike over the ferry rosters.</li></ul>`;
    expect(datedIn(html).map((event) => event.date)).toEqual(['2023-12-02', '2024-03-14', '2024-07-09']);
  });

  it('stays one event when nothing in it moves on', () => {
    expect(
      entry('<p>10 October: The minister opens the new bridge. It is the longest in the country.</p>'),
    ).toEqual([
      '2024-10-10 10 October: The minister opens the new bridge. It is the longest in the country.',
    ]);
  });
});

describe('anaphora within a paragraph', () => {
  const datesOf = (html: string) => datedIn(html).map((event) => `${event.date}/${event.datePrecision}`);

  it('gives "later that day", "earlier in the day" and "that evening" the day before\'s date', () => {
    expect(
      datesOf('<p>The levee broke on 3 October. Later that day, the army began evacuations.</p>'),
    ).toEqual(['2024-10-03/day', '2024-10-03/day']);
    expect(
      datesOf('<p>Rescuers reached the mine on 5 October. Earlier in the day, a second shaft collapsed.</p>'),
    ).toEqual(['2024-10-05/day', '2024-10-05/day']);
    expect(
      datesOf('<p>The minister resigned on 7 October. That evening, her deputy was sworn in.</p>'),
    ).toEqual(['2024-10-07/day', '2024-10-07/day']);
  });

  it('gives "the same month" the month of the day before', () => {
    expect(
      datesOf('<p>The plant shut on 4 September. The same month, two suppliers went bankrupt.</p>'),
    ).toEqual(['2024-09-04/day', '2024-09/month']);
  });

  it('counts "a day after he said so" forward from the statement it points back to', () => {
    expect(
      datesOf(
        '<p>The governor promised new funds on 8 October. A day after he said so, the treasury froze all spending.</p>',
      ),
    ).toEqual(['2024-10-08/day', '2024-10-09/day']);
  });
});

describe('one article, one account per event', () => {
  it('folds a key-dates entry into the sentence that tells its day, and keeps a different one apart', () => {
    const events = extractEvents({
      html: `<p>Ferry crews walked out on Monday after talks on pay broke down.</p>
        <p>The crews' last pay deal expired on Sept. 30. The union held a strike ballot on Oct. 4.</p>
        <h3>Key dates</h3><ul><li>Sept. 30: Pay deal expires</li><li>Oct. 4: Strike ballot</li><li>Oct. 4: Harbour master resigns</li></ul>`,
      publishedAt: PUBLISHED,
    }).filter(isTextDated);
    expect(events.map((e) => `${e.date} ${e.quote.slice(0, 20)}`)).toEqual([
      "2024-09-30 The crews' last pay ",
      '2024-10-04 The union held a str',
      '2024-10-04 Oct. 4: Harbour mast',
      '2024-10-14 Ferry crews walked o',
    ]);
    expect(events[0]?.evidence).toContain('Sept. 30: Pay deal expires');
  });

  it('folds a headline, a lead and a repeated body sentence into one account, the dated sentence as quote', () => {
    const events = extractEvents({
      html: `<p>Harbour cranes stand idle as the port shuts down.</p>
        <p>The port authority closed the container terminal on Tuesday after dockworkers walked out over pay.</p>
        <p>Dockworkers walked out over pay, and the port authority closed the container terminal on Tuesday.</p>`,
      publishedAt: PUBLISHED,
      title: 'Port authority closes container terminal as dockworkers walk out',
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'report', date: '2024-10-15' });
    expect(events[0]?.quote).toMatch(/closed the container terminal on Tuesday/);
    expect(events[0]?.evidence?.length).toBeGreaterThanOrEqual(1);
  });

  it('keeps a finer date over a coarser telling of the same event', () => {
    const events = datedIn(
      `<p>A landslide buried the hamlet of Orvel on 13 September last year.</p>
      <p>Twelve months after a landslide buried the hamlet of Orvel, families still live in hotels.</p>`,
      '2024-09-20T08:00:00Z',
    );
    expect(events.map((event) => event.date)).toEqual(['2023-09-13']);
  });

  it('keeps two different events of one day apart', () => {
    const events = datedIn(`<ul><li>8 October: The defence minister says troops may be sent abroad</li>
      <li>8 October: Border guards report a drone crossing near the river</li></ul>`);
    expect(events.map((event) => event.date)).toEqual(['2024-10-08', '2024-10-08']);
  });

  // What one person said on one day is one statement, told a point a paragraph.
  const statement = (first: string, second: string) =>
    datedIn(`<p>The coastal town has been cut off since the storm.</p><p>${first}</p><p>${second}</p>`);
  const FERRIES = 'Two ferries will run from the mainland from next month, Mayor Ines Varga said on Monday.';

  it("folds one person's words of one day into one account", () => {
    const events = statement('The coast road would reopen before the summer, Varga said on Monday.', FERRIES);
    expect(events.map((event) => event.date)).toEqual(['2024-10-14']);
  });

  it('makes a sentence that only dates what was told before it part of that account', () => {
    const resignation = (second: string) =>
      extractEvents({
        html: `<p>The harbour master resigned on Monday after the board approved the dredging plan.</p>
          <p>"I cannot sign a plan that ignores the fishermen," she wrote. ${second}</p>`,
        publishedAt: PUBLISHED,
        title: 'Harbour master quits over dredging plan',
      });
    const remarks = resignation('She made these remarks in a letter to the board on Monday.');
    expect(remarks.map((event) => `${event.kind} ${event.date}`)).toEqual(['report 2024-10-14']);
    expect(remarks[0]?.quote).toMatch(/^The harbour master resigned/);
    expect(remarks[0]?.evidence).toContain('She made these remarks in a letter to the board on Monday.');
    const news = resignation('She posted the letter online on Monday.');
    expect(news.map((event) => `${event.kind} ${event.date}`)).toEqual([
      'dated 2024-10-14',
      'report 2024-10-14',
    ]);
  });

  it('keeps two speakers, or an institution speaking twice, apart', () => {
    const speakers = statement(
      'The coast road would reopen before the summer, Governor Lu said on Monday.',
      FERRIES,
    );
    expect(speakers.map((event) => event.date)).toEqual(['2024-10-14', '2024-10-14']);
    const ministry = statement(
      'Three fishermen were rescued off the cape, the Transport Ministry said on Monday.',
      'The coast road would reopen before the summer, the Transport Ministry said on Monday.',
    );
    expect(ministry.map((event) => event.date)).toEqual(['2024-10-14', '2024-10-14']);
  });
});

describe('two dates in one sentence', () => {
  it('gives both events', () => {
    const strike = datedIn('<p>The strike on 3 October was confirmed by the ministry on 4 October.</p>');
    expect(strike.map((event) => event.date)).toEqual(['2024-10-03', '2024-10-04']);
    const channel = datedIn('<p>The channel reopened late last week and was closed again on Monday.</p>');
    expect(channel.map((event) => `${event.date}/${event.datePrecision}`)).toEqual([
      '2024-10-07/week',
      '2024-10-14/day',
    ]);
  });

  it('gives the period of a clause of its own after the day ("on Friday after a jury found him guilty last month")', () => {
    const dates = (html: string) => datedIn(html).map((event) => `${event.date}/${event.datePrecision}`);
    expect(
      dates(
        '<p>The harbour master was sentenced on Friday after a jury found him guilty last month of fraud.</p>',
      ),
    ).toEqual(['2024-10-11/day', '2024-09/month']);
    // A period with no verb of its own still only frames the day.
    expect(dates('<p>The ferry was struck on Friday for the third time this month.</p>')).toEqual([
      '2024-10-11/day',
    ]);
    expect(dates('<p>The mayor resigned on Friday after weeks of protests last month.</p>')).toEqual([
      '2024-10-11/day',
    ]);
  });

  it('gives the period of a relative clause of its own ("the storm that struck the coast a week ago")', () => {
    const dates = (html: string) => datedIn(html).map((event) => `${event.date}/${event.datePrecision}`);
    expect(
      dates(
        '<p>Police on Monday arrested two builders of flats that collapsed in the storm that struck the coast a week ago.</p>',
      ),
    ).toEqual(['2024-10-08/day', '2024-10-14/day']);
  });

  it('dates the event a possessive date names as the agent ("hit by last week’s storm")', () => {
    const dates = (html: string) => datedIn(html).map((event) => `${event.date}/${event.datePrecision}`);
    expect(
      dates(
        '<p>Crews reopened the two quays worst hit by last week’s storm, the harbour office said on Monday.</p>',
      ),
    ).toEqual(['2024-10-07/week', '2024-10-14/day']);
  });

  it('dates an event a possessive date names after "before" or "since", but not a deadline', () => {
    // Thursday 17 October: the Monday gone by is the 14th, the coming one the 21st.
    const dates = (html: string) =>
      datedIn(html, '2024-10-17T08:30:00Z').map((event) => `${event.date}/${event.datePrecision}`);
    expect(dates('<p>The ferry repairs had been due to finish before Monday’s storm.</p>')).toEqual([
      '2024-10-14/day',
    ]);
    expect(dates('<p>Fares have doubled since last week’s flood closed the coast road.</p>')).toEqual([
      '2024-10-07/week',
    ]);
    expect(dates('<p>Bids for the pier contract had to arrive by Monday’s deadline.</p>')).toEqual([]);
  });
});

describe("a lead's own period is the report", () => {
  const article = (lead: string): ArticleText => ({
    title: 'Ring road blockade',
    html: `<p>${lead}</p><p>Police said talks with the farmers' union would resume.</p>`,
    publishedAt: PUBLISHED,
  });

  it('a lead dated "this week" or "this month" is the article\'s own news: one report, no second event', () => {
    for (const lead of [
      'Farmers blocked the ring road with tractors this week, stranding commuters for hours.',
      'Farmers have blocked the ring road twice this month, stranding commuters for hours.',
    ]) {
      const events = extractEvents(article(lead));
      expect(events.map((event) => event.kind)).toEqual(['report']);
      expect(events[0]?.quote).toBe(lead);
    }
  });

  it('a lead dated last week tells an earlier event beside the report', () => {
    const lead = 'Farmers blocked the ring road with tractors last week, stranding commuters for hours.';
    const events = extractEvents(article(lead));
    expect(events.map((event) => [event.kind, event.datePrecision, event.date])).toEqual([
      ['dated', 'week', '2024-10-07'],
      ['report', 'day', '2024-10-15'],
    ]);
  });
});
