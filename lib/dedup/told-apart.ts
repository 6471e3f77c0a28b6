import { clockTimesOf, ENGLISH_WEEKDAY, GERMAN_WEEKDAYS } from '../extraction/index.ts';

/**
 * Signs that one article's two accounts of a day tell two happenings, whatever words they share: one
 * opens on a word announcing another development ("Also on Monday, the coroner named…",
 * "Additionally", "Separately", "Meanwhile", "Darüber hinaus", "Par ailleurs"), or counts its
 * happening as a further one of a kind ("a second quake", "ein zweites Erdbeben", "une deuxième
 * explosion"), or the two put their happening at different parts of the day ("before dawn" and "at
 * 6:05 p.m.", "in der Nacht zum Sonntag" and "am Sonntagabend", "à l'aube" and "peu avant midi": a
 * quake and its aftershock). One happening has one time.
 */
const ANOTHER_DEVELOPMENT =
  /^\s*(?:also|additionally|in addition|darüber hinaus|en outre|de plus|separately|meanwhile|elsewhere|in (?:a )?separate|in another|in other news|a second|another|par ailleurs|parallèlement|außerdem|zudem|unterdessen|indes|por otra parte|además|asimismo|inoltre)\b/iu;

/** An ordinal that makes a happening the next of its kind; "for a second time", "a second day" count no happening. */
const A_FURTHER_ONE =
  /(?<!\p{L})(?:a second|ein(?:e|en)? zweite[nrs]?|une? (?:second|seconde|deuxième)|un segundo|una segunda|un secondo|una seconda)(?!\p{L})(?!\s+(?:time|day|week|night|year|mal|fois|vez|volta)\b)/iu;

const WEEKDAY_DE = `(?:${GERMAN_WEEKDAYS.join('|')})`;

/** Words for the parts of a day; clock times are read by the extraction's one clock reader. */
const MORNING = new RegExp(
  String.raw`(?<!\p{L})(?:dawn|daybreak|overnight|(?:early|small) hours|(?:this|early|in the|${ENGLISH_WEEKDAY}) morning|morgens|am morgen|frühmorgens|${WEEKDAY_DE}morgen|in der nacht zu[mr]?|matin|matinée|aube|madrugada|por la mañana|mattina|alba|sabah)(?!\p{L})`,
  'iu',
);
const MIDDAY = new RegExp(
  String.raw`(?<!\p{L})(?:noon|midday|afternoon|mittags?|nachmittags?|${WEEKDAY_DE}(?:nach)?mittag|midi|après-midi|mediodía|pomeriggio|öğle(?:den sonra)?)(?!\p{L})`,
  'iu',
);
const EVENING = new RegExp(
  String.raw`(?<!\p{L})(?:evening|tonight|${ENGLISH_WEEKDAY} night|abends?|am abend|${WEEKDAY_DE}abend|soir|soirée|por la noche|de la tarde|in serata|di sera|stasera|akşam)(?!\p{L})`,
  'iu',
);

type PartOfDay = 'morning' | 'midday' | 'evening';

/** The part of the day of an account's first clock time: a second one is the same moment restated ("6:05 p.m. (1605 GMT)"). */
function clockPart(quote: string): PartOfDay | undefined {
  const [first] = clockTimesOf(quote);
  if (first === undefined) return undefined;
  const hour = Number(first.slice(0, 2));
  return hour < 12 ? 'morning' : hour < 17 ? 'midday' : 'evening';
}

/** The one part of the day an account puts its happening in, if it names exactly one. */
function partOfDay(quote: string): PartOfDay | undefined {
  const parts = new Set<PartOfDay>();
  if (MORNING.test(quote)) parts.add('morning');
  if (MIDDAY.test(quote)) parts.add('midday');
  if (EVENING.test(quote)) parts.add('evening');
  const clock = clockPart(quote);
  if (clock) parts.add(clock);
  return parts.size === 1 ? [...parts][0] : undefined;
}

/** Whether one article's two accounts of a day tell two happenings by how they are written. */
export function toldApart(a: string, b: string): boolean {
  if (ANOTHER_DEVELOPMENT.test(a) || ANOTHER_DEVELOPMENT.test(b)) return true;
  if (A_FURTHER_ONE.test(a) !== A_FURTHER_ONE.test(b)) return true;
  const [pa, pb] = [partOfDay(a), partOfDay(b)];
  return pa !== undefined && pb !== undefined && pa !== pb;
}
