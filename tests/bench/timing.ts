/**
 * Side-by-side timing on the main thread. Contenders run in alternating rounds (A B, B A, A B…) so
 * that drift in machine load, CPU frequency or GC pressure lands on every side alike, and the median
 * round is reported because a single slow round (a major GC, a noisy neighbour) must not move it.
 */

/** One side of a comparison: a full pass over the workload, returning what it found. */
export interface Contender {
  name: string;
  /** Returns a count of results: it is checked to be the same every pass, and keeps the work live. */
  pass(): number;
}

export interface RoundOptions {
  /** Minimum warm-up time per contender, so the JIT has optimised the hot paths before timing. */
  warmupMs: number;
  /** Minimum rounds; rounds also come in multiples of the contender count, so each order runs equally. */
  minRounds: number;
  /** Minimum measured time per contender across all rounds. */
  minMsPerSide: number;
  /** Upper bound, so a very slow contender cannot make the run unbounded. */
  maxRounds: number;
}

export const DEFAULT_ROUNDS: RoundOptions = {
  warmupMs: 1000,
  minRounds: 6,
  minMsPerSide: 2000,
  maxRounds: 40,
};

export interface Timing {
  name: string;
  /** Passes per round: a fast contender repeats its pass so each round is long enough to time well. */
  passesPerRound: number;
  /** Nanoseconds for one pass, one entry per round. */
  passNs: number[];
  medianPassNs: number;
  /** What one pass found (the same every pass). */
  found: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** (max − min) / median: how far apart the rounds were, to judge whether a difference is noise. */
export function spread(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  return (Math.max(...values) - Math.min(...values)) / median(values);
}

interface Batch {
  ns: number;
  found: number;
}

function timeBatch(contender: Contender, passes: number): Batch {
  let found = -1;
  const start = process.hrtime.bigint();
  for (let i = 0; i < passes; i++) {
    const result = contender.pass();
    if (found >= 0 && result !== found)
      throw new Error(`${contender.name}: pass found ${result}, then ${found}`);
    found = result;
  }
  return { ns: Number(process.hrtime.bigint() - start), found };
}

/**
 * Runs every contender until each has spent `warmupMs`, and returns how many passes each needs per
 * round so that one round lasts at least `minMsPerSide / minRounds`: then `minRounds` rounds
 * meet the time floor too, and a fast contender's round is not dominated by timer resolution.
 */
export function warmUp(contenders: readonly Contender[], options: RoundOptions): number[] {
  const roundTargetNs = (options.minMsPerSide / options.minRounds) * 1e6;
  return contenders.map((contender) => {
    let spentNs = 0;
    let passes = 0;
    while (spentNs < options.warmupMs * 1e6 || passes === 0) {
      spentNs += timeBatch(contender, 1).ns;
      passes++;
    }
    const passNs = spentNs / passes;
    return Math.max(1, Math.ceil(roundTargetNs / passNs));
  });
}

function roundsDone(timings: readonly Timing[], rounds: number, options: RoundOptions): boolean {
  if (rounds >= options.maxRounds) return true;
  if (rounds < options.minRounds || rounds % timings.length !== 0) return false;
  return timings.every(
    (timing) =>
      timing.passNs.reduce((sum, ns) => sum + ns * timing.passesPerRound, 0) >= options.minMsPerSide * 1e6,
  );
}

/** Warm-up, then interleaved rounds with the order rotated each round; see the module comment. */
export function compareInterleaved(
  contenders: readonly Contender[],
  options: RoundOptions = DEFAULT_ROUNDS,
): Timing[] {
  const passesPerRound = warmUp(contenders, options);
  const timings: Timing[] = contenders.map((contender, i) => ({
    name: contender.name,
    passesPerRound: passesPerRound[i] ?? 1,
    passNs: [],
    medianPassNs: 0,
    found: 0,
  }));
  for (let round = 0; !roundsDone(timings, round, options); round++) {
    for (let k = 0; k < contenders.length; k++) {
      const i = (round + k) % contenders.length;
      const timing = timings[i] as Timing;
      const batch = timeBatch(contenders[i] as Contender, timing.passesPerRound);
      timing.passNs.push(batch.ns / timing.passesPerRound);
      timing.found = batch.found;
    }
  }
  for (const timing of timings) timing.medianPassNs = median(timing.passNs);
  return timings;
}
