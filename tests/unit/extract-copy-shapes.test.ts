import { describe, expect, it } from 'vitest';
import { extractEvents, findDates } from '../../lib/extraction/index.ts';

// Friday 10 May 2024: Wednesday is the 8th, Tuesday the 7th behind or the 14th ahead.
const FRIDAY = '2024-05-10T12:00:00Z';

const datesIn = (sentence: string, language = 'en') =>
  findDates(sentence, new Date(FRIDAY), { language }).map((m) => m.date);

const eventsOf = (html: string, title = 'News') =>
  extractEvents({ html, publishedAt: FRIDAY, title }).map((e) => `${e.kind} ${e.date}: ${e.quote}`);

describe('the day of a trailing attribution', () => {
  it('is when the news was told, not when it happened, beside a day that dates it', () => {
    const events = eventsOf(
      '<p>A cyclist was struck by a van Wednesday night on Harbor Road, deputies said Thursday.</p><p>She died at 11:40 p.m. at a hospital.</p>',
    );
    expect(events).toEqual([
      'dated 2024-05-08: She died at 11:40 p.m. at a hospital.',
      'report 2024-05-08: A cyclist was struck by a van Wednesday night on Harbor Road, deputies said Thursday.',
    ]);
  });

  it('still dates a lead that says nothing else of when', () => {
    expect(eventsOf('<p>The harbour master stepped down, port officials said Thursday.</p>')).toEqual([
      'report 2024-05-09: The harbour master stepped down, port officials said Thursday.',
    ]);
  });
});

describe('a plan reported with its saying of the past week', () => {
  it.each([
    ['The premier told reporters on Tuesday that the referendum would be held in November.', '2024-11'],
    ['The utility said Monday that the new tariff would apply from 1 October.', '2024-10-01'],
  ])('lies after the saying: %s', (sentence, date) => {
    expect(datesIn(sentence)).toContain(date);
  });

  it('may have passed since, when it was days ahead of the saying', () => {
    expect(datesIn('The coach said on Monday he would name the squad on May 8.')).toContain('2024-05-08');
  });
});

describe('past forms in the other languages', () => {
  it.each([
    ['es', 'Los bomberos han rescatado este domingo a tres montañeros.', '2024-05-05'],
    ['es', 'La alcaldesa dijo el martes que el puente abrirá en verano.', '2024-05-07'],
    ['it', 'Un pescatore è morto domenica al largo di Ancona.', '2024-05-05'],
    ['it', 'La Roma ha perso domenica in casa.', '2024-05-05'],
    ['fr', 'Le parquet a ouvert dimanche une information judiciaire.', '2024-05-05'],
    ['de', 'Die Bürgermeisterin ist am Sonntag zurückgetreten.', '2024-05-05'],
    ['de', 'Am Sonntag hat die Polizei zwei Einbrecher festgenommen.', '2024-05-05'],
    ['tr', 'Belediye meclisi salı günü bütçeyi görüşecek.', '2024-05-14'],
    ['tr', 'Toplantı salı günü başkentte yapılacak.', '2024-05-14'],
  ])('%s: %s', (language, sentence, date) => {
    expect(datesIn(sentence, language)).toEqual([date]);
  });
});

describe('deadlines in the other languages', () => {
  it.each([
    ['de', 'Einwände können bis zum 14. Juni eingereicht werden.'],
    ['de', 'Die Gebühr ist spätestens am Dienstag zu zahlen.'],
    ['fr', "Le pont restera fermé jusqu'à mardi."],
    ['fr', "Le décret doit être publié d'ici mardi."],
    ['fr', 'Les candidatures sont ouvertes au plus tard le 14 juin.'],
    ['es', 'La consulta estará abierta hasta el próximo 14 de junio.'],
    ['es', 'Los formularios deben llegar a más tardar el 14 de junio.'],
    ['pt', 'As candidaturas decorrem até ao dia 14 de junho.'],
    ['it', 'Le offerte vanno presentate non oltre il 14 giugno.'],
    ['it', 'Il museo resta aperto fino al 14 giugno.'],
  ])('%s: %s', (language, sentence) => {
    expect(datesIn(sentence, language)).toEqual([]);
  });

  it('leaves a past act that only follows an English indefinite article', () => {
    expect(datesIn('A second tremor shook the town, the hardest hit by a May 2 landslide.')).toEqual([
      '2024-05-02',
    ]);
  });
});

