import { describe, expect, it } from 'vitest';
import {
  type ArticleText,
  eventsOf,
  extractEvents,
  findDates,
  htmlToBlocks,
  isTextDated,
} from '../../lib/extraction/index.ts';

// Tuesday 15 October 2024, morning in Europe.
const PUBLISHED = '2024-10-15T08:30:00Z';
const at = new Date(PUBLISHED);

const dated = (article: ArticleText) => extractEvents(article).filter(isTextDated);
/** The days a sentence dates, set after a lead that dates nothing. */
const datesAfterLead = (sentence: string, language?: string) =>
  dated({
    html: `<p>The harbour board met in closed session.</p><p>${sentence}</p>`,
    publishedAt: PUBLISHED,
    ...(language ? { language } : {}),
  }).map((event) => event.date);
/** The summary of the first dated event in the HTML, published at PUBLISHED. */
const firstSummary = (html: string) => dated({ html, publishedAt: PUBLISHED })[0]?.summary;
const datesIn = (sentence: string, language?: string) =>
  findDates(sentence, at, { language }).map(({ date, precision, endDate }) => ({ date, precision, endDate }));

describe('findDates: how news writes dates', () => {
  it('resolves a weekday to the latest one on or before publication in a report', () => {
    expect(datesIn('Drones struck the plant on Sunday.')).toEqual([
      { date: '2024-10-13', precision: 'day', endDate: null },
    ]);
    expect(datesIn('The minister resigned on Tuesday.')[0]?.date).toBe('2024-10-15');
  });

  it('resolves a weekday forward in an announcement, and "next"/"last" override tense', () => {
    expect(datesIn('The council will vote on Friday.')[0]?.date).toBe('2024-10-18');
    expect(datesIn('Talks resume next Monday.')[0]?.date).toBe('2024-10-21');
    expect(datesIn('Talks collapsed last Friday.')[0]?.date).toBe('2024-10-11');
  });

  it('reads "last" and "next" on the weekday of publication as a week off, "this" as that day', () => {
    // Published on Tuesday 15 October 2024.
    expect(datesIn('The report was tabled last Tuesday.')[0]?.date).toBe('2024-10-08');
    expect(datesIn('Talks resume next Tuesday.')[0]?.date).toBe('2024-10-22');
    expect(datesIn('Le rapport a été publié mardi dernier.', 'fr')[0]?.date).toBe('2024-10-08');
    expect(datesIn('Der Bericht erschien am vergangenen Dienstag.', 'de')[0]?.date).toBe('2024-10-08');
    expect(datesIn('Talks resume this Tuesday.')[0]?.date).toBe('2024-10-15');
  });

  it('reads English "last" with the day before publication as the week before\'s', () => {
    // Published on Tuesday 15 October 2024: yesterday would be "on Monday" or "yesterday".
    expect(datesIn('The depot reopened last Monday after repairs.')[0]?.date).toBe('2024-10-07');
    expect(datesIn('The ferry was refloated last Monday night.')[0]?.date).toBe('2024-10-07');
    expect(datesIn('The depot reopened on Monday after repairs.')[0]?.date).toBe('2024-10-14');
    // Two days back is still this week's.
    expect(datesIn('The depot reopened last Sunday after repairs.')[0]?.date).toBe('2024-10-13');
    // Other languages' "dernier", "pasado" name the latest one.
    expect(datesIn('El depósito reabrió el pasado lunes.', 'es')[0]?.date).toBe('2024-10-14');
  });

  it.each([
    // Published on Tuesday 15 October 2024: the word that says which may follow the weekday.
    ['El puente se cerró el martes pasado.', 'es', '2024-10-08'],
    ['Il ponte è stato chiuso martedì scorso.', 'it', '2024-10-08'],
    ['Il ponte riaprirà martedì prossimo.', 'it', '2024-10-22'],
    ['A ponte foi fechada na terça-feira passada.', 'pt', '2024-10-08'],
    ['Köprü geçen salı kapatıldı.', 'tr', '2024-10-08'],
    ['The bridge was closed on Tuesday last.', 'en', '2024-10-08'],
  ])('reads "last" and "next" in other languages and after the weekday: %s', (sentence, language, date) => {
    expect(datesIn(sentence, language).map((d) => d.date)).toEqual([date]);
  });

  it('does not read past a comma for the word that says which', () => {
    expect(datesIn('The bridge closed on Tuesday, last inspected in May.').map((d) => d.date)).toContain(
      '2024-10-15',
    );
  });

  it('reads a date booked under a past reporting verb as the coming one, not last year', () => {
    // Published 15 October 2024: "18 October" is three days ahead, whatever "called" says.
    expect(datesIn('Organisers have called a second rally for 18 October.')[0]?.date).toBe('2024-10-18');
    expect(datesIn('The governor warned ahead of the election on 10 November.')[0]?.date).toBe('2024-11-10');
    expect(datesIn('La gouverneure a prévenu avant la présidentielle du 10 novembre.', 'fr')[0]?.date).toBe(
      '2024-11-10',
    );
    expect(datesIn('The new launch date is 20 October, the company said.')[0]?.date).toBe('2024-10-20');
    // Past with no booking stays past: a year back, not three days ahead.
    expect(datesIn('The last victim was recovered on 18 October.')[0]?.date).toBe('2023-10-18');
  });

  it('reads a participle right before its date as past in a forward-looking sentence', () => {
    expect(datesIn('The probe, launched on 7 October, will spend nine days in orbit.')[0]?.date).toBe(
      '2024-10-07',
    );
    // A future state is not a past act.
    expect(datesIn('Schools will remain closed on 18 October.')[0]?.date).toBe('2024-10-18');
  });

  it('reads yesterday, today and tomorrow in every language, "yesterday evening" too', () => {
    expect(datesIn('Gestern zog sich die Armee zurück.', 'de')[0]?.date).toBe('2024-10-14');
    expect(datesIn("Hier, l'armée s'est retirée.", 'fr')[0]?.date).toBe('2024-10-14');
    expect(datesIn('Ayer, el ejército se retiró.', 'es')[0]?.date).toBe('2024-10-14');
    expect(datesIn("Ieri l'esercito si è ritirato.", 'it')[0]?.date).toBe('2024-10-14');
    expect(datesIn('Gisteren trok het leger zich terug.', 'nl')[0]?.date).toBe('2024-10-14');
    expect(datesIn('A tree fell on his car yesterday evening.')[0]?.date).toBe('2024-10-14');
    expect(datesIn('Mañana se reunirá el consejo.', 'es')[0]?.date).toBe('2024-10-16');
    // Spanish "mañana" is also the morning.
    expect(datesIn('Por la mañana el ejército se retiró.', 'es')).toEqual([]);
    expect(datesIn('El índice cayó un 4% a media mañana.', 'es')).toEqual([]);
  });

  it('reads the Spanish imperfect of "-ar" verbs as past ("se desplomaban tras la suspensión del jueves")', () => {
    // Tuesday 15 October: read as present, Thursday is the nearer one ahead, the 17th.
    expect(datesIn('Los bonos se desplomaban un 20% tras la suspensión del jueves.', 'es')[0]?.date).toBe(
      '2024-10-10',
    );
    expect(datesIn('La guardia costera buscaba el jueves a dos pescadores.', 'es')[0]?.date).toBe(
      '2024-10-10',
    );
  });

  it('reads "esa misma mañana" as the morning of the day just told, not tomorrow', () => {
    const html =
      '<p>El juez recibió la denuncia el jueves 10 de octubre. Esa misma mañana ordenó registrar el almacén.</p>';
    const events = dated({ html, publishedAt: PUBLISHED, language: 'es' });
    expect(events.map((event) => event.date)).toEqual(['2024-10-10', '2024-10-10']);
  });

  it('reads "this morning", "this afternoon" and "this evening" as today, in every language', () => {
    // chrono reads them as times of an implied day; unread, a sentence past the lead lost its date.
    expect(datesIn('Ferries stopped running this morning, the port said.')[0]?.date).toBe('2024-10-15');
    expect(datesIn('The judge adjourned the trial this afternoon.')[0]?.date).toBe('2024-10-15');
    expect(datesIn('Le préfet a levé l’alerte ce matin.', 'fr')[0]?.date).toBe('2024-10-15');
    expect(datesIn('La policía desalojó la plaza esta tarde.', 'es')[0]?.date).toBe('2024-10-15');
    expect(datesIn('Vali bu sabah köprüyü trafiğe kapattı.', 'tr')[0]?.date).toBe('2024-10-15');
    // A part of some other day named nearby is not today.
    expect(datesIn('In the morning the divers went down again.')).toEqual([]);
    expect(datesIn('Bu sabahki toplantı ertelendi.', 'tr')).toEqual([]);
  });

  it('reads the day before yesterday and the day after tomorrow, not as yesterday or tomorrow', () => {
    // chrono reads "avant-hier" and "antes de ayer" as their last word: a day out.
    expect(datesIn('Two lorries collided the day before yesterday.')[0]?.date).toBe('2024-10-13');
    expect(datesIn('Deux camions se sont percutés avant-hier.', 'fr')[0]?.date).toBe('2024-10-13');
    expect(datesIn('Dos camiones chocaron antes de ayer.', 'es')[0]?.date).toBe('2024-10-13');
    expect(datesIn('Dos camiones chocaron anteayer.', 'es')[0]?.date).toBe('2024-10-13');
    expect(datesIn('Le tribunal rendra son verdict après-demain.', 'fr')[0]?.date).toBe('2024-10-17');
    expect(datesIn('The board meets the day after tomorrow.')[0]?.date).toBe('2024-10-17');
    expect(datesIn('Deux camions se sont percutés hier.', 'fr')[0]?.date).toBe('2024-10-14');
  });

  it('reads regional English: "day before yesterday" without its article, and "last evening"', () => {
    expect(datesIn('Day before yesterday, the collector ordered an inquiry.')[0]?.date).toBe('2024-10-13');
    expect(datesIn('The ferry resumes service day after tomorrow.')[0]?.date).toBe('2024-10-17');
    expect(datesIn('Last evening, residents blocked the harbour road.')[0]?.date).toBe('2024-10-14');
    expect(datesIn('Residents blocked the harbour road last evening.')[0]?.date).toBe('2024-10-14');
    // Someone's last evening somewhere is no day.
    expect(datesIn('She spent her last evening in the port with friends.')).toEqual([]);
    expect(datesIn('On the last evening of the fair, the mayor spoke.')).toEqual([]);
  });

  it('reads days ago and the weekend gone by in French, German, Spanish and Portuguese', () => {
    // Published Tuesday 15 October 2024: the weekend gone by is 12-13 October.
    expect(datesIn('Le pont a cédé il y a deux jours.', 'fr')[0]?.date).toBe('2024-10-13');
    expect(datesIn('Die Brücke stürzte vor drei Tagen ein.', 'de')[0]?.date).toBe('2024-10-12');
    expect(datesIn('El puente se derrumbó hace dos días.', 'es')[0]?.date).toBe('2024-10-13');
    expect(datesIn('A ponte caiu há dois dias.', 'pt')[0]?.date).toBe('2024-10-13');
    const weekend = { date: '2024-10-12', precision: 'day', endDate: '2024-10-13' };
    expect(datesIn('Les grévistes ont bloqué le port le week-end dernier.', 'fr')).toEqual([weekend]);
    expect(datesIn('Die Streikenden blockierten am vergangenen Wochenende den Hafen.', 'de')).toEqual([
      weekend,
    ]);
    expect(datesIn('Los huelguistas bloquearon el puerto el fin de semana pasado.', 'es')).toEqual([weekend]);
    // "ce week-end" is as often the coming one: not read in a present or future clause.
    expect(datesIn('Le festival a lieu ce week-end.', 'fr')).toEqual([]);
    expect(datesIn('Der Hafen wird am Wochenende gesperrt.', 'de')).toEqual([]);
    expect(datesIn('El puerto cerrará este fin de semana.', 'es')).toEqual([]);
  });

  it.each([
    ['Die Streikenden blockierten am Wochenende den Hafen.', 'de'],
    ['Les grévistes ont bloqué le port ce week-end.', 'fr'],
    ['Les grévistes ont menacé durant le week-end de bloquer le port.', 'fr'],
    ['Los huelguistas bloquearon el puerto el fin de semana.', 'es'],
    ['Gli scioperanti hanno bloccato il porto nel fine settimana.', 'it'],
    ['Os grevistas bloquearam o porto no fim de semana.', 'pt'],
    ['Grevciler hafta sonunda limanı kapattı.', 'tr'],
  ])('reads a bare weekend in a past clause as the one gone by: %s', (sentence, language) => {
    expect(datesIn(sentence, language)).toEqual([
      { date: '2024-10-12', precision: 'day', endDate: '2024-10-13' },
    ]);
  });

  it("reads a holiday weekend as that holiday's, not as the weekend gone by", () => {
    // Published 15 October 2024: Easter 2024 fell on 31 March.
    expect(datesIn('Les grévistes ont bloqué le port le week-end de Pâques.', 'fr')).toEqual([
      { date: '2024-03-29', precision: 'day', endDate: '2024-04-01' },
    ]);
  });

  it('reads a range of weekdays as a range, from the first to the next such day', () => {
    // Published Tuesday 15 October 2024.
    expect(datesIn('Dock workers struck from Friday to Sunday.')).toEqual([
      { date: '2024-10-11', precision: 'day', endDate: '2024-10-13' },
    ]);
    expect(datesIn('The fair runs Thursday through Saturday.')).toEqual([
      { date: '2024-10-17', precision: 'day', endDate: '2024-10-19' },
    ]);
  });

  it('reads "before midnight on Friday" in a past clause as the Friday gone: it bounds the hour', () => {
    expect(datesIn('Firefighters reached the mill shortly before midnight on Friday.')[0]?.date).toBe(
      '2024-10-11',
    );
    expect(datesIn('The ferry will sail before midnight on Friday.')[0]?.date).toBe('2024-10-18');
  });

  it('reads yesterday and "two days ago" as days, "last week" as its ISO week and "last month" as a month', () => {
    expect(datesIn('Protesters gathered yesterday.')[0]?.date).toBe('2024-10-14');
    expect(datesIn('The ship sank two days ago.')[0]?.date).toBe('2024-10-13');
    // Published 08:30 on the 15th: 48 hours back is the 13th, six hours back still the 15th.
    expect(datesIn('The ship sank 48 hours ago.')[0]?.date).toBe('2024-10-13');
    expect(datesIn('The ship sank six hours ago.')[0]?.date).toBe('2024-10-15');
    expect(datesIn('Officials met last week and again late last month.')).toEqual([
      { date: '2024-10-07', precision: 'week', endDate: '2024-10-13' },
      { date: '2024-09', precision: 'month', endDate: null },
    ]);
  });

  it('reads "a fortnight ago" and "a couple of weeks ago" as that day', () => {
    expect(datesIn('The pier closed a fortnight ago.')).toEqual([
      { date: '2024-10-01', precision: 'day', endDate: null },
    ]);
    expect(datesIn('The harbour master resigned a couple of weeks ago.')).toEqual([
      { date: '2024-10-01', precision: 'day', endDate: null },
    ]);
  });

  it("reads a plan's weekday by its own verb, not by a trailing attribution's", () => {
    // Published on Tuesday 15 October: Thursday ahead is the 17th, the one gone by the 10th.
    expect(datesIn('Ferry crossings resume on Thursday, the port authority said.')[0]?.date).toBe(
      '2024-10-17',
    );
    expect(datesIn('Ferry crossings stopped on Thursday, the port authority said.')[0]?.date).toBe(
      '2024-10-10',
    );
    // A date that opens the sentence still takes the verb after it.
    expect(datesIn('On Thursday, the port authority said, the crossings stopped.')[0]?.date).toBe(
      '2024-10-10',
    );
  });

  it('reads a verb whose past is its present ("burst", "spread") as past, unless a modal or article comes first', () => {
    // Published on Tuesday: Wednesday gone by is the 9th, the coming one the 16th.
    expect(datesIn('In the early hours of Wednesday, the sea wall burst.')[0]?.date).toBe('2024-10-09');
    expect(datesIn('The fire spread on Wednesday to the boat sheds.')[0]?.date).toBe('2024-10-09');
    expect(datesIn('The fire will spread on Wednesday if the wind turns.')[0]?.date).toBe('2024-10-16');
    // A possibility is a forecast, no date (docs/decisions/whole-article-probes.md).
    expect(datesIn('The fire could spread on Wednesday if the wind turns.')).toEqual([]);
  });

  it('keeps a week beside the day of the attribution after it: the saying frames nothing', () => {
    expect(datesIn('Divers finished the repairs last week, the harbour authority said on Monday.')).toEqual([
      { date: '2024-10-07', precision: 'week', endDate: '2024-10-13' },
      { date: '2024-10-14', precision: 'day', endDate: null },
    ]);
    // A day inside the week's own clause still frames it.
    expect(datesIn('The quay flooded on Monday for the second time this week.')).toEqual([
      { date: '2024-10-14', precision: 'day', endDate: null },
    ]);
  });

  it('reads "after 1 October" as a bound, and "after Friday\'s exchange" as the exchange\'s day', () => {
    expect(datesIn('The intrusions were made after 1 October.')).toEqual([]);
    expect(datesIn('Three days after the 2 October election, talks began.')).toEqual([]);
    expect(datesIn("Ninety-five defenders returned home after Friday's prisoner exchange.")[0]?.date).toBe(
      '2024-10-11',
    );
    expect(datesIn("Diplomats spoke after today's session ended.")[0]?.date).toBe('2024-10-15');
  });

  it('takes the year written after a day or month in words, and "the end of" a month as the month', () => {
    expect(datesIn('The strike began on 5 October last year.')).toEqual([
      { date: '2023-10-05', precision: 'day', endDate: null },
    ]);
    expect(datesIn('The election is due in May next year.')[0]?.date).toBe('2025-05');
    // A comma ends the date, and "last year's" names something else.
    expect(datesIn("In March, last year's champion retired.")[0]?.date).toBe('2024-03');
    expect(datesIn("La grève a commencé en mars de l'année dernière.", 'fr')).toEqual([
      { date: '2023-03', precision: 'month', endDate: null },
    ]);
    expect(datesIn('Im März letzten Jahres begann der Streik.', 'de')[0]?.date).toBe('2023-03');
    expect(datesIn('At the end of September the talks failed.')).toEqual([
      { date: '2024-09', precision: 'month', endDate: null },
    ]);
    expect(datesIn('Storms at the end of November 2022 flooded the valley.')).toEqual([
      { date: '2022-11', precision: 'month', endDate: null },
    ]);
    expect(datesIn('Im Jahr 2019 begann der Streik.', 'de')[0]?.date).toBe('2019');
  });

  it('takes "that year", "the same year" from the year written before it in the sentence', () => {
    // Published 15 October 2024: read alone, a past 20 May is this year's.
    expect(
      datesIn('The depot opened in April 2021, weeks before a fire gutted it on 20 May that year.')[1],
    ).toEqual({ date: '2021-05-20', precision: 'day', endDate: null });
    expect(datesIn('The line was sold in 2019 and closed in June of the same year.')[1]?.date).toBe(
      '2019-06',
    );
    expect(datesIn('Le dépôt, ouvert en 2021, a brûlé le 20 mai de la même année.', 'fr')[1]?.date).toBe(
      '2021-05-20',
    );
    expect(datesIn('El depósito, abierto en 2021, ardió el 20 de mayo de ese año.', 'es')[1]?.date).toBe(
      '2021-05-20',
    );
    // With no year written before it, the day keeps its own reading; "dieses Jahres" is this year.
    expect(datesIn('A fire gutted the depot on 20 May that year.')[0]?.date).toBe('2024-05-20');
    expect(datesIn('Das 2019 eröffnete Depot brannte am 20. Mai dieses Jahres ab.', 'de')[0]?.date).toBe(
      '2024-05-20',
    );
  });

  it('reads "as of" a date and comparisons with a date as yardsticks, not events', () => {
    expect(datesIn('As of 30 September, the company served 175 markets.')).toEqual([]);
    expect(datesIn('Traffic was 97 million a month, flat from last year.')).toEqual([]);
    expect(datesIn('Winter bookings for the island ferries are well ahead of last year.')).toEqual([]);
    expect(datesIn('Freight volumes stayed below last year.')).toEqual([]);
    expect(datesIn('Sales were higher than in 2019.')).toEqual([]);
    expect(datesIn('Compared with 2010, revenue doubled.')).toEqual([]);
    expect(datesIn('Revenue was $62.6 million in the nine months ended September 30.')).toEqual([]);
    expect(datesIn('Pre-tax profit for the three months to 30 September was £84 million.')).toEqual([]);
    expect(datesIn('Ferry fares rose 4% in the year to August.')).toEqual([]);
    expect(datesIn('The strike ended on 3 October.')[0]?.date).toBe('2024-10-03');
    expect(datesIn('He served as mayor from 2019.')[0]?.date).toBe('2019');
    expect(datesIn('Prices rose last year.')[0]?.date).toBe('2023');
  });

  it('reads a weekday word only where it names one day', () => {
    // Abbreviations that are words: "sat", "sun", "wed", German "so"/"früh", French "mer".
    expect(datesIn('He sat down in the sun and wept.')).toEqual([]);
    expect(datesIn('Das war so gut wie nie, sagte er.', 'de')).toEqual([]);
    expect(datesIn('Sie fordern eine Begrenzung der Frühschichten.', 'de')).toEqual([]);
    expect(datesIn('Il a dit : la mer est calme.', 'fr')).toEqual([]);
    // A surname in a list of people is no day: "Chuyue Sun, Samuel Tian".
    expect(datesIn('The paper is by Lena Ortiz, Jia Sun, Marek Varga and Tom Ashby.')).toEqual([]);
    expect(datesIn('Yusuf Sat, Lena Ortiz and Marek Varga signed the letter.')).toEqual([]);
    expect(datesIn('Open day: Sun, Oct. 13 at the harbour')[0]?.date).toBe('2024-10-13');
    // Written as a listing writes them, they still are days.
    expect(datesIn('Sat., 12 Oct: talks resume')[0]?.date).toBe('2024-10-12');
    expect(datesIn('Am So., dem Tag der Wahl, blieb es ruhig.', 'de')[0]?.date).toBe('2024-10-13');
    // Any such day is none: "every Friday", "on a random Tuesday", "jeden Dienstag".
    expect(datesIn('The memo lands every Friday.')).toEqual([]);
    expect(datesIn('Dip into NBA Twitter on a random Tuesday.')).toEqual([]);
    expect(datesIn('Der Markt öffnet jeden Dienstag.', 'de')).toEqual([]);
    // Wire copy's "said in a statement Tuesday" names one.
    expect(datesIn('The ministry said in a statement Tuesday that talks had failed.')[0]?.date).toBe(
      '2024-10-15',
    );
    expect(datesIn('A déclaré un responsable mardi que les négociations ont échoué.', 'fr')[0]?.date).toBe(
      '2024-10-15',
    );
    // French "a" is "has", not "a": "a remporté dimanche" is Sunday.
    expect(datesIn('Irena Vasko a remporté dimanche le second tour.', 'fr')[0]?.date).toBe('2024-10-13');
  });

  it('reads a German weekday with its part of the day written into it', () => {
    expect(datesIn('Die GDL kündigte am Sonntagabend einen Streik an.', 'de')[0]?.date).toBe('2024-10-13');
    expect(datesIn('Ein Erdbeben hat am frühen Montagmorgen den Süden erschüttert.', 'de')[0]?.date).toBe(
      '2024-10-14',
    );
  });

  it('gives a month named in context month precision, in the past for reports and ahead for plans', () => {
    expect(datesIn('Rail traffic rose in early September.')).toEqual([
      { date: '2024-09', precision: 'month', endDate: null },
    ]);
    expect(datesIn('Shelling intensified in November.')[0]?.date).toBe('2023-11');
    expect(datesIn('The new line will open in March.')[0]?.date).toBe('2025-03');
    expect(datesIn('The treaty was signed in June 2023.')[0]).toMatchObject({
      date: '2023-06',
      precision: 'month',
    });
  });

  it('does not take a modal "may" or a bare month word for a date', () => {
    expect(datesIn('Officials said the talks may resume.')).toEqual([]);
  });

  it('gives "in 2019" year precision', () => {
    expect(datesIn('The plant was first shelled in 2019, officials said.')).toEqual([
      { date: '2019', precision: 'year', endDate: null },
    ]);
  });

  it('reads ranges as a start and an end', () => {
    expect(datesIn('The summit ran from 8 to 10 October.')).toEqual([
      { date: '2024-10-08', precision: 'day', endDate: '2024-10-10' },
    ]);
  });

  it('reads 8/10 as 8 October in British English and as 10 August in American', () => {
    expect(datesIn('On 8/10 ministers met in Brussels.', 'en-GB')[0]?.date).toBe('2024-10-08');
    expect(datesIn('On 8/10 ministers met in Brussels.', 'en-US')[0]?.date).toBe('2024-08-10');
    expect(datesIn('Ministers met yesterday.', 'en-GB')[0]?.date).toBe('2024-10-14');
  });

  it('reads dates in the feed’s language', () => {
    expect(datesIn('Am 3. Oktober griffen Drohnen den Hafen an.', 'de')[0]?.date).toBe('2024-10-03');
    expect(datesIn('Le 8 octobre, le ministre a démissionné.', 'fr')[0]?.date).toBe('2024-10-08');
    expect(datesIn('El 8 de octubre el ministro dimitió.', 'es')[0]?.date).toBe('2024-10-08');
  });
});

