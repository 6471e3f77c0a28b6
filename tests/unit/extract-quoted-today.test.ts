import { describe, expect, it } from 'vitest';
import { extractEvents, isTextDated } from '../../lib/extraction/index.ts';

// Tuesday 4 March 2025, noon UTC.
const TUESDAY = '2025-03-04T12:00:00Z';

describe('"today" in a quotation that runs past its sentence', () => {
  it('is the day the sentence gives the words, told once', () => {
    const events = extractEvents({
      html: '<p>On October 2, 2023, the museum director posted a photo of the new wing, writing, "Today we opened our doors. Come and see it."</p>',
      publishedAt: TUESDAY,
      title: 'Museum wing marks its first anniversary',
    });
    expect(events.filter(isTextDated).map((event) => event.date)).toEqual(['2023-10-02']);
  });
});

/** An article of Tuesday: a lead paragraph, then a paragraph of quotation. */
const article = (lead: string, quoted: string, title: string) =>
  extractEvents({ html: `<p>${lead}</p><p>${quoted}</p>`, publishedAt: TUESDAY, title });

/** The article gives one entry, `entry` ("report 2025-03-04"), with `quote` among its evidence. */
function expectOneEntryHolding(events: ReturnType<typeof extractEvents>, entry: string, quote: string) {
  expect(events.map((event) => `${event.kind} ${event.date}`)).toEqual([entry]);
  expect(events[0]?.evidence).toContain(quote);
}

describe('a quoted remark on how things stand "today"', () => {
  const speech = (remark: string) =>
    article(
      'The harbour master on Tuesday admitted delays in clearing the wrecked pier after the storm.',
      remark,
      'Harbour master admits pier delays',
    );

  it('is one more sentence of the speech the article reports that day, not an event of its own', () => {
    const remark = '"The first night was hard, but today the channel is open again," he said.';
    expectOneEntryHolding(speech(remark), 'report 2025-03-04', remark);
  });

  it('stays an event when a phrase of the quotation, taken into reported speech, tells an act', () => {
    const acts = [
      'He said two trawlers had been towed out of the channel "early this morning".',
      'He said the crews were "reopening the channel today" after a night of dredging.',
    ];
    for (const act of acts)
      expect(speech(act).map((event) => `${event.kind} ${event.date}`)).toEqual([
        'dated 2025-03-04',
        'report 2025-03-04',
      ]);
  });

  it('reads an adjective in -ing ("ongoing", "missing", "pending") as a state', () => {
    const remarks = [
      '"Two deckhands are missing, but today the search is ongoing," he said.',
      '"The repairs are pending today," he said.',
    ];
    for (const remark of remarks)
      expect(speech(remark).map((event) => `${event.kind} ${event.date}`)).toEqual(['report 2025-03-04']);
  });
});

describe('"today" in a quotation that carries on a speech told before it', () => {
  const LETTER =
    '<p>The city stadium will stay closed for a second week while engineers check its roof.</p>' +
    '<p>On Sunday evening the club chairman wrote in a letter to members that the stadium would stay shut.</p>';
  const article = (html: string) =>
    extractEvents({ html: LETTER + html, publishedAt: TUESDAY, title: 'Stadium stays shut' });
  const dated = (html: string) =>
    article(html)
      .filter((event) => event.kind === 'dated')
      .map((event) => `${event.date} ${event.quote}`);

  it('counts from the day of the speech, across the sentences that carry on its quotation', () => {
    const carried =
      '<p>"We have asked the council to inspect the roof," the chairman wrote. "We repaired the east stand this morning."</p>';
    expect(dated(carried)).toEqual([
      expect.stringMatching(/^2025-03-02 On Sunday evening/),
      '2025-03-02 "We repaired the east stand this morning."',
    ]);
  });

  it('makes a quoted state part of that speech', () => {
    const events = article(
      '<p>"We asked the council for help," the chairman wrote. "Those talks are ongoing this morning."</p>',
    );
    expect(events.map((event) => `${event.kind} ${event.date}`)).toEqual([
      'dated 2025-03-02',
      'report 2025-03-04',
    ]);
    expect(events[0]?.evidence).toContain('"Those talks are ongoing this morning."');
  });

  it('does not take a day inside a quotation for the day it was said', () => {
    // "last night" is the chairman's own word; the speech is still Sunday evening's.
    const carried =
      '<p>"Last night the wind lifted part of the roof," the chairman wrote. "We repaired the east stand this morning."</p>';
    expect(dated(carried)).toContainEqual('2025-03-02 "We repaired the east stand this morning."');
  });

  it('counts from publication once a sentence outside the quotation has ended the speech', () => {
    const ended =
      '<p>The council has not replied to the letter. "We repaired the east stand this morning," a council engineer said.</p>';
    // A voice of publication day: one more sentence of the report, which is of that day.
    const holder = article(ended).find((event) =>
      [event.quote, ...(event.evidence ?? [])].some((quote) => quote.startsWith('"We repaired')),
    );
    expect(holder?.date).toBe('2025-03-04');
  });
});

