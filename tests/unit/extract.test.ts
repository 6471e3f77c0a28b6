import { describe, expect, it } from 'vitest';
import {
  type ArticleText,
  extractEvents as extractAll,
  htmlToBlocks,
  isTextDated,
} from '../../lib/extraction/index.ts';

/** The dated events only: every article also yields one report event, tested on its own below. */
const extractEvents = (article: ArticleText) => extractAll(article).filter(isTextDated);
/** Blocks without their link share, which has its own test. */
/** The report of an article published on Wednesday 16 October 2024, its paragraphs given one by one. */
const reportOf = (title: string, paragraphs: string[]) =>
  extractAll({ title, publishedAt: '2024-10-16T09:00:00Z', html: paragraphs.join('') }).find(
    (event) => event.kind === 'report',
  );
const blocksOf = (html: string) => htmlToBlocks(html).map(({ kind, text }) => ({ kind, text }));

const PUBLISHED = '2024-10-13T09:00:00Z';

describe('extractEvents: a "Key developments" list', () => {
  const html = `
    <p>The strike at the Baltic port has now lasted more than three months.</p>
    <h2>Key developments</h2>
    <ul>
      <li>3 July: Dockworkers at the port of Gdansk walked out over a pay dispute with the harbour authority</li>
      <li>19 August: The harbour authority offered a six percent raise, which the union rejected</li>
      <li>19 August: Transport minister Anna Kowal appointed an independent mediator to the talks</li>
      <li>2 October – Container ships began diverting to Rostock as the backlog of cargo grew</li>
    </ul>`;
  const events = extractEvents({ html, publishedAt: PUBLISHED });

  it('gives one event per dated item', () => {
    expect(events).toHaveLength(4);
  });

  it('dates each item with the year taken from the publication date', () => {
    expect(events.map((event) => event.date)).toEqual([
      '2024-07-03',
      '2024-08-19',
      '2024-08-19',
      '2024-10-02',
    ]);
    for (const event of events) {
      expect(event.datePrecision).toBe('day');
      expect(event.endDate).toBeNull();
      expect(event.kind).toBe('dated');
      expect(event.scheduled).toBe(false);
    }
  });

  it('summarises each item without its date prefix', () => {
    expect(events[0]?.summary).toBe(
      'Dockworkers at the port of Gdansk walked out over a pay dispute with the harbour authority',
    );
    expect(events[3]?.summary).toBe(
      'Container ships began diverting to Rostock as the backlog of cargo grew',
    );
  });

  it('quotes each item verbatim, date included', () => {
    expect(events[0]?.quote).toBe(
      '3 July: Dockworkers at the port of Gdansk walked out over a pay dispute with the harbour authority',
    );
    expect(events[3]?.quote).toBe(
      '2 October – Container ships began diverting to Rostock as the backlog of cargo grew',
    );
  });

  it('keeps two different items on the same day as two events', () => {
    const sameDay = events.filter((event) => event.date === '2024-08-19');
    expect(sameDay).toHaveLength(2);
    expect(sameDay[0]?.summary).toMatch(/offered a six percent raise/);
    expect(sameDay[1]?.summary).toMatch(/appointed an independent mediator/);
  });

  it('accepts month-first dates and dash separators as list prefixes', () => {
    const events = extractEvents({
      html: `<ul>
        <li>September 30 – Flood barriers were raised along the Vistula in Warsaw</li>
        <li>1 October - Schools in the river district closed for the week</li>
      </ul>`,
      publishedAt: PUBLISHED,
    });
    expect(events.map((event) => [event.date, event.summary])).toEqual([
      ['2024-09-30', 'Flood barriers were raised along the Vistula in Warsaw'],
      ['2024-10-01', 'Schools in the river district closed for the week'],
    ]);
  });

  it('takes the previous year for list dates after the publication date', () => {
    const [event] = extractEvents({
      html: '<ul><li>28 December: Regulators fined the ferry operator for repeated safety breaches</li></ul>',
      publishedAt: '2025-01-05T07:00:00Z',
    });
    expect(event?.date).toBe('2024-12-28');
  });
});