describe('extractEvents: what is not an event', () => {
  it('skips the wire dateline, whose date is the article’s own', () => {
    const events = dated({
      html: '<p>KYIV, Oct 15 (Reuters) - Russian drones hit a power plant near Kyiv on Sunday, officials said.</p>',
      publishedAt: PUBLISHED,
    });
    expect(events.map((event) => [event.date, event.quote])).toEqual([
      ['2024-10-13', 'Russian drones hit a power plant near Kyiv on Sunday, officials said.'],
    ]);
  });

  it('drops bylines, update stamps, link lists and donation appeals', () => {
    const html = `
      <p>By Jane Doe, 14 October 2024</p>
      <p>Updated at 10:32, 15 October 2024</p>
      <p>The regional council approved the budget on 11 October.</p>
      <p>Read more:</p>
      <ul><li><a href="/a">Council rejects budget on 3 October</a></li></ul>
      <p>Support our journalism: if you value it, donate today so we can keep reporting on 1 November events.</p>`;
    expect(dated({ html, publishedAt: PUBLISHED }).map((event) => event.date)).toEqual(['2024-10-11']);
  });

  it.each([
    ['en', '<p>Related</p><p>Why harbour budgets keep slipping (Oct. 3)</p>'],
    ['de', '<p>Mehr zum Thema</p><p>• Haushalt: Warum der Rat zögert (03.10.2024)</p>'],
    ['fr', '<p>À lire aussi</p><p>Le budget du port en question (03/10/2024)</p>'],
    ['es', '<p>Te puede interesar:</p><p>- El pleno vuelve a votar el presupuesto (3 de octubre)</p>'],
  ] as const)('drops the titles listed under a links heading in %s: %s', (language, links) => {
    const html = `<p>The regional council approved the budget on 11 October.</p>${links}`;
    const dates = dated({ html, publishedAt: PUBLISHED, language }).map((event) => event.date);
    expect(dates).not.toContain('2024-10-03');
  });

  it('reads the story again after the listed titles', () => {
    const html =
      '<p>Related</p><p>Why harbour budgets keep slipping (Oct. 3)</p><p>Work on the quay starts on 21 October.</p>';
    expect(dated({ html, publishedAt: PUBLISHED }).map((event) => event.date)).toEqual(['2024-10-21']);
  });

  it('drops a German "Stand:" and a Turkish "Güncelleme:" stamp', () => {
    const html = `
      <p>Stand: 15.10.2024, 21:40 Uhr</p>
      <p>Güncelleme: 15.10.2024 21:40</p>
      <p>The regional council approved the budget on 11 October.</p>`;
    expect(dated({ html, publishedAt: PUBLISHED }).map((event) => event.date)).toEqual(['2024-10-11']);
  });

  it.each([
    ['en', 'Media release – 14 October 2024', 'The council approved the budget on 11 October.'],
    [
      'en',
      'Press Release, Ministry of Ports and Shipping, 14 October 2024',
      'The council approved the budget on 11 October.',
    ],
    [
      'en',
      'KESTREL BAY POLICE DEPARTMENT NEWS RELEASE For immediate release: October 14, 2024',
      'The council approved the budget on October 11.',
    ],
    ['en', 'For immediate release: October 14, 2024', 'The council approved the budget on October 11.'],
    ['de', 'Pressemitteilung vom 14.10.2024', 'Der Rat billigte den Haushalt am 11. Oktober.'],
    ['fr', 'Communiqué de presse – 14 octobre 2024', 'Le conseil a voté le budget le 11 octobre.'],
    ['es', 'Nota de prensa, 14 de octubre de 2024', 'El pleno aprobó el presupuesto el 11 de octubre.'],
    ['tr', 'Basın açıklaması – 14 Ekim 2024', 'Meclis bütçeyi 11 Ekim’de onayladı.'],
  ] as const)('drops a release’s own header line in %s: %s', (language, header, body) => {
    const html = `<p>${header}</p><p>${body}</p>`;
    expect(dated({ html, publishedAt: PUBLISHED, language }).map((e) => e.date)).toEqual(['2024-10-11']);
  });

  it.each([
    ['fr', 'Lyon, le 14 octobre 2024', 'Le conseil a voté le budget le 11 octobre.'],
    ['fr', 'Lyon, le lundi 14 octobre 2024', 'Le conseil a voté le budget le 11 octobre.'],
    ['de', 'Hamburg, den 14. Oktober 2024', 'Der Rat billigte den Haushalt am 11. Oktober.'],
    ['es', 'Sevilla, 14 de octubre de 2024', 'El pleno aprobó el presupuesto el 11 de octubre.'],
    ['en', 'Nairobi / Press Office / 14 October 2024', 'The council approved the budget on October 11.'],
    ['en', 'Halifax, Nova Scotia, October 14, 2024', 'The council approved the budget on October 11.'],
  ] as const)(
    'drops the line of place and day a release is issued from in %s: %s',
    (language, line, body) => {
      const html = `<p>${line}</p><p>${body}</p>`;
      expect(dated({ html, publishedAt: PUBLISHED, language }).map((e) => e.date)).toEqual(['2024-10-11']);
    },
  );

  it('keeps a short line that tells what happened on a day with its year', () => {
    const html = '<p>Talks resumed in Lyon on 14 October 2024.</p><p>Officials met 11 October 2024.</p>';
    expect(
      dated({ html, publishedAt: PUBLISHED })
        .map((e) => e.date)
        .sort(),
    ).toEqual(['2024-10-11', '2024-10-14']);
  });

  it.each([
    ['en', "The board said on Monday it had accepted the treasurer's resignation, effective Nov. 30."],
    ['en', 'The harbour board on Monday raised its mooring fees with effect from 1 December.'],
    ['de', 'Der Vorstand nahm am Montag den Rücktritt des Kassenwarts mit Wirkung zum 30. November an.'],
    ['fr', 'Le conseil a accepté lundi la démission du trésorier, avec effet au 30 novembre.'],
    ['es', 'La junta aceptó el lunes la dimisión del tesorero, con efectos desde el 30 de noviembre.'],
    ['en', 'The dockers accepted a pay rise on Monday, backdated to January 1.'],
    ['en', 'The council on Monday approved a refund of parking fines, retroactive to 1 March.'],
    ['de', 'Die Hafenarbeiter nahmen am Montag eine Lohnerhöhung rückwirkend zum 1. Januar an.'],
    ['fr', 'Les dockers ont accepté lundi une hausse des salaires rétroactive au 1er janvier.'],
    [
      'es',
      'Los estibadores aceptaron el lunes una subida salarial con carácter retroactivo desde el 1 de enero.',
    ],
  ] as const)('dates a decision, not the day it takes effect, in %s: %s', (language, sentence) => {
    expect(datesAfterLead(sentence, language)).toEqual(['2024-10-14']);
  });

  it.each([
    ['en', 'The regatta had originally been planned for Oct. 5, but the harbour board moved it.'],
    ['en', 'The regatta, initially scheduled for Saturday, will now be sailed in the spring.'],
    ['en', 'The regatta had been scheduled for Oct. 5 but was called off because of the storm warnings.'],
    ['fr', 'La régate, initialement prévue le 5 octobre, a été repoussée au printemps.'],
    ['de', 'Die ursprünglich für den 5. Oktober geplante Regatta wurde in den Frühling verschoben.'],
    ['es', 'La regata, prevista inicialmente para el 5 de octubre, se aplazó a la primavera.'],
    ['en', 'The dockers have suspended the walkout planned for 24 and 25 October to resume talks.'],
    ['en', 'The club called off the friendly scheduled for Oct. 26 after the storm warnings.'],
    ['fr', 'Les dockers ont suspendu la grève de 48 heures prévue les 24 et 25 octobre.'],
    ['es', 'Los estibadores desconvocaron la huelga prevista para el 24 de octubre.'],
    ['en', 'The harbour board said the regatta planned for Saturday was postponed because of the storm.'],
    ['en', 'Regatta planned for Oct. 26 postponed'],
    ['en', 'The crews were originally due to return to port on Oct. 5.'],
    ['fr', 'Les équipages devaient initialement rentrer au port le 5 octobre.'],
    ['fr', 'La régate prévue samedi a été reportée.'],
    ['es', 'La regata prevista para el sábado fue aplazada.'],
  ] as const)('drops the day a plan first held, then left, in %s: %s', (language, sentence) => {
    expect(datesAfterLead(sentence, language)).toEqual([]);
  });

  it('keeps a plan another clause confirms after a suspension', () => {
    expect(
      datesAfterLead(
        'The dockers suspended talks on Monday and confirmed the walkout planned for 24 October.',
      ),
    ).toEqual(['2024-10-24', '2024-10-14']);
  });

  it('keeps a day that went as first planned, and the new day of a plan that moved', () => {
    const html =
      '<p>The harbour board met in closed session.</p><p>The ferry sailed on Oct. 5 as originally planned.</p><p>The regatta, originally set for Oct. 5, will now be sailed on Oct. 26.</p>';
    expect(dated({ html, publishedAt: PUBLISHED }).map((e) => e.date)).toEqual(['2024-10-05', '2024-10-26']);
  });

  it.each([
    ['de', 'Die Reederei kündigte am Montag einen Zuschlag ab dem 1. Dezember an.'],
    ['fr', 'La compagnie a annoncé lundi une surtaxe à partir du 1er décembre.'],
    ['es', 'La naviera anunció el lunes un recargo a partir del 1 de diciembre.'],
  ] as const)('dates a measure, not the written day it applies from, in %s: %s', (language, sentence) => {
    expect(datesAfterLead(sentence, language)).toEqual(['2024-10-14']);
  });

  it('keeps a German weekday that starts what the sentence tells', () => {
    const sentence = 'Ab Montag, 21. Oktober, fahren die Fähren wieder nach dem Sommerfahrplan.';
    expect(datesAfterLead(sentence, 'de')).toEqual(['2024-10-21']);
  });

  it('keeps an act that takes effect the day it is told', () => {
    const sentence = 'The regulator suspended trading in the shares with effect from 3pm today.';
    expect(datesAfterLead(sentence)).toEqual(['2024-10-15']);
  });

  it('keeps a release that is news: a sentence that says what it announced', () => {
    const html =
      '<p>A press release issued by the harbour board on 11 October said the ferry line would close.</p>';
    expect(dated({ html, publishedAt: PUBLISHED }).map((e) => e.date)).toEqual(['2024-10-11']);
    const short = '<p>A news release on 11 October named the new harbour master.</p>';
    expect(dated({ html: short, publishedAt: PUBLISHED }).map((e) => e.date)).toEqual(['2024-10-11']);
  });

  it('drops a fact box field whose value is only a date, and keeps a key-dates entry', () => {
    const html = `
      <p>Gmail opened in private beta in April 2004.</p>
      <ul><li>Launch Date: July 9, 1998</li><li>Founded: 1998</li><li>3 October: Vasko wins the first round</li>
      <li>First round: 24 October</li><li>Runoff: 7 November</li><li>Updated: 14 October 2024</li></ul>`;
    expect(dated({ html, publishedAt: PUBLISHED }).map((event) => event.date)).toEqual([
      '2004-04',
      '2024-10-03',
      '2024-10-24',
      '2024-11-07',
    ]);
  });

  it('drops "read more" links in the other languages too', () => {
    const html = `
      <p>O conselho aprovou o orçamento em 11 de outubro. Leia mais (09/24/2024 - 19h22)</p>
      <p>Leia mais (09/23/2024 - 10h05)</p>
      <p>Lesen Sie auch: Rat lehnt Haushalt am 3. Oktober ab</p>
      <p>À lire aussi : le 2 octobre, le conseil a voté</p>`;
    expect(dated({ html, publishedAt: PUBLISHED, language: 'pt' }).map((event) => event.date)).toEqual([
      '2024-10-11',
    ]);
  });

  it.each([
    ['es', '<p>Te puede interesar: El pleno aprobó el presupuesto el 3 de octubre</p>'],
    ['it', '<p>Potrebbe interessarti: il consiglio ha approvato il bilancio il 3 ottobre</p>'],
    ['de', '<p>Auch interessant: Rat lehnt Haushalt am 3. Oktober ab</p>'],
    ['tr', '<p>İlgili haber: Meclis bütçeyi 3 Ekim’de onayladı</p>'],
    ['it', '<p>Aggiornato il 14 ottobre 2024 alle 18:05</p>'],
    ['pt', '<p>Atualizado em 14/10/2024 às 18h05</p>'],
    ['en', '<p>Wire Desk Published 14 Oct, 2024 09:12am</p>'],
    ['en', '<p>Harbour Desk Updated 14 October 2024</p>'],
  ] as const)('drops teasers and stamps in %s: %s', (language, html) => {
    expect(dated({ html, publishedAt: PUBLISHED, language })).toEqual([]);
  });

  it('keeps a sentence that says an agency published something', () => {
    const html = '<p>Reuters published the port accounts on 11 October.</p>';
    expect(dated({ html, publishedAt: PUBLISHED }).map((event) => event.date)).toEqual(['2024-10-11']);
  });

  it('summarises by the sentence when a dated clause is little more than its date', () => {
    const events = dated({
      html: '<p>The trial ended in November, and closing arguments were heard on 2 and 3 May.</p>',
      publishedAt: PUBLISHED,
    });
    const may = events.find((event) => event.date === '2024-05-02');
    expect(may?.summary).toMatch(/closing arguments were heard/);
  });

  it('starts a summary at its first word, not at punctuation left by the markup', () => {
    expect(firstSummary('<p>: the port reopened on 3 October after talks.</p>')).toBe(
      'The port reopened on 3 October after talks',
    );
  });

  it('keeps a possessive date that opens the sentence: it is the subject, not an opener', () => {
    const html =
      "<p>Sunday's barrage against Ukraine's power plants has settled the question.</p><p>On 12 October, talks resumed in Geneva after a pause.</p>";
    const sunday = dated({ html, publishedAt: PUBLISHED }).find((event) => event.date === '2024-10-13');
    expect(sunday?.summary).toBe("Sunday's barrage against Ukraine's power plants has settled the question");
  });

  it('drops a live blog’s entry time from the summary but keeps the event', () => {
    expect(
      firstSummary('<p>14:05 Ukraine’s air force said on 14 October that it downed 40 drones overnight.</p>'),
    ).toBe('Ukraine’s air force said on 14 October that it downed 40 drones overnight');
  });
});

