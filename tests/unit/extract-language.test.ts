import { describe, expect, it } from 'vitest';
import {
  agreement,
  contentTerms,
  eventsOf,
  extractEvents,
  findDates,
  isTextDated,
} from '../../lib/extraction/index.ts';
import { detectLanguage } from '../../lib/extraction/language.ts';

// Wednesday 16 October 2024, noon UTC.
const PUBLISHED = '2024-10-16T12:00:00Z';

/** Each date a sentence gives, with the tense that decided which way it was read. */
const datesWithTense = (sentence: string, language: string) =>
  findDates(sentence, new Date(PUBLISHED), { language }).map((m) => `${m.date} ${m.tense}`);
/** Each date a sentence gives, with its precision. */
const datesWithPrecision = (sentence: string, language: string) =>
  findDates(sentence, new Date(PUBLISHED), { language }).map((m) => `${m.date} ${m.precision}`);

describe('the language of an article whose feed declares none', () => {
  it('is read from the function words of its opening text', () => {
    expect(
      detectLanguage(
        'Der Aufsichtsrat hat den Vorstandschef am Freitag entlassen. Die Entscheidung kam für viele Mitarbeiter überraschend, wie das Unternehmen mitteilte.',
      ),
    ).toBe('de');
    expect(
      detectLanguage(
        "Le conseil d'administration a limogé son directeur vendredi. Les salariés ont appris la nouvelle dans un courriel, selon des sources internes qui sont restées anonymes.",
      ),
    ).toBe('fr');
    expect(
      detectLanguage(
        'El consejo de la empresa despidió a su director el viernes por la tarde, según fuentes internas, y los empleados se enteraron por la prensa.',
      ),
    ).toBe('es');
    expect(
      detectLanguage(
        'The board fired its chief executive on Friday, and the staff learned of it from a statement that was posted by the company.',
      ),
    ).toBe('en');
  });

  it('reads Turkish from its own function words', () => {
    expect(
      detectLanguage(
        'Belediye başkanı bu sabah yaptığı açıklamada köprünün onarım için kapatıldığını ve trafiğin daha sonra yeniden açılacağını söyledi. Çalışmaların bir hafta kadar süreceği ve ekiplerin gece de görev yapacağı belirtildi.',
      ),
    ).toBe('tr');
  });

  it('is left open for short text and for languages nobody here reads', () => {
    expect(detectLanguage('Breaking: plant shut')).toBeUndefined();
    expect(detectLanguage('Belediye başkanı köprünün yeniden açılacağını söyledi.')).toBeUndefined();
    expect(
      detectLanguage(
        'Burmistrz miasta powiedział w piątek, że most zostanie ponownie otwarty w przyszłym tygodniu.',
      ),
    ).toBeUndefined();
  });

  it("dates a German article's weekdays and day-month dates as German", () => {
    const html =
      '<p>Der Aufsichtsrat hat den Vorstandschef am Freitag entlassen, wie das Unternehmen mitteilte.</p>' +
      '<p>Am 3. Oktober hatte er noch eine neue Fabrik eröffnet, die nach seinen Worten mit der Stadt geplant worden war.</p>';
    const dated = extractEvents({ html, publishedAt: PUBLISHED }).filter(isTextDated);
    expect(dated.map((e) => e.date)).toEqual(['2024-10-11', '2024-10-03']);
  });

  it("dates a Turkish article's day-month dates, with a year, a case suffix or a clock time after them", () => {
    const html =
      "<p>Belediye, köprüyü 3 Ekim günü saat 06.30'da onarım için trafiğe kapattı ve bu karar bir gün önce açıklandı.</p>" +
      "<p>Köprü ilk olarak 12 Mart 2019'da hizmete açılmıştı, ancak çatlaklar 9 Ekim'de fark edildi.</p>" +
      '<p>Ekiplerin çalışmaları 2016 Şubat ayından beri süren bir planın parçası olarak görülüyor.</p>' +
      '<p>Kararın metni 1 EKIM 2024 tarihli resmi yazıyla valiliğe bildirildi ve bu yazı daha sonra yayımlandı.</p>';
    const dated = extractEvents({ html, publishedAt: PUBLISHED }).filter(isTextDated);
    expect(dated.map((e) => e.date).sort()).toEqual(['2019-03-12', '2024-10-01', '2024-10-03', '2024-10-09']);
  });

  it('reads Turkish yesterday, today and weekdays, each way the verb points', () => {
    // Published on Wednesday 16 October 2024.
    const html =
      '<p>Belediye başkanı dün akşam köprünün onarım için kapatıldığını açıkladı.</p>' +
      '<p>Vali Salı günü bölgeyi ziyaret etti ve yaralıları hastanede gördü.</p>' +
      '<p>Bakan, yeni köprünün Cuma günü açılacağını söyledi.</p>' +
      "<p>Bugün saat 10.00'da belediye meclisinde bir toplantı yapıldı.</p>";
    const events = extractEvents({ html, publishedAt: PUBLISHED, language: 'tr' });
    expect(events.map((e) => [e.date, e.scheduled])).toEqual([
      ['2024-10-15', false],
      ['2024-10-18', true],
      ['2024-10-16', false],
      ['2024-10-15', false],
    ]);
  });

  it('reads the German simple past as past: a weekday it dates is the one gone by', () => {
    const at = (sentence: string) => datesWithTense(sentence, 'de');
    expect(at('Der Hafenmeister trat am Montag zurück.')).toEqual(['2024-10-14 past']);
    expect(at('Die Reederei erklärte am Freitag ihren Rückzug.')).toEqual(['2024-10-11 past']);
    expect(at('Die Polizei nahm am Freitag zwei Schmuggler fest.')).toEqual(['2024-10-11 past']);
    expect(at('Der Sturm zerstörte am Freitag das Dach der Halle.')).toEqual(['2024-10-11 past']);
    expect(at('Der Stadtrat informierte am Freitag die Anwohner.')).toEqual(['2024-10-11 past']);
    // A relative clause keeps its own tense: the strike announced on Sunday starts on the coming Friday.
    expect(
      at('Die Gewerkschaft kündigte am Sonntag einen Streik an, der am Freitag um 2 Uhr beginnen soll.'),
    ).toEqual(['2024-10-13 past', '2024-10-18 future']);
    // The future and a noun that looks like a past form stay as they were.
    expect(at('Die Fähre wird am Freitag wieder fahren.')).toEqual(['2024-10-18 future']);
    expect(at('Am Freitag ist der Stand der Arbeiten im Schloss zu sehen.')).toEqual(['2024-10-18 present']);
    // A participle after an article is an adjective or a noun, which tells no tense.
    expect(at('Am Freitag gibt es neue Zahlen zu den Verletzten.')).toEqual(['2024-10-18 present']);
    expect(at('Am Freitag bekommen die informierten Anwohner Post.')).toEqual(['2024-10-18 present']);
  });

  it.each([
    ["Le maire s'est rendu vendredi sur le port.", 'fr', '2024-10-11 past'],
    ["Le quai s'est effondré vendredi.", 'fr', '2024-10-11 past'],
    ['La ministre est arrivée vendredi au port.', 'fr', '2024-10-11 past'],
    ['La alcaldesa dijo el viernes que cerraría el muelle.', 'es', '2024-10-11 past'],
    ['La policía detuvo el viernes a dos contrabandistas.', 'es', '2024-10-11 past'],
    ['A prefeita disse na sexta-feira que fecharia o cais.', 'pt', '2024-10-11 past'],
    // German weak preterites after a subject ending like an article ("Behörden"), with an inseparable
    // prefix, and strong ones news uses; a participle after an article stays no tense.
    ['Die Behörden meldeten am Freitag zwei Verletzte.', 'de', '2024-10-11 past'],
    ['Die Streikenden besetzten am Freitag den Kai.', 'de', '2024-10-11 past'],
    ['Die Fähre kenterte am Freitag vor der Küste.', 'de', '2024-10-11 past'],
    ['Taucher bargen am Freitag zwei Tote.', 'de', '2024-10-11 past'],
    ['Die beschädigte Fähre am Freitag im Hafen.', 'de', '2024-10-18 present'],
    ['Die Investoren verhandelten am Freitag mit dem Vorstand.', 'de', '2024-10-11 past'],
    ['Der Unfall ereignete sich am Freitag gegen 4 Uhr.', 'de', '2024-10-11 past'],
    // Nouns that begin and end like a participle ("Gericht", "Gewerkschaft") tell no tense.
    ['Die Gewerkschaft streikt am Freitag.', 'de', '2024-10-18 present'],
    ['Das Gericht entscheidet am Freitag.', 'de', '2024-10-18 present'],
    // An attribution after the news holds the saying's day, which is past, whatever the news announces.
    ['Le port rouvrira ses quais, a annoncé vendredi la capitainerie.', 'fr', '2024-10-11 past'],
    ['El puerto reabrirá sus muelles, anunció el viernes la capitanía.', 'es', '2024-10-11 past'],
    ['Der Hafen wird wieder öffnen, teilte die Hafenbehörde am Freitag mit.', 'de', '2024-10-11 past'],
    ['Il porto riaprirà, ha detto venerdì il sindaco.', 'it', '2024-10-11 past'],
    ['O porto vai reabrir, disse na sexta-feira o autarca.', 'pt', '2024-10-11 past'],
    // Not a plan in a clause of its own after the attribution.
    [
      'Le port rouvrira, a annoncé la capitainerie, qui réunira les dockers vendredi.',
      'fr',
      '2024-10-18 future',
    ],
    // A past saying right before its day, though what it reports is a plan seen from the past.
    ["Le maire avait annoncé vendredi qu'il fermerait le port.", 'fr', '2024-10-11 past'],
    [
      'Der Bürgermeister hatte am Freitag angekündigt, er würde den Hafen schließen.',
      'de',
      '2024-10-11 past',
    ],
    ['Il sindaco ha detto venerdì che avrebbe chiuso il porto.', 'it', '2024-10-11 past'],
    ['O autarca anunciou na sexta-feira que iria fechar o porto.', 'pt', '2024-10-11 past'],
    // French "a lieu" takes place now; "a eu lieu" took place.
    ['La fête du port a lieu vendredi.', 'fr', '2024-10-18 present'],
    ['La fête du port a eu lieu vendredi.', 'fr', '2024-10-11 past'],
    // The Portuguese preterite in -eu and -iu; "museu" only ends like it.
    ['O pescador morreu na sexta-feira.', 'pt', '2024-10-11 past'],
    ['A ponte ruiu na sexta-feira.', 'pt', '2024-10-11 past'],
    ['O museu abre na sexta-feira.', 'pt', '2024-10-18 present'],
    // What is planned or awaited stays ahead.
    ['Le sommet est prévu vendredi.', 'fr', '2024-10-18 present'],
    ['La cumbre se celebrará el viernes.', 'es', '2024-10-18 future'],
    // A possessive relative clause keeps its past, whatever the main clause announces after it.
    [
      'La naviera, cuyo director dimitió el viernes, ha anunciado que colaborará con la policía.',
      'es',
      '2024-10-11 past',
    ],
    ["L'armateur, dont le directeur a démissionné vendredi, a dit qu'il coopérera.", 'fr', '2024-10-11 past'],
    ['A armadora, cujo diretor renunciou na sexta-feira, disse que vai colaborar.', 'pt', '2024-10-11 past'],
    ["L'armatore, il cui direttore si è dimesso venerdì, ha detto che collaborerà.", 'it', '2024-10-11 past'],
  ])('reads the past as each language writes it: %s', (sentence, language, date) => {
    expect(datesWithTense(sentence, language)).toEqual([date]);
  });

  it.each([
    // Published on Wednesday 16 October 2024: the nearer Monday is the 14th, the coming one the 21st.
    ['Le maire recevra les pêcheurs lundi.', 'fr', '2024-10-21 future'],
    ['La préfète prendra sa décision lundi.', 'fr', '2024-10-21 future'],
    ['Le port fera le point lundi.', 'fr', '2024-10-21 future'],
    ['Les dockers devront reprendre le travail lundi.', 'fr', '2024-10-21 future'],
    // Words that only end like a future.
    ['Une séance extra lundi, selon Sandra.', 'fr', '2024-10-14 present'],
    // A German plan in the present passive ("ist … geplant") is ahead; a plan that was ("war") is not.
    ['Die Eröffnung der Fähre ist für Montag angesetzt.', 'de', '2024-10-21 future'],
    ['Die Landung ist für die Nacht zum 4. Dezember geplant.', 'de', '2024-12-04 future'],
    ['Die Eröffnung war für Montag angesetzt.', 'de', '2024-10-14 present'],
    // On Wednesday 16 October the nearer Friday is the 18th, the one gone by the 11th.
    // The French conditional is a plan seen from the past: the nearer day, not the past one.
    ["La direction a annoncé qu'un ferry sur deux circulerait vendredi.", 'fr', '2024-10-18 present'],
    // With a participle it reports a past act at one remove.
    ['Le capitaine aurait quitté le port vendredi.', 'fr', '2024-10-11 past'],
    // A participle set off by a comma dates its own past act; one that books a date does not.
    ['Les négociations, interrompues vendredi, doivent reprendre au ministère.', 'fr', '2024-10-11 past'],
    ['La réunion, prévue vendredi, doit permettre un accord.', 'fr', '2024-10-18 future'],
    // So in Spanish, Italian and Portuguese.
    ['El alcalde, detenido el viernes, declarará ante la jueza.', 'es', '2024-10-11 past'],
    ['Il sindaco, arrestato venerdì, sarà interrogato dalla giudice.', 'it', '2024-10-11 past'],
    ['O autarca, detido na sexta-feira, será ouvido pela juíza.', 'pt', '2024-10-11 past'],
    ['La votación, prevista el viernes, permitirá un acuerdo.', 'es', '2024-10-18 future'],
    ['La riunione, fissata venerdì, permetterà un accordo.', 'it', '2024-10-18 future'],
    // The Portuguese pluperfect is past.
    ['O ferry tinha saído do porto na sexta-feira.', 'pt', '2024-10-11 past'],
    ['Os dois suspeitos haviam sido detidos na sexta-feira.', 'pt', '2024-10-11 past'],
  ])('reads futures, conditionals and participles in other languages: %s', (sentence, language, date) => {
    expect(datesWithTense(sentence, language)).toEqual([date]);
  });

  it.each([
    // Published on Wednesday 16 October 2024: last week ran from Monday 7 to Sunday 13 October.
    ['The harbour master resigned on Tuesday last week.', 'en', '2024-10-08 day'],
    ['THE HARBOUR MASTER RESIGNED ON FRIDAY LAST WEEK.', 'en', '2024-10-11 day'],
    ['Le capitaine du port a démissionné mardi de la semaine dernière.', 'fr', '2024-10-08 day'],
    ['Der Hafenmeister ist am Dienstag vergangener Woche zurückgetreten.', 'de', '2024-10-08 day'],
    ['El capitán del puerto dimitió el martes de la semana pasada.', 'es', '2024-10-08 day'],
    ['Liman başkanı geçtiğimiz hafta salı günü istifa etti.', 'tr', '2024-10-08 day'],
    ['Le capitaine du port a démissionné en début de semaine.', 'fr', '2024-10-14 week'],
    ['Der Hafenmeister trat Ende vergangener Woche zurück.', 'de', '2024-10-07 week'],
    ['El capitán del puerto dimitió a principios de semana.', 'es', '2024-10-14 week'],
    ['Le capitaine du port a démissionné il y a dix jours.', 'fr', '2024-10-06 day'],
    ['Der Hafenmeister ist vor zehn Tagen zurückgetreten.', 'de', '2024-10-06 day'],
    ['El capitán del puerto dimitió hace diez días.', 'es', '2024-10-06 day'],
  ])(
    'reads a weekday of last week, the part of a week and days counted in words: %s',
    (sentence, language, date) => {
      expect(datesWithPrecision(sentence, language)).toEqual([date]);
    },
  );

  it.each([
    // Published on Wednesday 16 October 2024: last week ran from Monday 7 to Sunday 13 October.
    ['Il capitano del porto si è dimesso la settimana scorsa.', 'it', '2024-10-07 week'],
    ['Il capitano del porto si è dimesso la scorsa settimana.', 'it', '2024-10-07 week'],
    ['Il capitano del porto si è dimesso il mese scorso.', 'it', '2024-09 month'],
    ["Il capitano del porto si è dimesso all'inizio del mese.", 'it', '2024-10 month'],
    ['Il capitano del porto si è dimesso due giorni fa.', 'it', '2024-10-14 day'],
    ['Il capitano del porto si è dimesso tre settimane fa.', 'it', '2024-09-25 day'],
    ['Il capitano del porto si è dimesso lo scorso fine settimana.', 'it', '2024-10-12 day'],
    ['O capitão do porto demitiu-se na semana passada.', 'pt', '2024-10-07 week'],
    ['O capitão do porto demitiu-se no mês passado.', 'pt', '2024-09 month'],
    ['O capitão do porto demitiu-se no início do mês passado.', 'pt', '2024-09 month'],
    ['O capitão do porto demitiu-se no fim de semana passado.', 'pt', '2024-10-12 day'],
  ])('reads Italian and Portuguese weeks, months and days gone by: %s', (sentence, language, date) => {
    expect(datesWithPrecision(sentence, language)).toEqual([date]);
  });

  it.each([
    ['Il capitano del porto si è dimesso a metà settembre.', '2024-09 month'],
    ['Il capitano del porto si è dimesso ai primi di settembre.', '2024-09 month'],
    ['Il capitano del porto si è dimesso alla fine di settembre.', '2024-09 month'],
    ['Il capitano del porto si è dimesso nel mese di settembre.', '2024-09 month'],
  ])('reads an Italian month after the words for its part: %s', (sentence, date) => {
    expect(datesWithPrecision(sentence, 'it')).toEqual([date]);
  });

  it.each([
    // Published on Wednesday 16 October 2024.
    ['Der Hafenmeister trat gestern Abend zurück.', 'de', '2024-10-15 day'],
    ['Der Hafenmeister trat vorgestern Abend zurück.', 'de', '2024-10-14 day'],
    ['Der Hafen brannte letzte Nacht.', 'de', '2024-10-15 day'],
    ['Der Hafenmeister tritt morgen Abend zurück.', 'de', '2024-10-17 day'],
    ['Der Hafenmeister trat vorige Woche zurück.', 'de', '2024-10-07 week'],
    ['Le capitaine du port a démissionné avant-hier soir.', 'fr', '2024-10-14 day'],
    ['Le capitaine du port a démissionné courant septembre.', 'fr', '2024-09 month'],
    ['Le capitaine du port a démissionné cette semaine.', 'fr', '2024-10-14 week'],
    ['El capitán del puerto dimitió anoche.', 'es', '2024-10-15 day'],
    ['El capitán del puerto dimitió antenoche.', 'es', '2024-10-14 day'],
    ['El capitán del puerto dimitió antes de ayer por la noche.', 'es', '2024-10-14 day'],
    ['El capitán del puerto dimitió esta semana.', 'es', '2024-10-14 week'],
    ['Un incendio arrasó el almacén esta madrugada.', 'es', '2024-10-16 day'],
    ['Um incêndio destruiu o armazém nesta madrugada.', 'pt', '2024-10-16 day'],
  ])(
    'reads the casual days and this week of German, French, Spanish and Portuguese news: %s',
    (sentence, language, date) => {
      expect(datesWithPrecision(sentence, language)).toEqual([date]);
    },
  );

  it('leaves this week undated outside a past clause, as in English', () => {
    expect(datesWithPrecision('Le port doit rouvrir cette semaine.', 'fr')).toEqual([]);
    expect(datesWithPrecision('El puerto reabre esta semana.', 'es')).toEqual([]);
  });

  it('leaves a coming Italian or Portuguese week or month undated: a forecast', () => {
    expect(
      findDates('Il porto riaprirà la settimana prossima.', new Date(PUBLISHED), { language: 'it' }),
    ).toEqual([]);
    expect(findDates('O porto reabre no próximo mês.', new Date(PUBLISHED), { language: 'pt' })).toEqual([]);
  });

  it('keeps the part of this week for a past clause: a deadline in it is no event', () => {
    expect(
      findDates('Die Entscheidung soll Ende der Woche fallen.', new Date(PUBLISHED), { language: 'de' }),
    ).toEqual([]);
  });

  it('reads Turkish weeks and months gone by, "N days ago", tomorrow and "geçen pazar"', () => {
    // Published on Wednesday 16 October 2024.
    const at = (sentence: string) =>
      findDates(sentence, new Date(PUBLISHED), { language: 'tr' }).map((m) => `${m.date} ${m.precision}`);
    expect(at('Geçen hafta fırtına iskeleyi yıktı.')).toEqual(['2024-10-07 week']);
    expect(at('Geçen ay fırtına iskeleyi yıktı.')).toEqual(['2024-09 month']);
    expect(at('Fırtına ayın başında iskeleyi yıktı.')).toEqual(['2024-10 month']);
    expect(at('Fırtına iki hafta önce iskeleyi yıktı.')).toEqual(['2024-10-02 day']);
    expect(at('Fırtına 3 gün önce iskeleyi yıktı.')).toEqual(['2024-10-13 day']);
    expect(at('Fırtına geçen pazar iskeleyi yıktı.')).toEqual(['2024-10-13 day']);
    // A sentence that opens on the dotted capital: "İki" is "iki" (two).
    expect(at('İki hafta önce fırtına iskeleyi yıktı.')).toEqual(['2024-10-02 day']);
    expect(at('Vali yarın bölgeyi ziyaret edecek.')).toEqual(['2024-10-17 day']);
  });

  it('reads a month said "in" with its case ending or "ayı", with or without its year', () => {
    // Published on Wednesday 16 October 2024.
    const at = (sentence: string) =>
      findDates(sentence, new Date(PUBLISHED), { language: 'tr' }).map((m) => `${m.date} ${m.precision}`);
    expect(at("Fırtına Mart'ta iskeleyi yıktı.")).toEqual(['2024-03 month']);
    expect(at('Fırtına eylülde iskeleyi yıktı.')).toEqual(['2024-09 month']);
    expect(at('Fırtına Nisan ayının sonunda iskeleyi yıktı.')).toEqual(['2024-04 month']);
    expect(at('Fırtına geçen yılın Mayıs ayında iskeleyi yıktı.')).toEqual(['2023-05 month']);
    expect(at("Fırtına Haziran 2021'de iskeleyi yıktı.")).toEqual(['2021-06 month']);
    expect(at('Yeni iskele Aralık ayında açılacak.')).toEqual(['2024-12 month']);
    // A name, not a month: "Kasım'ın" is Kasım's.
    expect(at("Kasım'ın teknesi iskeleye çarptı.")).toEqual([]);
    // A month's part without "ayı"; "Kasım sonunda" may be "Kasım, at last".
    expect(at('Fırtına eylül sonunda iskeleyi yıktı.')).toEqual(['2024-09 month']);
    expect(at('Fırtına Mart başında iskeleyi yıktı.')).toEqual(['2024-03 month']);
    expect(at('Kasım sonunda iskeleye ulaştı.')).toEqual([]);
  });

  it('reads "önceki gün", last weekend, and a weekday set after its written day as that day', () => {
    // Published on Wednesday 16 October 2024.
    const at = (sentence: string) =>
      findDates(sentence, new Date(PUBLISHED), { language: 'tr' }).map((m) => `${m.date} ${m.endDate}`);
    expect(at('Vali önceki gün bölgeyi ziyaret etti.')).toEqual(['2024-10-14 null']);
    expect(at('Vali bir önceki gün bölgeyi ziyaret etmişti.')).toEqual([]);
    expect(at('Vali evvelsi gün bölgeyi ziyaret etti.')).toEqual(['2024-10-14 null']);
    expect(at('Liman geçen hafta sonu kapatıldı.')).toEqual(['2024-10-12 2024-10-13']);
    // The part of the week is its week; published on Wednesday 16 October, that week runs 14–20.
    expect(at('Liman hafta başında kapatıldı.')).toEqual(['2024-10-14 2024-10-20']);
    expect(at('Liman geçen haftanın ortasında kapatıldı.')).toEqual(['2024-10-07 2024-10-13']);
    expect(at('Liman bu hafta sonu açılacak.')).toEqual([]);
    expect(at('Fırtına 11 Ekim Cuma günü iskeleyi yıktı.')).toEqual(['2024-10-11 null']);
  });

  it('reads no past in nouns that end like it ("sandık", "yardım", "şirketi")', () => {
    // Published on Wednesday 16 October 2024: the coming Sunday is the 20th.
    expect(
      findDates('Seçmenler pazar günü sandık başına gidecek.', new Date(PUBLISHED), { language: 'tr' }).map(
        (m) => `${m.date} ${m.tense}`,
      ),
    ).toEqual(['2024-10-20 future']);
    expect(
      findDates('Yardım ekipleri cuma günü bölgeye ulaşacak.', new Date(PUBLISHED), { language: 'tr' }).map(
        (m) => m.date,
      ),
    ).toEqual(['2024-10-18']);
  });

  it('does not read the world, a market or a prayer as a Turkish day', () => {
    const html =
      '<p>Dünya Bankası köprü projesine destek verdiğini açıkladı ve kredi anlaşması imzalandı.</p>' +
      '<p>Esnaf pazar yerinde bekledi, cuma namazı için camiler doldu ve kalabalık dağıldı.</p>';
    const dated = extractEvents({ html, publishedAt: PUBLISHED, language: 'tr' }).filter(isTextDated);
    expect(dated).toEqual([]);
  });

  it('tags no names in a text read as German: compromise reads English only', () => {
    const html =
      '<p>Der Aufsichtsrat hat die Vorstandschefin Anna Berger am Freitag entlassen, wie das Unternehmen in Hamburg mitteilte.</p>' +
      '<p>Die Entscheidung kam für die Mitarbeiter überraschend.</p>';
    const events = eventsOf({ html, publishedAt: PUBLISHED });
    expect(events.length).toBeGreaterThan(0);
    for (const { entities } of events)
      expect(entities).toEqual({ people: [], places: [], organizations: [] });
    const english = eventsOf({ html, publishedAt: PUBLISHED, language: 'en' });
    expect(english.some(({ entities }) => entities.people.length + entities.places.length > 0)).toBe(true);
  });

  it('keeps a declared language over what the text looks like', () => {
    const html =
      '<p>Am Freitag, the board said, die Fabrik was closed for the day after a fire in the hall.</p>';
    const dated = extractEvents({ html, publishedAt: PUBLISHED, language: 'en' });
    expect(dated.find(isTextDated)).toBeUndefined();
  });
});

