import { describe, expect, it } from 'vitest';
import { extractEvents, findDates, isTextDated } from '../../lib/extraction/index.ts';

// Monday 14 October 2024, noon UTC: "Thursday" is the 10th behind or the 17th ahead.
const MONDAY = '2024-10-14T12:00:00Z';

const datesOf = (text: string, publishedAt = MONDAY, language?: string) =>
  extractEvents({ html: text, publishedAt, ...(language ? { language } : {}) })
    .filter(isTextDated)
    .map((event) => event.date);

describe('a date opening its clause takes the tense of the verb that follows it', () => {
  it('reads past however long the subject before the verb, whatever the reported words announce', () => {
    expect(
      datesOf(
        '<p>On Thursday, the club’s long-serving kit manager Joe Bloggs was informed of the ruling and that he will be caretaker.</p>',
      ),
    ).toEqual(['2024-10-10']);
  });

  it('reads future when the first verb after the date announces', () => {
    expect(
      datesOf('<p>On Thursday, the club’s long-serving kit manager Joe Bloggs will address the fans.</p>'),
    ).toEqual(['2024-10-17']);
  });

  it('does not take a capitalised name ending in -ed for a past verb', () => {
    expect(
      datesOf('<p>On Thursday, defence minister Ahmed Saleh will travel to the capital for talks.</p>'),
    ).toEqual(['2024-10-17']);
  });
});

/** The days `findDates` reads in one sentence published on MONDAY. */
const dates = (sentence: string, language = 'en') =>
  findDates(sentence, new Date(MONDAY), { language }).map((m) => m.date);

describe("a weekday's outcome named by its possessive", () => {
  it('is gone by, whatever the sentence announces of it', () => {
    expect(
      dates(
        '"Thursday\'s decision is a matter for the court and I will not comment on it," the minister said.',
      ),
    ).toEqual(['2024-10-10']);
    expect(dates("The harbour board will appeal Friday's ruling by the planning court.")).toEqual([
      '2024-10-11',
    ]);
    // A fixture named so lies ahead.
    expect(dates("Saturday's match will be played behind closed doors.")).toEqual(['2024-10-19']);
  });
});

describe('the day of a next occasion', () => {
  it('is booked ahead, whatever tense a trailing attribution gives', () => {
    expect(
      dates(
        "L'armateur a été placé en détention jusqu'à sa prochaine comparution, le 21 octobre, a indiqué la police.",
        'fr',
      ),
    ).toEqual(['2024-10-21']);
    expect(dates('The skipper was held until his next appearance, on October 21, police said.')).toEqual([
      '2024-10-21',
    ]);
    // "the next day" counts from another day; it books nothing.
    expect(dates('The next day, October 11, the skipper was charged.')).toEqual(['2024-10-11']);
  });
});

describe('irregular past verbs', () => {
  it("dates 'quit … late Friday night' last Friday", () => {
    expect(
      datesOf('<p>Two senior players, stunned by the ruling, both quit in protest late Friday night.</p>'),
    ).toEqual(['2024-10-11']);
  });

  it.each([
    ['In December, the shipyard laid off 200 workers.', '2023-12'],
    ['The rebels overthrew the council in January.', '2024-01'],
    ['The ferry company got its licence back in November.', '2023-11'],
    ['The old pier underwent repairs in December.', '2023-12'],
  ])('reads "%s" as the month gone by, not next year\'s', (text, month) => {
    // Published in October, nearer the month ahead than the one gone by: an unread verb read ahead.
    expect(datesOf(`<p>${text}</p>`)).toEqual([month]);
  });
});

describe('anaphora points back to a reported day, not a booked one', () => {
  it("takes 'that evening' from the day a message was sent, not the day the meeting it set up was for", () => {
    const html =
      '<p>The chairman sent the coach a message on Thursday evening to arrange a meeting for Friday afternoon.</p>' +
      '<p>He also said the captain was made aware that the coach would be dismissed that evening.</p>';
    // Published on Wednesday 16 October: the Friday booked is the 18th, ahead.
    const dates = datesOf(html, '2024-10-16T12:00:00Z');
    expect(dates.filter((date) => date === '2024-10-10')).toHaveLength(2);
    expect(dates).not.toContain('2024-10-11');
  });
});

describe('German perfect without ge-', () => {
  it("dates 'hat … am Freitag entlassen' last Friday", () => {
    expect(
      extractEvents({
        html: '<p>Der Verein hat den Trainer am Freitag entlassen.</p>',
        publishedAt: MONDAY,
        language: 'de',
      })
        .filter(isTextDated)
        .map((event) => event.date),
    ).toEqual(['2024-10-11']);
  });
});

