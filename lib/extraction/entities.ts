import nlp from 'compromise';
import { withoutMarks } from './fold.ts';

/** Who and where an event is about: used to filter the timeline and to tell events apart. */
export interface Entities {
  people: string[];
  places: string[];
  organizations: string[];
}

export const NO_ENTITIES: Entities = { people: [], places: [], organizations: [] };

const TITLES =
  /^(?:(?:president|prime minister|minister|general|secretary(?: general)?|chancellor|senator|governor|mayor|king|queen|prince|pope|judge|justice|dr|mr|mrs|ms|sir|lady|lord|leader|chief|commander|spokes(?:man|woman|person)|ambassador|defen[cs]e minister|foreign minister)\.?\s+)+/i;

function clean(names: string[], stripTitles = false): string[] {
  const tidy = names
    .map((name) => name.replace(/[\s,.;:!?’'"“”]+$/u, '').replace(/^[\s"“‘']+/u, ''))
    .map((name) => (stripTitles ? name.replace(TITLES, '') : name))
    .filter((name) => /\p{Lu}/u.test(name) && name.length > 1);
  return [...new Set(tidy)];
}

/**
 * What the name finders read: the tagger's steps after tokenising. `nlp()` also runs the chunker,
 * typeahead and freezing, which no finder here reads (the same names without them, a tenth of the
 * tagging time: measured on the feed corpus's event summaries).
 */
const TAGGING = ['index', 'id', 'lexicon', 'preTagger', 'contractionTwo', 'postTagger'];

/** Named people, places and organisations in English text (compromise); other languages get none. */
export function findEntities(text: string, language = 'en'): Entities {
  if (!language.toLowerCase().startsWith('en')) return NO_ENTITIES;
  // tokenize() is typed as the bare view; once tagged it is the full document nlp() gives.
  const doc = nlp.tokenize(text).compute(TAGGING) as ReturnType<typeof nlp>;
  // Most summaries name no one of a kind; a finder's match is a whole sweep of the text, a tag test
  // a walk over its words. Each finder's match starts on a word with one of its tags.
  const names = (tags: string[], finder: () => { out(format: 'array'): unknown }) =>
    hasTag(doc, tags) ? (finder().out('array') as string[]) : [];
  return {
    people: clean(
      names(['Person'], () => doc.people()),
      true,
    ),
    places: clean(names(['Place', 'Address'], () => doc.places())),
    organizations: clean(names(['Organization'], () => doc.organizations())),
  };
}

type Tagged = { document: Array<Array<{ tags: Set<string> }>> };

function hasTag(doc: unknown, tags: string[]): boolean {
  return (doc as Tagged).document.some((words) =>
    words.some((word) => tags.some((tag) => word.tags.has(tag))),
  );
}

/** "North Korea" → "north-korea": a place as a topic slug. */
export function topicSlug(name: string): string {
  return withoutMarks(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