describe('news vocabulary across languages', () => {
  const shared = (a: string, b: string) => agreement(contentTerms(a), contentTerms(b)).shared;

  it('lets a leadership change told in German, French or Spanish share its words with English', () => {
    const english = 'The board fired the chief executive and named an interim successor';
    expect(
      shared('Der Vorstand hat den Chef entlassen und einen interimistischen Nachfolger ernannt', english),
    ).toBeGreaterThanOrEqual(3);
    expect(
      shared('Le conseil a limogé le patron et a nommé un successeur par intérim', english),
    ).toBeGreaterThanOrEqual(3);
    expect(
      shared('El consejo despidió al director y nombró a un sucesor interino', english),
    ).toBeGreaterThanOrEqual(3);
  });

  it('lets a quake, its rescues and its arrests told in Turkish share their words with English', () => {
    expect(
      shared(
        "Malatya'da 6.1 büyüklüğünde bir deprem meydana geldi, enkazdan iki kişi kurtarıldı",
        'A magnitude 6.1 earthquake hit Malatya and two people were rescued from the rubble',
      ),
    ).toBeGreaterThanOrEqual(4);
    expect(
      shared(
        'Polis, çöken binanın müteahhidini gözaltına aldı',
        'Police arrested the contractor of the collapsed building',
      ),
    ).toBeGreaterThanOrEqual(2);
  });

  it("leaves a Turkish word's case ending out: after the apostrophe it is no term", () => {
    const terms = contentTerms(
      "Valilik'ten yapılan açıklamada Malatya'nın merkezinde Ankara'dan gelen ekiplerin çalıştığı belirtildi",
    );
    // Terms are read without marks: "nın" would be "nin".
    for (const ending of ['nin', 'dan']) expect(terms.has(ending)).toBe(false);
  });

  it('lets a relief convoy and a collapse told in other languages share their words', () => {
    expect(
      shared(
        'Ein Hilfskonvoi erreichte die Stadt, wo Häuser eingestürzt sind',
        'An aid convoy reached the town where houses collapsed',
      ),
    ).toBeGreaterThanOrEqual(2);
    expect(
      shared(
        'Les secours fouillent les décombres après l’effondrement',
        'Rescue teams search the rubble after the collapse',
      ),
    ).toBeGreaterThanOrEqual(3);
  });

  it('lets a grounding, a closure, a fine and their compensation told in other languages share their words', () => {
    expect(
      shared(
        'Die Behörde ließ die Flugzeuge mit den betroffenen Triebwerken am Boden, die Passagiere erhalten eine Entschädigung',
        'The authority grounded the planes with the affected engines, and passengers will receive compensation',
      ),
    ).toBeGreaterThanOrEqual(4);
    expect(
      shared(
        'La préfecture a fermé le pont sur le fleuve',
        'The prefecture closed the bridge over the river',
      ),
    ).toBeGreaterThanOrEqual(4);
    expect(
      shared('El regulador impuso una multa a la aerolínea', 'The regulator imposed a fine on the airline'),
    ).toBeGreaterThanOrEqual(2);
  });
});