describe('a French perfect with words between its auxiliary and its participle', () => {
  it('is past: "a également fermé jeudi", "a de son côté annoncé jeudi"', () => {
    expect(dates("Le port a également fermé jeudi l'accès aux quais.", 'fr')).toEqual(['2024-10-10']);
    expect(dates('La mairie a de son côté annoncé jeudi un plan de secours.', 'fr')).toEqual(['2024-10-10']);
    expect(dates('Les syndicats ont pour leur part quitté jeudi la table des négociations.', 'fr')).toEqual([
      '2024-10-10',
    ]);
  });

  it('leaves a future with the same words ahead', () => {
    expect(dates('La mairie va également annoncer jeudi un plan de secours.', 'fr')).toEqual(['2024-10-17']);
  });
});

describe("'hit' as a past verb", () => {
  it("dates 'Monday's storm that hit the coast' last Monday, even published on a Sunday", () => {
    // Sunday 13 October 2024: the nearer Monday is tomorrow.
    expect(
      datesOf(
        '<p>The damage from Monday’s storm that hit the northern coast stood at 40 million euros.</p>',
        '2024-10-13T12:00:00Z',
      ),
    ).toEqual(['2024-10-07']);
  });

  it("leaves 'will hit on Friday' ahead, and 'could hit on Friday' a forecast", () => {
    // Tuesday 15 October: Friday the 11th is four days back, the 18th three ahead.
    expect(datesOf('<p>A second storm will hit the coast on Friday.</p>', '2024-10-15T12:00:00Z')).toEqual([
      '2024-10-18',
    ]);
    expect(datesOf('<p>A second storm could hit the coast on Friday.</p>', '2024-10-15T12:00:00Z')).toEqual(
      [],
    );
  });
});

describe("'N weeks after X' needs a day to count from", () => {
  it('dates nothing when the past sentence has no day and none comes right before it', () => {
    expect(
      datesOf(
        '<p>The club was sold in the spring to a group of investors from abroad.</p><p>The coach resigned from his post a week after the owner left the board.</p>',
      ),
    ).toEqual([]);
  });

  it("counts a lead's past from publication: the lead is the article's own news", () => {
    expect(
      datesOf('<p>Ministers met in Geneva to pledge reconstruction funds six weeks after the flood.</p>'),
    ).toEqual(['2024-09-02']);
  });

  it("counts from the sentence before's day, past the month it names as background", () => {
    expect(
      datesOf(
        '<p>The lead story opens here with enough words to be a lead sentence.</p>' +
          '<p>Donors on Friday pledged funds to rebuild after last month’s flood.</p>' +
          '<p>Ministers met in Geneva to agree the plan two weeks after the flood.</p>',
      ),
    ).toEqual(['2024-10-11', '2024-09-27']);
  });

  it("counts forward from the earlier event's own day, given by a verb of its description", () => {
    // Monday 14 October: the report came out on the 7th, the announcement a week after it.
    expect(
      datesOf(
        '<p>The lead story opens here with enough words to be a lead sentence.</p>' +
          '<p>The pier repairs were approved a week after the harbour review, published on 7 October, found cracks.</p>',
      ).sort(),
    ).toEqual(['2024-10-07', '2024-10-14']);
    expect(
      datesOf(
        '<p>The lead story opens here with enough words to be a lead sentence.</p>' +
          '<p>The coast road reopened three days after the storm that struck on 2 October.</p>',
      ).sort(),
    ).toEqual(['2024-10-02', '2024-10-05']);
  });

  it("dates the thing 'N days before' names, counted forward from the day written before it", () => {
    expect(
      datesOf(
        '<p>The lead story opens here with enough words to be a lead sentence.</p>' +
          '<p>The harbour warrant was signed on 2 October, two days before the raid.</p>',
      ),
    ).toEqual(['2024-10-02', '2024-10-04']);
    // Weeks are as often a round figure as a count: "four weeks before the vote" dates no vote.
    expect(
      datesOf(
        '<p>The lead story opens here with enough words to be a lead sentence.</p>' +
          '<p>The campaign opened on 5 October, four weeks before the vote.</p>',
      ),
    ).toEqual(['2024-10-05']);
  });

  it('counts "N weeks since X" back from publication, and never forward from a day after it', () => {
    // Monday 14 October: three weeks back is 23 September.
    expect(datesOf('<p>It has been three weeks since the ferry capsized off the harbour wall.</p>')).toEqual([
      '2024-09-23',
    ]);
    expect(
      datesOf(
        '<p>The lead story opens here with enough words to be a lead sentence.</p>' +
          '<p>For the first time in three weeks since the storm, ferries sailed on Friday.</p>',
      ),
    ).toEqual(['2024-10-11']);
  });

  it('dates the subject\'s earlier act before the day: "sank on Friday, two days after it left port"', () => {
    expect(
      datesOf(
        '<p>The lead story opens here with enough words to be a lead sentence.</p>' +
          '<p>The ferry sank on Friday, two days after it left the harbour.</p>' +
          '<p>The mate was arrested on 7 October and released two days after that.</p>',
      ).sort(),
    ).toEqual(['2024-10-07', '2024-10-09', '2024-10-09', '2024-10-11']);
  });

  it('counts what "came" after from the last day reported, not from a day booked in between', () => {
    // Monday 14 October: the mayor quit on Friday the 11th; the review is booked for 4 November.
    expect(
      datesOf(
        '<p>The lead story opens here with enough words to be a lead sentence.</p>' +
          '<p>The harbour mayor resigned on Friday, the council said.</p>' +
          '<p>A review of the harbour accounts is set for 4 November.</p>' +
          '<p>The resignation came three days after auditors found the missing funds.</p>',
      ).sort(),
    ).toEqual(['2024-10-08', '2024-10-11', '2024-11-04']);
  });

  it('counts nothing from a bound: "barely three weeks after", "nearly two days before"', () => {
    expect(
      datesOf(
        '<p>The lead story opens here with enough words to be a lead sentence.</p>' +
          '<p>The capsizing comes barely three weeks after a barge sank on the same river on 2 October.</p>' +
          '<p>The harbour warrant was signed on 3 October, nearly two days before the raid.</p>',
      ),
    ).toEqual(['2024-10-02', '2024-10-03']);
  });

  it('counts back from a day with no verb between, and from a caption’s closing date with its year', () => {
    expect(
      datesOf(
        '<p>The lead story opens here with enough words to be a lead sentence.</p>' +
          '<p>Six weeks after the flood, on 11 October, the market reopened.</p>',
      ),
    ).toEqual(['2024-08-30', '2024-10-11']);
    expect(
      datesOf(
        '<p>The lead story opens here with enough words to be a lead sentence.</p>' +
          '<p>A rescuer searches the rubble two days after the storm that hit the coast, on October 11, 2024.</p>',
      ),
    ).toEqual(['2024-10-09', '2024-10-11']);
  });
});