describe('a time of day bounded by "before"', () => {
  it('is the day it happened, not a booking', () => {
    expect(datesIn('Soldiers entered the village before dawn on Sunday.')).toEqual(['2024-05-05']);
  });
});

describe('page furniture', () => {
  it.each([
    'This story was originally published May 8, 2024, 6:15 PM.',
    'Originally published May 8, 2024',
    'Mise à jour le 8 mai 2024 à 18h15',
    'Ultimo aggiornamento: 8 maggio 2024',
    'Última actualización: 8 de mayo de 2024',
    'Zuletzt aktualisiert: 08.05.2024',
    "Here is a summary of today's main developments:",
    "Here's what we know so far about Wednesday's crash:",
    // A wire's page stamp: a day, a time and an age, after the byline.
    'May 8, 2024 6:15 PM UTC Updated 3 hours ago',
    '8th May 2024, 6:15 am',
    // A label and a space: a video's title, the page's tags, a picture's caption.
    "Video: The harbour master's briefing on Wednesday in full (08:15 min)",
    'Tags: ferries, harbour, Wednesday May 8',
    'Image: Ferry crews load the first cars at the harbour on May 8.',
    // A scraped page's placeholder for its picture, before the caption.
    '[Image] Ferry crews load the first cars at the harbour on May 8.',
    '[Photo] The harbour master at the quay on Wednesday, May 8.',
    // A wire's caption, with what its page sets after the credit.
    'A ferry leaves the harbour on May 8, 2024. REUTERS/Jane Doe Purchase Licensing Rights, opens new tab',
  ])('dates nothing: %s', (line) => {
    const events = eventsOf(`<p>The ferry resumed service on Wednesday.</p><p>${line}</p>`, 'Ferry back');
    expect(events.filter((event) => event.includes(line.slice(0, 12)))).toEqual([]);
    expect(
      events.some((event) => event.endsWith('2024-05-08: The ferry resumed service on Wednesday.')),
    ).toBe(true);
  });
});

describe('a caption under its label in another language', () => {
  it.each([
    ['de', 'Bildunterschrift: Die leere Fähre im Hafen am Mittwochmorgen.'],
    ['fr', 'Légende : Le traversier vide au quai, mercredi matin.'],
  ])('dates nothing (%s): %s', (language, caption) => {
    const quotes = extractEvents({
      html: `<p>${caption}</p><p>${language === 'de' ? 'Die Fähre fährt seit Mittwoch wieder.' : 'Le traversier a repris mercredi.'}</p>`,
      publishedAt: FRIDAY,
      title: 'Hafen',
      language,
    }).map((event) => event.quote);
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.filter((quote) => quote.startsWith(caption.slice(0, 12)))).toEqual([]);
  });
});

describe('a page stamp with its times written the Quebec way ("6 h 15")', () => {
  it('dates nothing, however many words its spaced times make', () => {
    const events = extractEvents({
      html:
        '<p>8 mai 2024 à 6 h 15 | Mis à jour le 8 mai 2024 à 18 h 40</p>' +
        '<p>Le traversier a repris du service mercredi.</p>',
      publishedAt: FRIDAY,
      title: 'Le traversier reprend',
      language: 'fr',
    }).map((e) => e.quote);
    expect(events).toEqual(['Le traversier a repris du service mercredi.']);
  });
});

describe('what did not happen and what is only forecast', () => {
  it.each([
    'Lawmakers struck a deal, averting a strike that would have begun on Saturday.',
    'Snow is forecast for Saturday in the hills.',
  ])('dates nothing ahead: %s', (sentence) => {
    expect(datesIn(sentence).filter((date) => date > '2024-05-10')).toEqual([]);
  });

  it.each([
    'The tropical storm could reach the coast on Sunday, the agency said.',
    'The low may deepen into a gale by Saturday.',
    'Forecasters said the front would bring heavy snow to the passes late Sunday.',
    // However many words the forecast takes, and after "by" in a past sentence.
    'The front could bring heavy snow to the northern hills on Sunday.',
    'Forecasters said a low east of the islands may develop into a tropical depression by Saturday.',
  ])('dates nothing, neither ahead nor gone by: %s', (sentence) => {
    expect(datesIn(sentence)).toEqual([]);
  });

  it('leaves what happened, told by forecasters, and what could not be done', () => {
    expect(datesIn('The storm reached the coast on Wednesday, forecasters said.')).toEqual(['2024-05-08']);
    expect(datesIn('Crews could not reach the valley on Wednesday.')).toEqual(['2024-05-08']);
  });
});

