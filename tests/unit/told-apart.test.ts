import { describe, expect, it } from 'vitest';
import { toldApart } from '../../lib/dedup/told-apart.ts';

describe('one article’s two accounts of a day told apart', () => {
  it.each([
    ['The quay flooded before dawn on Sunday.', 'The quay flooded again at 7:40 p.m.'],
    ['Le quai a été inondé dimanche matin.', 'Le quai a de nouveau été inondé dimanche soir.'],
    ['The mayor opened the bridge on Monday.', 'Also on Monday, the council named a new harbour master.'],
  ])('by times of day or another development: %s / %s', (a, b) => {
    expect(toldApart(a, b)).toBe(true);
  });

  it.each([
    ['The quay flooded before dawn on Sunday.', 'The water reached the quay at 4:10 a.m.'],
    // French "sera" is "will be", not the Italian evening.
    [
      'Le quai a été inondé dimanche matin.',
      'Le quai inondé sera fermé jusqu’à nouvel ordre, a dit le maire.',
    ],
    ['The mayor opened the bridge on Monday.', 'The bridge, opened by the mayor on Monday, cost 4 million.'],
  ])('not when they share a time of day or none: %s / %s', (a, b) => {
    expect(toldApart(a, b)).toBe(false);
  });
});
