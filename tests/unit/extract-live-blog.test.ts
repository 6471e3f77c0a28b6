import { describe, expect, it } from 'vitest';
import { withoutEntryTime } from '../../lib/extraction/furniture.ts';
import { extractEvents, isTextDated } from '../../lib/extraction/index.ts';
import { pageOpening } from '../../lib/extraction/page-opening.ts';

// Thursday 9 May 2024, evening: the live page's own day.
const PUBLISHED = '2024-05-09T18:00:00Z';
const LEAD = '<p>Floodwater is still rising across the valley as crews work through a second night.</p>';

const entries = (html: string, language?: string) =>
  extractEvents({ html: LEAD + html, publishedAt: PUBLISHED, ...(language ? { language } : {}) })
    .filter(isTextDated)
    .map((event) => `${event.date} ${event.quote.split(' ').slice(0, 3).join(' ')}`);

/** Two entries of the page's day that name no day, and what they give, in every layout below. */
const RESCUE = 'Two teenagers were lifted from a car roof by a coastguard helicopter near the weir.';
const REST_CENTRE = 'The county council opened a second rest centre in the sports hall on Mill Lane.';
const ON_THE_PAGE_DAY = ['2024-05-09 Two teenagers were', '2024-05-09 The county council'];

describe("a live blog's timed entries with no day of their own", () => {
  it("report what happened on the page's day", () => {
    expect(entries(`<p>09.15 ${RESCUE}</p><p>10:40 – ${REST_CENTRE}</p>`)).toEqual(ON_THE_PAGE_DAY);
  });

  it('in another language too, and an entry that names its day keeps that day', () => {
    expect(
      entries(
        '<p>08.20 Rettungskräfte haben in der Nacht eine ältere Frau aus einem überfluteten Keller geholt.</p>' +
          '<p>11.05 Der Bürgermeister hat am Dienstag den Katastrophenfall für die ganze Gemeinde ausgerufen.</p>',
        'de',
      ),
    ).toEqual(['2024-05-09 Rettungskräfte haben in', '2024-05-07 Der Bürgermeister hat']);
  });

  it('reads a French "16h40" and a German "21:35 Uhr" as entry times', () => {
    expect(
      entries(
        '<p>09h15 Un automobiliste a été secouru sur le toit de sa voiture près du barrage.</p>' +
          "<p>16h40 Le conseil départemental a ouvert un second centre d'accueil au gymnase.</p>",
        'fr',
      ),
    ).toEqual(['2024-05-09 Un automobiliste a', '2024-05-09 Le conseil départemental']);
    expect(withoutEntryTime('21:35 Uhr Die Feuerwehr meldet, dass der Deich hält.')).toBe(
      'Die Feuerwehr meldet, dass der Deich hält.',
    );
  });

  it('takes only capitals after the time for a zone name (a case-blind "Rett…T" ate a German noun)', () => {
    expect(withoutEntryTime('08.20 Rettungskräfte holten eine Frau aus dem Keller.')).toBe(
      'Rettungskräfte holten eine Frau aus dem Keller.',
    );
    expect(withoutEntryTime('14:05 GMT – The minister spoke.')).toBe('The minister spoke.');
  });

  it('needs more than one timed paragraph, and an entry that is a sentence', () => {
    expect(
      entries('<p>12.50 Euros a night is what the one hotel left open charges for a camp bed.</p>'),
    ).toEqual([]);
    expect(entries('<p>09:30 Briefing at the town hall.</p><p>11:00 Sandbag collection.</p>')).toEqual([]);
  });
});

