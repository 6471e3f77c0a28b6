export { Deadline } from './deadline.ts';
export { BudgetExceededError, type BudgetKind, isBudgetExceeded } from './errors.ts';