describe('a close a price moved from, told with its verb', () => {
  it('is no date in English or German, and a close told as the news still is', () => {
    // Friday 10 May 2024: Wednesday is the 8th.
    expect(
      datesIn('The ferry line’s shares rose 4% to 212 pence after closing at 204 pence on Wednesday.'),
    ).toEqual([]);
    expect(
      datesIn(
        'Die Aktie der Reederei stieg um 4 Prozent, nachdem sie am Mittwoch bei 204 Pence geschlossen hatte.',
        'de',
      ),
    ).toEqual([]);
    expect(datesIn('The ferry line’s shares closed at 204 pence on Wednesday.')).toEqual(['2024-05-08']);
    expect(datesIn('The museum reopened after closing on Wednesday for repairs.')).toEqual(['2024-05-08']);
  });
});

describe('the figure a change is measured from', () => {
  it.each([
    'Exports fell to 412 tonnes in April, down from 530 in March.',
    'The jobless rate rose to 4.1% in April from 3.9% in March.',
    'The fare is up from $2.75 on Monday.',
  ])('is no date: %s', (sentence) => {
    expect(datesIn(sentence).filter((date) => date.startsWith('2024-03') || date === '2024-05-13')).toEqual(
      [],
    );
  });

  it.each([
    'Consumer prices rose 3.1% in April, the statistics office said on Wednesday.',
    'The jobless rate stood at 4.1 per cent in April.',
    'Factory output in April fell 2% from a year earlier.',
    'A regional survey showed its new-orders index climbed to 8.6 this month from minus 2.2 in April.',
  ])('leaves no month for the period a statistic is measured over: %s', (sentence) => {
    expect(datesIn(sentence).filter((date) => date.length === 7)).toEqual([]);
  });

  it('leaves the year or month a record is measured since, however long the clause naming it', () => {
    expect(
      datesIn('Harbour shares fell 12% on Wednesday, their steepest fall since the group listed in 2019.'),
    ).toEqual(['2024-05-08']);
    expect(datesIn('It was the first time since the strike began in March that the ferries sailed.')).toEqual(
      [],
    );
    // The record's own day stays, and so does a "since" that is no record.
    expect(datesIn('The first ferry since the storm sailed on 8 May.')).toEqual(['2024-05-08']);
    expect(datesIn('Fares have risen since the strike began in March.')).toEqual(['2024-03']);
  });

  it('reads a German statistic whose figure comes some words after its month', () => {
    expect(datesIn('Im April hatte die Quote noch bei 5,8 Prozent gelegen.', 'de')).toEqual([]);
    expect(datesIn('Im April hat der Konzern 300 Stellen gestrichen.', 'de')).toEqual(['2024-04']);
  });

  it('leaves the month of an act told with a figure, and of a past election beside one', () => {
    expect(datesIn('The mill cut 10% of its staff in April after the recall.')).toEqual(['2024-04']);
    expect(datesIn('Turnout was 61%, up from 54% at the last election in May 2020.')).toEqual(['2020-05']);
  });

  it('leaves a count a day gave, which may be that day news', () => {
    expect(datesIn('The toll rose to 41 on Thursday from 36 on Wednesday.')).toEqual([
      '2024-05-09',
      '2024-05-08',
    ]);
  });
});

describe('a hearing moved to a day', () => {
  it.each([
    ['The bail plea was adjourned till May 27.', '2024-05-27'],
    ['The bench adjourned the matter until Tuesday.', '2024-05-14'],
    ['He was remanded in custody to appear at the district court on 4 June.', '2024-06-04'],
  ])('books it: %s', (sentence, date) => {
    expect(datesIn(sentence)).toEqual([date]);
  });

  it('leaves a bound a bound', () => {
    expect(datesIn('The bridge stays closed until Tuesday.')).toEqual([]);
  });

  it('dates a remand on its own day, not on the day its custody ends', () => {
    expect(datesIn('The broker was held on Wednesday and remanded in police custody till May 16.')).toEqual([
      '2024-05-08',
    ]);
    expect(datesIn('A magistrate remanded the driver in judicial custody until 24 May.')).toEqual([]);
    expect(datesIn('The driver was remanded in custody to 24 May.')).toEqual(['2024-05-24']);
  });
});

describe('a count within a period', () => {
  it('is no date, but a past act after an ordinal is dated by it', () => {
    expect(datesIn('The depot was hit for the second time this week.')).toEqual([]);
    expect(datesIn('The first convoy of trucks crossed the border last week.')).toEqual(['2024-04-29']);
  });
});

