import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import type { CoverageScore } from './coverage-score.ts';
import type { ExtractionEval } from './extraction.ts';

/** Where the committed floors live, from the repository root (git paths) and on disk. */
export const BASELINE_FILE = 'tests/eval/baseline.json';
export const BASELINE_PATH = fileURLToPath(new URL('./baseline.json', import.meta.url));

const Figures = z.record(z.string(), z.number());
export type Figures = z.infer<typeof Figures>;

/**
 * How many events of the real feed corpus dedup made from several articles, and how many of those
 * from one site: pinned, since nobody labelled them and each change is a merge someone must read.
 */
const MergeCount = z.object({ merged: z.number(), oneSite: z.number() });
export type MergeCount = z.infer<typeof MergeCount>;

/**
 * The committed floors: every figure a labelled set gives, per set. `ratchet` marks a file the rule
 * in docs/decisions/README.md applies to (a floor only rises); older versions of the file predate it.
 */
export const BaselineSchema = z.object({
  ratchet: z.string(),
  extraction: Figures,
  dedup: Figures,
  coverage: z.record(z.string(), Figures),
  realFeedMerges: MergeCount,
});
export type Baseline = z.infer<typeof BaselineSchema>;

export function readBaseline(path = BASELINE_PATH): Baseline {
  return BaselineSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** Every floor by a dotted name: `extraction.recall`, `coverage.<set>.eventPrecision`. */
export function floorsOf(baseline: Baseline): Map<string, number> {
  const floors = new Map<string, number>();
  const add = (prefix: string, figures: Figures) => {
    for (const [name, value] of Object.entries(figures)) floors.set(`${prefix}.${name}`, value);
  };
  add('extraction', baseline.extraction);
  add('dedup', baseline.dedup);
  for (const [set, figures] of Object.entries(baseline.coverage)) add(`coverage.${set}`, figures);
  return floors;
}

export interface Lowered {
  figure: string;
  before: number;
  /** Undefined when the figure was dropped from the file, which lowers its gate to nothing. */
  after: number | undefined;
}

/** The floors `after` holds lower than `before` did, or no longer holds at all. */
export function loweredFloors(before: Baseline, after: Baseline): Lowered[] {
  const now = floorsOf(after);
  return [...floorsOf(before)]
    .filter(([figure, value]) => !((now.get(figure) ?? Number.NEGATIVE_INFINITY) >= value))
    .map(([figure, value]) => ({ figure, before: value, after: now.get(figure) }));
}

/** Three decimals, rounded down, so the figure just measured always clears its own floor. */
export const floor3 = (x: number) => Math.floor(x * 1000 + 1e-9) / 1000;

export const extractionFigures = (total: ExtractionEval['total']): Figures => ({
  precision: total.precision,
  recall: total.recall,
  f1: total.f1,
  dateAccuracy: total.dateAccuracy,
  scheduledAccuracy: total.scheduledAccuracy,
});

type ClusterFigures = Record<'pairwise' | 'bcubed', { precision: number; recall: number; f1: number }>;

export const dedupFigures = ({ pairwise, bcubed }: ClusterFigures): Figures => ({
  pairwisePrecision: pairwise.precision,
  pairwiseRecall: pairwise.recall,
  pairwiseF1: pairwise.f1,
  bcubedPrecision: bcubed.precision,
  bcubedRecall: bcubed.recall,
  bcubedF1: bcubed.f1,
});

/** The README's headline figures of a coverage set, precision and recall apart. */
export const coverageFigures = (s: CoverageScore): Figures => ({
  eventPrecision: s.precision,
  eventRecall: s.recall,
  eventF1: s.f1,
  mentionRecall: s.mentions.recall,
  ...dedupFigures(s.dedup),
  entryDateAccuracy: s.entryDates.accuracy,
  relativeDateAccuracy: s.relativeDates.accuracy,
});

/** Figures measured now, by section; a section not measured (no ../shared) keeps what the file has. */
export interface Measured {
  extraction: Figures;
  dedup?: Figures;
  coverage: Record<string, Figures>;
  realFeedMerges?: MergeCount;
}

/** The baseline raised to what was measured: no floor goes down here; the merge count follows. */
export function raised(old: Baseline, now: Measured): Baseline {
  const up = (floors: Figures = {}, figures: Figures = {}) => {
    const out: Figures = { ...floors };
    for (const [name, value] of Object.entries(figures))
      out[name] = Math.max(floors[name] ?? 0, floor3(value));
    return out;
  };
  const coverage = { ...old.coverage };
  for (const [set, figures] of Object.entries(now.coverage)) coverage[set] = up(old.coverage[set], figures);
  return {
    ratchet: old.ratchet,
    extraction: up(old.extraction, now.extraction),
    dedup: up(old.dedup, now.dedup),
    coverage,
    realFeedMerges: now.realFeedMerges ?? old.realFeedMerges,
  };
}

export function writeBaseline(baseline: Baseline, path = BASELINE_PATH): void {
  writeFileSync(path, `${JSON.stringify(baseline, null, 2)}\n`);
}
