import { describe, expect, it } from 'vitest';
import { weightedAgreement, weightedTerms } from '../../lib/extraction/index.ts';
import { CORE_ROOTS, CORE_WORDS } from '../../lib/extraction/news-vocabulary.ts';

const terms = (text: string) => [...weightedTerms(text).keys()].sort();

describe('weightedTerms: what a wording is about, in any of the languages news arrives in', () => {
  it('drops French and German function words as it drops English ones', () => {
    expect(terms('Le port de la ville')).toEqual(['port', 'vill']);
    expect(terms('Der Hafen und die Stadt')).toEqual(['port', 'stadt']);
  });

  it('leaves out a German weekday written with its part of the day, as it leaves out the weekday', () => {
    expect(terms('Feuerwehr am Sonntagnachmittag')).toEqual(terms('Feuerwehr am Sonntag'));
    expect(terms('Feuerwehr am Montagabend')).toEqual(terms('Feuerwehr am Montag'));
  });

  it('gives the forms of a verb ending in "e" one root', () => {
    expect(terms('agreed')).toEqual(terms('agrees'));
    expect(terms('closed')).toEqual(terms('closes'));
    expect(terms('fired')).toEqual(terms('fires'));
    // A final "e" the five-letter cut leaves is no word's own: a reader is not reading.
    expect(terms('reader')).not.toEqual(terms('reading'));
  });

  it('meets the people a story counts and what befalls them in each language, as English words', () => {
    const english = terms('Residents fled the hamlet');
    for (const told of [
      'Les habitants fuient le hameau',
      'Die Anwohner sind geflohen',
      'Los vecinos huyeron',
      'Gli abitanti sono fuggiti',
      'Os moradores fugiram',
    ])
      expect(terms(told).filter((term) => english.includes(term))).toEqual(['fled', 'resid']);
  });

  it('drops a word translated to an English stop word, as the English word is dropped', () => {
    // "announced" says nothing of what was announced in English, and so in French and German.
    expect(terms('La mairie a annoncé la fermeture')).toEqual(terms('La mairie a la fermeture'));
    expect(terms('Die Stadt hat die Sperrung bekanntgegeben')).toEqual(terms('Die Stadt hat die Sperrung'));
  });

  it('maps news words of other languages to English by root, compounds by both ends', () => {
    // Raketenangriff = missile + attack; Seeleute = sailors; getötet = killed.
    expect(terms('Raketenangriff: Seeleute getötet')).toEqual(['attac', 'kill', 'missi', 'sailo']);
    // condamné, condamnation: one root, however inflected.
    expect(terms('condamné')).toEqual(terms('condamnation'));
  });

  it('reads a search and rescue in French, German and Spanish as English tells it', () => {
    const english = terms('Divers ended the search for missing miners after recovering two bodies');
    // Taucher = divers; Leichen = bodies; vermisst = missing; Bergleute = miners; Suche = search.
    const german = terms('Taucher bargen zwei Leichen der vermissten Bergleute und beendeten die Suche');
    const french = terms(
      'Les plongeurs ont remonté deux corps de mineurs disparus et mis fin aux recherches',
    );
    const spanish = terms(
      'Los buzos recuperaron dos cuerpos de mineros desaparecidos y terminaron la búsqueda',
    );
    for (const other of [german, french, spanish])
      expect(other).toEqual(expect.arrayContaining(['body', 'miner', 'miss', 'searc']));
    expect(english).toEqual(expect.arrayContaining(['body', 'miner', 'miss', 'searc']));
  });

  it('reads a court, a bail hearing and a guilty plea in German, Spanish and French as English tells it', () => {
    const english = terms(
      'The judge refused bail to the lawyer at the airport court; his partner pleaded guilty',
    );
    // Richterin = judge; Kaution = bail; Anwalt = lawyer; Flughafen = airport; schuldig = guilty.
    const german = terms(
      'Die Richterin lehnte Kaution für den Anwalt am Flughafen ab; seine Partnerin bekannte sich schuldig',
    );
    const spanish = terms('La jueza negó la fianza al abogado del aeropuerto; su socia se declaró culpable');
    const french = terms(
      "Le juge a refusé la caution de l'avocat à l'aéroport; son associée a plaidé coupable",
    );
    for (const other of [german, spanish])
      expect(other).toEqual(expect.arrayContaining(['judg', 'bail', 'lawye', 'airpo', 'guilt']));
    expect(french).toEqual(expect.arrayContaining(['judg', 'lawye', 'airpo', 'guilt']));
    expect(english).toEqual(expect.arrayContaining(['judg', 'bail', 'lawye', 'airpo', 'guilt']));
  });

  it('reads a currency, a budget, a rate rise and a swearing-in in German and Spanish as English does', () => {
    const english = terms(
      'The currency hit a record low after the budget was approved; rates were raised; she was sworn in',
    );
    // Währung = currency; Rekordtief = record low; Haushalt = budget; beschlossen = approved; angehoben = raised.
    const german = terms(
      'Die Währung fiel auf ein Rekordtief, nachdem der Haushalt beschlossen wurde; der Zins wurde angehoben',
    );
    const spanish = terms(
      'La moneda cayó tras aprobarse el presupuesto aprobado; la subida de tipos; juró su cargo',
    );
    expect(german).toEqual(expect.arrayContaining(['curre', 'recor', 'budge', 'appro', 'rat', 'rais']));
    expect(spanish).toEqual(expect.arrayContaining(['curre', 'budge', 'appro', 'rais', 'sworn']));
    expect(english).toEqual(
      expect.arrayContaining(['curre', 'recor', 'budge', 'appro', 'rat', 'rais', 'sworn']),
    );
  });

  it("reads a king's visit, a couple found dead and a river in Spanish, German and French as English does", () => {
    const english = terms('The king visited the river town where an elderly couple was found dead');
    const spanish = terms(
      'El rey recorrió el pueblo del río donde un matrimonio fue hallado sin vida por la muerte',
    );
    const german = terms('Der König besuchte den Ort am Fluss, wo ein Ehepaar tot gefunden wurde');
    const french = terms('Le roi a visité la ville au bord du fleuve où un couple a été retrouvé mort');
    expect(spanish).toEqual(expect.arrayContaining(['king', 'coupl', 'found', 'dead']));
    expect(german).toEqual(expect.arrayContaining(['king', 'visit', 'river', 'coupl', 'found', 'dead']));
    expect(french).toEqual(expect.arrayContaining(['king', 'river', 'coupl', 'found', 'dead']));
    expect(english).toEqual(expect.arrayContaining(['king', 'visit', 'river', 'coupl', 'found', 'dead']));
  });

  it('does not read an English word as a foreign root it happens to begin with', () => {
    // "tué" (killed) is a whole word only: "Tuesday" is not a killing; "process" is not "procès".
    expect(terms('talks on Tuesday')).toEqual(['talk']);
    expect(terms('the process')).toEqual(['proce']);
  });

  it('leaves out units of time as it leaves out days and months: "seconds" is no ordinal "second"', () => {
    expect(terms('Drone lands on the ship in 40 seconds')).toEqual(['40', 'dron', 'land', 'ship']);
    const stopwatch = weightedTerms('Drone lands on the ship in 40 seconds');
    const series = weightedTerms('The second release of the firmware');
    expect(weightedAgreement(stopwatch, series).plain).toBe(0);
    expect(terms('a second ferry sailed')).toContain('secon');
  });

  it('reads a name spelt with and without its accents as one term, and drops an accented stop word', () => {
    expect(terms('Kılıçdaroğlu visited Şanlıurfa')).toEqual(terms('Kilicdaroglu visited Sanliurfa'));
    expect(terms('Yardım dün geldi')).toEqual(terms('Yardim geldi'));
  });

  it('does not weigh a translated German noun as a name for being capitalised', () => {
    expect(weightedTerms('Ein Angriff').get('attac')).toBe(0.5);
  });
});