describe('an agenda in the simple present', () => {
  it.each([
    ['en', 'The planning board meets Tuesday to hear the depot appeal.'],
    ['en', 'The assembly votes Tuesday on the transit levy.'],
    ['en', 'Portside takes on the Mariners Tuesday at home.'],
    ['en', 'Jana Ruiz welcomes the delegation Tuesday.'],
    ['de', 'Der Landtag stimmt am Dienstag über das Schulgesetz ab.'],
    ['fr', 'Les sénateurs votent mardi le projet de loi.'],
    ['es', 'El pleno se reúne el martes para votar el presupuesto.'],
    ['it', 'Il consiglio comunale si riunisce martedì.'],
  ])('%s: the coming day: %s', (language, sentence) => {
    expect(datesIn(sentence, language)).toEqual(['2024-05-14']);
  });

  it('leaves a noun of the same form a noun', () => {
    expect(datesIn('Le vote de mardi inquiète les élus.', 'fr')).toEqual(['2024-05-07']);
    expect(datesIn('Die Stimmen vom Dienstag sind noch nicht ausgezählt.', 'de')).toEqual(['2024-05-07']);
  });

  it('leaves the past tense of the same verbs past, and the nouns they also are', () => {
    expect(datesIn('The planning board voted Tuesday to reject the appeal.')).toEqual(['2024-05-07']);
    expect(datesIn('The mayor is out, after losing a confidence vote in the council on Tuesday.')).toEqual([
      '2024-05-07',
    ]);
    expect(datesIn('Members keep returning to the budget vote on Tuesday.')).toEqual(['2024-05-07']);
  });
});

describe('an "after" clause with a past verb of its own, inside a future sentence', () => {
  it.each([
    ['The governor will sign the levy after the assembly passed it on Tuesday.', '2024-05-07'],
    ['The club will be without its keeper after he was sent off on Sunday.', '2024-05-05'],
  ])('keeps its own past: %s', (sentence, date) => {
    expect(datesIn(sentence)).toEqual([date]);
  });

  it('leaves a plan after a thing named', () => {
    expect(datesIn('Talks will resume after the holiday on Sunday.')).toEqual(['2024-05-12']);
  });
});

describe('a date in the subject, before a relative clause', () => {
  it('takes the relative clause its tense when its own clause has none', () => {
    expect(datesIn('The blaze on Monday, which gutted a school, was started by a heater.')).toEqual([
      '2024-05-06',
    ]);
  });
});

describe('"the day after" a thing named', () => {
  it('counts from that thing, not from the last day told', () => {
    const html =
      "<p>Un orage a inondé la gare dimanche.</p><p>Le ministre s'y rendra mercredi.</p><p>Le lendemain de l'orage, les trains étaient encore à l'arrêt.</p>";
    const dates = extractEvents({ html, publishedAt: FRIDAY, title: 'Gare inondée', language: 'fr' }).map(
      (e) => e.date,
    );
    expect(dates).not.toContain('2024-05-16');
  });

  it('counts a bare "am Tag darauf" from the day before', () => {
    const html =
      '<p>Ein Sturm hat am Sonntag das Dach der Halle abgedeckt.</p><p>Am Tag darauf begannen die Reparaturen.</p>';
    const events = extractEvents({ html, publishedAt: FRIDAY, title: 'Sturm', language: 'de' });
    expect(events.find((e) => e.quote.startsWith('Am Tag darauf'))?.date).toBe('2024-05-06');
  });
});

describe('"last night" and "tonight" in copy filed before dawn', () => {
  // Wednesday 8 May 2024 in Omaha (UTC-5), at 05:40, 00:50 and 15:00.
  const filedAt = (localTime: string, sentence: string) =>
    findDates(sentence, new Date(`2024-05-08T${localTime}:00Z`)).map((m) => m.date);

  it.each(['05:40', '00:50', '15:00'])('"last night" is the day before, filed at %s', (time) => {
    expect(filedAt(time, 'Crews declared a water emergency at 8 p.m. last night, the utility said.')).toEqual(
      ['2024-05-07'],
    );
  });

  it('"tonight" in the small hours is the night under way, from 3 a.m. the coming one', () => {
    expect(filedAt('00:50', "The coach said tonight's defeat would sting for a while.")).toEqual([
      '2024-05-07',
    ]);
    expect(filedAt('05:40', 'Forecasters expect more rain tonight.')).toEqual(['2024-05-08']);
  });

  it("leaves someone's last night alone", () => {
    expect(filedAt('15:00', 'It was his last night in the job before retiring.')).toEqual([]);
  });
});