describe('German days and months written as numbers without the year', () => {
  it.each([
    ['Die Lesung im Hafenmuseum findet am 24.10. um 19 Uhr statt.', '2024-10-24 present'],
    ['Die Fähre lief am 12.10. vor der Küste auf Grund.', '2024-10-12 past'],
    // A listing's weekday, in full or shortened.
    ['Termine: Do, 24.10., 19 Uhr, Lesung im Rathaus.', '2024-10-24 present'],
    ['Am Samstag, 12.10., sank die Fähre.', '2024-10-12 past'],
  ])('%s', (sentence, expected) => {
    expect(datesWithTense(sentence, 'de')).toEqual([expected]);
  });

  it('reads "vom … bis …" as one span', () => {
    expect(
      findDates('Die Ausstellung läuft vom 3.11. bis 24.11. im Hafenmuseum.', new Date(PUBLISHED), {
        language: 'de',
      }).map((m) => [m.date, m.endDate]),
    ).toEqual([['2024-11-03', '2024-11-24']]);
  });

  it('leaves a clock time closing a sentence, and a lower-case "so", alone', () => {
    expect(datesWithTense('Der letzte Zug fährt um 10.11.', 'de')).toEqual([]);
    expect(datesWithTense('Die Gäste gewannen so 3.4. Spiele in Folge.', 'de')).toEqual([]);
  });
});