describe('a live blog whose entries sit under a time line of their own', () => {
  it("reports an entry that tells what happened on the page's day", () => {
    expect(
      entries(`<p class="time">09:15</p><p>${RESCUE}</p><p class="time">10:40 BST</p><p>${REST_CENTRE}</p>`),
    ).toEqual(ON_THE_PAGE_DAY);
  });

  it("reads the entry's first paragraph past its own title", () => {
    expect(
      entries(
        `<p class="time">09:15</p><h3>Helicopter rescue at the weir</h3><p>${RESCUE}</p>` +
          `<p class="time">10:40</p><h3>Second rest centre</h3><p>${REST_CENTRE}</p>`,
      ),
    ).toEqual(ON_THE_PAGE_DAY);
  });

  it('reads past a title set as a paragraph of its own', () => {
    expect(
      entries(
        `<p class="time">09:15</p><p><strong>Helicopter rescue at the weir</strong></p><p>${RESCUE}</p>` +
          `<p class="time">10:40</p><p>Second rest centre opens</p><p>${REST_CENTRE}</p>`,
      ),
    ).toEqual(ON_THE_PAGE_DAY);
  });

  it("gives the entry's news when only a later sentence names a date, as background", () => {
    expect(
      entries(
        `<p class="time">09:15</p><p>${RESCUE} The last rescue there was in March 2021.</p>` +
          `<p class="time">10:40</p><p>${REST_CENTRE}</p>`,
      ),
    ).toEqual(['2024-05-09 Two teenagers were', '2021-03 The last rescue', '2024-05-09 The county council']);
  });

  it("leaves out the blog's own voice and a forecast under a time line", () => {
    expect(
      entries(
        '<p class="time">09:15</p><p>We will bring you every update from the valley here throughout the evening.</p>' +
          '<p class="time">10:40</p><p>Forecasters say the river is expected to fall slowly through the night.</p>',
      ),
    ).toEqual([]);
  });
});

describe('a live blog speaking as itself', () => {
  it('dates no welcome, sign-off or promise to be back', () => {
    expect(
      entries(
        '<p>Welcome to our live coverage of the floods in the valley.</p>' +
          "<p>That's all from us today. We'll be back tomorrow morning with the latest.</p>" +
          '<p>Thanks for following our coverage this evening.</p>',
      ),
    ).toEqual([]);
    expect(entries("<p>That's where we close this live page for tonight.</p>")).toEqual([]);
    expect(
      entries("<p>Welcome to Valley Radio News's rolling coverage of today's county council election.</p>"),
    ).toEqual([]);
    expect(entries('<p>This is where we leave our coverage for today.</p>')).toEqual([]);
  });

  it('dates no welcome after a greeting, nor a sign-off that says what it is going to do', () => {
    expect(
      entries(
        '<p>Good evening and welcome to our live coverage of the floods, which have cut off the valley since Tuesday.</p>' +
          "<p>We're going to close our live coverage here for tonight.</p>",
      ),
    ).toEqual([]);
  });

  it('dates no sign-off without a contraction, nor a recap announced to readers joining late', () => {
    expect(entries('<p>We are closing this blog for Thursday; thanks for reading.</p>')).toEqual([]);
    expect(entries("<p>If you're just joining us, here's what was agreed late on Thursday:</p>")).toEqual([]);
  });

  it('dates no sign-off that leaves the coverage with "we\'ll", nor a return set for early on a day', () => {
    expect(entries("<p>That's where we'll leave this evening's live coverage.</p>")).toEqual([]);
    expect(entries("<p>We'll be back early Saturday with the council's first figures.</p>")).toEqual([]);
    expect(entries("<p>We'll be back first thing on Saturday.</p>")).toEqual([]);
  });

  it("dates no pointer down the page to the day before's entries, in the languages read", () => {
    expect(entries("<p>You'll find all of Wednesday's updates below.</p>")).toEqual([]);
    expect(entries('<p>Alle Meldungen vom Mittwoch finden Sie weiter unten.</p>', 'de')).toEqual([]);
    expect(entries('<p>Vous trouverez ci-dessous les événements de mercredi.</p>', 'fr')).toEqual([]);
  });

  it('keeps a quoted closure that opens like a sign-off', () => {
    expect(entries('<p>"We are closing the bridge on Friday," the mayor said.</p>')).not.toEqual([]);
    expect(entries("<p>We're closing the depot on Friday, the company said on Thursday.</p>")).not.toEqual(
      [],
    );
  });

  it('keeps news that opens with the same words in another sense', () => {
    expect(entries('<p>We will be back in the valley on Friday, the army said on Thursday.</p>')).toEqual([
      '2024-05-10 We will be',
      '2024-05-09 We will be',
    ]);
  });
});

