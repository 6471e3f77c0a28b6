import type { TimelineEvent } from './event.ts';

/**
 * Events sort by the first day they can mean: a month-precision date as day 00 of its month and a
 * year as 00-00, so "2024-06" sorts at the start of June and a June-range query still finds it.
 */
export function sortDate(date: string): string {
  const [year, month = '00', day = '00'] = date.split('-');
  return `${year}-${month}-${day}`;
}

export function sortKeyOf(event: Pick<TimelineEvent, 'date' | 'id'>): string {
  return `${sortDate(event.date)}#${event.id}`;
}

/** Inclusive YYYY-MM-DD bounds as sort-key bounds; a bound on the 1st also takes in the month's and year's own entries. */
export function sortKeyBounds(from?: string, to?: string): { lower: string; upper: string } {
  let lower = from ?? '0000-00-00';
  if (lower.endsWith('-01')) lower = `${lower.slice(0, 8)}00`;
  if (lower.endsWith('-01-00')) lower = `${lower.slice(0, 5)}00-00`;
  return { lower, upper: `${to ?? '9999-99-99'}#~` };
}
