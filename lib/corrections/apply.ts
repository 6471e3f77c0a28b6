import type { TimelineEvent } from '../timeline/event.ts';
import type { Correction } from './schema.ts';

type Edit = Exclude<Correction, { verb: 'undo' }>;

/** Links between accounts (keys `articleId#position`) that clustering must honour. */
export interface Constraints {
  mustLink: Array<[string, string]>;
  cannotLink: Array<[string, string]>;
}

/** The corrections still in force, oldest first: every one not withdrawn by an undo. */
export function inForce(log: Correction[]): Edit[] {
  const undone = new Set(log.flatMap((c) => (c.verb === 'undo' ? [c.undoes] : [])));
  return log
    .filter((c): c is Edit => c.verb !== 'undo' && !undone.has(c.id))
    .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

const pairKey = (x: string, y: string) => (x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`);

/**
 * The must- and cannot-links the corrections ask for, among the accounts in `present`. A later
 * correction overrides an earlier one on the same pair (split, then merged back: together), so the
 * two kinds never contradict each other.
 */
export function constraintsOf(edits: Edit[], present: Set<string>): Constraints {
  const pairs = new Map<string, { link: 'must' | 'cannot'; pair: [string, string] }>();
  const note = (link: 'must' | 'cannot', xs: string[], ys: string[]) => {
    for (const x of xs)
      for (const y of ys)
        if (x !== y && present.has(x) && present.has(y)) pairs.set(pairKey(x, y), { link, pair: [x, y] });
  };
  for (const edit of edits) {
    if (edit.verb === 'merge') note('must', edit.accounts, edit.accounts);
    if (edit.verb === 'split') note('cannot', edit.accounts, edit.rest);
  }
  const all = [...pairs.values()];
  return {
    mustLink: all.filter((p) => p.link === 'must').map((p) => p.pair),
    cannotLink: all.filter((p) => p.link === 'cannot').map((p) => p.pair),
  };
}

/** The corrections touching an event of these accounts: the event shows them as its edits. */
function touching(edits: Edit[], keys: Set<string>): Edit[] {
  return edits.filter((edit) => {
    if (edit.verb === 'set') return keys.has(edit.accounts[0] as string);
    const named = edit.verb === 'split' ? [...edit.accounts, ...edit.rest] : edit.accounts;
    return named.some((key) => keys.has(key));
  });
}

/**
 * The event as editors left it: the machine's event with the overrides (date, summary), the hidden
 * mark, and `edited`/`editedAt` when any correction in force touches it. With none, the machine's
 * event unchanged, so an undo gives back exactly what the machine made.
 */
export function corrected(event: TimelineEvent, keys: Set<string>, edits: Edit[]): TimelineEvent {
  const touched = touching(edits, keys);
  if (!touched.length) return event;
  const result: TimelineEvent = { ...event, edited: true, editedAt: (touched.at(-1) as Edit).at };
  for (const edit of touched) {
    if (edit.verb === 'hide') result.hidden = true;
    if (edit.verb !== 'set') continue;
    if (edit.summary) result.summary = edit.summary;
    if (edit.date && edit.datePrecision) {
      result.date = edit.date;
      result.datePrecision = edit.datePrecision;
      result.endDate = null;
    }
  }
  return result;
}
