import { dayOf, shiftYears } from './calendar.ts';
import type { DateMention } from './mention.ts';

/** A year the text gives itself: written, or in words ("last year", "l'an dernier", "del año pasado"). */
const YEAR_GIVEN = /\d{4}|\byear\b|l['’]an\b|année|año|jahr|anno|\bano\b/i;

/**
 * A day written without its year, read under a stamp's or a heading's day ("Wednesday, March 5" over
 * a chronology), that the past puts a year back ("announced on March 14", in an explainer published
 * on 27 March): its day in the stamp's own year lies after the stamp and by the page's publication.
 * The text was written after the stamp's day then, as the paragraphs past a chronology's last heading
 * are, and the year a writer leaves out is the one the page is written in.
 */
export function withinPageYear(
  mentions: DateMention[],
  reference: Date,
  pageAt: Date | undefined,
): DateMention[] {
  if (!pageAt || pageAt.getTime() <= reference.getTime()) return mentions;
  const [stamped, page] = [dayOf(reference), dayOf(pageAt)];
  return mentions.map((mention) => {
    if (mention.precision !== 'day' || YEAR_GIVEN.test(mention.text)) return mention;
    const moved = shiftYears(mention.date, 1);
    if (mention.date >= stamped || moved <= stamped || moved > page) return mention;
    return { ...mention, date: moved, endDate: mention.endDate && shiftYears(mention.endDate, 1) };
  });
}