describe('a past clause and a plan joined by "und", "et", "y", "e" keep their own tenses', () => {
  // Wednesday 16 October 2024: the coming 4 November, and a March gone by.
  it.each([
    ['de', 'Die Fähre war im März gesunken und soll am 4. November geborgen werden.'],
    ['fr', 'Le ferry a coulé en mars et doit être renfloué le 4 novembre.'],
    ['es', 'El ferry se hundió en marzo y está previsto que sea reflotado el 4 de noviembre.'],
    ['it', 'Il traghetto è affondato a marzo e il recupero è previsto il 4 novembre.'],
  ])('%s: %s', (language, sentence) => {
    expect(datesWithTense(sentence, language)).toEqual(['2024-03 past', '2024-11-04 future']);
  });

  it('ends a relative clause set off by commas ("qui", "que", "che") at its closing comma', () => {
    expect(datesWithTense('Le texte, qui sera examiné au Sénat, a été adopté lundi.', 'fr')).toEqual([
      '2024-10-14 past',
    ]);
    expect(datesWithTense('La ley, que ahora pasará al Senado, fue pactada el lunes.', 'es')).toEqual([
      '2024-10-14 past',
    ]);
  });

  it('keeps two months joined by "und" in one clause', () => {
    expect(datesWithTense('Im Februar und im März fuhren keine Fähren.', 'de')[0]).toBe('2024-02 past');
  });
});