describe('a clause ends where its own verb stops governing the date', () => {
  it('reads a date inside a relative clause set off by commas by that clause, not by the main verb after it', () => {
    expect(
      datesOf('<p>The ferry company’s new chief, who takes over on 4 November, promised cheaper fares.</p>'),
    ).toEqual(['2024-11-04']);
  });

  it('reads the main clause after a relative clause by its own verb, not by the relative clause’s', () => {
    expect(
      datesOf(
        '<p>The harbour inquiry, which opened in the spring, resumes on 28 October, when the mayor is due to give evidence.</p>',
      ),
    ).toEqual(['2024-10-28']);
  });

  it('reads a clause with no tense of its own by the verb "and" joins to it ("set out on Tuesday and was reported missing")', () => {
    // Saturday 9 November: with no tense, the nearer Tuesday is the coming one.
    expect(
      datesOf(
        '<p>Lena Ortiz set out alone on Tuesday morning and was reported missing by her partner.</p>',
        '2024-11-09T12:00:00Z',
      ),
    ).toEqual(['2024-11-05']);
  });

  it('takes no tense from words past a second day of the date ("on October 24 and 25 unless talks resumed")', () => {
    // Monday 14 October: a plan reported with "would" lies ahead; read as past it went a year back.
    expect(
      findDates(
        'The dockers said on Sunday they would walk out on October 24 and 25 unless talks resumed.',
        new Date(MONDAY),
      ).map((m) => m.date),
    ).toEqual(['2024-10-13', '2024-10-24']);
  });

  it('does not date a past act by a second verb that announces ("won on Sunday and will face")', () => {
    expect(
      datesOf(
        '<p>Lena Ortiz won the harbour ward on Sunday and will face the council leader in a runoff.</p>',
      ),
    ).toEqual(['2024-10-13']);
  });

  it('does not date a past act by the relative clause after it ("on Thursday, which will keep")', () => {
    expect(
      datesOf(
        '<p>Crews finished the sea wall on Thursday, which will keep the coast road open through the winter.</p>',
      ),
    ).toEqual(['2024-10-10']);
  });

  it('reads the words after an aside between dashes by the verb before the aside', () => {
    // Wednesday 16 October: with no verb of its own, "as of Friday" would go to the nearer Friday ahead.
    expect(
      datesOf(
        '<p>The count of damaged homes stood at 340 — with dozens more still to be inspected — as of Friday evening and was expected to climb.</p>',
        '2024-10-16T12:00:00Z',
      ),
    ).toEqual(['2024-10-11']);
  });

  it('reads a date that is itself the aside by the verb before it', () => {
    // Saturday 19 October: an aside holds no verb, so its weekday went to the nearer one, ahead.
    const opening = '<p>The inquiry into the port contract began in the spring.</p>';
    expect(
      datesOf(
        `${opening}<p>The regulator published its findings – on Monday, in Brussels – after a long delay.</p>`,
        '2024-10-19T12:00:00Z',
      ),
    ).toEqual(['2024-10-14']);
    expect(
      datesOf(
        `${opening}<p>Die Aufsicht veröffentlichte kurz darauf – nach Brüsseler Ortszeit noch am Montag – ihren Bericht.</p>`,
        '2024-10-19T12:00:00Z',
        'de',
      ),
    ).toEqual(['2024-10-14']);
  });
});