describe('a live blog whose entries sit under "Updated" lines', () => {
  const updated = (time: string, body: string) => `<p>Updated ${time}</p><p>${body}</p>`;

  it("reads each entry on the page's day, past a title that ends on a clock time", () => {
    expect(
      entries(
        updated('2:15 p.m. ET', `<strong>Second rest centre opens</strong></p><p>${REST_CENTRE}`) +
          updated('9:05 a.m. EDT', `Helicopter lifts two from car roof at 8:40 a.m.</p><p>${RESCUE}`),
      ),
    ).toEqual(['2024-05-09 The county council', '2024-05-09 Two teenagers were']);
  });

  it("never dates an entry's clock time by the entry before's day", () => {
    expect(
      entries(
        updated(
          '11:20 a.m. EDT',
          'The council had closed the riverside car park on Monday, before the rain began.',
        ) +
          updated(
            '7:30 a.m. EDT',
            'The river peaked at 4:10 a.m. at the Mill Lane gauge, the county engineer said.',
          ),
      ),
    ).toEqual(['2024-05-06 The council had', '2024-05-09 The river peaked']);
  });

  it('reads an age before the time ("1h ago 15.40 BST") as the same header', () => {
    expect(
      entries(
        `<p>1h ago 15.40 BST</p><p>Second rest centre opens</p><p>${REST_CENTRE}</p>` +
          `<p>3h ago 13.05 BST</p><p>${RESCUE}</p>`,
      ),
    ).toEqual(['2024-05-09 The county council', '2024-05-09 Two teenagers were']);
  });

  it('reads an "Update:" label with its day and time as the stamp it is, and dates the entry by it', () => {
    // Published Thursday 9 May; the update of Saturday 11 May tells Friday night's news.
    expect(
      entries(
        '<p>Update: 11 May, 08:05 GMT</p><p>Thieves broke into the flooded depot late last night, police said.</p>' +
          '<p>Update: 9 May, 16:48 GMT</p><p>The county council opened a second rest centre this afternoon.</p>',
      ),
    ).toEqual(['2024-05-10 Thieves broke into', '2024-05-09 The county council']);
    // An update told in a sentence is news, whatever its label.
    expect(
      entries('<p>Update: The council reopened the Mill Lane bridge on Friday after an inspection.</p>'),
    ).toEqual(['2024-05-03 Update: The council']);
  });

  it('leaves an "Updated" line above the story as the page\'s stamp', () => {
    expect(
      extractEvents({
        html: `<p>Updated 9:05 a.m. EDT</p>${LEAD}<p>${RESCUE}</p>`,
        publishedAt: PUBLISHED,
      }).filter(isTextDated),
    ).toEqual([]);
  });
});

describe('how old an entry or teaser is, alone on its line ("2 hours ago")', () => {
  it('is a stamp, in the languages read, and dates nothing', () => {
    for (const age of [
      '2 hours ago',
      '1h ago',
      'an hour ago',
      'Just now',
      'il y a 3 heures',
      'vor 2 Stunden',
      'hace 45 minutos',
      '2 ore fa',
      '2 saat önce',
    ])
      expect(
        entries(
          `<p>${age}</p><p>Ferries to the island cancelled</p><p>${age}</p><p>Bridge closed to lorries</p>`,
        ),
        age,
      ).toEqual([]);
  });

  it('keeps a sentence that says how long ago something happened', () => {
    expect(
      entries('<p>The bridge was closed to lorries two hours ago, the police said on Thursday.</p>'),
    ).not.toEqual([]);
  });
});

