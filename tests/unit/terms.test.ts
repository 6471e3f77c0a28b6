import { describe, expect, it } from 'vitest';
import { weightedAgreement, weightedTerms } from '../../lib/extraction/index.ts';

const terms = (text: string) => [...weightedTerms(text).keys()].sort();

describe('weightedTerms: what a wording is about, in any of the languages news arrives in', () => {
  it('drops French and German function words as it drops English ones', () => {
    expect(terms('Le port de la ville')).toEqual(['port', 'ville']);
    expect(terms('Der Hafen und die Stadt')).toEqual(['port', 'stadt']);
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

  it('does not read an English word as a foreign root it happens to begin with', () => {
    // "tué" (killed) is a whole word only: "Tuesday" is not a killing; "process" is not "procès".
    expect(terms('talks on Tuesday')).toEqual(['talk']);
    expect(terms('the process')).toEqual(['proce']);
  });

  it('leaves out units of time as it leaves out days and months: "seconds" is no ordinal "second"', () => {
    expect(terms('Drone lands on the ship in 40 seconds')).toEqual(['40', 'drone', 'land', 'ship']);
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
