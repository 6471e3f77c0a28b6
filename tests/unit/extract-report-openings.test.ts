import { describe, expect, it } from 'vitest';
import { extractEvents } from '../../lib/extraction/index.ts';
import { TUESDAY } from '../support/dated-events.ts';

// Tuesday 4 March 2025: "Monday" is the 3rd, "Friday" the 28 February.
const eventsOf = (title: string, html: string, language?: string) =>
  extractEvents({ title, html, publishedAt: TUESDAY, ...(language ? { language } : {}) });
const shown = (events: ReturnType<typeof eventsOf>) =>
  events.map((e) => `${e.kind}${e.datedByLead ? ' by text' : ''} ${e.date}`);

describe('a sentence near the top that dates "the news" dates the report', () => {
  it('gives the report its day and is its account, not a second event', () => {
    const events = eventsOf(
      'Chief scientist departs',
      '<p>The chief scientist of the robotics lab has left the company after a decade.</p>' +
        '<p>The chief executive announced the news in a post on Monday evening.</p>',
    );
    expect(shown(events)).toEqual(['report by text 2025-03-03']);
    expect(events[0]?.quote).toBe('The chief executive announced the news in a post on Monday evening.');
    expect(events[0]?.summary).toBe('Chief scientist departs');
  });

  it('reads the same wording in French, German and Spanish', () => {
    const french = eventsOf(
      'Le directeur scientifique part',
      "<p>Le directeur scientifique du laboratoire quitte l'entreprise après dix ans.</p>" +
        '<p>Le patron a annoncé la nouvelle lundi soir sur son compte.</p>',
      'fr',
    );
    const german = eventsOf(
      'Der Chefwissenschaftler geht',
      '<p>Der Chefwissenschaftler des Labors verlässt das Unternehmen nach zehn Jahren.</p>' +
        '<p>Der Vorstandschef gab die Nachricht am Montag bekannt.</p>',
      'de',
    );
    const spanish = eventsOf(
      'El científico jefe se va',
      '<p>El científico jefe del laboratorio deja la empresa después de una década.</p>' +
        '<p>El director anunció la noticia el lunes por la noche.</p>',
      'es',
    );
    for (const events of [french, german, spanish])
      expect(shown(events)).toEqual(['report by text 2025-03-03']);
  });

  it.each([
    [
      'de',
      'Die Fähre nach Brill fährt wieder',
      'Die Fähre nach Brill hat den Betrieb wieder aufgenommen.',
      'Das teilte die Reederei am Montag mit.',
    ],
    [
      'es',
      'El ferry a Brill vuelve a navegar',
      'El ferry a Brill ha retomado el servicio.',
      'Así lo anunció la naviera el lunes.',
    ],
    [
      'it',
      'Il traghetto per Brill riparte',
      'Il traghetto per Brill ha ripreso il servizio.',
      'Lo ha reso noto lunedì la compagnia.',
    ],
    [
      'fr',
      'Le ferry pour Brill repart',
      'Le ferry pour Brill a repris du service.',
      "C'est ce qu'a annoncé lundi la compagnie.",
    ],
    [
      'en',
      'Brill ferry sails again',
      'The ferry to Brill has resumed service after repairs to its hull.',
      'This was announced by the operator on Monday.',
    ],
  ])(
    'takes the day of a sentence that only says who told the news just before, and when (%s)',
    (language, title, lead, told) => {
      const events = eventsOf(title, `<p>${lead}</p><p>${told}</p>`, language);
      expect(shown(events)).toEqual(['report by text 2025-03-03']);
      // The pronoun and its day say nothing of what happened: the lead stays the quote.
      expect(events[0]?.quote).toBe(lead);
      expect(events[0]?.evidence).toContain(told);
    },
  );

  it('folds such a sentence far down the story into the account of its day', () => {
    const events = eventsOf(
      'Hafen Kessel',
      '<p>Der Hafen von Kessel hat einen neuen Kran erhalten.</p><p>Er kann Lasten bis 90 Tonnen heben.</p>' +
        '<p>Die Stadt hatte am Montag die Sperrung der Hafenbrücke für Lastwagen angeordnet.</p>' +
        '<p>Das sagte der Bürgermeister am Montag.</p>',
      'de',
    );
    expect(shown(events)).toEqual(['dated 2025-03-03', 'report 2025-03-04']);
    expect(events[0]?.evidence).toContain('Das sagte der Bürgermeister am Montag.');
  });

  it('leaves the report alone when that sentence is far down the story or dates older news', () => {
    const far = eventsOf(
      'Chief scientist departs',
      '<p>The chief scientist of the robotics lab has left the company after a decade.</p>' +
        '<p>He joined when the lab had twelve staff.</p><p>His team built the first walking robot.</p>' +
        '<p>A rival lab announced the news of its own merger on Monday.</p>',
    );
    expect(shown(far)).toEqual(['dated 2025-03-03', 'report 2025-03-04']);
    const old = eventsOf(
      'Chief scientist departs',
      '<p>The chief scientist of the robotics lab has left the company after a decade.</p>' +
        '<p>The board confirmed the news on 20 February.</p>',
    );
    expect(shown(old)).toEqual(['dated 2025-02-20', 'report 2025-03-04']);
  });
});