describe('a live page timed by the clock alone, across midnight', () => {
  // Newest first under the page's last update, as rolling pages are: the entries below the small
  // hours were written the evening before.
  const newestFirst = (keyEvents = '') =>
    '<p>Updated May 10, 2024 6:15 a.m. ET</p>' +
    keyEvents +
    '<p>6:15 a.m. ET</p><p>Pumps restart at the weir</p>' +
    '<p>The water board said its pumps at the weir were running again this morning.</p>' +
    '<p>1:05 a.m. ET</p><p>Levee holds</p>' +
    '<p>Engineers said the levee on the east bank held overnight, with the crest passing at midnight.</p>' +
    '<p>10:40 p.m. ET</p><p>Shelter opens</p>' +
    '<p>The county opened a third shelter in the high school gym this evening.</p>' +
    '<p>8:20 p.m. ET</p>' +
    '<p>Volunteers filled sandbags outside the library this afternoon as the river rose.</p>';

  it('dates the entries below midnight on the day before the update', () => {
    expect(entries(newestFirst())).toEqual([
      '2024-05-10 The water board',
      '2024-05-10 Engineers said the',
      '2024-05-09 The county opened',
      '2024-05-09 Volunteers filled sandbags',
    ]);
  });

  it('is not misled by a key-events list above the entries, ending on an evening time', () => {
    const keyEvents =
      '<p>Key events</p><p>6:15 a.m. ET – Pumps restart at the weir</p>' +
      '<p>1:05 a.m. ET – Levee holds</p><p>10:40 p.m. ET – Shelter opens</p><p>Show all</p>';
    expect(entries(newestFirst(keyEvents))).toEqual(entries(newestFirst()));
  });

  it('dates an oldest-first page past midnight on the day after', () => {
    expect(
      entries(
        '<p>9:30 p.m. ET</p><p>The county opened a third shelter in the high school gym this evening.</p>' +
          '<p>11:50 p.m. ET</p><p>Engineers said the crest was passing the east bank levee tonight.</p>' +
          '<p>2:10 a.m. ET</p><p>The water board said its pumps at the weir had failed this morning.</p>',
      ),
    ).toEqual([
      '2024-05-09 The county opened',
      '2024-05-09 Engineers said the',
      '2024-05-10 The water board',
    ]);
  });

  it('leaves an entry out of order by an hour or two on its day: a pinned post', () => {
    expect(
      entries(
        '<p>4:10 p.m. ET</p><p>The county opened a third shelter in the high school gym this afternoon.</p>' +
          '<p>5:30 p.m. ET</p><p>Volunteers filled sandbags outside the library this afternoon.</p>' +
          '<p>3:00 p.m. ET</p><p>The water board said its pumps at the weir had failed this afternoon.</p>',
      ),
    ).toEqual([
      '2024-05-09 The county opened',
      '2024-05-09 Volunteers filled sandbags',
      '2024-05-09 The water board',
    ]);
  });
});

describe("a live page's stamp line written in figures, day first", () => {
  it("dates the entries under it on the page's day, not a month on", () => {
    // 9 May 2024 as a European site writes it; read month first it is 5 September.
    const page =
      '<p>Valley News</p><p>Floods: rescues continue overnight</p><p>09/05/2024 08:12 | Updated: 18:06</p>' +
      `<p>Floodwater is still rising across the valley.</p><p>10:40</p><p>${REST_CENTRE}</p><p>09:15</p><p>${RESCUE}</p>`;
    expect(
      extractEvents({ html: page, publishedAt: PUBLISHED, language: 'en' })
        .filter(isTextDated)
        .map((event) => `${event.date} ${event.quote.split(' ').slice(0, 3).join(' ')}`),
    ).toEqual(['2024-05-09 Two teenagers were', '2024-05-09 The county council']);
  });
});