describe('a participle with its agent dates a past act, whatever the clause announces', () => {
  it.each([
    // Published on Wednesday 16 October 2024.
    ['Repairs to the ferry pier, damaged by a storm on Monday, will take several days.', '2024-10-14'],
    [
      'The harbour office says the crane hit by lightning on Monday will be out of use for a month.',
      '2024-10-14',
    ],
    ['The coast road, swept by high waves on Monday, will reopen next week.', '2024-10-14'],
  ])('%s', (sentence, date) => {
    expect(datesOf(`<p>${sentence}</p>`, '2024-10-16T12:00:00Z')).toEqual([date]);
  });

  it('leaves a plan ahead when the participle follows "be"', () => {
    expect(
      datesOf(
        '<p>The ferry will be inspected by the harbour authority on Friday.</p>',
        '2024-10-16T12:00:00Z',
      ),
    ).toEqual(['2024-10-18']);
  });
});

describe('a plan reported with "would" and no day for the saying', () => {
  it.each([
    // Wednesday 16 October: the nearer Monday is two days gone.
    [
      'The ferry company said it would publish the new timetable on Monday.',
      '2024-10-16T12:00:00Z',
      '2024-10-21',
    ],
    // Thursday 17 October: the nearer Tuesday is two days gone.
    [
      'The harbour master told reporters she would inspect the pier on Tuesday.',
      '2024-10-17T12:00:00Z',
      '2024-10-22',
    ],
  ])('dates the weekday after the saying: %s', (sentence, publishedAt, date) => {
    expect(datesOf(`<p>${sentence}</p>`, publishedAt)).toEqual([date]);
  });

  it('leaves a saying with its own day to the nearest-day rule', () => {
    expect(
      datesOf('<p>The mayor said on Friday he would resign on Monday.</p>', '2024-10-15T12:00:00Z'),
    ).toEqual(['2024-10-11', '2024-10-14']);
  });

  it.each([
    // Tuesday 22 October 2024: the nearer March is seven months gone, the next one five months ahead.
    ['The ferry operator said it would take delivery of its first electric ship in March.', '2025-03'],
    ['The port said traffic was up on the summer and that it would open the new quay in March.', '2025-03'],
  ])('takes the month after the saying too: %s', (sentence, date) => {
    expect(datesOf(`<p>${sentence}</p>`, '2024-10-22T09:00:00Z')).toEqual([date]);
  });

  it('reads a "plan" more than half a year ahead as the saying\'s own date', () => {
    // Monday 9 December 2024: next 20 November is eleven months on, the one gone by nineteen days back.
    expect(
      datesOf(
        '<p>The harbour board first announced it would set up a recovery fund on 20 November.</p>',
        '2024-12-09T12:00:00Z',
      ),
    ).toEqual(['2024-11-20']);
  });

  it('leaves a saying with its own year to the nearest-date rule', () => {
    expect(
      datesOf('<p>The operator said in 2019 it would open the line in March.</p>', '2024-10-22T09:00:00Z'),
    ).toEqual(['2019', '2024-03']);
  });
});

