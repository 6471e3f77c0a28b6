import { describe, expect, it } from 'vitest';
import { weightedAgreement, weightedTerms } from '../../lib/extraction/index.ts';

const terms = (text: string) => [...weightedTerms(text).keys()].sort();
const plainShared = (a: string, b: string) => weightedAgreement(weightedTerms(a), weightedTerms(b)).plain;

describe('English synonyms of one news action compare as one word', () => {
  it('a dismissal told as "fired", "ousted", "sacked" or "dismissed" is one dismissal', () => {
    // Two outlets on one day: one says the coach was ousted, the other that the club sacked him.
    expect(plainShared('Rovers ousted coach Piet Laan', 'Club sacked Piet Laan after defeat')).toBe(1);
    expect(terms('dismissal')).toEqual(terms('fired'));
    expect(terms('termination')).toEqual(terms('ousting'));
  });

  it('a foreign root lands on the same word as its English synonyms', () => {
    // German "entlassen", French "limogé" and "abgesetzt" against English "ousted".
    expect(terms('entlassen')).toEqual(terms('ousted'));
    expect(terms('limogé')).toEqual(terms('sacked'));
    expect(terms('abgesetzt')).toEqual(terms('dismissed'));
  });

  it('leaves words that only begin like a synonym alone', () => {
    // Whole words only: a dismissive remark is not a dismissal.
    expect(terms('dismissive')).not.toEqual(terms('dismissed'));
  });
});