describe('extractEvents: prose', () => {
  it('gives a dated sentence as one event quoting the sentence', () => {
    const sentence = 'On October 8, the mayor of Lviv said the city would open three new bomb shelters.';
    const events = extractEvents({
      html: `<p>Residents have waited months for news. ${sentence} Work is expected to take a year.</p>`,
      publishedAt: PUBLISHED,
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ date: '2024-10-08', kind: 'dated', quote: sentence, endDate: null });
    expect(events[0]?.summary).toMatch(
      /^the mayor of Lviv said the city would open three new bomb shelters/i,
    );
  });

  it('summarises a dated sentence without the date that introduces it', () => {
    // ExtractedEvent.summary: "The event in the article's words, without the date that introduced it."
    const [event] = extractEvents({
      html: '<p>On October 8, the mayor of Lviv said the city would open three new bomb shelters.</p>',
      publishedAt: PUBLISHED,
    });
    expect(event?.summary).toMatch(/^The mayor of Lviv said/);
    expect(event?.summary).not.toMatch(/^On October 8/);
  });

  it('gives a sentence with two dated clauses as two events, each summarised by its own clause', () => {
    const sentence =
      'Police detained the protest organiser on 4 October, and a district court released him on 7 October.';
    const events = extractEvents({ html: `<p>${sentence}</p>`, publishedAt: PUBLISHED });
    expect(events.map((event) => event.date)).toEqual(['2024-10-04', '2024-10-07']);
    const [first, second] = events;
    expect(first?.quote).toBe(sentence);
    expect(second?.quote).toBe(sentence);
    expect(first?.summary).not.toBe(second?.summary);
    expect(first?.summary).toMatch(/detained the protest organiser/);
    expect(first?.summary).not.toMatch(/released/);
    expect(second?.summary).toMatch(/court released him/);
    expect(second?.summary).not.toMatch(/detained/);
  });

  it('does not leave the joining conjunction dangling at the end of the first clause', () => {
    const events = extractEvents({
      html: '<p>Police detained the protest organiser on 4 October, and a district court released him on 7 October.</p>',
      publishedAt: PUBLISHED,
    });
    expect(events[0]?.summary).not.toMatch(/\b(and|,)\s*$/);
  });

  it('gives each of two clauses joined by "while" its own wording', () => {
    const sentence =
      'Drones struck an oil depot near Kyiv on 5 October while artillery shelled Kharkiv on 6 October.';
    const events = extractEvents({ html: `<p>${sentence}</p>`, publishedAt: PUBLISHED });
    expect(events.map((event) => event.date)).toEqual(['2024-10-05', '2024-10-06']);
    expect(events[0]?.summary).toMatch(/oil depot/);
    expect(events[0]?.summary).not.toMatch(/Kharkiv/);
    // The second event's summary must say what happened on 6 October, not just repeat the date.
    expect(events[1]?.summary).toMatch(/^artillery shelled Kharkiv/i);
  });

  it('reads a range "8–10 October" as a start date and an end date', () => {
    const [event] = extractEvents({
      html: '<p>Negotiators met in Geneva on 8–10 October without reaching a deal on grain exports.</p>',
      publishedAt: PUBLISHED,
    });
    expect(event).toMatchObject({ date: '2024-10-08', endDate: '2024-10-10', datePrecision: 'day' });
  });

  it('reads a range across New Year with the end in the next year', () => {
    const [event] = extractEvents({
      html: '<p>The exhibition ran from 20 December to 6 January at the national museum.</p>',
      publishedAt: '2025-02-01T09:00:00Z',
    });
    expect(event).toMatchObject({ date: '2024-12-20', endDate: '2025-01-06' });
  });

  it('marks an announcement as scheduled, in the same year when the date is still ahead', () => {
    const [event] = extractEvents({
      html: '<p>The leaders will meet in Brussels on 15 November to discuss energy prices.</p>',
      publishedAt: PUBLISHED,
    });
    expect(event).toMatchObject({ date: '2024-11-15', scheduled: true });
  });

  it('marks an announcement as scheduled and moves it to the next year when needed', () => {
    const [event] = extractEvents({
      html: '<p>The court is scheduled to deliver its verdict on 10 January.</p>',
      publishedAt: '2024-12-20T12:00:00Z',
    });
    expect(event).toMatchObject({ date: '2025-01-10', scheduled: true });
  });

  it('keeps an explicit year as written', () => {
    const [event] = extractEvents({
      html: '<p>The treaty was signed on 12 March 2019 in the presence of both prime ministers.</p>',
      publishedAt: PUBLISHED,
    });
    expect(event?.date).toBe('2019-03-12');
  });

  it('resolves today and tomorrow against publication, and leaves "a week" undated', () => {
    const events = extractEvents({
      html: '<p>Protests over the pension reform have shut the capital for a week now.</p><p>The minister resigned today after a week of protests, and talks resume tomorrow.</p>',
      publishedAt: PUBLISHED,
    });
    expect(events.map((event) => event.date)).toEqual(['2024-10-13', '2024-10-14']);
  });
});