describe('the simple present of a fixture or a timetable points ahead', () => {
  it.each([
    // Wednesday 16 October: the nearer Monday is two days gone, the coming one the 21st.
    'The new ferry fares take effect Monday.',
    'Kessel Rovers host the league leaders on Monday.',
    'The harbour inquiry resumes on Monday, the court said.',
    'Voters go to the polls on Monday in a runoff for mayor.',
    'Polls open at 7 a.m. Monday.',
    'Polls close at 8 p.m. Monday.',
    'The dock strike ends Monday.',
    'A hearing on the ferry contract is scheduled Monday.',
  ])('%s', (sentence) => {
    expect(datesOf(`<p>${sentence}</p>`, '2024-10-16T12:00:00Z')).toEqual(['2024-10-21']);
  });

  it.each([
    ['Le procès du capitaine s’ouvre lundi à Kessel.', 'fr'],
    ['El juicio al capitán comienza el lunes en Kessel.', 'es'],
    ['Il processo al capitano si apre lunedì a Kessel.', 'it'],
    ['O julgamento do capitão começa na segunda-feira.', 'pt'],
    ['Der Prozess gegen den Kapitän beginnt am Montag.', 'de'],
    ['La nueva tarifa entra en vigor el lunes.', 'es'],
  ])('in other languages too: %s', (sentence, language) => {
    const dates = extractEvents({ html: `<p>${sentence}</p>`, publishedAt: '2024-10-16T12:00:00Z', language })
      .filter(isTextDated)
      .map((event) => event.date);
    expect(dates).toEqual(['2024-10-21']);
  });

  it('leaves "takes effect today" today, and a list\'s historical present in the past', () => {
    expect(datesOf('<p>The new ferry timetable takes effect today.</p>', '2024-10-16T12:00:00Z')).toEqual([
      '2024-10-16',
    ]);
    expect(
      datesOf('<ul><li>Monday: The new fares take effect.</li><li>Monday: Rovers host Dunmore.</li></ul>'),
    ).not.toContain('2024-10-21');
  });
});

describe('a hope or an expectation points ahead, as a plan does', () => {
  it.each([
    // Wednesday 16 October: the nearer Monday is two days gone, the coming one the 21st.
    'The ferry operator said it hoped to resume sailings on Monday.',
    'The ferry operator expects to resume sailings on Monday.',
    'The ferry operator hopes to resume sailings Monday.',
    'The ferry operator said it aimed to resume sailings on Monday.',
  ])('%s', (sentence) => {
    expect(datesOf(`<p>${sentence}</p>`, '2024-10-16T12:00:00Z')).toEqual(['2024-10-21']);
  });

  it('keeps the past act beside it in the past', () => {
    expect(
      datesOf('<p>The pier closed on Friday and the harbour board said it hoped to reopen it Thursday.</p>'),
    ).toEqual(['2024-10-17', '2024-10-11']);
  });
});

describe('a subordinate clause after a comma keeps its own tense', () => {
  it("reads 'after no candidate won … in Sunday's first round' as past beside a 'will' before the comma", () => {
    // Thursday 21 November: the Sunday gone by is the 17th.
    expect(
      datesOf(
        '<p>The commission confirmed that a runoff will be held on 8 December, after no candidate won a majority in Sunday’s first round.</p>',
        '2024-11-21T12:00:00Z',
      ),
    ).toEqual(['2024-12-08', '2024-11-17']);
  });

  it("reads a plan agreed in the past ('agreed to call a vote on 16 December') nearest to publication", () => {
    expect(
      datesOf(
        '<p>The mayor agreed on Monday to call a harbour referendum on 16 December.</p>',
        '2024-11-21T12:00:00Z',
      ).sort(),
    ).toEqual(['2024-11-18', '2024-12-16']);
  });
});

describe('a German clause set off by commas keeps its own tense', () => {
  it("reads a day after a dass-clause's 'will' by its own verb, not the plan the clause reports", () => {
    // Monday 14 October 2024: 10 October is the Thursday gone by.
    expect(
      datesOf(
        '<p>Der Konzern hatte Anfang Oktober bekannt gegeben, dass er den Zulieferer übernehmen will, am 10. Oktober sein Angebot erhöht und sich später zurückgezogen.</p>',
        MONDAY,
        'de',
      ),
    ).toContain('2024-10-10');
  });

  it("keeps a plan inside the dass-clause ahead, and a day after 'weil' in its own past", () => {
    expect(
      datesOf(
        '<p>Die Stadt teilte am Freitag mit, dass sie die Brücke am 21. Oktober sperren will.</p>',
        MONDAY,
        'de',
      ).sort(),
    ).toEqual(['2024-10-11', '2024-10-21']);
    expect(
      datesOf(
        '<p>Die Fähre fiel aus, weil der Sturm am Samstag den Anleger beschädigt hatte, und soll wieder fahren.</p>',
        MONDAY,
        'de',
      ),
    ).toContain('2024-10-12');
  });
});

describe('a German infinitive with "zu" after an announcing verb', () => {
  it('dates what was announced ahead of the announcement, not a year back', () => {
    // Monday 14 October 2024: the airline announced on 30 September what it does from 20 October.
    expect(
      datesOf(
        '<p>Die Fluglinie hatte am 30. September angekündigt, am 20. Oktober zwei Verbindungen nach Riga zu streichen.</p>',
        MONDAY,
        'de',
      ).sort(),
    ).toEqual(['2024-09-30', '2024-10-20']);
  });

  it('leaves the saying in its own past, and a perfect infinitive past', () => {
    expect(
      datesOf('<p>Die Regierung kündigte am Donnerstag an, die Abgaben zu senken.</p>', MONDAY, 'de'),
    ).toEqual(['2024-10-10']);
    expect(
      datesOf(
        '<p>Der Fahrer gab am Samstag zu, am Freitag ohne Führerschein gefahren zu sein.</p>',
        MONDAY,
        'de',
      ),
    ).not.toContain('2024-10-18');
  });
});

