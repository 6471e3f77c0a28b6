/** The median of `runs` timings of `work`, in ms, after one untimed run to warm the JIT. */
export async function medianMs(work: () => unknown, runs = 7): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

export interface Doubling {
  ratio: number;
  smallMs: number;
  largeMs: number;
}

/**
 * How much longer `run` takes on an input twice the size: about 2 for linear work, 4 for quadratic.
 * Medians of several runs, so one pause of a shared machine does not decide it; and when the ratio
 * is at or above `bound`, measured up to twice more, since a colleague's build can fill a whole median
 * while quadratic work is over the bound every time.
 */
export async function doublingRatio<T>(
  make: (n: number) => T,
  run: (input: T) => unknown,
  n: number,
  bound = 3,
): Promise<Doubling> {
  const small = make(n);
  const large = make(2 * n);
  let best: Doubling | undefined;
  for (let attempt = 0; attempt < 3 && (!best || best.ratio >= bound); attempt++) {
    const smallMs = await medianMs(() => run(small));
    const largeMs = await medianMs(() => run(large));
    const ratio = largeMs / Math.max(smallMs, 0.001);
    if (!best || ratio < best.ratio) best = { ratio, smallMs, largeMs };
  }
  return best as Doubling;
}
