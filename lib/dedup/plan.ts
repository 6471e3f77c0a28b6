// The pure part of corrections, by file: lib/corrections/index.ts also offers the edit verbs, which settle.
import { constraintsOf, corrected, inForce } from '../corrections/apply.ts';
import type { Correction } from '../corrections/schema.ts';
import type { Source, TimelineEvent } from '../timeline/index.ts';
import { accountKey, clusterAccounts } from './cluster.ts';
import { accountId, bySourceOrder, deriveEvent } from './derive.ts';
import { type AccountRef, contentOf, type Posting, sourceOf } from './posting.ts';

/** What a neighbourhood's accounts ask of the store: events to write, and ids to retire. */
export interface Plan {
  /** Events whose content changed or that are new; `version` is the stored one plus one, or 0. */
  writes: Array<{ event: TimelineEvent; stored?: TimelineEvent; unheld: AccountRef[] }>;
  /** Stored events no cluster keeps the id of, each with the event now holding most of its accounts. */
  retired: Array<{ event: TimelineEvent; into: string }>;
  /** Every event the accounts make, changed or not. */
  events: TimelineEvent[];
}

const definedKeys = (value: object) =>
  Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined);

/**
 * Whether two values read alike as JSON: key order differs between a stored item and a fresh
 * derivation, and an absent key equals one set to undefined. Compared in place, without writing
 * either out: a wire story's event holds thousands of sources, compared on every carrier's settle.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameValue(item, b[i]));
  }
  const [ka, kb] = [definedKeys(a), definedKeys(b)];
  if (ka.length !== kb.length) return false;
  const [ra, rb] = [a as Record<string, unknown>, b as Record<string, unknown>];
  return ka.every((key) => Object.hasOwn(rb, key) && rb[key] !== undefined && sameValue(ra[key], rb[key]));
}

const sameContent = (a: TimelineEvent, b: TimelineEvent) =>
  sameValue({ ...a, version: 0 }, { ...b, version: 0 });

/**
 * An event's id is its earliest account's (by publication, then article, then position): a function
 * of its accounts alone, so any arrival order, any interleaving of workers and a rebuild from the
 * postings all give the same id. It stays while the event keeps that account; news arrives in
 * publication order, so a later account rarely displaces it (docs/decisions/events-from-accounts.md).
 */
export const eventIdOf = (accounts: Array<Posting | Source>) =>
  accountId([...accounts].sort(bySourceOrder)[0] as AccountRef);

/** The id of the event holding most of `event`'s accounts; a tie goes to the smaller id. */
function holderOf(event: TimelineEvent, idOf: Map<string, string>): string | undefined {
  const counts = new Map<string, number>();
  for (const account of event.accounts) {
    const id = idOf.get(accountKey(account));
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]?.[0];
}

/**
 * The events a neighbourhood's accounts make (clusterAccounts), set against the events stored for
 * them: only events whose content changed are written, and a stored id no cluster takes is retired
 * into the event that now holds most of its accounts (its page answers 301 there). Editors'
 * corrections in force are constraints on the clustering and overrides on the events
 * (lib/corrections): they are applied on every plan, so no later account undoes them.
 */
export function planEvents(postings: Posting[], stored: TimelineEvent[], log: Correction[] = []): Plan {
  const byId = new Map(stored.map((event) => [event.id, event]));
  const edits = inForce(log);
  const present = new Set(postings.map(accountKey));
  const clusters = clusterAccounts(postings.map(contentOf), constraintsOf(edits, present));
  const heldBy = new Map(postings.map((p) => [accountKey(p), new Set(p.heldBy ?? [])]));
  const plan: Plan = { writes: [], retired: [], events: [] };
  const idOf = new Map<string, string>();
  for (const cluster of clusters) {
    const id = eventIdOf(cluster);
    const before = byId.get(id);
    const accounts = cluster.map(sourceOf).sort(bySourceOrder);
    for (const posting of cluster) idOf.set(accountKey(posting), id);
    // The same accounts give the same event: most of a neighbourhood is unchanged, and deriving it
    // (a medoid over every pair of its accounts) would cost more than comparing them. Not so for an
    // edited one: its stored form is the machine's plus overrides that may since have been undone.
    const keys = new Set(cluster.map(accountKey));
    const untouched = (event: TimelineEvent) => !event.edited && corrected(event, keys, edits) === event;
    if (before && untouched(before) && sameValue(before.accounts, accounts)) {
      plan.events.push(before);
      continue;
    }
    const event = corrected(deriveEvent(id, accounts, before ? before.version + 1 : 0), keys, edits);
    plan.events.push(event);
    if (before && sameContent(before, event)) continue;
    const unheld = cluster.filter((p) => !heldBy.get(accountKey(p))?.has(id));
    plan.writes.push({ event, stored: before, unheld });
  }
  const kept = new Set(plan.events.map((e) => e.id));
  for (const event of stored) {
    if (kept.has(event.id)) continue;
    const into = holderOf(event, idOf);
    if (into) plan.retired.push({ event, into });
  }
  return plan;
}