describe('a day in a sentence that reports speech, but not the day of the speaking', () => {
  const quotedDays = (html: string) =>
    extractEvents({ html, publishedAt: TUESDAY, title: 'Stadium reopens' })
      .flatMap((event) => [event.quote, ...(event.evidence ?? [])].map((quote) => ({ quote, event })))
      .filter(({ quote }) => quote.startsWith('"Today'))
      .map(({ event }) => event.date);
  const QUOTED = '<p>"Today the players showed they can win," the coach told reporters.</p>';

  it('starts no speech when the day is in an aside about someone else', () => {
    const aside =
      '<p>The coach, promoted from the youth side after the old manager was sacked late on Sunday following six defeats, said the win mattered.</p>';
    expect(quotedDays(aside + QUOTED)).toEqual(['2025-03-04']);
  });

  it('starts no speech when the day is in what was said', () => {
    const said = "<p>The coach said the win was a step forward after last Saturday's heavy defeat.</p>";
    expect(quotedDays(said + QUOTED)).toEqual(['2025-03-04']);
  });

  it('starts one when the day stands by the speaking verb', () => {
    const spoken = '<p>The coach told reporters late on Sunday that the squad would train twice a day.</p>';
    expect(quotedDays(spoken + QUOTED)).toEqual(['2025-03-02']);
  });
});

describe('a quoted remark in a next-day report', () => {
  const VALLEY_REMARK = '"Today is a good day for the valley," the commissioner said after the meeting.';
  const report = (lead: string) =>
    article(lead, VALLEY_REMARK, 'Donors pledge two billion euros for flooded valley');

  it('is one more sentence of the news of the day before, which its lead dates', () => {
    expectOneEntryHolding(
      report('Donors pledged two billion euros on Monday to rebuild the flooded valley.'),
      'report 2025-03-03',
      VALLEY_REMARK,
    );
  });

  it('stays on its own when the news the lead dates is older than the day before', () => {
    const events = report('Donors pledged two billion euros on Saturday to rebuild the flooded valley.');
    expect(events.map((event) => `${event.kind} ${event.date}`)).toEqual([
      'dated 2025-03-04',
      'report 2025-03-01',
    ]);
  });
});

describe('"last night" and the other casual days in a quotation', () => {
  it('count from the day the words were said, as "today" does', () => {
    const events = extractEvents({
      html:
        '<p>The storm moved inland overnight, leaving thousands of homes without power.</p>' +
        '<p>"Last night we lost the roof of the east stand," the club chairman said on Sunday.</p>',
      publishedAt: TUESDAY,
      title: 'Storm leaves thousands without power',
    });
    // Said on Sunday 2 March: the night before is Saturday's, not Monday's.
    expect(events.filter(isTextDated).map((event) => event.date)).toEqual(['2025-03-01', '2025-03-02']);
  });
});