describe('a day of the month written alone, in Spanish and Turkish', () => {
  // Wednesday 16 October 2024: the 5th gone by is this month's, the 24th ahead too.
  it.each([
    ['es', 'El ferry encalló el pasado día 5 frente al puerto.', '2024-10-05 past'],
    ['es', 'El juicio comenzará el próximo día 24.', '2024-10-24 future'],
    ['tr', "Feribot ayın 5'inde karaya oturdu.", '2024-10-05 past'],
    ['tr', "Feribot geçen ayın 5'inde karaya oturdu.", '2024-09-05 past'],
  ])('%s: %s', (language, sentence, expected) => {
    expect(datesWithTense(sentence, language)).toEqual([expected]);
  });

  it('leaves a Spanish day with its month to chrono', () => {
    expect(datesWithTense('El ferry encalló el día 5 de marzo.', 'es')).toEqual(['2024-03-05 past']);
  });
});

describe('German "morgen": tomorrow in lower case, the morning capitalised', () => {
  it.each([
    ['Die Ministerin kündigt an, morgen früh das Hafengebiet zu besuchen.', ['2024-10-17 present']],
    ['Der Fährbetrieb soll morgen wieder aufgenommen werden.', ['2024-10-17 future']],
    ['Am Morgen war der Deich gebrochen.', []],
    ['Gestern morgen brach der Deich.', ['2024-10-15 past']],
  ])('%s', (sentence, expected) => {
    expect(datesWithTense(sentence, 'de')).toEqual(expected);
  });
});

