import type { FeedEntry } from './parse.ts';

/**
 * The window an item's date must fall in to be believed: from the Unix epoch to two days after the
 * poll. Two days absorbs a newsroom's wrong time zone or a scheduled post; anything later (a typo'd
 * year, `Sat, 01 Jan 10000`) or earlier is treated as no date, so the item is dated when first seen.
 * Such a date once reached the stored state as `+010000-…`, which no later read could parse.
 */
export const ITEM_DATE_WINDOW = { earliest: Date.UTC(1970, 0, 1), aheadMs: 2 * 24 * 3_600_000 };

/** The item's date when it lies in the window, else undefined. */
export function itemDate(iso: string | undefined, now: Date): string | undefined {
  if (!iso) return undefined;
  const time = Date.parse(iso);
  const ok = time >= ITEM_DATE_WINDOW.earliest && time <= now.getTime() + ITEM_DATE_WINDOW.aheadMs;
  return ok ? new Date(time).toISOString() : undefined;
}

/**
 * Entries with their dates bounded: a date outside the window is dropped (with the UTC offset it
 * was written in), and `refused` counts them so the feed's health can say so.
 */
export function boundedEntries(entries: FeedEntry[], now: Date): { entries: FeedEntry[]; refused: number } {
  let refused = 0;
  const bounded = entries.map((entry) => {
    const publishedAt = itemDate(entry.publishedAt, now);
    if (publishedAt || !entry.publishedAt) return publishedAt ? { ...entry, publishedAt } : entry;
    refused++;
    const { publishedAt: _date, utcOffsetMinutes: _offset, ...undated } = entry;
    return undated;
  });
  return { entries: bounded, refused };
}

/** Text from outside kept to a length a DynamoDB item holds many times over; longer is not kept. */
export const MAX_STORED_TEXT = 1_024;

/** A header value or URL worth storing: present and short enough, else undefined. */
export const storable = (text: string | undefined): string | undefined =>
  text && text.length <= MAX_STORED_TEXT ? text : undefined;

/** A message cut to a length fit for a log line and a state item. */
export const truncated = (text: string, max = 300): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;
