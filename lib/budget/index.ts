export { Deadline, recordsDeadline } from './deadline.ts';
export { BudgetExceededError, type BudgetKind, isBudgetExceeded } from './errors.ts';