describe('a clock time with no day of its own', () => {
  const datedAt = (html: string) =>
    extractEvents({ html, publishedAt: FRIDAY, title: 'Fire at the depot' })
      .filter((e) => e.kind === 'dated')
      .map((e) => `${e.date}: ${e.quote}`);

  it("opening its sentence, takes the story's day past a paragraph of background", () => {
    const html =
      "<p>Fire crews were called to the grain depot on Wednesday night after a silo caught fire.</p><p>The depot, built in 1961, stores most of the county's winter feed and employs about 40 people.</p><p>Around 11:15 p.m. the sheriff's office ordered everyone within a mile of the depot to leave.</p>";
    expect(datedAt(html)).toContain(
      "2024-05-08: Around 11:15 p.m. the sheriff's office ordered everyone within a mile of the depot to leave.",
    );
  });

  it('said "about" a time, takes the day of the sentence before', () => {
    const html =
      '<p>A man was arrested on Wednesday after a standoff at a farmhouse near Kessel.</p><p>Deputies took him into custody about 1:30 a.m. without a shot being fired.</p>';
    expect(datedAt(html)).toContain(
      '2024-05-08: Deputies took him into custody about 1:30 a.m. without a shot being fired.',
    );
  });

  it('takes the latest day the sentence before reported, not the background day it names last', () => {
    const aftershock =
      "<p>A strong aftershock shook the port town on Thursday, toppling sheds weakened in Wednesday's quake.</p><p>It struck at 3:05 p.m., the observatory said.</p>";
    expect(datedAt(aftershock)).toContain('2024-05-09: It struck at 3:05 p.m., the observatory said.');
    const statement =
      '<p>Her appointment, which she confirmed in a statement on Thursday, came after the board dismissed the chairman on Tuesday.</p><p>She wrote at 8 a.m. that the depot would reopen.</p>';
    expect(datedAt(statement)).toContain('2024-05-09: She wrote at 8 a.m. that the depot would reopen.');
  });

  it('in a past sentence, never takes a day still ahead from the sentence before', () => {
    const html =
      '<p>The finance minister, who presents her budget on May 21, welcomed the figures.</p><p>The pound fell sharply after the data was released at 0700 GMT.</p>';
    expect(datedAt(html).filter((line) => line.includes('pound'))).toEqual([]);
  });
});

describe('the act someone is accused or charged of', () => {
  it.each([
    [
      'The man accused of stabbing a guard at the depot late Wednesday will stay in custody, a judge ruled.',
      '2024-05-08',
    ],
    ['A woman charged with starting the fire on Wednesday will appear in court next month.', '2024-05-08'],
  ])('lies behind, whatever the sentence announces: %s', (sentence, date) => {
    expect(datesIn(sentence)).toEqual([date]);
  });

  it('leaves the appearance ahead once the clause moves on', () => {
    expect(datesIn('He was charged with assault and will appear in court on Wednesday.')).toEqual([
      '2024-05-15',
    ]);
  });
});

describe('"by" a weekday after an act still to do', () => {
  it.each([
    'The regulator asked lenders to report their exposure by Wednesday.',
    'The judge ordered the firm to pay the workers by Wednesday.',
  ])('is a deadline, not a day the story reached: %s', (sentence) => {
    expect(datesIn(sentence)).toEqual([]);
  });

  it('stays the day the story reached after a perfect infinitive', () => {
    expect(datesIn('The rescue appeared to have failed by Wednesday.')).toEqual(['2024-05-08']);
  });
});

describe('a day ahead told with a trailing attribution, a fixture or a moved deadline', () => {
  it.each([
    [
      'Schools in the valley will close Wednesday and Thursday, the district announced.',
      ['2024-05-15', '2024-05-16'],
    ],
    [
      'Harbour, who were beaten at home last weekend, host Portside in the cup quarter-final on Wednesday.',
      ['2024-05-15'],
    ],
    ['The state extended the postal ballot deadline to May 13.', ['2024-05-13']],
  ])('%s', (sentence, dates) => {
    expect(datesIn(sentence).filter((date) => date > '2024-05-10')).toEqual(dates);
  });
});

