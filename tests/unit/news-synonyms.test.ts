import { describe, expect, it } from 'vitest';
import { weightedAgreement, weightedTerms } from '../../lib/extraction/index.ts';

const terms = (text: string) => [...weightedTerms(text).keys()].sort();
const plainShared = (a: string, b: string) => weightedAgreement(weightedTerms(a), weightedTerms(b)).plain;

describe('English synonyms of one news action compare as one word', () => {
  it('a return told as "reinstated", "comeback" or "returns" is one return', () => {
    // Two outlets on one day: one says the founder was reinstated, the other that she returns.
    expect(plainShared('Founder Lena Dahl reinstated as chief', 'Lena Dahl returns to lead the mill')).toBe(
      1,
    );
    expect(terms('comeback')).toEqual(terms('returned'));
  });

  it('a foreign root lands on the same word as its English synonyms', () => {
    // German "Rückkehr" and French "retour" against an English "reinstatement".
    expect(terms('Rückkehr')).toEqual(terms('reinstatement'));
    expect(terms('retour')).toEqual(terms('reinstated'));
  });

  it('rescuers and a rescue share what happened', () => {
    expect(plainShared('Rescuers pulled a boy from the flats', 'Boy saved in dawn rescue')).toBe(1);
  });

  it('leaves words that only begin like a synonym alone', () => {
    // Whole words only: reinstalling a server is not reinstating a chief.
    expect(terms('reinstall')).not.toEqual(terms('reinstate'));
    expect(terms('reinstate')).toEqual(terms('return'));
  });
});
