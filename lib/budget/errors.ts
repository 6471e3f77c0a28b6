/** Which budget ran out: parsing a feed document, reading an article's page, or a queue record's share of the invocation. */
export type BudgetKind = 'feed-parse' | 'full-text' | 'record';

/**
 * Work stopped, or refused before it started, because a hostile or outsized document would have
 * cost more than its budget (time, nodes or depth). The code is what ops see classified; the
 * message says which limit and by how much.
 */
export class BudgetExceededError extends Error {
  readonly code = 'budget-exceeded';
  constructor(
    readonly budget: BudgetKind,
    detail: string,
    options?: ErrorOptions,
  ) {
    super(`${budget} budget exceeded: ${detail}`, options);
    this.name = 'BudgetExceededError';
  }
}

export const isBudgetExceeded = (error: unknown): error is BudgetExceededError =>
  error instanceof Error && (error as { code?: unknown }).code === 'budget-exceeded';