describe("a clause edge inside a quotation is the speaker's, not the attribution's", () => {
  it('reads the attribution\'s day past a "but I hope to" inside the quotation', () => {
    // Monday 14 October 2024: the Tuesday gone by is the 8th.
    expect(
      datesOf(
        '<p>"The bridge stays shut for now, but I hope to reopen one lane before the winter," the county engineer told local radio on Tuesday.</p>',
      ),
    ).toEqual(['2024-10-08']);
  });

  it('still cuts a quotation at its own edges for a date inside it', () => {
    expect(
      datesOf(
        '<p>"The lane reopened on Friday, but we will close it again on Thursday," the county engineer said.</p>',
      ).sort(),
    ).toEqual(['2024-10-11', '2024-10-17']);
  });
});

describe('an obligation is ahead of its saying', () => {
  it.each([
    // Wednesday 16 October 2024: the Tuesday gone by is the 15th, the next the 22nd.
    ['The pier must be closed on Tuesday for the inspection.', '2024-10-22'],
    ['The harbour board has to approve the new fares on Tuesday.', '2024-10-22'],
    ['The ferry should sail again on Tuesday, the operator said.', '2024-10-22'],
  ])('%s', (sentence, date) => {
    expect(datesOf(`<p>${sentence}</p>`, '2024-10-16T12:00:00Z')).toEqual([date]);
  });

  it('reads a date opening its clause by the obligation after it', () => {
    expect(
      datesOf('<p>On Tuesday, the pier must be closed for the inspection.</p>', '2024-10-16T12:00:00Z'),
    ).toEqual(['2024-10-22']);
  });

  it('does not book a date the obligation does not govern: past a comma, a reference number’s date', () => {
    // Wednesday 16 October: the 12th is four days gone, not a date a year ahead.
    expect(
      datesOf(
        '<p>Witnesses should call the harbour police, quoting incident 2291 of 12 October.</p>',
        '2024-10-16T12:00:00Z',
      ),
    ).toEqual(['2024-10-12']);
  });

  it('leaves an inference about a past act ("must have") and a past obligation ("had to") in the past', () => {
    expect(
      datesOf(
        '<p>Investigators believe the skipper must have fallen asleep on Tuesday night.</p><p>The crew had to leave the ship on Tuesday.</p>',
        '2024-10-16T12:00:00Z',
      ),
    ).toEqual(['2024-10-15', '2024-10-15']);
  });
});

describe('what a clause in the present comes after is gone by', () => {
  it.each([
    // Wednesday 23 October 2024: the coming Friday, the 25th, is nearer than the 18th gone by.
    [
      'Harbour police are appealing for witnesses after a break-in at the ferry office on Friday.',
      '2024-10-18',
    ],
    ['The coast road stays impassable following a landslide on Friday.', '2024-10-18'],
    ["The harbour board meets in the wake of Friday's vote on the ferry fares.", '2024-10-18'],
    ["Crews walk out in protest at Friday's dismissal of the captain.", '2024-10-18'],
    ["The ferry strike follows Friday's collapse of the pay talks.", '2024-10-18'],
  ])('%s', (sentence, date) => {
    expect(datesOf(`<p>${sentence}</p>`, '2024-10-23T09:00:00Z')).toEqual([date]);
  });

  it('leaves a plan that comes after something ahead', () => {
    expect(
      datesOf('<p>The ferry will sail again after an inspection on Friday.</p>', '2024-10-23T09:00:00Z'),
    ).toEqual(['2024-10-25']);
  });
});

describe('the English present perfect before a day', () => {
  // Wednesday 20 November 2024: Thursday is tomorrow, the 21st; the one gone by is the 14th.
  const WEDNESDAY = '2024-11-20T18:00:00Z';

  it('tells no direction for the day it runs into: the cancelled sailings are tomorrow’s', () => {
    expect(
      datesOf('<p>Island ferry operators have cancelled all sailings on Thursday.</p>', WEDNESDAY),
    ).toEqual(['2024-11-21']);
  });

  it('leaves a day named before the perfect to the perfect ("Sunday’s storm has settled…")', () => {
    expect(
      datesOf(
        '<p>Sunday’s storm on the harbour has settled whether the ferry will run this winter.</p>',
        WEDNESDAY,
      ),
    ).toEqual(['2024-11-17']);
  });

  it('does not take a past form in a name for a past verb ("the Met Office")', () => {
    expect(datesOf('<p>The Met Office wind warning runs from 6am on Thursday.</p>', WEDNESDAY)).toEqual([
      '2024-11-21',
    ]);
  });
});