describe('"last weekend" written at the weekend, and a casual day inside a name', () => {
  it('is the weekend before, on a Saturday or a Sunday', () => {
    for (const day of ['2024-05-11', '2024-05-12'])
      expect(
        findDates('The club were beaten at home last weekend.', new Date(`${day}T12:00:00Z`)).map(
          (m) => `${m.date}/${m.endDate}`,
        ),
      ).toEqual(['2024-05-04/2024-05-05']);
    expect(
      findDates('Ten people were hurt in crashes over the weekend.', new Date('2024-05-12T12:00:00Z')).map(
        (m) => m.date,
      ),
    ).toEqual(['2024-05-11']);
  });

  it.each([
    "He presented Tomorrow's World on the BBC for a decade.",
    'She played a villain in Tomorrow Never Dies.',
    'The story was first reported by USA Today.',
  ])('is part of the name: %s', (sentence) => {
    expect(datesIn(sentence)).toEqual([]);
  });

  it('stays a day opening its sentence', () => {
    expect(datesIn('Tomorrow, the council will vote on the budget.')).toEqual(['2024-05-11']);
  });
});

describe('a 24 right before a date', () => {
  it.each([
    ['The number of dead rose to 24 on Wednesday, the ministry said.', '2024-05-08'],
    ['The Hawks edged the Pilots 27-24 Wednesday night.', '2024-05-08'],
    ['The count of missing stood at 24 on May 8.', '2024-05-08'],
  ])('is a count, and the date stays: %s', (sentence, date) => {
    expect(datesIn(sentence)).toEqual([date]);
  });

  it('is a day before a month', () => {
    expect(datesIn('The vote was held on 24 April.')).toEqual(['2024-04-24']);
  });
});

describe('spans of days and scores', () => {
  it.each([
    ['es', 'La muestra se celebró entre el 2 y el 4 de mayo.', '2024-05-02/2024-05-04'],
    ['fr', 'Le salon a eu lieu entre le 2 et le 4 mai.', '2024-05-02/2024-05-04'],
    ['es', 'La muestra será del 3 al 6 de junio.', '2024-06-03/2024-06-06'],
    ['en', 'The inquiry sat from 2 to 4 May.', '2024-05-02/2024-05-04'],
    ['en', 'The festival runs from Monday, May 13, to Wednesday, May 15.', '2024-05-13/2024-05-15'],
    ['pt', 'O Braga venceu o Sporting por 3-1 a 4 de maio.', '2024-05-04'],
  ])('%s: %s', (language, sentence, span) => {
    expect(
      findDates(sentence, new Date(FRIDAY), { language }).map(
        (m) => `${m.date}${m.endDate ? `/${m.endDate}` : ''}`,
      ),
    ).toEqual([span]);
  });
});

describe('"expected to" before a date', () => {
  it('is a schedule for a booked act, and a forecast for what happens to things', () => {
    expect(datesIn('The council is expected to vote Tuesday on the levy.')).toEqual(['2024-05-14']);
    expect(datesIn('The relief convoy is expected to arrive on Tuesday.')).toEqual([]);
  });
});

describe('a day inside what names the background of the news', () => {
  it('leaves the trailing attribution to date the report', () => {
    const events = extractEvents({
      html: '<p>A 30-year-old woman was charged with arson in connection with a fire that gutted a warehouse Sunday night, deputies said Thursday.</p>',
      publishedAt: FRIDAY,
      title: 'Woman charged',
    });
    expect(events.find((e) => e.kind === 'report')?.date).toBe('2024-05-09');
  });
});

describe('an event called or set for its day', () => {
  it.each([
    ['Dockers on Thursday called a 24-hour strike on Monday.', '2024-05-13'],
    ['The opposition announced a march on June 2.', '2024-06-02'],
  ])('is that day, booked: %s', (sentence, date) => {
    expect(datesIn(sentence)).toContain(date);
  });

  it('reads a day booked by an act of publication day as ahead: the act comes first', () => {
    expect(datesIn('The mayor on Friday called a meeting on Tuesday.')).toEqual(['2024-05-10', '2024-05-14']);
  });

  it.each([
    ['en', 'The mayor said she had invited the party leaders to a meeting at the town hall on Monday.'],
    ['fr', 'Vendredi après-midi, la maire a convié les chefs des deux partis à une réunion lundi.'],
    ['es', 'La alcaldesa convocó el viernes a los dos partidos a una reunión el lunes.'],
  ])('reads a meeting invited to as after the invitation (%s)', (language, sentence) => {
    expect(datesIn(sentence, language)).toContain('2024-05-13');
    expect(datesIn(sentence, language)).not.toContain('2024-05-06');
  });

  it('reads the day a declared period starts as at or after the declaring', () => {
    expect(datesIn('The council on Friday declared three days of mourning, starting on Saturday.')).toEqual([
      '2024-05-10',
      '2024-05-11',
    ]);
    expect(datesIn('The council declared a curfew beginning Sunday.')).toEqual(['2024-05-12']);
  });

  it('reads a thing extended by a span to a weekday as extended ahead', () => {
    expect(datesIn('On Thursday the committee extended the exhibition by two days, to Saturday.')).toEqual([
      '2024-05-09',
      '2024-05-11',
    ]);
  });

  it('reads a hearing moved to a written day ahead of the moving', () => {
    expect(datesIn('The court on Monday adjourned the hearing of the appeal till February 3.')).toContain(
      '2025-02-03',
    );
  });
});

