/**
 * Events over time, for the page's chart: pure arithmetic on YYYY-MM-DD days, no rendering. A bin is a
 * day, an ISO week, a month or a run of years, chosen from the span the events cover, and each bin counts
 * its events by how many outlets reported them, so a well-confirmed day stands out from a rumour.
 */

export type BinUnit = 'day' | 'week' | 'month' | 'year';

/** How many outlets make an event "confirmed" enough to show darker: one, a few, many. */
export const SOURCE_TIERS = [
  { min: 1, label: '1 source' },
  { min: 2, label: '2–4 sources' },
  { min: 5, label: '5 or more sources' },
] as const;

export interface ChartBin {
  /** First and last day of the bin, inclusive (YYYY-MM-DD): the listing a bar links to. */
  from: string;
  to: string;
  /** Events in the bin per source tier (same order as SOURCE_TIERS). */
  byTier: number[];
  total: number;
}

export interface Chart {
  unit: BinUnit;
  /** Years per bin when `unit` is `year` (1, or more for spans of many decades); else 1. */
  step: number;
  bins: ChartBin[];
}

export interface ChartBounds {
  /** The listing's own date filters: the chart spreads to them when that stays within a year. */
  from?: string;
  to?: string;
}

/** A bar chart with fewer bins than this is padded with the empty periods around it: one bar is no chart. */
export const MIN_BINS = 7;
/** Year bins widen to several years past this many, so no span of dates makes the chart unbounded. */
export const MAX_YEAR_BINS = 60;
/** How far the filters may stretch the chart beyond the events: a drill-down to a month or a week. */
const MAX_STRETCH_DAYS = 366;

/** Days since 1970-01-01 of a calendar day; years before 100 are taken literally (Date.UTC is not). */
function dayNumber(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / 86_400_000);
}

function partsOf(day: number): { year: number; month: number; day: number } {
  const date = new Date(day * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** YYYY-MM-DD of a day number. */
export function isoDay(day: number): string {
  const { year, month, day: d } = partsOf(day);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(d, 2)}`;
}

/** The first day an event date can mean: "2024-06" is 1 June, "2024" is 1 January. */
export function firstDayOf(date: string): number {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return dayNumber(year, month, day);
}

/** Day, week, month or year bins: as fine as keeps the chart to a few dozen bars. */
export function unitFor(spanDays: number): BinUnit {
  if (spanDays < 31) return 'day';
  if (spanDays < 7 * 26) return 'week';
  if (spanDays < 366 * 6) return 'month';
  return 'year';
}

/** The first day of the bin holding `day`. */
function binStart(day: number, unit: BinUnit, step: number): number {
  const { year, month } = partsOf(day);
  switch (unit) {
    case 'day':
      return day;
    // 1970-01-01 was a Thursday: Monday is 3 days before it, so (day + 3) mod 7 is 0 on Mondays.
    case 'week':
      return day - ((((day + 3) % 7) + 7) % 7);
    case 'month':
      return dayNumber(year, month, 1);
    case 'year':
      return dayNumber(Math.floor(year / step) * step, 1, 1);
  }
}

/** The first day of the bin after the one starting on `start`. */
function nextBin(start: number, unit: BinUnit, step: number): number {
  const { year, month } = partsOf(start);
  switch (unit) {
    case 'day':
      return start + 1;
    case 'week':
      return start + 7;
    case 'month':
      return dayNumber(year, month + 1, 1);
    case 'year':
      return dayNumber(year + step, 1, 1);
  }
}

/** The days a YYYY-MM-DD date can name: bins never reach past them, so every bar links to a valid listing. */
const FIRST_DAY = dayNumber(0, 1, 1);
const LAST_DAY = dayNumber(9999, 12, 31);

/** The bin starts from the one holding `first` to the one holding `last`, padded to MIN_BINS around them. */
function binStarts(first: number, last: number, unit: BinUnit, step: number): number[] {
  const starts = [binStart(first, unit, step)];
  const end = binStart(last, unit, step);
  while ((starts.at(-1) as number) < end) starts.push(nextBin(starts.at(-1) as number, unit, step));
  // One before, one after, alternately, so the events stay in the middle; never past the calendar's ends.
  for (let before = true; starts.length < MIN_BINS; before = !before) {
    const earlier = (starts[0] as number) - 1;
    const later = nextBin(starts.at(-1) as number, unit, step);
    if (earlier < FIRST_DAY && later > LAST_DAY) break;
    if ((before && earlier >= FIRST_DAY) || later > LAST_DAY) starts.unshift(binStart(earlier, unit, step));
    else starts.push(later);
  }
  return starts;
}

/** The span to chart: the events' own, stretched to the listing's date filters when they are near. */
function spanOf(days: number[], bounds: ChartBounds): { first: number; last: number } {
  const first = Math.min(...days);
  const last = Math.max(...days);
  const from = bounds.from ? Math.min(first, firstDayOf(bounds.from)) : first;
  const to = bounds.to ? Math.max(last, firstDayOf(bounds.to)) : last;
  return to - from <= MAX_STRETCH_DAYS ? { first: from, last: to } : { first, last };
}

export function tierOf(sourceCount: number): number {
  let tier = 0;
  SOURCE_TIERS.forEach(({ min }, i) => {
    if (sourceCount >= min) tier = i;
  });
  return tier;
}

/**
 * Events binned over the span they cover (see `spanOf`), every bin in it present, empty ones too, so
 * the gaps show. An event is counted in the bin of the first day its date can mean, which is also the
 * bin whose listing (from/to) finds it. Undefined for no events.
 */
export function binEvents(
  events: ReadonlyArray<{ date: string; sourceCount: number }>,
  bounds: ChartBounds = {},
): Chart | undefined {
  if (events.length === 0) return undefined;
  const days = events.map((event) => firstDayOf(event.date));
  const { first, last } = spanOf(days, bounds);
  const unit = unitFor(last - first);
  const years = partsOf(last).year - partsOf(first).year + 1;
  const step = unit === 'year' ? Math.ceil(years / MAX_YEAR_BINS) : 1;
  const starts = binStarts(first, last, unit, step);
  const bins: ChartBin[] = starts.map((start) => ({
    from: isoDay(start),
    to: isoDay(Math.min(nextBin(start, unit, step) - 1, LAST_DAY)),
    byTier: SOURCE_TIERS.map(() => 0),
    total: 0,
  }));
  events.forEach((event, i) => {
    const start = binStart(days[i] as number, unit, step);
    const bin = bins[starts.indexOf(start)];
    if (!bin) return;
    const tier = tierOf(event.sourceCount);
    bin.total++;
    bin.byTier[tier] = (bin.byTier[tier] ?? 0) + 1;
  });
  return { unit, step, bins };
}