describe('extractEvents: a video or gallery title in the body', () => {
  it('tells in the present what has happened, as a headline does', () => {
    const daysOf = (html: string) => dated({ html, publishedAt: PUBLISHED }).map((e) => e.date);
    expect(daysOf('<p>[VIDEO] Volunteers fill sandbags along the river on Thursday</p>')).toEqual([
      '2024-10-10',
    ]);
    expect(daysOf('<p>[PHOTOS] Firefighters battle a warehouse blaze on Thursday</p>')).toEqual([
      '2024-10-10',
    ]);
    // Without the label the present of a coming day stays ahead.
    expect(daysOf('<p>Volunteers fill sandbags along the river on Thursday.</p>')).toEqual(['2024-10-17']);
  });
});

describe("extractEvents: the newsroom's calendar day", () => {
  it('reads "yesterday" and the report day in the UTC offset the feed dated the article in', () => {
    // 21:00 on Sunday 13 October in New York is 01:00 on Monday in UTC.
    const article = {
      html: '<p>City officials braced for a second night of unrest downtown. Protesters gathered outside city hall yesterday, police said.</p>',
      publishedAt: '2024-10-14T01:00:00Z',
      title: 'Protests grow',
    };
    const dates = (events: ReturnType<typeof extractEvents>) => events.map((e) => `${e.kind} ${e.date}`);
    expect(dates(extractEvents({ ...article, utcOffsetMinutes: -240 }))).toEqual([
      'dated 2024-10-12',
      'report 2024-10-13',
    ]);
    expect(dates(extractEvents(article))).toEqual(['dated 2024-10-13', 'report 2024-10-14']);
  });
});