describe('"before" a body, a crowd or a clause of its own', () => {
  it.each([
    'The two men appeared before magistrates on Monday.',
    'The minister spoke before a crowd on Monday.',
    'Rescuers searched for hours before they found him on Monday.',
  ])('is no booking: %s', (sentence) => {
    expect(datesIn(sentence)).toEqual(['2024-05-06']);
  });
});

describe('a dotted clock time after a day and month', () => {
  it.each([
    ['Wed 8 May 20.45 BST', '2024-05-08'],
    ['The ferry docked on 8 May 06.15 local time.', '2024-05-08'],
  ])('is the time, not a two-digit year: %s', (text, date) => {
    expect(datesIn(text)).toEqual([date]);
  });

  it('is quoted as written', () => {
    expect(findDates('Updated 8 May 09.05', new Date(FRIDAY)).map((m) => m.text)).toEqual(['8 May 09.05']);
  });
});

describe('a photo caption in running text', () => {
  it.each([
    'Photo: Crews clear the slipway on Wednesday. (Ana Ruiz/Harbour Times)',
    'Pictured: Volunteers stack sandbags on Wednesday',
    'A diver checks the hull on Wednesday. (Staff photo)',
    'Rescuers search the rubble on Wednesday. (KEMAL ORHAN / AFP)',
    'The ferry at the north pier, photographed on 6 May from the harbour wall',
    'Die Fähre am Nordkai, aufgenommen am 6. Mai von der Hafenmauer aus.',
    'The ferry at the north pier, in a file photo taken on June 3, 2021. Harbour Agency/File Photo',
    'Le ferry au quai nord, sur une photo d’archives prise le 3 juin 2021.',
  ])('is no lead and no event of its own: %s', (caption) => {
    const events = eventsOf(
      `<p>${caption}</p><p>The port reopened on Thursday after repairs.</p>`,
      'Port reopens',
    );
    expect(events.filter((event) => event.includes(caption.slice(0, 20)))).toEqual([]);
  });

  it('keeps a sentence that tells news beside when a picture was taken', () => {
    const events = eventsOf(
      '<p>The hull, photographed on 6 May by a diver, showed a crack. The port closed the pier on Tuesday.</p>',
      'Port closes pier',
    );
    expect(events.some((event) => event.includes('The hull, photographed'))).toBe(true);
  });
});

describe('a heading that is a day alone', () => {
  it('dates the relative days of the entries under it', () => {
    const html =
      '<p>The ferry strike went into its second week.</p><h2>Tuesday 7 May</h2><p>Crews walked out again this morning, the union said.</p><h2>Wednesday 8 May</h2><p>Managers met the union this evening.</p>';
    const events = extractEvents({ html, publishedAt: FRIDAY, title: 'Ferry strike live' });
    expect(events.filter((e) => e.kind === 'dated').map((e) => e.date)).toEqual(['2024-05-07', '2024-05-08']);
  });
});

