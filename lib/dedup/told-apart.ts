/**
 * Signs that one article's two accounts of a day tell two happenings, whatever words they share: one
 * opens on a word announcing another development ("Also on Monday, the coroner named…",
 * "Separately", "Meanwhile", "Unterdessen", "Par ailleurs"), or the two put their happening at
 * different times of the day ("before dawn" and "at 6:05 p.m.": a quake and its aftershock). One
 * happening has one time.
 */
const ANOTHER_DEVELOPMENT =
  /^\s*(?:also|separately|meanwhile|elsewhere|in (?:a )?separate|in another|in other news|a second|another|par ailleurs|parallèlement|außerdem|zudem|unterdessen|indes|por otra parte|además|asimismo|inoltre)\b/iu;

const MORNING =
  /(?<!\p{L})(?:dawn|daybreak|(?:this|early|in the|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) morning|[0-9]\s?a\.?m\.?|morgens|am morgen|frühmorgens|matin|matinée|madrugada|por la mañana|mattina|sabah)(?!\p{L})/iu;
const EVENING =
  /(?<!\p{L})(?:evening|tonight|(?:[5-9]|1[01])(?::\d\d)?\s?p\.?m\.?|abends?|am abend|soir|soirée|por la noche|de la tarde|in serata|di sera|stasera|akşam)(?!\p{L})|(?:sonntag|montag|dienstag|mittwoch|donnerstag|freitag|samstag)abend/iu;

type PartOfDay = 'morning' | 'evening' | undefined;

function partOfDay(quote: string): PartOfDay {
  const [morning, evening] = [MORNING.test(quote), EVENING.test(quote)];
  return morning === evening ? undefined : morning ? 'morning' : 'evening';
}

/** Whether one article's two accounts of a day tell two happenings by how they are written. */
export function toldApart(a: string, b: string): boolean {
  if (ANOTHER_DEVELOPMENT.test(a) || ANOTHER_DEVELOPMENT.test(b)) return true;
  const [pa, pb] = [partOfDay(a), partOfDay(b)];
  return pa !== undefined && pb !== undefined && pa !== pb;
}