describe('extractEvents: a day counted from the sentence before', () => {
  const datesOf = (html: string, language?: string) =>
    dated({ html, publishedAt: PUBLISHED, language }).map((event) => [event.date, event.summary]);

  it('dates "the next day" and "two days later" by the day of the sentence right before', () => {
    expect(
      datesOf(
        '<p>Talks collapsed in Geneva on 3 October.</p><p>The next day, the minister resigned.</p><p>Two days later, parliament was dissolved.</p>',
      ),
    ).toEqual([
      ['2024-10-03', 'Talks collapsed in Geneva on 3 October'],
      ['2024-10-04', 'The minister resigned'],
      ['2024-10-06', 'Parliament was dissolved'],
    ]);
    expect(
      datesOf(
        '<p>Le 3 octobre, les négociations ont échoué. Le lendemain, le ministre a démissionné.</p>',
        'fr',
      ),
    ).toHaveLength(2);
  });

  it('counts from further back only at a sentence\'s start, and not from "the day before" an event', () => {
    // Opening its sentence, "a day later" is the story's next day, past a sentence of background
    // (docs/decisions/same-day-opening.md); inside one, it counts from the sentence before alone.
    expect(
      datesOf(
        '<p>Talks collapsed on 3 October.</p><p>Officials declined to comment.</p><p>A day later, the minister resigned.</p>',
      ),
    ).toHaveLength(2);
    expect(
      datesOf(
        '<p>Talks collapsed on 3 October.</p><p>Officials declined to comment.</p><p>The minister resigned a day later.</p>',
      ),
    ).toHaveLength(1);
    expect(
      datesOf('<p>Talks collapsed on 3 October. Protests began the day before the vote was called.</p>'),
    ).toHaveLength(1);
    expect(datesOf('<p>The next day, the minister resigned.</p>')).toEqual([]);
  });

  const CRANE = {
    es: '<p>La grúa cayó el 3 de octubre.</p>',
    de: '<p>Der Kran stürzte am 3. Oktober um.</p>',
    fr: '<p>La grue est tombée le 3 octobre.</p>',
    en: '<p>The crane fell on 3 October.</p>',
    it: '<p>La gru è caduta il 3 ottobre.</p>',
    pt: '<p>A grua caiu a 3 de outubro.</p>',
    tr: "<p>Vinç 3 Ekim'de devrildi.</p>",
  };
  it.each([
    ['es', '<p>Un día antes, los vecinos habían alertado del peligro.</p>', '2024-10-02'],
    ['es', '<p>El día anterior, los vecinos habían alertado del peligro.</p>', '2024-10-02'],
    ['de', '<p>Anwohner hatten am Vortag vor der Gefahr gewarnt.</p>', '2024-10-02'],
    ['de', '<p>Zwei Tage zuvor hatten Anwohner gewarnt.</p>', '2024-10-01'],
    ['fr', '<p>Deux jours plus tôt, des riverains avaient alerté la mairie.</p>', '2024-10-01'],
    ['en', '<p>Neighbours had warned the council the night before.</p>', '2024-10-02'],
    ['it', '<p>Il giorno prima, i residenti avevano dato l’allarme.</p>', '2024-10-02'],
    ['it', '<p>Due giorni prima, i residenti avevano dato l’allarme.</p>', '2024-10-01'],
    ['pt', '<p>Na véspera, os moradores tinham alertado a câmara.</p>', '2024-10-02'],
    ['tr', '<p>Sakinler bir gün önce çatlakları belediyeye bildirmişti.</p>', '2024-10-02'],
  ] as const)('counts back a day or days (%s): %s', (language, html, before) => {
    expect(datesOf(CRANE[language] + html, language).map(([date]) => date)).toEqual(['2024-10-03', before]);
  });

  it.each([
    ['it', '<p>Il giorno dopo, il sindaco ha chiuso il cantiere.</p>', '2024-10-04'],
    ['it', '<p>L’indomani il sindaco ha chiuso il cantiere.</p>', '2024-10-04'],
    ['it', '<p>Lo stesso giorno il sindaco ha chiuso il cantiere.</p>', '2024-10-03'],
    ['pt', '<p>No dia seguinte, o presidente da câmara fechou a obra.</p>', '2024-10-04'],
    ['pt', '<p>Dois dias depois, o presidente da câmara fechou a obra.</p>', '2024-10-05'],
    ['tr', '<p>Ertesi gün vali şantiyeyi kapattı.</p>', '2024-10-04'],
    ['tr', '<p>İki gün sonra vali şantiyeyi kapattı.</p>', '2024-10-05'],
    ['tr', '<p>Aynı gün vali şantiyeyi kapattı.</p>', '2024-10-03'],
    ['es', '<p>El mismo día, la alcaldesa cerró la obra.</p>', '2024-10-03'],
    ['fr', '<p>Le jour même, la maire a fermé le chantier.</p>', '2024-10-03'],
  ] as const)('counts forward, or keeps the day, in more languages (%s): %s', (language, html, after) => {
    expect(datesOf(CRANE[language] + html, language).map(([date]) => date)).toEqual(['2024-10-03', after]);
  });

  it.each([
    ['en', '<p>Residents had warned the council about the crane the day before.</p>'],
    ['de', '<p>Anwohner hatten bereits am Vortag vor dem Kran gewarnt.</p>'],
    ['fr', '<p>Des riverains avaient alerté la mairie la veille.</p>'],
  ] as const)(
    "looks back from the story's day past an undated sentence in the pluperfect (%s)",
    (language, html) => {
      const between = {
        en: '<p>Officials gave no cause.</p>',
        de: '<p>Die Ursache ist unklar.</p>',
        fr: '<p>La cause reste inconnue.</p>',
      };
      expect(datesOf(CRANE[language] + between[language] + html, language).map(([date]) => date)).toEqual([
        '2024-10-03',
        '2024-10-02',
      ]);
    },
  );

  it('reads Turkish "iki gün önce" from publication unless the sentence is told in the pluperfect', () => {
    expect(datesOf('<p>Sakinler iki gün önce çatlakları belediyeye bildirdi.</p>', 'tr')).toEqual([
      ['2024-10-13', 'Sakinler iki gün önce çatlakları belediyeye bildirdi'],
    ]);
  });

  it.each([
    ['pt', '<p>O presidente da câmara fechou a obra um dia depois de receber o relatório.</p>'],
    ['es', '<p>La alcaldesa cerró la obra un día después de recibir el informe.</p>'],
    ['tr', '<p>Vali, raporu almasından iki gün sonra şantiyeyi kapattı.</p>'],
  ] as const)('leaves a count after the thing it names (%s): %s', (language, html) => {
    expect(datesOf(CRANE[language] + html, language)).toHaveLength(1);
  });

  it('leaves "un día antes de" the thing it names, and counts past a year of background', () => {
    expect(
      datesOf(
        '<p>La grúa cayó el 3 de octubre.</p><p>Un día antes de la votación, hubo protestas.</p>',
        'es',
      ),
    ).toHaveLength(1);
    // The year is the crane's background; the sentence's day is the day before the one told.
    expect(
      datesOf(
        '<p>La grue est tombée le 3 octobre.</p><p>La veille, des riverains avaient alerté la mairie sur la grue, installée en 2019.</p>',
        'fr',
      ).map(([date]) => date),
    ).toEqual(['2024-10-03', '2024-10-02', '2019']);
  });
});

