/**
 * "less than a week later", "barely three weeks after the accident", "just over two days later":
 * a bound on the count, not the count. The day it happened is somewhere short of it or past it, so
 * the count dates nothing ("days later" does not either). "Nearly" and "barely" say short of it; an
 * approximation either side ("about two weeks after", "some three days later") is the writer's
 * best figure and still counts.
 */
const BOUNDED =
  /\b(?:(?:less|fewer|more|no more) than|under|over|within|at least|at most|upwards of|nearly|almost|barely|scarcely|not quite)\s+$/i;

/** Whether the words right before the count that starts at `index` bound it. */
export const boundsTheCount = (sentence: string, index: number): boolean =>
  BOUNDED.test(sentence.slice(0, index));
