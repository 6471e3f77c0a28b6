import { describe, expect, it } from 'vitest';
import { fromEaster, holidayDay, nthWeekday, thanksgiving } from '../../lib/extraction/holiday-calendar.ts';

describe('the days holidays fall on', () => {
  it('finds Easter Sunday by the Gregorian computus, at both ends of its range', () => {
    const easter = fromEaster(0);
    expect([2000, 2019, 2024, 2025, 2038, 2285].map((year) => holidayDay(easter, year))).toEqual([
      '2000-04-23',
      '2019-04-21',
      '2024-03-31',
      '2025-04-20',
      '2038-04-25',
      '2285-03-22',
    ]);
    expect(holidayDay(fromEaster(-2), 2026)).toBe('2026-04-03');
  });

  it('counts the nth or the last weekday of a month', () => {
    expect(holidayDay(thanksgiving, 2025)).toBe('2025-11-27');
    expect(holidayDay(nthWeekday(5, 1, -1), 2026)).toBe('2026-05-25');
    expect(holidayDay(nthWeekday(1, 1, 3), 2026)).toBe('2026-01-19');
  });
});
