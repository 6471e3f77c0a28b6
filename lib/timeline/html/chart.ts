import { type BinUnit, binEvents, type Chart, type ChartBin, SOURCE_TIERS } from '../chart.ts';
import { describeDate } from '../describe.ts';
import type { PublicEvent } from '../present.ts';
import { searchOf, type TimelineQuery } from '../query.ts';
import { type Child, h, type JSXNode } from './markup.ts';

/** Each bin is this many units wide and the tallest bar this high; CSS stretches the drawing to fit. */
const SLOT = 10;
const HEIGHT = 100;
const BAR_GAP = 1.5;

/** A bin as people name it: "8 October 2024", "week of 14 October 2024", "October 2024", "2020–2029". */
export function describeBin(bin: Pick<ChartBin, 'from' | 'to'>, unit: BinUnit): string {
  switch (unit) {
    case 'day':
      return describeDate(bin.from);
    case 'week':
      return `week of ${describeDate(bin.from)}`;
    case 'month':
      return describeDate(bin.from.slice(0, 7));
    case 'year': {
      const [first, last] = [bin.from.slice(0, 4), bin.to.slice(0, 4)];
      return first === last ? first : `${first}–${last}`;
    }
  }
}

function countOf(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "8 October 2024: 3 events (2 with 1 source, 1 with 2–4 sources)": a bar's name and tooltip. */
function binText(bin: ChartBin, unit: BinUnit): string {
  const tiers = SOURCE_TIERS.flatMap(({ label }, i) =>
    bin.byTier[i] ? [`${bin.byTier[i]} with ${label}`] : [],
  );
  return `${describeBin(bin, unit)}: ${countOf(bin.total, 'event')} (${tiers.join(', ')})`;
}

/** The listing a bar links to: the current filters narrowed to the bar's period (never widened). */
function binHref(bin: ChartBin, filters: Partial<TimelineQuery>): string {
  const from = filters.from && filters.from > bin.from ? filters.from : bin.from;
  const to = filters.to && filters.to < bin.to ? filters.to : bin.to;
  return `/${searchOf({ ...filters, from, to, cursor: undefined })}`;
}

/** One bar: a link as tall as the chart (easy to hit), the events stacked by tier, most sources at the base. */
function bar(bin: ChartBin, i: number, chart: Chart, scale: number, filters: Partial<TimelineQuery>): Child {
  if (bin.total === 0) return null;
  const x = i * SLOT + BAR_GAP / 2;
  const width = SLOT - BAR_GAP;
  let top = HEIGHT;
  const segments = SOURCE_TIERS.map((_, tier) => SOURCE_TIERS.length - 1 - tier).flatMap((tier) => {
    const count = bin.byTier[tier] ?? 0;
    if (count === 0) return [];
    const height = Math.max(count * scale, 2);
    top -= height;
    return [h('rect', { class: `t${tier}`, x, y: round(top), width, height: round(height) })];
  });
  const text = binText(bin, chart.unit);
  return h(
    'a',
    { href: binHref(bin, filters), 'aria-label': text },
    h('title', null, text),
    h('rect', { class: 'hit', x: i * SLOT, y: 0, width: SLOT, height: HEIGHT }),
    segments,
  );
}

const round = (n: number) => Math.round(n * 100) / 100;

function legend(): JSXNode {
  return h(
    'ul',
    { class: 'legend' },
    SOURCE_TIERS.map(({ label }, tier) => h('li', null, h('span', { class: `swatch t${tier}` }), label)),
  );
}

export interface ChartView {
  events: ReadonlyArray<Pick<PublicEvent, 'date' | 'sourceCount'>>;
  /** The listing's filters: bars link to them narrowed to their period. */
  filters: Partial<TimelineQuery>;
  /** The whole listing is on this page (no cursor either way): the chart may spread to its date filters. */
  complete: boolean;
}

/**
 * The events on the page over time, as an inline SVG bar chart above the list: no script, no external
 * asset, every bar a link to its period's listing. Null when there is nothing to chart.
 */
export function timelineChart({ events, filters, complete }: ChartView): Child {
  const chart = binEvents(events, complete ? { from: filters.from, to: filters.to } : {});
  if (!chart) return null;
  const first = chart.bins[0] as ChartBin;
  const last = chart.bins.at(-1) as ChartBin;
  const tallest = Math.max(...chart.bins.map((bin) => bin.total));
  // Room for each tier's minimum height, so a stack never pokes out of the top.
  const scale = (HEIGHT - 2 * SOURCE_TIERS.length) / tallest;
  const per = chart.unit === 'year' && chart.step > 1 ? `${chart.step} years` : chart.unit;
  const whose = complete
    ? `All ${countOf(events.length, 'event')} listed`
    : `The ${events.length} events on this page`;
  return h(
    'figure',
    { class: 'chart' },
    h('figcaption', null, `${whose}, per ${per}, shaded by how many sources reported each event.`),
    h(
      'svg',
      {
        xmlns: 'http://www.w3.org/2000/svg',
        viewBox: `0 0 ${chart.bins.length * SLOT} ${HEIGHT}`,
        preserveAspectRatio: 'none',
      },
      h('rect', { class: 'base', x: 0, y: HEIGHT - 0.5, width: chart.bins.length * SLOT, height: 0.5 }),
      chart.bins.map((bin, i) => bar(bin, i, chart, scale, filters)),
    ),
    h(
      'p',
      { class: 'axis' },
      h('span', null, describeBin(first, chart.unit)),
      chart.bins.length > 1 ? h('span', null, describeBin(last, chart.unit)) : null,
    ),
    legend(),
  );
}
