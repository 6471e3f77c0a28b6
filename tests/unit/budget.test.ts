import { describe, expect, it } from 'vitest';
import { BudgetExceededError, Deadline, isBudgetExceeded, recordsDeadline } from '../../lib/budget/index.ts';

describe('Deadline', () => {
  it('gives the work its answer when it finishes in time', async () => {
    await expect(Deadline.in(5_000).race('record', 'quick', async () => 'done')).resolves.toBe('done');
  });

  it('fails work still running at the deadline with budget-exceeded, and aborts its signal', async () => {
    let signal: AbortSignal | undefined;
    const error = await Deadline.in(50)
      .race('record', 'message m1', (s) => {
        signal = s;
        return new Promise(() => {});
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect(isBudgetExceeded(error)).toBe(true);
    expect((error as BudgetExceededError).budget).toBe('record');
    expect((error as Error).message).toMatch(/^record budget exceeded: message m1 not done within \d+ ms$/);
    expect(signal?.aborted).toBe(true);
  });

  it('takes the earlier of its own and a nested budget', () => {
    let now = 1_000;
    const clock = () => now;
    const outer = new Deadline(11_000, clock);
    expect(outer.within(3_000).at).toBe(4_000);
    expect(outer.within(30_000).at).toBe(11_000);
    now = 11_000;
    expect(outer.passed()).toBe(true);
    expect(() => outer.check('feed-parse', 'strict parse done')).toThrow(
      'feed-parse budget exceeded: strict parse done past the deadline',
    );
  });
});

describe('recordsDeadline', () => {
  const clock = () => 0;
  it("keeps back a tenth of the invocation's time, at most 5 s, to report and return", () => {
    expect(recordsDeadline(60_000, clock).at).toBe(55_000);
    expect(recordsDeadline(4_000, clock).at).toBe(3_600);
    expect(recordsDeadline(0, clock).at).toBe(0);
  });

  it("without a Lambda context, gives as much as the deployed worker's 60 s timeout", () => {
    expect(recordsDeadline(undefined, clock).at).toBe(55_000);
  });
});
