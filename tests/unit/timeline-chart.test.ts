import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binEvents,
  firstDayOf,
  isoDay,
  MAX_YEAR_BINS,
  MIN_BINS,
  tierOf,
  unitFor,
} from '../../lib/timeline/chart.ts';
import { describeBin, timelineChart } from '../../lib/timeline/html/chart.ts';
import { type JSXNode, render } from '../../lib/timeline/html/markup.ts';
import { TimelineQuerySchema } from '../../lib/timeline/index.ts';

const on = (date: string, sourceCount = 1) => ({ date, sourceCount });

describe('binning events for the chart', () => {
  it('picks day, week, month or year bins from the span the events cover', () => {
    expect(unitFor(0)).toBe('day');
    expect(unitFor(30)).toBe('day');
    expect(unitFor(31)).toBe('week');
    expect(unitFor(181)).toBe('week');
    expect(unitFor(182)).toBe('month');
    expect(unitFor(366 * 6)).toBe('year');
  });

  it('counts a fortnight per day, every day present, empty ones too', () => {
    const chart = binEvents([on('2024-10-03'), on('2024-10-08', 3), on('2024-10-08'), on('2024-10-16')]);
    expect(chart?.unit).toBe('day');
    expect(chart?.bins).toHaveLength(14);
    expect(chart?.bins[0]).toMatchObject({ from: '2024-10-03', to: '2024-10-03', total: 1 });
    expect(chart?.bins[5]).toEqual({ from: '2024-10-08', to: '2024-10-08', total: 2, byTier: [1, 1, 0] });
    expect(chart?.bins.at(-1)?.from).toBe('2024-10-16');
    expect(chart?.bins.filter((bin) => bin.total === 0)).toHaveLength(11);
  });

  it('counts a season per ISO week, each bin Monday to Sunday', () => {
    const chart = binEvents([on('2024-06-18'), on('2024-10-16', 7), on('2024-10-14')]);
    expect(chart?.unit).toBe('week');
    expect(chart?.bins[0]).toMatchObject({ from: '2024-06-17', to: '2024-06-23', total: 1 });
    expect(chart?.bins.at(-1)).toEqual({ from: '2024-10-14', to: '2024-10-20', total: 2, byTier: [1, 0, 1] });
    for (const bin of chart?.bins ?? []) expect(new Date(`${bin.from}T00:00:00Z`).getUTCDay()).toBe(1);
  });

  it('counts years of news per month, a month-precision event in its month', () => {
    const chart = binEvents([on('2023-02-14'), on('2024-06'), on('2024-06-30', 2)]);
    expect(chart?.unit).toBe('month');
    expect(chart?.bins[0]).toMatchObject({ from: '2023-02-01', to: '2023-02-28' });
    const june = chart?.bins.find((bin) => bin.from === '2024-06-01');
    expect(june).toEqual({ from: '2024-06-01', to: '2024-06-30', total: 2, byTier: [1, 1, 0] });
  });

  it('puts a month or year event in the bin of its first day, whose listing also finds it', () => {
    const chart = binEvents([on('2024-10'), on('2024-10-09')]);
    expect(chart?.unit).toBe('day');
    expect(chart?.bins.find((bin) => bin.from === '2024-10-01')?.total).toBe(1);
  });

  it('pads a lone event with the empty periods around it', () => {
    const chart = binEvents([on('2024-10-08', 5)]);
    expect(chart?.bins).toHaveLength(MIN_BINS);
    expect(chart?.bins.map((bin) => bin.from)).toEqual([
      '2024-10-05',
      '2024-10-06',
      '2024-10-07',
      '2024-10-08',
      '2024-10-09',
      '2024-10-10',
      '2024-10-11',
    ]);
    expect(chart?.bins[3]?.byTier).toEqual([0, 0, 1]);
  });

  it('spreads to the listing’s date filters when they are near, not when they are far', () => {
    const october = binEvents([on('2024-10-08')], { from: '2024-10-01', to: '2024-10-31' });
    expect(october?.bins.map((bin) => bin.from)).toEqual(
      Array.from({ length: 31 }, (_, i) => `2024-10-${String(i + 1).padStart(2, '0')}`),
    );
    const century = binEvents([on('2024-10-08'), on('2024-10-09')], { from: '1900-01-01' });
    expect(century?.unit).toBe('day');
    expect(century?.bins[0]?.from).toBe('2024-10-05');
  });

  it('widens year bins over centuries so the chart stays small', () => {
    const chart = binEvents([on('0012'), on('1945-05-08'), on('2024-10-08')]);
    expect(chart?.unit).toBe('year');
    expect(chart?.bins.length).toBeLessThanOrEqual(MAX_YEAR_BINS + 1);
    expect(chart?.bins[0]?.from).toBe('0000-01-01');
    expect(chart?.bins.reduce((sum, bin) => sum + bin.total, 0)).toBe(3);
  });

  it('keeps padding within the calendar a date can name', () => {
    const last = binEvents([on('9999-12-30')]);
    expect(last?.bins.at(-1)?.to).toBe('9999-12-31');
    expect(last?.bins).toHaveLength(MIN_BINS);
    expect(binEvents([on('0000-01-01')])?.bins[0]?.from).toBe('0000-01-01');
  });

  it('tiers events by how many outlets reported them', () => {
    expect([1, 2, 4, 5, 900].map(tierOf)).toEqual([0, 1, 1, 2, 2]);
  });

  it('has nothing to chart without events', () => {
    expect(binEvents([])).toBeUndefined();
  });

  it('reads and writes calendar days, early years included', () => {
    expect(isoDay(firstDayOf('2024-02-29'))).toBe('2024-02-29');
    expect(isoDay(firstDayOf('0099-12'))).toBe('0099-12-01');
    expect(isoDay(firstDayOf('1970'))).toBe('1970-01-01');
  });

  const eventDate = fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
    )
    .chain(([y, m, d]) => {
      const pad = (n: number, w: number) => String(n).padStart(w, '0');
      return fc.constantFrom(
        `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`,
        `${pad(y, 4)}-${pad(m, 2)}`,
        pad(y, 4),
      );
    });

  it('counts every event once, in a bin that holds its first day, bins contiguous and bounded', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ date: eventDate, sourceCount: fc.integer({ min: 1, max: 50 }) }), {
          minLength: 1,
          maxLength: 40,
        }),
        (events) => {
          const chart = binEvents(events);
          if (!chart) throw new Error('no chart for events');
          expect(chart.bins.reduce((sum, bin) => sum + bin.total, 0)).toBe(events.length);
          // At most 31 days, 27 weeks, 73 months or 61 year bins.
          expect(chart.bins.length).toBeLessThanOrEqual(74);
          chart.bins.forEach((bin, i) => {
            expect(bin.byTier.reduce((a, b) => a + b, 0)).toBe(bin.total);
            expect(bin.from <= bin.to).toBe(true);
            expect(bin.to).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            const next = chart.bins[i + 1];
            if (next) expect(firstDayOf(next.from)).toBe(firstDayOf(bin.to) + 1);
          });
          for (const event of events) {
            const day = isoDay(firstDayOf(event.date));
            expect(chart.bins.some((bin) => bin.from <= day && day <= bin.to && bin.total > 0)).toBe(true);
          }
        },
      ),
    );
  });
});