describe('a live page timed by the clock alone that says when it opened', () => {
  // Newest first, opened on the evening of 9 May and last updated after midnight: the page's own
  // stamp line, above the story, says which entries are the next day's.
  const page =
    '<p>Published 9 May 2024, 21:05 BST | Updated 10 May 2024, 00:50 BST</p>' +
    '<p>Floodwater is still rising across the valley as crews work through a second night.</p>' +
    '<p>00:50</p><p>The water board said its pumps at the weir had failed.</p>' +
    '<p>00:10</p><p>Engineers said the levee on the east bank was holding.</p>' +
    '<p>23:40</p><p>The county opened a third shelter in the high school gym.</p>' +
    '<p>21:05</p><p>Volunteers filled sandbags outside the library as the river rose.</p>';
  const dated = (publishedAt: string) =>
    extractEvents({ html: page, publishedAt })
      .filter(isTextDated)
      .map((event) => `${event.date} ${event.quote.split(' ').slice(0, 3).join(' ')}`);
  const days = [
    '2024-05-10 The water board',
    '2024-05-10 Engineers said the',
    '2024-05-09 The county opened',
    '2024-05-09 Volunteers filled sandbags',
  ];

  it('dates its entries past midnight on the day after it opened, not its oldest on the day before', () => {
    expect(dated('2024-05-09T20:05:00Z')).toEqual(days);
  });

  it('whether the feed gives the day it opened or the day of its last update', () => {
    expect(dated('2024-05-09T23:50:00Z')).toEqual(days);
    expect(dated('2024-05-10T01:00:00Z')).toEqual(days);
  });

  it('reads the opening from the stamp line in other languages, not from its update', () => {
    const opening = (stamp: string, language: string) =>
      pageOpening(
        [{ kind: 'paragraph', text: stamp, linkShare: 0 }],
        new Date('2024-05-10T01:00:00Z'),
        language,
      );
    expect(opening('Publié le 9 mai 2024 à 21h05, mis à jour le 10 mai 2024 à 00h50', 'fr')).toEqual({
      days: -1,
      minute: 21 * 60 + 5,
    });
    expect(opening('Veröffentlicht am 9. Mai 2024, 21:05 Uhr · Aktualisiert 00:50 Uhr', 'de')).toEqual({
      days: -1,
      minute: 21 * 60 + 5,
    });
    expect(opening('Updated 10 May 2024, 00:50 BST', 'en')).toBeUndefined();
  });
});

describe('an entry whose sentence opens a list with a colon', () => {
  it('is news when it tells what has happened', () => {
    expect(
      entries(
        `<p>09.15 ${RESCUE}</p><p>13:20</p><p>The county council has published the list of roads closed until further notice:</p>` +
          '<p>Mill Lane, between the weir and the bridge</p><p>Station Road, north of the level crossing</p>',
      ),
    ).toEqual(['2024-05-09 Two teenagers were', '2024-05-09 The county council']);
  });

  it('is not when only the words it quotes are past', () => {
    expect(
      entries(
        `<p>09.15 ${RESCUE}</p><p>13:20</p><p>A hydrologist at the university thinks the town "got off lightly this time":</p>` +
          '<p>"The river peaked before the tide turned."</p>',
      ),
    ).toEqual(['2024-05-09 Two teenagers were']);
  });
});

describe('a day written without its year, below a day heading the page was written after', () => {
  // An explainer published on Thursday 9 May 2024 whose chronology ends on a heading for 2 May.
  const explainer = (closing: string) =>
    extractEvents({
      html:
        '<p>The dam on the upper river gave way a week ago; here is how the days unfolded.</p>' +
        '<p>Wednesday, May 1</p><p>6 a.m. Engineers report a crack in the spillway wall.</p>' +
        '<p>Thursday, May 2</p><p>3.10 a.m. The spillway wall collapses and the valley floods.</p>' +
        `<p>What comes next</p><p>${closing}</p>`,
      publishedAt: PUBLISHED,
    })
      .filter(isTextDated)
      .map((event) => event.date);

  it("takes the page's year for a day between the heading and publication that the past put a year back", () => {
    expect(
      explainer('The repair contract, which the province awarded on May 6, runs to the autumn.'),
    ).toContain('2024-05-06');
  });

  it('keeps a year the text gives, and a day before the heading as the past reads it', () => {
    const dates = explainer(
      'The province awarded the repair contract on May 6 last year and inspected the wall on April 20.',
    );
    expect(dates).toContain('2023-05-06');
    expect(dates).toContain('2024-04-20');
  });
});
