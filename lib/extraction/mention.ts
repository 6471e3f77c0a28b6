import type { Tense } from './tense.ts';

/** `week`: an ISO week, `date` its Monday and `endDate` its Sunday ("last week"). */
export type DatePrecision = 'day' | 'week' | 'month' | 'year';

/** A date found in text, already resolved to ISO form against the publication date. */
export interface DateMention {
  index: number;
  text: string;
  date: string;
  precision: DatePrecision;
  endDate: string | null;
  /** How the clause holding the date frames it. */
  tense: Tense;
}