describe('extractEvents: years and months counted from the date before', () => {
  const datesOf = (html: string) =>
    dated({ html, publishedAt: PUBLISHED }).map((event) => [event.date, event.datePrecision]);

  it('dates "two years later" and "the following year" by the sentence right before', () => {
    expect(
      datesOf(
        '<p>The ferry company was founded in 2009.</p><p>Two years later, it bought its first ship.</p><p>The following year, it opened a route to the islands.</p>',
      ),
    ).toEqual([
      ['2009', 'year'],
      ['2011', 'year'],
      ['2012', 'year'],
    ]);
  });

  it('dates "the following month" and "three months later" in the sentence that gives the month', () => {
    expect(
      datesOf(
        '<p>The harbour board signed the contract in November 2022, and dredging began the following month.</p><p>The pier opened in May 2023 and closed for repairs three months later.</p>',
      ),
    ).toEqual([
      ['2022-11', 'month'],
      ['2022-12', 'month'],
      ['2023-05', 'month'],
      ['2023-08', 'month'],
    ]);
  });

  it('counts from nothing further back than the sentence before', () => {
    expect(
      datesOf(
        '<p>The ferry company was founded in 2009.</p><p>Its ships are painted blue.</p><p>Two years later, it bought a second one.</p>',
      ),
    ).toEqual([['2009', 'year']]);
  });
});