describe('a sentence near the top that restates the headline the day before dates the report', () => {
  it("gives an evening's news, published next morning, the evening's day", () => {
    const events = eventsOf(
      'Harbour authority chief resigns',
      '<p>The chief of the harbour authority is stepping down after a row over dredging contracts.</p>' +
        '<p>Late on Monday, the harbour authority chief told staff he would resign at the end of the month.</p>',
    );
    expect(shown(events)).toEqual(['report by text 2025-03-03']);
    expect(events[0]?.quote).toBe(
      'Late on Monday, the harbour authority chief told staff he would resign at the end of the month.',
    );
  });

  it('leaves the report on its day for background two days back, a sentence of two days, or other news', () => {
    const background = eventsOf(
      'Aid convoy reaches flooded valley',
      '<p>The first aid convoy has reached the valley cut off by the floods.</p>' +
        '<p>The floods hit the valley on Sunday, cutting the only road.</p>',
    );
    expect(shown(background)).toEqual(['dated 2025-03-02', 'report 2025-03-04']);
    const twoDays = eventsOf(
      'Tram drivers strike',
      '<p>Commuters face a week of disruption across the city.</p>' +
        '<p>The tram drivers union announced on Monday a strike by tram drivers that starts on Thursday.</p>',
    );
    expect(twoDays.find((e) => e.kind === 'report')?.date).toBe('2025-03-04');
    const other = eventsOf(
      'Harbour authority chief resigns',
      '<p>The chief of the harbour authority is stepping down after a row over dredging contracts.</p>' +
        '<p>On Monday, the city council approved a new budget for its parks.</p>',
    );
    expect(shown(other)).toEqual(['dated 2025-03-03', 'report 2025-03-04']);
  });
});

describe('an opening in the pluperfect recalls the background: the next sentence is the lead', () => {
  it("takes the sentence after it as the report's lead", () => {
    const events = eventsOf(
      'Coach returns to the club',
      '<p>The coach had been dismissed on Friday before being hired by a rival days later. ' +
        'But on Tuesday the club announced his return as head coach.</p>',
    );
    expect(shown(events)).toEqual(['dated 2025-02-28', 'report by text 2025-03-04']);
    expect(events[1]?.quote).toBe('But on Tuesday the club announced his return as head coach.');
  });

  it('reads the French and Spanish pluperfect too', () => {
    const french = eventsOf(
      "L'entraîneur revient",
      "<p>L'entraîneur avait été limogé vendredi avant d'être recruté par un rival. " +
        'Mais ce mardi, le club annonce son retour au poste.</p>',
      'fr',
    );
    expect(french.find((e) => e.kind === 'report')?.quote).toBe(
      'Mais ce mardi, le club annonce son retour au poste.',
    );
    const spanish = eventsOf(
      'El entrenador vuelve',
      '<p>El entrenador había sido despedido el viernes antes de fichar por un rival. ' +
        'Pero este martes el club anunció su regreso al banquillo.</p>',
      'es',
    );
    expect(spanish.find((e) => e.kind === 'report')?.quote).toBe(
      'Pero este martes el club anunció su regreso al banquillo.',
    );
  });

  it('keeps an opening whose pluperfect is only in a clause of its subject, or after another verb', () => {
    for (const lead of [
      'The news on Friday that the coach had been dismissed was only the start of a long week for the club.',
      'The coach, who had been dismissed on Friday, returned to the club on Monday as its director.',
      'The chairman noted the coach had been dismissed on Friday after a long row with the board.',
    ]) {
      const events = eventsOf('Coach returns', `<p>${lead} The club did not comment further on it.</p>`);
      expect(events.find((e) => e.kind === 'report')?.quote).toBe(lead);
    }
  });
});

describe('a page that opens on a dated timeline entry', () => {
  it('is a timeline: its entries are its events, and it has no report of its own', () => {
    const events = eventsOf(
      'How the harbour dispute unfolded',
      '<p>Feb. 24: The port authority votes to sell the north quay to a private operator.</p>' +
        '<p>Feb. 27: Dockworkers walk out for a day in protest at the sale.</p>' +
        '<p>March 3: The authority cancels the sale after a court blocks it.</p>',
    );
    expect(shown(events)).toEqual(['dated 2025-02-24', 'dated 2025-02-27', 'dated 2025-03-03']);
  });

  it('but a story whose lead is prose keeps its report', () => {
    const events = eventsOf(
      'Harbour sale cancelled',
      '<p>The port authority cancelled the sale of the north quay after a court blocked it.</p>' +
        '<p>Feb. 24: The authority voted to sell the quay to a private operator.</p>',
    );
    expect(shown(events)).toContain('report 2025-03-04');
  });
});