describe('extractEvents: news that merely mentions furniture words', () => {
  // Furniture filtering must not drop real reports ("nothing reported is lost").
  it('keeps a sentence reporting that someone updated a figure', () => {
    const events = extractEvents({
      html: '<p>The health ministry updated the death toll to 41 on 9 October.</p>',
      publishedAt: PUBLISHED,
    });
    expect(events.map((event) => event.date)).toEqual(['2024-10-09']);
  });

  it('keeps a list item reporting that someone updated a figure', () => {
    const events = extractEvents({
      html: '<ul><li>9 October: The health ministry updated the death toll to 41</li></ul>',
      publishedAt: PUBLISHED,
    });
    expect(events.map((event) => [event.date, event.summary])).toEqual([
      ['2024-10-09', 'The health ministry updated the death toll to 41'],
    ]);
  });

  it('keeps a sentence about a report published on a date', () => {
    const events = extractEvents({
      html: '<p>In a report published on 3 October, Amnesty International said the detentions were arbitrary.</p>',
      publishedAt: PUBLISHED,
    });
    expect(events.map((event) => event.date)).toEqual(['2024-10-03']);
  });
});

describe('extractEvents: what is not news', () => {
  it('yields nothing for page furniture', () => {
    const html = `
      <p>(Visited 2 times, 1 visits today)</p>
      <p>© 2024 Baltic Harbour News. All rights reserved.</p>
      <p>Updated 12 October 2024</p>
      <p>Posted on 11 October 2024 by the news desk</p>
      <footer>Copyright 12 October 2024 Harbour Media Group</footer>`;
    expect(extractEvents({ html, publishedAt: PUBLISHED })).toEqual([]);
  });

  it('yields nothing for headings, even dated ones', () => {
    const html = `
      <h2>5 October: Protesters returned to the main square in large numbers</h2>
      <h3>What happened on 9 October</h3>`;
    expect(extractEvents({ html, publishedAt: PUBLISHED })).toEqual([]);
  });

  it('yields nothing from scripts and styles', () => {
    const html = `
      <script>var note = "3 July: Dockworkers at the port walked out over pay";</script>
      <style>/* 3 July: styles refreshed for the new layout */ p { color: red }</style>`;
    expect(extractEvents({ html, publishedAt: PUBLISHED })).toEqual([]);
  });
});

describe('extractEvents: repetition', () => {
  it('counts a statement repeated in standfirst and body once', () => {
    const events = extractEvents({
      html: '<p>Flood barriers were raised in Warsaw on 30 September.</p><p>Flood barriers were raised in Warsaw on 30 September.</p>',
      publishedAt: PUBLISHED,
    });
    expect(events).toHaveLength(1);
  });
});

describe('extractEvents: plain text', () => {
  it('splits "•" bullet lines into one event per item', () => {
    const text = [
      'Key developments',
      '',
      '• 3 July: Dockworkers at the port of Gdansk walked out over a pay dispute',
      '• 19 August: The harbour authority offered a six percent raise to the union',
      '• 2 October: Container ships began diverting to Rostock',
    ].join('\n');
    const events = extractEvents({ html: text, publishedAt: PUBLISHED });
    expect(events.map((event) => event.date)).toEqual(['2024-07-03', '2024-08-19', '2024-10-02']);
    expect(events[0]?.summary).toBe('Dockworkers at the port of Gdansk walked out over a pay dispute');
    expect(events[0]?.quote).toBe('3 July: Dockworkers at the port of Gdansk walked out over a pay dispute');
  });
});

