import type { PublicEvent } from './present.ts';
import type { TimelineQuery } from './query.ts';

const DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "18 June 2024", "June 2024" or "2024": an event date as precise as it is, for people. */
export function describeDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  if (year === undefined || Number.isNaN(year)) return date;
  if (month === undefined) return String(year);
  const instant = new Date(Date.UTC(year, month - 1, day ?? 1));
  if (Number.isNaN(instant.getTime())) return date;
  return (day === undefined ? MONTH : DAY).format(instant);
}

/**
 * An event's date with its range end, if it has one: "8 October 2024 – 10 October 2024"; a week
 * by its Monday, "week of 14 October 2024".
 */
export function describeWhen(
  event: Pick<PublicEvent, 'date' | 'endDate'> & Partial<Pick<PublicEvent, 'datePrecision'>>,
): string {
  const start = describeDate(event.date);
  if (event.datePrecision === 'week') return `week of ${start}`;
  return event.endDate ? `${start} – ${describeDate(event.endDate)}` : start;
}

/** The filters of a listing in words, for page and feed titles: "topic russia, from 1 June 2024". */
export function describeFilters(query: Partial<TimelineQuery>): string {
  const parts: string[] = [];
  if (query.topic) parts.push(`topic ${query.topic}`);
  if (query.feed) parts.push(`feed ${query.feed}`);
  if (query.q) parts.push(`“${query.q}”`);
  if (query.from) parts.push(`from ${describeDate(query.from)}`);
  if (query.to) parts.push(`to ${describeDate(query.to)}`);
  return parts.join(', ');
}