describe('a span of two months in other languages is dated by its first month', () => {
  it.each([
    ['de', 'Die Werft wartete zwischen April und Juli 2021 zwölf Fähren.', '2021-04 month'],
    ['de', 'Der Anleger war von Mai bis August 2020 gesperrt.', '2020-05 month'],
    ['fr', 'Le chantier a été fermé de mai à août 2020.', '2020-05 month'],
    ['fr', "D'avril à juillet 2021, douze ferries ont été révisés.", '2021-04 month'],
    // The span turns the year: it began in the year before the one written.
    ['fr', 'Le quai est resté fermé entre décembre et mars 2022.', '2021-12 month'],
    ['es', 'Entre abril y julio de 2021 se revisaron doce transbordadores.', '2021-04 month'],
    ['it', 'Tra aprile e luglio 2021 il cantiere ha revisionato dodici traghetti.', '2021-04 month'],
  ])('%s: %s', (language, sentence, expected) => {
    expect(datesWithPrecision(sentence, language)).toEqual([expected]);
  });

  it('leaves a day that opens a span to chrono', () => {
    expect(datesWithPrecision('Vom 4. Mai bis August 2020 war der Anleger gesperrt.', 'de')[0]).toMatch(
      /-05-04 day$/,
    );
  });
});

describe('a weekday written with a day and month says which year', () => {
  it.each([
    // 3 February is a Saturday in 2024 and a Monday in 2025: the weekday decides, not the tense.
    ['The last screening was on Sat., 3 Feb at the harbour hall.', 'en', '2024-02-03'],
    ['Screening: Saturday, 3 February, harbour hall.', 'en', '2024-02-03'],
    // 8 February 2025 is a Saturday: the reading ahead stands.
    ['The ferry museum reopens on Saturday, 8 February.', 'en', '2025-02-08'],
    ['Die Fähre fährt wieder ab Montag, 3.2.', 'de', '2025-02-03'],
  ])('%s', (sentence, language, date) => {
    expect(findDates(sentence, new Date(PUBLISHED), { language }).map((m) => m.date)).toEqual([date]);
  });
});

