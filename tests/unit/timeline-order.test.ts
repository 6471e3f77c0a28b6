import { describe, expect, it } from 'vitest';
import type { DraftEvent } from '../../lib/extraction/event.ts';
import { inTimelineOrder, type TimelineEntry } from '../../lib/extraction/timeline-order.ts';

const PUBLISHED_DAY = '2025-01-10';

const entry = (date: string, yearWritten = false, scheduled = false): TimelineEntry => ({
  drafts: [
    { date, datePrecision: 'day', endDate: null, kind: 'dated', summary: 's', quote: 'q', scheduled },
  ] as DraftEvent[],
  yearWritten,
});
const days = (entries: TimelineEntry[]) => entries.map((e) => e.drafts[0]?.date);

describe('a timeline put in order', () => {
  it('moves an entry that lands after the next one back a year, oldest first', () => {
    const entries = [
      entry('2025-03-14', false, true),
      entry('2024-11-02'),
      entry('2024-12-10'),
      entry('2025-01-05'),
    ];
    inTimelineOrder(entries, PUBLISHED_DAY);
    expect(days(entries)).toEqual(['2024-03-14', '2024-11-02', '2024-12-10', '2025-01-05']);
    // Moved behind publication, it is no longer announced.
    expect(entries[0]?.drafts[0]?.scheduled).toBe(false);
  });

  it('moves an entry that lands after the one before it back a year, newest first', () => {
    const entries = [entry('2025-01-06'), entry('2024-12-11'), entry('2024-11-20'), entry('2025-03-15')];
    inTimelineOrder(entries, PUBLISHED_DAY);
    expect(days(entries)).toEqual(['2025-01-06', '2024-12-11', '2024-11-20', '2024-03-15']);
  });

  it('leaves an entry whose year was written, and a list with no order to read', () => {
    const written = [entry('2025-03-14', true), entry('2024-11-02'), entry('2024-12-10')];
    inTimelineOrder(written, PUBLISHED_DAY);
    expect(days(written)).toEqual(['2025-03-14', '2024-11-02', '2024-12-10']);
    const unclear = [entry('2024-11-06'), entry('2024-12-11'), entry('2024-10-15')];
    inTimelineOrder(unclear, PUBLISHED_DAY);
    expect(days(unclear)).toEqual(['2024-11-06', '2024-12-11', '2024-10-15']);
  });

  it('moves nothing that a year back would not put in order', () => {
    const entries = [
      entry('2025-03-14'),
      entry('2023-11-02', true),
      entry('2024-01-05'),
      entry('2024-02-01'),
    ];
    inTimelineOrder(entries, PUBLISHED_DAY);
    expect(days(entries)).toEqual(['2025-03-14', '2023-11-02', '2024-01-05', '2024-02-01']);
  });

  it('leaves entries a few days out of order where they are', () => {
    const entries = [
      entry('2024-06-18'),
      entry('2024-10-04'),
      entry('2024-10-08'),
      entry('2024-10-03'),
      entry('2024-10-11'),
    ];
    inTimelineOrder(entries, '2024-10-13');
    expect(days(entries)).toEqual(['2024-06-18', '2024-10-04', '2024-10-08', '2024-10-03', '2024-10-11']);
  });

  it('leaves a listing of coming dates, already in order, alone', () => {
    const entries = [
      entry('2025-02-10', false, true),
      entry('2025-02-11', false, true),
      entry('2025-03-01', false, true),
    ];
    inTimelineOrder(entries, PUBLISHED_DAY);
    expect(days(entries)).toEqual(['2025-02-10', '2025-02-11', '2025-03-01']);
    expect(entries.every((e) => e.drafts[0]?.scheduled)).toBe(true);
  });
});
