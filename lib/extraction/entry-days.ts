import type { TextBlock } from './blocks.ts';
import { entryMinuteOfDay } from './furniture.ts';
import type { PageOpening } from './page-opening.ts';

/**
 * A step between two entries' times against the page's order by more than this is midnight passed
 * ("2:47 a.m." above "11:15 p.m." on a newest-first page). Less is an entry out of order: a pinned
 * summary, a correction filed late.
 */
const MIDNIGHT_STEP = 6 * 60;

export interface EntryBlocks {
  /** A live page's entry time line or stamped entry. */
  isEntryTime: (block: TextBlock) => boolean;
  /** A stamp or heading that gives its day: the entries under it are timed from that day afresh. */
  givesDay: (block: TextBlock) => boolean;
  /** Site furniture: a "Show more" under a key-events list. */
  isFurniture: (block: TextBlock) => boolean;
}

/**
 * The entries' times a live page heads its entries with, in order: not a key-events list, whose
 * lines follow one another with no entry text between them (its last line too, above a "Show all").
 */
function headingTimes(all: TextBlock[], kinds: EntryBlocks): Array<{ block: TextBlock; minute: number }> {
  const times: Array<{ block: TextBlock; minute: number }> = [];
  const listed = (block: TextBlock | undefined) => block !== undefined && kinds.isEntryTime(block);
  all.forEach((block, i) => {
    if (!kinds.isEntryTime(block) || listed(all[i - 1]) || listed(all[i + 1])) return;
    const next = all[i + 1];
    if (!next || kinds.isFurniture(next)) return;
    const minute = entryMinuteOfDay(block.text);
    if (minute !== undefined) times.push({ block, minute });
  });
  return times;
}

/**
 * How many days each entry of a live page lies from the day its page or last day stamp gives. A page
 * that times its entries by the clock alone ("11:15 p.m. ET") crosses midnight without saying so: on
 * a newest-first page a time later than the entry above it is the day before, on an oldest-first
 * page a time earlier than the entry above is the day after. Which order a page keeps is what most
 * of its steps within a few hours say. Which entry lies on the page's day is what the page says it
 * opened on (see fromOpening); else its first entry does.
 */
export function entryDayShifts(
  all: TextBlock[],
  kinds: EntryBlocks,
  openingOf: () => PageOpening | undefined = () => undefined,
): Map<TextBlock, number> {
  const times = headingTimes(all, kinds);
  let newer = 0;
  let older = 0;
  for (let k = 1; k < times.length; k++) {
    const step = (times[k]?.minute as number) - (times[k - 1]?.minute as number);
    // Midnight's own step says nothing of the order: it goes against it.
    if (step < 0 && step >= -MIDNIGHT_STEP) newer++;
    if (step > 0 && step <= MIDNIGHT_STEP) older++;
  }
  const newestFirst = newer >= older;
  const minutes = new Map(times.map(({ block, minute }) => [block, minute]));
  const shifts = new Map<TextBlock, number>();
  let shift = 0;
  let previous: number | undefined;
  for (const block of all) {
    const minute = minutes.get(block);
    // A day stamp dates the entries under it afresh.
    if (kinds.givesDay(block)) [shift, previous] = [0, minute];
    if (minute === undefined) continue;
    if (previous !== undefined && minute - previous > MIDNIGHT_STEP && newestFirst) shift--;
    if (previous !== undefined && previous - minute > MIDNIGHT_STEP && !newestFirst) shift++;
    shifts.set(block, shift);
    previous = minute;
  }
  // Read only for a page with entry times and no day stamps: most pages have a "Published" line.
  const opening = times.length > 0 && !all.some(kinds.givesDay) ? openingOf() : undefined;
  return opening ? fromOpening(shifts, times, newestFirst, opening) : shifts;
}

/**
 * A page with no day stamps that says when it opened ("Published 31 December, 21:05 | Updated 1
 * January, 00:52"): its oldest entry was written that day, or the next if timed hours before the page
 * opened. A newest-first page that passed midnight then has its top entries on the later day, not its
 * oldest on the day before.
 */
function fromOpening(
  shifts: Map<TextBlock, number>,
  times: Array<{ block: TextBlock; minute: number }>,
  newestFirst: boolean,
  opening: PageOpening,
): Map<TextBlock, number> {
  const oldest = newestFirst ? times.at(-1) : times[0];
  if (!oldest) return shifts;
  const wanted = opening.days + (oldest.minute < opening.minute - MIDNIGHT_STEP ? 1 : 0);
  const moved = wanted - (shifts.get(oldest.block) ?? 0);
  return moved === 0 ? shifts : new Map([...shifts].map(([block, shift]) => [block, shift + moved]));
}