describe('a bound with a year of its own in an earlier clause', () => {
  it('books nothing for a day after it: the contract runs until then, the presentation is past', () => {
    // Wednesday 16 October 2024: the Monday gone by is the 14th, the coming one the 21st.
    expect(
      datesWithTense(
        'Der Trainer hatte einen Vertrag bis Juni 2027 unterschrieben und war am Montag vorgestellt worden.',
        'de',
      ),
    ).toEqual(['2024-10-14 past']);
  });

  it('still books the day a bound names itself', () => {
    expect(datesWithTense('Die Brücke bleibt bis Montag gesperrt.', 'de')).toEqual([]);
    expect(datesWithTense('The talks were put off until Monday.', 'en')).toEqual(['2024-10-21 future']);
  });
});

describe('a name that ends like a future verb', () => {
  it.each([
    // Wednesday 16 October 2024: the Tuesday gone by is the 15th, the coming one the 22nd.
    ['fr', 'Le club de l’Albufera a limogé son entraîneur mardi.', '2024-10-15 past'],
    ['fr', 'Le directeur a été remplacé par Paul Ferrera mardi, après trois défaites.', '2024-10-15 past'],
    ['fr', 'La maire de Valera a été réélue mardi, après un second tour serré.', '2024-10-15 past'],
    ['fr', 'Le ministre reviendra sur place mardi.', '2024-10-22 future'],
    ['fr', 'Le maire d’Aurora reviendra sur place mardi.', '2024-10-22 future'],
  ])('is a name, not the verb: %s: %s', (language, sentence, expected) => {
    expect(datesWithTense(sentence, language)).toEqual([expected]);
  });
});