describe('a quotation of several sentences whose attribution and day come at its end', () => {
  // Friday 7 March 2025: the mayor spoke on Thursday the 6th, so her "yesterday" is the 5th.
  const FRIDAY = '2025-03-07T12:00:00Z';
  const datesOf = (html: string, language?: string) =>
    extractEvents({
      html: `<p>The ferry strike entered its second week.</p><p>${html}</p>`,
      publishedAt: FRIDAY,
      ...(language ? { language } : {}),
    })
      .filter(isTextDated)
      .map((event) => `${event.date} ${event.quote.split(' ').slice(0, 3).join(' ')}`);

  it("counts the first sentence's casual day from the day the attribution gives", () => {
    expect(
      datesOf(
        '“The council voted yesterday to cut our routes. We will fight it in court,” the mayor said on Thursday.',
      ),
    ).toContain('2025-03-05 “The council voted');
  });

  it('in French and German marks too', () => {
    expect(
      datesOf(
        '« Le conseil a voté hier contre nos lignes. Nous irons en justice », a déclaré jeudi la maire.',
        'fr',
      ),
    ).toContain('2025-03-05 « Le conseil');
    expect(
      datesOf(
        '„Der Rat hat gestern gegen unsere Linien gestimmt. Wir klagen“, sagte die Bürgermeisterin am Donnerstag.',
        'de',
      ),
    ).toContain('2025-03-05 „Der Rat hat');
  });

  it('leaves a quotation closed in its own sentence to the rules before', () => {
    expect(
      datesOf('“The council voted yesterday to cut our routes.” The mayor spoke to reporters on Thursday.'),
    ).toContain('2025-03-06 “The council voted');
  });
});

describe('a day said inside a quotation, in a clause telling an act', () => {
  const entries = (events: ReturnType<typeof extractEvents>) =>
    events.map((event) => `${event.kind} ${event.date}: ${event.quote.split(' ').slice(0, 4).join(' ')}`);

  it('is one more sentence of the development the article tells that day, when they share a word', () => {
    const voice = '"We only heard yesterday that the ferry would not sail," a commuter at the terminal said.';
    const events = article(
      'The island ferry was withdrawn from service on Monday after inspectors found a cracked propeller shaft.',
      voice,
      'Island ferry withdrawn after inspection',
    );
    expectOneEntryHolding(events, 'report 2025-03-03', voice);
  });

  it('in French and German too', () => {
    const lead = '<p>La préfecture a fermé lundi le pont de la Garonne après la découverte de fissures.</p>';
    const french = extractEvents({
      html: `${lead}<p>« Nous avons appris hier la fermeture du pont par la radio », raconte une habitante.</p>`,
      publishedAt: TUESDAY,
      title: 'Le pont de la Garonne fermé',
      language: 'fr',
    });
    expect(entries(french)).toEqual(['report 2025-03-03: La préfecture a fermé']);
    const german = extractEvents({
      html:
        '<p>Die Stadt hat am Montag die Brücke über die Mosel gesperrt, nachdem Risse entdeckt wurden.</p>' +
        '<p>„Wir haben erst gestern von der Sperrung der Brücke erfahren“, sagte eine Anwohnerin.</p>',
      publishedAt: TUESDAY,
      title: 'Moselbrücke gesperrt',
      language: 'de',
    });
    expect(german.map((event) => `${event.kind} ${event.date}`)).toEqual(['report 2025-03-03']);
  });

  const SHELTER = '"Today we are opening a shelter in the sports hall for anyone stranded," the mayor said.';
  const inspection = (lead: string, quoted: string) => article(lead, quoted, 'Inspectors board island ferry');

  it("is one more sentence of the headline news of its day when it is a sentence of the speaker's own", () => {
    const events = inspection(
      'Inspectors boarded the island ferry on Tuesday morning to examine its propeller shaft.',
      SHELTER,
    );
    expectOneEntryHolding(events, 'report 2025-03-04', SHELTER);
  });

  it('stays an account of its own when a phrase of it is taken into reported speech', () => {
    const events = inspection(
      'Inspectors boarded the island ferry on Tuesday morning to examine its propeller shaft.',
      'The mayor said volunteers had opened a shelter in the sports hall "this morning" for anyone stranded.',
    );
    expect(entries(events)).toEqual([
      'dated 2025-03-04: The mayor said volunteers',
      'report 2025-03-04: Inspectors boarded the island',
    ]);
  });

  it("stays an account of its own when the article's headline news is of another day", () => {
    const events = inspection(
      'Inspectors boarded the island ferry on Saturday to examine its propeller shaft.',
      SHELTER,
    );
    expect(entries(events)).toEqual([
      'dated 2025-03-04: "Today we are opening',
      'report 2025-03-01: Inspectors boarded the island',
    ]);
  });
});