describe('extractEvents: the report event', () => {
  it('gives one report event: the headline, quoted by the lead sentence, dated by publication', () => {
    const events = extractEvents({
      title: 'Drones hit Kyiv power plant',
      html: '<p>KYIV (Reuters) — Russian drones struck a power plant outside Kyiv overnight, cutting power to thousands.</p><p>More follows.</p>',
      publishedAt: PUBLISHED,
    });
    const reports = events.filter((event) => event.kind === 'report');
    expect(reports).toEqual([
      expect.objectContaining({
        date: '2024-10-15',
        summary: 'Drones hit Kyiv power plant',
        quote: 'Russian drones struck a power plant outside Kyiv overnight, cutting power to thousands.',
      }),
    ]);
  });
});

describe('extractEvents: the site talking to the reader', () => {
  it('quotes the lead, not a prompt to register or sponsor, and dates no prompt', () => {
    const events = extractEvents({
      title: 'Harbour cranes idle as dockers strike',
      html: `<p>Are you planning an event for your team? Consider becoming a partner of the Port Forum. Learn more here.</p>
        <p>Portside News would like to send you notifications for breaking news alerts.</p>
        <p>Register today and start reading 30 days of unlimited stories.</p>
        <p>Already a member? Sign in</p>
        <p>Dockers at the city's container terminal stopped work, leaving the cranes idle.</p>`,
      publishedAt: PUBLISHED,
    });
    expect(events.map((event) => [event.kind, event.quote])).toEqual([
      ['report', "Dockers at the city's container terminal stopped work, leaving the cranes idle."],
    ]);
  });

  it('keeps a feature that opens with a question to the reader and goes on with the news', () => {
    const html =
      '<p>Do you remember the night the harbour lights went out? On 14 October the grid failed across the old port.</p>';
    expect(dated({ html, publishedAt: PUBLISHED }).map((event) => event.date)).toEqual(['2024-10-14']);
  });

  it('keeps a quoted question to readers that a person asked', () => {
    const html = '<p>"Are you ready for a long strike?" the union leader asked the crowd on Monday.</p>';
    expect(dated({ html, publishedAt: PUBLISHED }).map((event) => event.date)).toEqual(['2024-10-14']);
  });
});