describe('a date joined to the one before it by a conjunction alone', () => {
  const mentions = (sentence: string) =>
    findDates(sentence, new Date(MONDAY)).map((m) => `${m.text.replace(/[,.]$/, '')}=${m.date}`);

  it('shares its verb, and so its direction', () => {
    expect(mentions('Finance chiefs will gather in Vienna on Thursday and Friday.')).toEqual([
      'on Thursday=2024-10-17',
      'Friday=2024-10-18',
    ]);
    expect(mentions('The ferries stayed in port on Thursday and Friday.')).toEqual([
      'on Thursday=2024-10-10',
      'Friday=2024-10-11',
    ]);
  });

  it('keeps a tense of its own when a verb of its own follows', () => {
    expect(mentions('The strike ended on Thursday, and on Saturday the crews will sail again.')).toEqual([
      'on Thursday=2024-10-10',
      'on Saturday=2024-10-19',
    ]);
  });

  it('is a forecast with the one before it', () => {
    expect(mentions('The front is forecast to reach the coast late Saturday or early Sunday.')).toEqual([]);
  });

  it('after a month-first date is a date of its own, not the end of a range in its month', () => {
    // "between … and …" makes the two one span (see extract-between-spans.test.ts): it ends on 22
    // March, not on the 22nd of February.
    const [span] = findDates('The recalled kettles were made between Feb. 4 and March 22.', new Date(MONDAY));
    expect([span?.date, span?.endDate]).toEqual(['2024-02-04', '2024-03-22']);
    expect(mentions('The recalled kettles were made on Feb. 4 and March 22.')).toEqual([
      'Feb. 4=2024-02-04',
      'March 22=2024-03-22',
    ]);
  });
});

describe('the main verb after a participle set off by commas', () => {
  it.each([
    ['The levy, approved by the assembly in May, takes effect Dec. 1.', '2024-12-01'],
    ['The timetable, published Friday, begins Nov. 4.', '2024-11-04'],
  ])('governs the date after it: %s', (sentence, date) => {
    expect(datesOf(`<p>${sentence}</p>`)).toContain(date);
  });

  it('leaves a clause of its own after an opening phrase', () => {
    expect(datesOf('<p>On Friday, masked men raided the depot, police said.</p>')).toEqual(['2024-10-11']);
  });

  it.each([
    'The pact, withdrawn from in 2019, will be debated again on Thursday.',
    'The tanker, sunk by a mine in 2019, will be raised on Thursday.',
  ])('leaves the aside its own past when the participle is irregular: %s', (sentence) => {
    const events = extractEvents({ html: `<p>${sentence}</p>`, publishedAt: MONDAY });
    const dated = events.filter((event) => event.kind !== 'report');
    expect(dated.map((event) => [event.date, event.scheduled ?? false])).toEqual([
      ['2019', false],
      ['2024-10-17', true],
    ]);
  });
});

describe('a participle aside after a long subject', () => {
  it('tells its own past, however many words the subject takes', () => {
    // Monday 14 October 2024: a September read as ahead would be September 2025.
    const sentence =
      'The cross-party select committee inquiry into the harbour flooding, opened in late September, is due to hear the mayor on Oct. 30.';
    const events = extractEvents({ html: `<p>${sentence}</p>`, publishedAt: MONDAY }).filter(
      (event) => event.kind !== 'report',
    );
    expect(events.map((event) => [event.date, event.scheduled ?? false])).toEqual([
      ['2024-09', false],
      ['2024-10-30', true],
    ]);
  });

  it('leaves a booked day ahead: "planned for Sunday" books it', () => {
    const sentence =
      'A televised debate between the two remaining candidates, planned for Sunday, is likely to be moved, organisers said.';
    expect(datesOf(`<p>${sentence}</p>`)).toEqual(['2024-10-20']);
  });
});

describe('a present passive', () => {
  it('points ahead, not back a year', () => {
    expect(
      findDates('The pair face long terms when they are sentenced Nov. 20.', new Date(MONDAY)).map(
        (m) => m.date,
      ),
    ).toEqual(['2024-11-20']);
  });
});

describe('a timetable verb in the present right before its date', () => {
  it.each([
    [
      'The council voted 7-2 on Thursday to approve a budget for the fiscal year that begins Jan. 1.',
      '2025-01-01',
    ],
    ['The judge said on Friday that the retrial opens Nov. 18.', '2024-11-18'],
  ])('points ahead inside a past sentence: %s', (sentence, date) => {
    expect(findDates(sentence, new Date(MONDAY)).map((m) => m.date)).toContain(date);
  });
});

