import { describe, expect, it } from 'vitest';
import { eventDate } from '../../lib/dedup/index.ts';
import { extractEvents, isTextDated } from '../../lib/extraction/index.ts';

// Wednesday 16 October 2024: "on Tuesday" is the 15th.
const WEDNESDAY = '2024-10-16T09:00:00Z';

const eventsOf = (title: string, html: string) => extractEvents({ title, html, publishedAt: WEDNESDAY });
const shown = (events: ReturnType<typeof eventsOf>) =>
  events.map(
    (e) => `${e.kind}${e.datedByLead ? ' by lead' : ''} ${e.date}${e.scheduled ? ' scheduled' : ''}`,
  );

describe("a lead that dates the article's own news dates its report", () => {
  it('takes the recent day the lead gives instead of the publication day, as one account', () => {
    const events = eventsOf(
      'Harbour budget approved',
      '<p>The city council on Tuesday approved a new budget for the harbour district after months of delay.</p>' +
        '<p>Dock workers had asked for the repairs since the spring.</p>',
    );
    expect(shown(events)).toEqual(['report by lead 2024-10-15']);
    expect(events[0]?.summary).toBe('Harbour budget approved');
    expect(events.every(isTextDated)).toBe(true);
  });

  it('takes the latest of the days a lead gives: older ones are background', () => {
    const events = eventsOf(
      'Coach returns',
      '<p>The coach, who was dismissed on Friday after a row with the board, returned to the club on Monday.</p>',
    );
    expect(shown(events)).toContain('report by lead 2024-10-14');
    expect(shown(events)).toContain('dated 2024-10-11');
  });

  it.each([
    [
      'en',
      'Three engineers are under investigation over the collapse of the ferry pier, which happened on Monday.',
    ],
    ['it', "Tre tecnici sono indagati per il crollo del molo, avvenuto all'alba di lunedì."],
    [
      'tr',
      'Kessel’de pazartesi sabah meydana gelen iskele çökmesiyle ilgili üç teknik personel gözaltına alındı.',
    ],
  ])(
    'leaves the report on its publication day when the lead dates only a relative clause (%s)',
    (language, lead) => {
      const events = extractEvents({
        title: 'Pier inquiry',
        html: `<p>${lead}</p>`,
        publishedAt: WEDNESDAY,
        language,
      });
      expect(shown(events)).toEqual(['dated 2024-10-14', 'report 2024-10-16']);
    },
  );

  it('leaves the report on its publication day when the lead looks further back, or ahead', () => {
    const history = eventsOf(
      'Museum reopens',
      '<p>The museum, closed by a flood on 2 October, has opened its doors again to visitors.</p>',
    );
    expect(shown(history)).toEqual(['dated 2024-10-02', 'report 2024-10-16']);
    const ahead = eventsOf(
      'Strike vote ahead',
      '<p>Rail workers will vote on Friday on whether to strike over the new rota.</p>',
    );
    expect(shown(ahead)).toEqual(['dated 2024-10-18 scheduled', 'report 2024-10-16']);
  });

  it("counts as a text date when an event's date is agreed", () => {
    const account = (date: string, datedByLead?: boolean) => ({
      date,
      datePrecision: 'day' as const,
      kind: 'report' as const,
      ...(datedByLead ? { datedByLead } : {}),
      site: undefined,
      url: `https://outlet-${date}.example/story`,
    });
    // Two outlets' reports: one published the day after, one whose lead dates the news.
    expect(eventDate([account('2024-10-16'), account('2024-10-15', true)]).date).toBe('2024-10-15');
  });
});

describe('a headline whose news is what someone said', () => {
  const SAID =
    '<p>The port will stay open all winter, the harbour master says.</p><p>"We have the crews and the fuel to keep the channel clear," she told reporters on Monday.</p>';

  it('is dated by the sentence near the top that says when they said it', () => {
    expect(shown(eventsOf('Port will not close this winter, harbour master says', SAID))).toEqual([
      'report by lead 2024-10-14',
    ]);
    expect(shown(eventsOf('Harbour master says port will not close this winter', SAID))).toEqual([
      'report by lead 2024-10-14',
    ]);
  });

  it('leaves a headline that reports no speech on its publication day', () => {
    expect(shown(eventsOf('Port to stay open all winter', SAID))).toEqual([
      'dated 2024-10-14',
      'report 2024-10-16',
    ]);
  });
});