describe("extractEvents: the site's corrections", () => {
  it('dates no correction notice, however it opens', () => {
    const html = `<p>The harbour board approved the new ferry fares on Monday.</p>
      <p>Correction, 14 October: An earlier version of this article gave the wrong fare for bicycles.</p>
      <p>This article was amended on 12 October 2024 to remove a name at the family's request.</p>
      <p>Editor's note: The photo caption of 13 October has been replaced.</p>
      <p>Korrektur: In einer früheren Fassung stand der 13. Oktober als Datum der Sitzung.</p>`;
    expect(dated({ html, publishedAt: PUBLISHED }).map((event) => event.date)).toEqual(['2024-10-14']);
  });

  it('keeps news of a correction someone else made', () => {
    const html = '<p>The ministry issued a correction on Monday to its fishing quota figures.</p>';
    expect(dated({ html, publishedAt: PUBLISHED }).map((event) => event.date)).toEqual(['2024-10-14']);
  });
});

describe('extractEvents: entities', () => {
  it('names the people and places of an English event', () => {
    const [event] = eventsOf({
      html: '<p>On 18 June, Vladimir Putin visited Pyongyang and met Kim Jong Un.</p>',
      publishedAt: PUBLISHED,
    });
    expect(event?.entities.people).toEqual(expect.arrayContaining(['Vladimir Putin', 'Kim Jong Un']));
    expect(event?.entities.places).toContain('Pyongyang');
  });
});

describe('htmlToBlocks: link share', () => {
  it('measures how much of a block is link text', () => {
    const [related, story] = htmlToBlocks(
      '<p><a href="/x">Related story about ports</a></p><p>The port <a href="/p">reopened</a> today.</p>',
    );
    expect(related?.linkShare).toBe(1);
    expect(story?.linkShare).toBeGreaterThan(0);
    expect(story?.linkShare).toBeLessThan(0.5);
  });
});