describe('a relative clause in the past inside the subject of a plan', () => {
  it('keeps its own past: the day the thing was done lies behind, the plan ahead', () => {
    expect(
      datesOf(
        '<p>The two bridges that were closed on Oct. 2 are due to reopen on Saturday after repairs.</p>',
      ),
    ).toEqual(['2024-10-02', '2024-10-19']);
    expect(datesOf('<p>Flights which had been cancelled on Oct. 3 will be rebooked for free.</p>')).toEqual([
      '2024-10-03',
    ]);
  });
});

describe('a day written without its year, read ahead, that would land most of a year away', () => {
  it('is the day nearest publication: no writer leaves out the year of a plan eleven months off', () => {
    // Monday 14 October 2024: "October 2" ahead would be 2 October 2025.
    expect(
      datesOf(
        '<p>The line will reopen in December, following the end of the inquiry into the derailment on October 2.</p>',
      ),
    ).toEqual(['2024-12', '2024-10-02']);
  });

  it('still reads ahead a plan a few months off', () => {
    expect(datesOf('<p>The line will reopen on February 3 after repairs.</p>')).toEqual(['2025-02-03']);
  });
});

describe('a forecast of how long a disruption lasts', () => {
  it('dates nothing: "delays expected into early Sunday"', () => {
    expect(
      datesOf(
        '<p>The airport said flights had resumed, with delays of up to two hours expected into early Sunday.</p>',
      ),
    ).toEqual([]);
  });
});

describe('"and" between two measures of one term joins no clauses', () => {
  // Published on Monday 14 October 2024: last Thursday is the 10th, the next the 17th.
  it.each([
    ['The driver was jailed for two years and eight months on Thursday.', '2024-10-10'],
    ['His brother was sentenced to a year and a day at the same court on Thursday.', '2024-10-10'],
    ['The walkout will run for two days and six hours on Thursday.', '2024-10-17'],
    // A clause of its own after "and" keeps its own tense.
    ['The driver was arrested and will be freed on Thursday.', '2024-10-17'],
  ])('%s → %s', (sentence, day) => {
    expect(datesOf(`<p>${sentence}</p>`)).toEqual([day]);
  });
});

describe('a span of two days takes its tense from its first day', () => {
  it.each([
    ['The ferry crews will stop work on 21 and 22 October, their union said.', '2024-10-21'],
    ['Die Fährleute werden am 21. und 22. Oktober streiken, sagte die Gewerkschaft.', '2024-10-21'],
    ['The ferry crews stopped work on 10 and 11 October, their union said.', '2024-10-10'],
  ])('not from the attribution after its last day: %s', (sentence, first) => {
    expect(dates(sentence, /Fährleute/.test(sentence) ? 'de' : 'en')).toEqual([first]);
  });
});

describe('a phrase set off by a comma after the news dates its own act', () => {
  // Monday 14 October 2024: Saturday is the 12th behind or the 19th ahead.

  it.each([
    'The port will reopen to ferries next month under a repair plan, approved at a council meeting late on Saturday.',
    'Two carriers will merge their routes, unveiled by both chief executives on Saturday.',
  ])('is past after a participle, whatever the news announces: %s', (sentence) => {
    expect(dates(sentence)).toEqual(['2024-10-12']);
  });

  it('is ahead after a participle that books the day', () => {
    expect(dates('The port will reopen to ferries, scheduled for Saturday.')).not.toContain('2024-10-12');
  });

  it.each([
    ['The council will debate the plan on Thursday, followed by a vote on Saturday.', '2024-10-19'],
    ['The council debated the plan on Thursday, followed by a vote on Saturday.', '2024-10-12'],
  ])('lies the way of the clause before it after "followed by": %s', (sentence, saturday) => {
    expect(dates(sentence).at(-1)).toBe(saturday);
  });
});

describe('a weekday told in the past perfect after a written day lies before that day', () => {
  // Friday 25 October 2024: counted from publication, Sunday is the 20th.
  const FRIDAY = new Date('2024-10-25T12:00:00Z');
  const datesOf = (sentence: string, language = 'en') =>
    findDates(sentence, FRIDAY, { language }).map((m) => m.date);

  it.each([
    [
      'en',
      'The harbour master quit on October 16, three days after the closure had been announced on Sunday.',
    ],
    [
      'de',
      'Der Hafenmeister trat am 16. Oktober zurück, drei Tage nachdem die Schließung am Sonntag verkündet worden war.',
    ],
  ])('in %s: %s', (language, sentence) => {
    expect(datesOf(sentence, language)).toEqual(['2024-10-16', '2024-10-13']);
  });

  it('counts from publication when the past perfect is another clause’s', () => {
    expect(
      datesOf('On October 16 the port said it had hired divers, and it reopened the quay on Sunday.'),
    ).toEqual(['2024-10-16', '2024-10-20']);
  });
});
