import { describe, expect, it } from 'vitest';
import { inferYear } from '../../lib/extraction/index.ts';

const at = (iso: string) => new Date(iso);

describe('inferYear: past tense (news reports what already happened)', () => {
  it('puts a date earlier in the year of publication in that year', () => {
    // "18 June" in an article of mid-October 2024.
    expect(inferYear(6, 18, at('2024-10-13T09:00:00Z'))).toBe(2024);
  });

  it('puts a late-December date in the previous year when the article is from early January', () => {
    expect(inferYear(12, 28, at('2025-01-05T08:00:00Z'))).toBe(2024);
  });

  it('keeps 1 April in the year of publication even though the next 1 April is closer', () => {
    // chrono's forward-looking guess would be 2025-04-01; a report looks back.
    expect(inferYear(4, 1, at('2024-10-13T09:00:00Z'))).toBe(2024);
  });

  it('defaults to the past tense', () => {
    expect(inferYear(12, 28, at('2025-01-05T08:00:00Z'))).toBe(
      inferYear(12, 28, at('2025-01-05T08:00:00Z'), 'past'),
    );
  });

  it('treats the day of publication as this year', () => {
    expect(inferYear(10, 13, at('2024-10-13T09:00:00Z'))).toBe(2024);
  });

  it('allows one day of time-zone slack: the day after publication (UTC) is still this year', () => {
    // Published 23:30 UTC on 13 October is already 14 October in Kyiv or Seoul.
    expect(inferYear(10, 14, at('2024-10-13T23:30:00Z'))).toBe(2024);
    expect(inferYear(10, 14, at('2024-10-13T00:00:00Z'))).toBe(2024);
  });

  it('allows the same slack across New Year: 1 January in an article of 31 December (UTC)', () => {
    // Published 23:30 UTC on 31 December 2024 is 08:30 on 1 January 2025 in Seoul; "on 1 January"
    // is that morning, the same one-day slack as 14 October above, not a date a year earlier.
    expect(inferYear(1, 1, at('2024-12-31T23:30:00Z'))).toBe(2025);
  });

  it('puts a reported date well after publication in the previous year', () => {
    // A report published 13 October 2024 cannot be describing 20 October 2024 as past.
    expect(inferYear(10, 20, at('2024-10-13T09:00:00Z'))).toBe(2023);
  });
});

describe('inferYear: future tense (announcements look forward)', () => {
  it('keeps a later date of the same year in that year', () => {
    // "The summit will open on 15 November", published 13 October 2024.
    expect(inferYear(11, 15, at('2024-10-13T09:00:00Z'), 'future')).toBe(2024);
  });

  it('moves an early-January date into the next year when announced in late December', () => {
    expect(inferYear(1, 10, at('2024-12-20T12:00:00Z'), 'future')).toBe(2025);
  });

  it('treats the day of publication as this year', () => {
    expect(inferYear(10, 13, at('2024-10-13T09:00:00Z'), 'future')).toBe(2024);
  });

  it('allows one day of time-zone slack: the day before publication (UTC) is still this year', () => {
    // Published 01:30 UTC on 13 October is 21:30 on 12 October in New York, where the text
    // "the count will resume on 12 October" means tonight, not next year.
    expect(inferYear(10, 12, at('2024-10-13T01:30:00Z'), 'future')).toBe(2024);
  });
});

describe('inferYear: 29 February', () => {
  it('goes back to the latest leap year when reported', () => {
    expect(inferYear(2, 29, at('2025-03-10T10:00:00Z'))).toBe(2024);
  });

  it('goes forward to the next leap year when announced', () => {
    expect(inferYear(2, 29, at('2025-03-10T10:00:00Z'), 'future')).toBe(2028);
  });

  it('stays in a leap year of publication when that day is on the right side', () => {
    expect(inferYear(2, 29, at('2024-03-10T10:00:00Z'))).toBe(2024);
    expect(inferYear(2, 29, at('2024-01-10T10:00:00Z'), 'future')).toBe(2024);
  });

  it('rejects a day that no month has', () => {
    expect(() => inferYear(2, 30, at('2024-10-13T09:00:00Z'))).toThrow(RangeError);
    expect(() => inferYear(4, 31, at('2024-10-13T09:00:00Z'), 'future')).toThrow(RangeError);
  });
});