describe('Italian tense', () => {
  it.each([
    // Wednesday 16 October 2024: the nearer Thursday is tomorrow, the 17th; the one gone by the 10th.
    ['Il porto riaprirà giovedì, ha detto il sindaco.', '2024-10-17 future'],
    ['I passeggeri saranno rimborsati giovedì.', '2024-10-17 future'],
    ['Il sindaco ha incontrato i pescatori giovedì.', '2024-10-10 past'],
    ['La nave era stata fermata giovedì.', '2024-10-10 past'],
    // A participle that books a date is no past, and "giovedì" itself is no English "-ed" verb.
    ['La riunione è prevista per giovedì.', '2024-10-17 future'],
    ['Riunione del consiglio giovedì in municipio.', '2024-10-17 present'],
  ])('%s', (sentence, expected) => {
    expect(datesWithTense(sentence, 'it')).toEqual([expected]);
  });
});

describe('Italian days chrono does not read', () => {
  it.each([
    // Wednesday 16 October 2024.
    ['Il capitano del porto si è dimesso stamattina.', '2024-10-16 day'],
    ['Il capitano del porto si è dimesso stamani.', '2024-10-16 day'],
    ['Il capitano del porto si è dimesso questa mattina.', '2024-10-16 day'],
    ['Il porto riaprirà stasera.', '2024-10-16 day'],
    ['Il porto ha chiuso il primo ottobre.', '2024-10-01 day'],
    ['Il porto riaprirà dal primo marzo.', '2025-03-01 day'],
  ])('%s', (sentence, expected) => {
    expect(datesWithPrecision(sentence, 'it')).toEqual([expected]);
  });

  it('leaves "primo" that is no day alone', () => {
    expect(datesWithPrecision('Il primo ministro ha visitato il porto.', 'it')).toEqual([]);
    expect(datesWithPrecision('È il primo traghetto di questo inverno.', 'it')).toEqual([]);
  });
});

describe('a thing named by its date in a future clause', () => {
  it.each([
    // Wednesday 16 October 2024: the 2nd is two weeks gone; "reprendra"/"volverá" must not send it a year ahead.
    ["Le ferry, immobilisé depuis l'avarie du 2 octobre, reprendra du service lundi.", 'fr', '2024-10-02'],
    [
      'El ferry, inmovilizado desde la avería del 2 de octubre, volverá a navegar el lunes.',
      'es',
      '2024-10-02',
    ],
    ['A memorial to the victims of 2 October will be unveiled at the pier.', 'en', '2024-10-02'],
  ])('%s', (sentence, language, date) => {
    expect(findDates(sentence, new Date(PUBLISHED), { language }).map((m) => m.date)[0]).toBe(date);
  });
});

describe('the word that says which weekday, outside chrono’s text', () => {
  it.each([
    // Wednesday 16 October 2024: the coming Tuesday is the 22nd, the one gone by the 15th.
    [
      'Die Reederei kündigte an, am kommenden Dienstag über Entschädigungen zu informieren.',
      'de',
      '2024-10-22',
    ],
    ['Die Reederei hatte am vergangenen Dienstag darüber informiert.', 'de', '2024-10-15'],
  ])('%s', (sentence, language, date) => {
    expect(findDates(sentence, new Date(PUBLISHED), { language }).map((m) => m.date)).toEqual([date]);
  });
});

describe('a month abbreviation at the head of a longer word', () => {
  it('is no date: French "décès" is not December, Dutch "meisjes" not May', () => {
    expect(
      datesWithTense('Le dernier bilan fait état de 14 décès et de 90 blessés dans la région.', 'fr'),
    ).toEqual([]);
    expect(datesWithTense('Bij het ongeluk raakten 3 meisjes gewond.', 'nl')).toEqual([]);
  });

  it('is a date where the word ends with it, and a German compound of a weekday still is', () => {
    expect(datesWithPrecision('Le 14 déc., trois personnes sont mortes dans un incendie.', 'fr')).toEqual([
      '2023-12-14 day',
    ]);
    expect(datesWithPrecision('Am Montagmorgen wurde die Brücke gesperrt.', 'de')).toEqual([
      '2024-10-14 day',
    ]);
  });
});

describe('a month name at the head of a longer word after a preposition', () => {
  it.each([
    ['de', 'Die Fahrgäste warteten im Mailänder Hauptbahnhof auf den letzten Zug.'],
    ['de', 'Die Polizei nahm im Mainzer Stadion zwei Männer fest.'],
    ['es', 'La cooperativa abrió una planta en Mayorga para secar el grano.'],
    ['es', 'La obra de Marzolla fue premiada en la feria de Abrilgo.'],
  ])('is no month: %s: %s', (language, sentence) => {
    expect(datesWithTense(sentence, language)).toEqual([]);
  });

  it('is a month when the word is the name, declined where the language declines it', () => {
    expect(datesWithPrecision('Die Brücke war im Mai gesperrt.', 'de')).toEqual(['2024-05 month']);
    expect(datesWithPrecision('Le port a été fermé en mars.', 'fr')).toEqual(['2024-03 month']);
    expect(datesWithPrecision('Міст закрили у березні.', 'uk')).toEqual(['2024-03 month']);
  });
});

describe('a thing planned for its day, in a past sentence', () => {
  it('is booked for the day nearest publication: "prévue le", "programada el"', () => {
    // Wednesday 16 October 2024: 30 October read back would be last year's.
    expect(datesWithTense('Le maire a annoncé une réunion publique, prévue le 30 octobre.', 'fr')).toEqual([
      '2024-10-30 present',
    ]);
    expect(datesWithTense('El alcalde anunció una reunión, programada el 30 de octubre.', 'es')).toEqual([
      '2024-10-30 present',
    ]);
  });
});
