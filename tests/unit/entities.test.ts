import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { findEntities } from '../../lib/extraction/index.ts';

const SENTENCES = [
  'Governor Alma Ruiz toured the flooded wards of Port Elgin with the Red Cross on Thursday.',
  'Prime Minister Kofi Mensah met Chancellor Ingrid Maier in Vienna, the foreign ministry said.',
  "The United Nations said Doctors Without Borders had reached Lake Chad's northern shore.",
  'Sen. Paula Grant of Ohio asked Boeing and the Federal Aviation Administration for answers.',
];

/** compromise's full parse: what the lean tagging must match. */
function fullParse(text: string) {
  const doc = nlp(text);
  return {
    people: doc.people().out('array') as string[],
    places: doc.places().out('array') as string[],
    organizations: doc.organizations().out('array') as string[],
  };
}

describe('findEntities', () => {
  it('finds people, places and organisations, titles left off people', () => {
    const found = findEntities(SENTENCES[1] as string);
    expect(found.people).toContain('Ingrid Maier');
    expect(found.people.some((name) => /^(?:Prime|Minister|Chancellor)\b/.test(name))).toBe(false);
    expect(found.places).toContain('Vienna');
  });

  it.each(SENTENCES)('tags only what the finders read, with the full parse’s names: %s', (text) => {
    const full = fullParse(text);
    const found = findEntities(text);
    const tidy = (names: string[]) => names.map((n) => n.replace(/[\s,.;:!?’'"“”]+$/u, ''));
    expect(found.places).toEqual([...new Set(tidy(full.places))]);
    expect(found.organizations).toEqual([...new Set(tidy(full.organizations))]);
    expect(found.people.length).toBe(new Set(full.people).size);
  });

  it('reads English only', () => {
    expect(findEntities('Bürgermeisterin Anna Weber besuchte am Montag Köln.', 'de')).toEqual({
      people: [],
      places: [],
      organizations: [],
    });
  });
});