describe("a live page's day heading set as a paragraph, and its timed entries", () => {
  // Published at 00:40 on Thursday 9 May 2024, the entries below written on Wednesday.
  const PAST_MIDNIGHT = '2024-05-09T00:40:00Z';
  const dated = (html: string, publishedAt = PAST_MIDNIGHT) =>
    extractEvents({ html, publishedAt, title: 'Gale live' })
      .filter((e) => e.kind === 'dated')
      .map((e) => `${e.date}: ${e.quote}`);

  it.each([['Wednesday 8 May'], ['Wednesday, May 8'], ['Mittwoch, 8. Mai'], ['Miércoles, 8 de mayo']])(
    'dates the entries under "%s" and tells nothing itself',
    (heading) => {
      const html = `<p>Power is back for most homes after the gale.</p><p>${heading}</p><p>19:45</p><p>Ferry crossings were cancelled for the night, the harbour office said.</p><p>14:05</p><p>A gust of 90mph was measured at the pier head at noon.</p>`;
      expect(dated(html)).toEqual([
        '2024-05-08: Ferry crossings were cancelled for the night, the harbour office said.',
        '2024-05-08: A gust of 90mph was measured at the pier head at noon.',
      ]);
    },
  );

  it('leaves a plan under it that publication has passed undated', () => {
    const html =
      '<p>The club sacked its coach after a week of talks.</p><p>Thursday, May 2</p><p>The chairman sent the coach a message on Thursday evening to set up a meeting for Friday afternoon.</p>';
    expect(
      extractEvents({ html, publishedAt: FRIDAY, title: 'How the week unfolded' }).filter((e) => e.scheduled),
    ).toEqual([]);
  });

  it("reads an entry's time and title on one line as the header of the entry below", () => {
    const html =
      '<p>Last updated: 8 May 2024, 9:10 p.m. ET</p><p>6:30 p.m. ET — Trains running again</p><p>Commuter trains are running on all lines again, the transit authority says.</p><p>3:20 p.m. ET — Ferry line stops sailings</p><p>The ferry line said it halted all sailings at 3:05 p.m. because its ticket system had failed.</p><p>2:41 p.m. ET — What we know</p><p>The outage began at about 1:50 p.m., according to the operator.</p>';
    expect(dated(html, '2024-05-08T21:10:00Z')).toEqual([
      '2024-05-08: The ferry line said it halted all sailings at 3:05 p.m. because its ticket system had failed.',
      '2024-05-08: The outage began at about 1:50 p.m., according to the operator.',
    ]);
  });

  it('counts an entry whose telling is past though what it reports lies ahead', () => {
    const html =
      '<p>La tempête Lila a touché la Bretagne mercredi soir avec des rafales violentes.</p><p>07:30</p><p>La compagnie a annoncé que les ferries reprendraient progressivement à partir de midi.</p><p>06:10</p><p>Les écoles de la côte préparent un plan pour la semaine prochaine et les suivantes.</p>';
    const events = extractEvents({
      html,
      publishedAt: '2024-05-09T08:20:00Z',
      title: 'Tempête',
      language: 'fr',
    });
    expect(
      events.filter((e) => /compagnie|écoles/.test(e.quote)).map((e) => `${e.date}: ${e.quote.slice(0, 20)}`),
    ).toEqual(['2024-05-09: La compagnie a annon']);
  });

  it('dates an evening entry on a page published in the small hours the evening before', () => {
    const html =
      '<p>Voters chose a new council on Wednesday.</p><p>Updated 12:50 a.m.</p><p>The count in the last ward was finished at 12:35 a.m.</p><p>Updated 11:20 p.m.</p><p>The harbour ward elected its first independent councillor.</p>';
    expect(dated(html)).toEqual([
      '2024-05-09: The count in the last ward was finished at 12:35 a.m.',
      '2024-05-08: The harbour ward elected its first independent councillor.',
    ]);
  });

  it('leaves a morning entry on a page dated early that morning on its day', () => {
    const html =
      '<p>The dam on the upper river has burst.</p><p>10:30</p><p>Police closed the lower bridge and the road along the river bank.</p><p>07:20</p><p>The army sent two boats to the lower town to lift people from roofs.</p>';
    expect(dated(html, '2024-05-09T04:30:00Z').map((line) => line.slice(0, 10))).toEqual([
      '2024-05-09',
      '2024-05-09',
    ]);
  });
});

describe('a short lead that names its day', () => {
  it('is the lead, not the background sentence after it', () => {
    const html =
      '<p>Two teenagers were arrested Wednesday in Fairmont.</p><p>Police said the pair broke into a pharmacy on Sunday night and took cash.</p>';
    const report = extractEvents({ html, publishedAt: FRIDAY, title: 'Two arrested' }).find(
      (e) => e.kind === 'report',
    );
    expect(report?.date).toBe('2024-05-08');
  });

  it('stays no lead when it names no day', () => {
    const html =
      '<p>It is a big week here.</p><p>The museum reopened its east wing on Wednesday after a long repair.</p>';
    const report = extractEvents({ html, publishedAt: FRIDAY, title: 'Museum' }).find(
      (e) => e.kind === 'report',
    );
    expect(report?.quote).toContain('museum reopened');
  });
});

describe('a date after "since"', () => {
  it('lies behind', () => {
    expect(datesIn('Fares have doubled since May 20, when the subsidy ended.')).toEqual(['2023-05-20']);
  });
});
