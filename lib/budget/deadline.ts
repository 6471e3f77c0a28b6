import { BudgetExceededError, type BudgetKind } from './errors.ts';

/**
 * A point in time work must finish by, and the time left until it. Deadlines are absolute so that
 * nested work (a page read inside a record inside a batch) takes the earlier of its own and its caller's.
 */
export class Deadline {
  constructor(
    readonly at: number,
    private readonly clock: () => number = Date.now,
  ) {}

  static in(ms: number, clock: () => number = Date.now): Deadline {
    return new Deadline(clock() + ms, clock);
  }

  remainingMs(): number {
    return Math.max(0, this.at - this.clock());
  }

  passed(): boolean {
    return this.clock() >= this.at;
  }

  /** The earlier of this deadline and `ms` from now. */
  within(ms: number): Deadline {
    return new Deadline(Math.min(this.at, this.clock() + ms), this.clock);
  }

  /** Throws BudgetExceededError once the deadline has passed: a check between steps of synchronous work. */
  check(budget: BudgetKind, what: string): void {
    if (this.passed()) throw new BudgetExceededError(budget, `${what} past the deadline`);
  }

  /**
   * `work`, or BudgetExceededError when the deadline comes first. The signal aborts then, so work
   * that listens (a fetch) stops too; work that does not is left behind, its result ignored.
   */
  async race<T>(budget: BudgetKind, what: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const start = this.clock();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new BudgetExceededError(budget, `${what} not done within ${this.at - start} ms`);
        controller.abort(error);
        reject(error);
      }, this.remainingMs());
    });
    try {
      return await Promise.race([work(controller.signal), expired]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * The deadline for a batch's records from the time the invocation has left: a share is kept back to
 * report the failures and return before the platform's timeout (which would fail every record).
 * Without a context (the local worker loop), as much as the deployed worker's 60 s timeout gives.
 *
 * @example recordsDeadline(60_000) // 55 s from now: 5 s kept back
 * @example recordsDeadline(4_000) // 3.6 s from now
 */
export function recordsDeadline(remainingMs = 60_000, clock: () => number = Date.now): Deadline {
  const keptBack = Math.min(5_000, remainingMs / 10);
  return new Deadline(clock() + Math.max(0, remainingMs - keptBack), clock);
}