describe('the chart on the page', () => {
  const event = (id: string, date: string, sourceCount: number) => ({ id, date, sourceCount });
  const hrefs = (html: string) => [...html.matchAll(/<a href="([^"]+)" aria-label="([^"]+)"/g)];

  it('links each non-empty bar to its period under the current filters, narrowed, never widened', () => {
    const filters = TimelineQuerySchema.parse({ topic: 'harbour', from: '2024-10-02', order: 'asc' });
    const html = render(
      timelineChart({
        events: [event('evt_1', '2024-10-02', 1), event('evt_2', '2024-11-20', 6)],
        filters,
        complete: false,
      }) as JSXNode,
    );
    const links = hrefs(html).map(([, href, label]) => [href?.replaceAll('&amp;', '&'), label]);
    expect(links).toEqual([
      [
        '/?from=2024-10-02&to=2024-10-06&topic=harbour&order=asc',
        'week of 30 September 2024: 1 event (1 with 1 source)',
      ],
      [
        '/?from=2024-11-18&to=2024-11-24&topic=harbour&order=asc',
        'week of 18 November 2024: 1 event (1 with 5 or more sources)',
      ],
    ]);
    expect(html).toContain('The 2 events on this page, per week, shaded');
    // The well-reported event is drawn in the darkest tier, the single-source one in the lightest.
    expect(html).toMatch(/<rect class="t2"/);
    expect(html).toMatch(/<rect class="t0"/);
  });

  it('is absent when nothing is listed', () => {
    expect(timelineChart({ events: [], filters: {}, complete: true })).toBeNull();
  });

  it('names bins as people say them', () => {
    const bin = { from: '2024-10-14', to: '2024-10-20' };
    expect(describeBin(bin, 'week')).toBe('week of 14 October 2024');
    expect(describeBin({ from: '2024-10-01', to: '2024-10-31' }, 'month')).toBe('October 2024');
    expect(describeBin({ from: '2020-01-01', to: '2029-12-31' }, 'year')).toBe('2020–2029');
  });
});
