import { describe, expect, it } from 'vitest';
import { toldApart } from '../../lib/dedup/told-apart.ts';

describe('one article’s two accounts of a day told apart', () => {
  it.each([
    ['The quay flooded before dawn on Sunday.', 'The quay flooded again at 7:40 p.m.'],
    ['Le quai a été inondé dimanche matin.', 'Le quai a de nouveau été inondé dimanche soir.'],
    ['The mayor opened the bridge on Monday.', 'Also on Monday, the council named a new harbour master.'],
    [
      'The port authority closed the north pier on Tuesday evening.',
      'Additionally, the harbour master was told that evening that he would lead the inquiry.',
    ],
    [
      'Die Hafenbehörde sperrte am Dienstagabend den Nordpier.',
      'Darüber hinaus wurde der Hafenmeister am selben Abend beurlaubt.',
    ],
    // a further one of a kind, wherever in the sentence
    ['A dam burst upstream on Friday.', 'Hours later a second dam gave way near the village.'],
    ['Am Freitag stürzte eine Brücke ein.', 'Kurz darauf folgte ein zweites Unglück am Hafen.'],
    // the part of the day: compounds, noon, and the 24-hour clock
    ['In der Nacht zum Freitag brach der Damm.', 'Am Freitagabend gab ein zweiter Damm nach.'],
    ['Le barrage a cédé à l’aube.', 'Peu avant midi, la digue a lâché à son tour.'],
    ['Der Damm brach um 04:20 Uhr.', 'Die Deichmauer gab um 19:15 Uhr nach.'],
    ['The levee failed at 3.10am.', 'The second levee failed at 6.15pm.'],
    ['The levee failed before dawn.', 'The harbour wall gave way at noon.'],
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
    // a count of times or days is no further happening
    ['Strikers marched on Friday.', 'It was a second day of marches on Friday, police said.'],
    ['The quay flooded on Friday.', 'The quay flooded for a second time this year on Friday.'],
    // one clock, two ways of writing it
    ['Der Damm brach gegen 22:40 Uhr.', 'Der Dammbruch am Freitagabend überraschte die Behörden.'],
    // a figure with a point is no clock
    ['The shares fell 4.50 percent on Friday.', 'The shares closed lower on Friday evening.'],
  ])('not when they share a time of day or none: %s / %s', (a, b) => {
    expect(toldApart(a, b)).toBe(false);
  });
});
