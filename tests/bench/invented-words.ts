/**
 * Words no real article uses ("zq…"), from a seeded generator: the same run gives the same words,
 * and nothing they are written into can match a real event or another invented one by chance.
 */
export function inventedWords(seed: number): () => string {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return `zq${state.toString(36)}`;
  };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Invented words that differ in their first five letters, where matching cuts its terms
 * (weightedTerms): two texts written from them share no term by chance, so a day's distinct
 * events stay distinct however many there are (456,976 words before they repeat).
 */
export function distinctWords(): () => string {
  let next = 0;
  return () => {
    let n = next++;
    let word = '';
    for (let i = 0; i < 4; i++, n = Math.floor(n / 26)) word = `${LETTERS[n % 26]}${word}`;
    return `v${word}ex`;
  };
}
