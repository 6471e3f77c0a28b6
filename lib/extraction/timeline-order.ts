import { daysBetween, shiftYears } from './calendar.ts';
import type { DraftEvent } from './event.ts';

/** One dated entry of a timeline: the drafts it gave (its day first) and whether it wrote its year. */
export interface TimelineEntry {
  drafts: DraftEvent[];
  yearWritten: boolean;
}

const yearBack = (date: string) => shiftYears(date, -1);
const dayOfEntry = (entry: TimelineEntry) => entry.drafts[0]?.date ?? '';

/**
 * Whether most neighbouring entries ascend (oldest first), descend (newest first), or neither, read
 * with each day at its latest not after publication: an entry the nearer reading put ahead would
 * otherwise count against the very order it breaks.
 */
function orderOf(
  entries: TimelineEntry[],
  publishedDay: string,
): 'oldest first' | 'newest first' | undefined {
  const days = entries.map((entry) => {
    const day = dayOfEntry(entry);
    return entry.yearWritten || day <= publishedDay ? day : yearBack(day);
  });
  let balance = 0;
  for (let i = 1; i < days.length; i++)
    balance += Math.sign((days[i] as string).localeCompare(days[i - 1] as string));
  return balance > 0 ? 'oldest first' : balance < 0 ? 'newest first' : undefined;
}

/**
 * Whether a day the year was not written for is a year too late for its neighbour: after it by more
 * than a timeline's usual disorder ("8 October" before "3 October"), and before it a year back. "2
 * December" told before "14 March" is a year-end the nearer reading missed.
 */
const yearTooLate = (day: string, limit: string) =>
  // 29 February has no day a year back.
  !day.endsWith('-02-29') &&
  daysBetween(day, limit) > OUT_OF_ORDER_DAYS &&
  day > limit &&
  yearBack(day) <= limit;
const OUT_OF_ORDER_DAYS = 31;

function moveBack(entry: TimelineEntry, publishedDay: string): void {
  for (const draft of entry.drafts) {
    draft.date = yearBack(draft.date);
    if (draft.endDate) draft.endDate = yearBack(draft.endDate);
    draft.scheduled = draft.scheduled && draft.date > publishedDay.slice(0, draft.date.length);
  }
}

/**
 * A timeline runs in order: "14 March: …", "2 November: …", "5 January: …" in a January article are
 * last March, November and this January, though "14 March" alone reads as the coming one (the nearer
 * reading of a day written without its year). An entry whose year was not written and that comes
 * out later than the entry told after it (oldest first) or before it (newest first) moves back a
 * year, when it is more than a month out and a year back puts it in order; the order is what most
 * neighbouring entries show.
 */
export function inTimelineOrder(entries: TimelineEntry[], publishedDay: string): void {
  const order = orderOf(entries, publishedDay);
  if (!order) return;
  const indices = entries.map((_, i) => i);
  // Oldest first: from the last entry up, each against the one after it; newest first: from the top down.
  const walk = order === 'oldest first' ? indices.slice(0, -1).reverse() : indices.slice(1);
  const neighbour = order === 'oldest first' ? 1 : -1;
  for (const i of walk) {
    const entry = entries[i] as TimelineEntry;
    const limit = dayOfEntry(entries[i + neighbour] as TimelineEntry);
    const day = dayOfEntry(entry);
    if (!entry.yearWritten && yearTooLate(day, limit)) moveBack(entry, publishedDay);
  }
}