describe('weightedAgreement', () => {
  it('counts the shared plain words, the ones saying what happened rather than who', () => {
    const a = weightedTerms('Seoul says North Korea is likely to send troops to Ukraine');
    const b = weightedTerms('Kyiv says North Korean troops are already present in Ukraine');
    expect(weightedAgreement(a, b).plain).toBe(1);
    expect(weightedAgreement(a, weightedTerms('Officials say North Korea will send troops')).plain).toBe(2);
  });

  it('does not count a capitalised first word as a plain word: headlines start with names', () => {
    const wins = weightedTerms('Vasko wins the runoff');
    const concedes = weightedTerms('Vasko concedes the runoff');
    expect(weightedAgreement(wins, concedes).plain).toBe(1);
  });

  it('gives a short text inside a long one full overlap, but not full dice', () => {
    const { overlap, dice } = weightedAgreement(
      weightedTerms('Trial opens'),
      weightedTerms(
        'The trial of the former minister opens in the capital as thousands protest outside the court building',
      ),
    );
    expect(overlap).toBe(1);
    expect(dice).toBeLessThan(0.5);
  });
});

describe('the core news vocabulary of other languages', () => {
  const shared = (a: string, b: string) => terms(a).filter((term) => terms(b).includes(term));

  it('reads a boat turning over and going down in German, French, Spanish and Italian as English tells it', () => {
    const english = 'The tug capsized in the gale and sank off the headland';
    for (const other of [
      'Der Schlepper kenterte im Sturm und sank vor der Landzunge',
      'Le remorqueur a chaviré dans la tempête et a coulé au large du cap',
      'El remolcador volcó durante el temporal y se hundió frente al cabo',
      'Il rimorchiatore si è capovolto nella burrasca ed è affondato al largo del promontorio',
    ])
      expect(shared(english, other)).toEqual(expect.arrayContaining(['capsi', 'sink']));
  });

  it('reads a derailment, an evacuation and a blast in German, French and Spanish as English tells it', () => {
    const english = 'A tanker train derailed, the depot was evacuated after an explosion';
    for (const other of [
      'Ein Kesselzug entgleiste, das Depot wurde nach einer Explosion evakuiert',
      "Un train-citerne a déraillé, le dépôt a été évacué après l'explosion",
      'Un tren cisterna descarriló y el depósito fue evacuado tras la explosión',
    ])
      expect(shared(english, other)).toEqual(expect.arrayContaining(['derai', 'evacu', 'explo']));
  });

  it('reads a failure that grounds flights and a resignation in Spanish and Italian as English tells it', () => {
    const english = 'The carrier cancelled flights after a systems failure, and its chief resigned';
    for (const other of [
      'La compañía canceló vuelos tras una avería de sus sistemas, y su presidente dimitió',
      'La compagnia ha cancellato i voli dopo un guasto ai sistemi e il presidente si è dimesso',
    ])
      expect(shared(english, other)).toEqual(expect.arrayContaining(['cance', 'failu', 'resig']));
  });

  it('keeps its roots long and plain, and none begins a common English word', () => {
    const roots = CORE_ROOTS.split(/\s+/)
      .filter(Boolean)
      .map((pair) => pair.split(':')[0] as string);
    const words = CORE_WORDS.split(/\s+/)
      .filter(Boolean)
      .map((pair) => pair.split(':')[0] as string);
    expect(roots.length).toBeGreaterThan(300);
    expect(new Set(roots).size).toBe(roots.length);
    for (const key of [...roots, ...words]) expect(key).toMatch(/^[a-z]+$/);
    for (const root of roots) expect(root.length).toBeGreaterThanOrEqual(5);
    // Words news writes that a careless root would begin: each would be read as another language's.
    const english = ['blessed', 'banquet', 'governor', 'destitute', 'perquisite', 'panned', 'denunciation'];
    for (const word of english) expect(roots.filter((root) => word.startsWith(root))).toEqual([]);
  });
});
