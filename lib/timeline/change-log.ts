/**
 * What the timeline version item says: the version, and the ids of the events whose writes made its
 * latest moves, oldest first, the last one being the move to `version` (so `recent[i]` made version
 * `version - (recent.length - 1 - i)`). A bounded log: the oldest ids are cut as new ones come.
 */
export interface TimelineHead {
  version: number;
  recent: string[];
}

/** A move whose writer could not say what changed (a bulk load, a migration): anything may have. */
export const UNKNOWN_CHANGE = '*';
/** A move that changed no event a listing shows (an account filed for matching). */
export const NO_EVENT_CHANGE = '-';

/**
 * The ids of the events changed by the moves after `since` up to the head's version; undefined when
 * the log no longer reaches back that far, or one of those moves could have changed anything.
 */
export function changedSince(head: TimelineHead, since: number): Set<string> | undefined {
  const moves = head.version - since;
  if (moves < 0 || moves > head.recent.length) return undefined;
  const ids = head.recent.slice(head.recent.length - moves);
  if (ids.includes(UNKNOWN_CHANGE)) return undefined;
  return new Set(ids.filter((id) => id !== NO_EVENT_CHANGE));
}