describe('htmlToBlocks', () => {
  it('keeps paragraphs, list items and headings as separate blocks', () => {
    const blocks = blocksOf(
      '<h2>Key developments</h2><p>First paragraph.</p><ul><li>One item</li><li>Another item</li></ul><p>Last paragraph.</p>',
    );
    expect(blocks).toEqual([
      { kind: 'heading', text: 'Key developments' },
      { kind: 'paragraph', text: 'First paragraph.' },
      { kind: 'item', text: 'One item' },
      { kind: 'item', text: 'Another item' },
      { kind: 'paragraph', text: 'Last paragraph.' },
    ]);
  });

  it('drops <script> and <style> content', () => {
    const blocks = blocksOf(
      '<p>Before</p><script>window.track("3 July")</script><style>.x { color: red }</style><p>After</p>',
    );
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'Before' },
      { kind: 'paragraph', text: 'After' },
    ]);
  });

  it('drops preformatted code and output: a commit log dates nothing that happened', () => {
    const blocks = blocksOf(
      '<p>Bisecting found the bug on 23 September.</p><pre><code>commit 4f12091\nDate: Tue Sep 23 2008\n1) Failure</code></pre><p>Inline <code>git bisect</code> stays.</p>',
    );
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'Bisecting found the bug on 23 September.' },
      { kind: 'paragraph', text: 'Inline git bisect stays.' },
    ]);
  });

  it('keeps inline markup inside its block and collapses whitespace', () => {
    expect(blocksOf('<p>The   <b>port</b>\n  of <a href="/g">Gdansk</a> reopened.</p>')).toEqual([
      { kind: 'paragraph', text: 'The port of Gdansk reopened.' },
    ]);
  });

  it('decodes entities (a no-break space counts as whitespace)', () => {
    expect(blocksOf('<p>Ports &amp; harbours&nbsp;reopened &ndash; at last</p>')).toEqual([
      { kind: 'paragraph', text: 'Ports & harbours reopened – at last' },
    ]);
  });

  it('reads a paragraph opening on a bullet as a list item, but not a line of dialogue', () => {
    expect(blocksOf('<p>- Ferries stay in port.</p><p>• Trains run.</p><p>— Dijo el ministro.</p>')).toEqual([
      { kind: 'item', text: 'Ferries stay in port.' },
      { kind: 'item', text: 'Trains run.' },
      { kind: 'paragraph', text: 'Dijo el ministro.' },
    ]);
  });

  it('dates a headline that says who spoke by the speech below a bullet summary', () => {
    // Published Wednesday; the summary bullets are not the story's opening paragraphs.
    const report = reportOf('Port was never told of the closure, former harbour master says', [
      '<p>- The port learned of the closure from the radio, a former harbour master says.</p>',
      '<p>- Ines Varga says the board kept the pilots in the dark.</p>',
      '<p>- She says the minister had been warned.</p>',
      '<p>The closure surprised the whole coast, and the former harbour master says the port too.</p>',
      '<p>"We heard it on the radio like everyone else," she said in an interview that aired Tuesday.</p>',
    ]);
    expect(report?.date).toBe('2024-10-15');
  });

  it('does not take the headline printed again, glued to its breadcrumb, for the lead', () => {
    const title = 'Why did the harbour pilots walk out over their night shifts?';
    const report = reportOf(title, [
      `<p>HomeNewsRegion${title}</p>`,
      '<p>Pilots at the northern harbour stopped work on Monday over unpaid night shifts.</p>',
    ]);
    expect(report).toMatchObject({
      date: '2024-10-14',
      quote: expect.stringMatching(/^Pilots at the northern/),
    });
  });

  it('looks for the sentence dating the news in the first paragraphs that are sentences', () => {
    // A stamp, an advertising strap and a caption come between the lead and the speech.
    const report = reportOf('Pilots were never consulted on the new shifts, union leader says', [
      '<p>The union leader at the northern harbour has spoken about the dispute over night shifts.</p>',
      '<p>Oct 16, 2024 / 10:59 IST</p>',
      '<p>Story continues below Advertisement</p>',
      '<p>Ines Varga at the harbour gate</p>',
      '<p>The pilots learned of the new rota from a notice on the canteen wall, the union says.</p>',
      '<p>"Nobody asked us," Varga said in a radio interview that aired Tuesday, calling the rota unsafe.</p>',
    ]);
    expect(report?.date).toBe('2024-10-15');
  });

  it('splits plain text into paragraphs on blank lines and items on bullet lines', () => {
    expect(blocksOf('Intro line\n\n• first point\n• second point\n\nClosing words')).toEqual([
      { kind: 'paragraph', text: 'Intro line' },
      { kind: 'item', text: 'first point' },
      { kind: 'item', text: 'second point' },
      { kind: 'paragraph', text: 'Closing words' },
    ]);
  });
});
