import { inForce } from '../corrections/apply.ts';
import type { Correction } from '../corrections/schema.ts';
import type { TimelineEvent } from '../timeline/index.ts';
import { sortDate } from '../timeline/sort-key.ts';
import { accountKey, accountRefOf } from './cluster.ts';
import { componentOf } from './component.ts';
import { type Plan, planEvents } from './plan.ts';
import { type AccountRef, contentOf, type Posting, postingOf, postingSortKey } from './posting.ts';
import type { SortRange } from './window.ts';

/**
 * What the dedup logic needs from storage. Accounts (postings) are the truth; events are derived
 * from them and written with conditional writes, so concurrent workers converge.
 */
export interface EventRepository {
  /** Every account filed under a date in any of the ranges, with the events that held it. */
  postingsIn(ranges: SortRange[]): Promise<Posting[]>;
  /** The accounts filed under these refs (those filed), read consistently. */
  postingsOf(refs: AccountRef[]): Promise<Posting[]>;
  /** Files an account under its date (again, when an edit changed it), keeping the events that held it. */
  post(posting: Posting): Promise<void>;
  /** Notes that the event `id` holds these accounts (before it is written: see settle). */
  hold(refs: AccountRef[], id: string): Promise<void>;
  /** One event by id, read consistently; undefined when absent or retired. */
  get(id: string): Promise<TimelineEvent | undefined>;
  /** The live events among these ids, read consistently (absent and retired ones left out). */
  getMany(ids: string[]): Promise<TimelineEvent[]>;
  /** The id an event lives under now: itself, or the event it was retired into. */
  resolve(id: string): Promise<string | undefined>;
  /** Stores a new event, or one under a retired id; false when a live event holds the id. */
  create(event: TimelineEvent): Promise<boolean>;
  /**
   * Stores an updated event; false when someone else wrote it since `event.version - 1` was read.
   * `previous`, that version as read, lets a store write only what the update adds (an index entry
   * per new feed, not one per feed of a wire story's thousands).
   */
  update(event: TimelineEvent, previous?: TimelineEvent): Promise<boolean>;
  /** Replaces an event by a pointer to the one holding most of its accounts; false when it changed since read. */
  absorb(event: TimelineEvent, into: string): Promise<boolean>;
  /**
   * Every editor's correction and undo, oldest first (append-only; few, so read whole). Optional: a
   * store without corrections clusters by the machine alone.
   */
  corrections?(): Promise<Correction[]>;
}

/**
 * Rounds of read, cluster, write before giving up (SQS then redelivers). Eight workers filing into one
 * busy neighbourhood redo each other's rounds often: 12 ran out on the labelled set, 40 with a pause
 * did not (tests/unit/events-view.test.ts runs 8 workers over it in memory).
 */
export const MAX_ATTEMPTS = 40;

/** A random pause growing with the round, so workers that keep redoing each other fall out of step. */
const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * Math.min(attempt, 8)));

export class WriteConflictError extends Error {
  /** `on`: what the writes were about (a date, an article). */
  constructor(on: string) {
    super(`gave up after ${MAX_ATTEMPTS} conflicting writes on ${on}`);
    this.name = 'WriteConflictError';
  }
}

/**
 * The block a posting is settled in: its calendar month (a day, a week by its Monday, a month's own
 * entries), or its year's own entries. Blocks are fixed, so every article of a month settles the same
 * set of accounts and the last writer's clustering is the clustering of all of them: the events are
 * a function of the stored accounts alone, whatever order or interleaving filed them. Overlapping
 * windows around each article converged to whichever window was settled last, which an article
 * delivered twice could change (tests/unit/events-view.test.ts). The price: a day on either side of
 * a month's end, or a week running into the next month, is never joined across it by the machine
 * (an editor's merge across months is: see mergedBlocks).
 */
function blockOf(seed: Pick<Posting, 'date' | 'datePrecision'>): SortRange {
  const key = sortDate(seed.date);
  if (seed.datePrecision === 'year') return { lower: `${key}#`, upper: `${key}#~` };
  const month = key.slice(0, 7);
  return { lower: `${month}-00#`, upper: `${month}-31#~` };
}

/** The blocks of `seeds`, each once, in order: every posting read once. */
export function neighbourhoodRanges(seeds: Pick<Posting, 'date' | 'datePrecision'>[]): SortRange[] {
  const blocks = new Map(seeds.map((seed) => blockOf(seed)).map((range) => [range.lower, range]));
  return [...blocks.values()].sort((a, b) => a.lower.localeCompare(b.lower));
}

const inRanges = (posting: Posting, ranges: SortRange[]) => {
  const key = postingSortKey(posting);
  return ranges.some(({ lower, upper }) => key >= lower && key <= upper);
};

/** One read of a neighbourhood: its postings, the window's as read, and the events holding them. */
interface Neighbourhood {
  postings: Posting[];
  stored: TimelineEvent[];
  /** The window's postings as read: a re-read that differs means someone else filed or wrote. */
  window: Map<string, Posting>;
  /** The corrections log as read: append-only, so a longer one means an editor acted meanwhile. */
  corrections: Correction[];
}

const correctionsOf = async (repo: EventRepository) => (repo.corrections ? repo.corrections() : []);

/** A posting's content and holders, the holders `extra` adds included, comparable as a string. */
const snapshotOf = (posting: Posting, extra: string[] = []) =>
  JSON.stringify([contentOf(posting), [...new Set([...(posting.heldBy ?? []), ...extra])].sort()]);

/** What ties accounts together besides their terms: an editor's merge in force puts its accounts in one event. */
const mergesOf = (corrections: Correction[]) =>
  inForce(corrections).flatMap((edit) => (edit.verb === 'merge' ? [edit.accounts] : []));

/** The accounts a settle is about, and whether they are the worker's own filed just now. */
interface Seeds {
  postings: Posting[];
  /**
   * Filed by this worker: in AWS the index the window is read from is eventually consistent, and a
   * posting filed a moment ago may be missing from it. Its own copy stands in, or no component would
   * hold it and, settles being per component, no later article's settle would reach it either.
   */
  filed: boolean;
}

/**
 * The blocks' postings that `seeds` reach (componentOf), and every stored event holding one of them.
 * Only the blocks' accounts are clustered: an event stored before blocks were fixed that reaches
 * outside them is rebuilt here from its accounts in the block, and `settle` then settles the other
 * block for the rest. The stored events are read as the component finds them: each ties its accounts
 * together, and an account it holds but no posting files (a table not yet migrated) joins as the
 * event's copy, which may reach further.
 */
async function readNeighbourhood(
  repo: EventRepository,
  ranges: SortRange[],
  pinned: Set<string>,
  seeds: Seeds,
): Promise<Neighbourhood> {
  const window = await repo.postingsIn(ranges);
  const corrections = await correctionsOf(repo);
  const byKey = new Map(window.map((p) => [accountKey(p), p]));
  if (seeds.filed)
    for (const seed of seeds.postings) if (!byKey.has(accountKey(seed))) byKey.set(accountKey(seed), seed);
  const seedKeys = seeds.postings.map(accountKey);
  const stored = new Map<string, TimelineEvent>();
  const asked = new Set<string>();
  const componentNow = () =>
    componentOf([...byKey.values()], seedKeys, [
      ...mergesOf(corrections),
      ...[...stored.values()].map((event) => event.accounts.map(accountKey)),
    ]);
  let component = componentNow();
  for (;;) {
    const held = [...component].flatMap((key) => byKey.get(key)?.heldBy ?? []);
    const ids = [...new Set([...pinned, ...held])].filter((id) => !asked.has(id)).sort();
    if (!ids.length) break;
    for (const id of ids) asked.add(id);
    for (const event of await repo.getMany(ids)) {
      stored.set(event.id, event);
      for (const a of event.accounts) {
        const copy = postingOf(a);
        if (!byKey.has(accountKey(a)) && inRanges(copy, ranges)) byKey.set(accountKey(a), copy);
      }
    }
    component = componentNow();
  }
  return {
    postings: [...component].map((key) => byKey.get(key) as Posting),
    stored: [...stored.values()].filter(
      (event) => pinned.has(event.id) || event.accounts.some((a) => component.has(accountKey(a))),
    ),
    window: new Map(window.map((p) => [accountKey(p), p])),
    corrections,
  };
}

/** Writes a plan: holders noted first, then events, then retired ids; false on the first conflict. */
async function write(repo: EventRepository, plan: Plan, pinned: Set<string>): Promise<boolean> {
  for (const { event, unheld } of plan.writes) if (unheld.length) await repo.hold(unheld, event.id);
  for (const { event, stored } of plan.writes) {
    if (stored ? await repo.update(event, stored) : await repo.create(event)) continue;
    // A live event under this id that no posting of ours led to: read it next time, directly.
    pinned.add(event.id);
    return false;
  }
  for (const { event, into } of plan.retired) if (!(await repo.absorb(event, into))) return false;
  return true;
}

/** Whether the window reads as it did, but for the holders we added ourselves. */
async function unchangedSince(
  repo: EventRepository,
  ranges: SortRange[],
  read: Neighbourhood,
  plan: Plan,
): Promise<boolean> {
  const ours = new Map<string, string[]>();
  for (const { event, unheld } of plan.writes)
    for (const a of unheld) ours.set(accountKey(a), [...(ours.get(accountKey(a)) ?? []), event.id]);
  const again = new Map((await repo.postingsIn(ranges)).map((p) => [accountKey(p), p]));
  if (again.size !== read.window.size) return false;
  if ((await correctionsOf(repo)).length !== read.corrections.length) return false;
  return [...again.values()].every((p) => {
    const before = read.window.get(accountKey(p));
    return before !== undefined && snapshotOf(before, ours.get(accountKey(p))) === snapshotOf(p);
  });
}

export interface Settled {
  /** Events written (created, updated or revived). */
  written: number;
  /** Ids retired into another event. */
  retired: number;
  /** The events the neighbourhood's accounts make now. */
  events: TimelineEvent[];
}

/**
 * Brings the events around `seeds` (accounts already filed) in line with their accounts: reads the
 * neighbourhood, clusters it, writes what changed, then reads the window's postings again and starts
 * over if anything in them changed meanwhile (a new account, or an event someone else wrote that
 * holds one of them).
 *
 * Why a stale writer is always corrected: every worker files its accounts before it reads, and notes
 * an event's accounts on their postings (hold) before it writes the event. Take the worker whose
 * writes land last on this neighbourhood. It read the window after filing its own accounts; it
 * re-reads after its writes. Any account filed, or any event written by someone else, before that
 * re-read shows in it (a new posting, or a new holder on a posting), so it redoes its clustering
 * with it. Anything filed after that re-read belongs to a worker that reads after our writes, so its
 * own clustering sees them and its writes land later: it is then the last writer, and the argument
 * applies to it. Updates name the version read, so two writers of one event cannot both succeed on
 * stale reads; the loser reads again.
 */
export async function settle(repo: EventRepository, seeds: Posting[], on: string): Promise<Settled> {
  const done: Settled = { written: 0, retired: 0, events: [] };
  const queue = seedsByBlock(seeds, true);
  const settledKeys = new Set<string>();
  const seeded = new Set(seeds.map(accountKey));
  // One block at a time: clustered together, an article's accounts in two months would join across them.
  for (let next = queue.shift(); next; next = queue.shift()) {
    // A block an editor's merge had settled with another, around these very accounts.
    if (next.seeds.postings.every((p) => settledKeys.has(accountKey(p)))) continue;
    const settled = await settleBlock(repo, next.block, next.seeds, on);
    for (const event of settled.events) for (const a of event.accounts) settledKeys.add(accountKey(a));
    done.written += settled.written;
    done.retired += settled.retired;
    done.events.push(...settled.events);
    // An event stored before blocks were fixed may hold accounts of another block, which this one's
    // events no longer hold: settle their block too, so they are never left without an event.
    // Each account seeds at most one settle: one that reaches no event (a copy no posting files, of
    // an event since retired) must not send the walk round again.
    const unsettled = settled.outside.filter(
      (p) => !settledKeys.has(accountKey(p)) && !seeded.has(accountKey(p)),
    );
    for (const p of unsettled) seeded.add(accountKey(p));
    queue.push(...seedsByBlock(unsettled, false));
  }
  return done;
}

/** The blocks of `postings`, in order, each with its postings as the seeds of its settle. */
function seedsByBlock(postings: Posting[], filed: boolean): Array<{ block: SortRange; seeds: Seeds }> {
  const byBlock = new Map<string, { block: SortRange; seeds: Seeds }>();
  for (const posting of postings) {
    const block = blockOf(posting);
    const entry = byBlock.get(block.lower) ?? { block, seeds: { postings: [], filed } };
    entry.seeds.postings.push(posting);
    byBlock.set(block.lower, entry);
  }
  return [...byBlock.values()].sort((a, b) => a.block.lower.localeCompare(b.block.lower));
}

/**
 * The blocks of accounts an editor merged with accounts of `read` that it lacks. An editor may join
 * events of two months; every settle of either month then settles both as one, so the merge holds
 * whichever month's article arrives (and the events stay a function of the stored accounts).
 */
async function mergedBlocks(repo: EventRepository, read: Neighbourhood, ranges: SortRange[]) {
  const present = new Set(read.postings.map(accountKey));
  const wanted = new Set<string>();
  for (const edit of inForce(read.corrections)) {
    if (edit.verb !== 'merge' || !edit.accounts.some((key) => present.has(key))) continue;
    for (const key of edit.accounts) if (!present.has(key)) wanted.add(key);
  }
  if (!wanted.size) return [];
  const elsewhere = await repo.postingsOf([...wanted].map(accountRefOf));
  return neighbourhoodRanges(elsewhere).filter((block) => !ranges.some((r) => r.lower === block.lower));
}

/** The blocks' neighbourhood, grown by the blocks editors' merges reach into until none is missing. */
async function readMergedNeighbourhood(
  repo: EventRepository,
  ranges: SortRange[],
  pinned: Set<string>,
  seeds: Seeds,
): Promise<Neighbourhood> {
  let read = await readNeighbourhood(repo, ranges, pinned, seeds);
  for (let more = await mergedBlocks(repo, read, ranges); more.length; ) {
    ranges.push(...more);
    ranges.sort((a, b) => a.lower.localeCompare(b.lower));
    read = await readNeighbourhood(repo, ranges, pinned, seeds);
    more = await mergedBlocks(repo, read, ranges);
  }
  return read;
}

async function settleBlock(
  repo: EventRepository,
  block: SortRange,
  seeds: Seeds,
  on: string,
): Promise<Settled & { outside: Posting[] }> {
  const ranges = [block];
  const pinned = new Set<string>();
  const done = { written: 0, retired: 0, events: [] as TimelineEvent[], outside: [] as Posting[] };
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (attempt > 0) await pause(attempt);
    const read = await readMergedNeighbourhood(repo, ranges, pinned, seeds);
    const plan = planEvents(read.postings, read.stored, read.corrections);
    done.events = plan.events;
    done.outside = read.stored.flatMap((event) =>
      event.accounts.map((a) => postingOf(a)).filter((p) => !inRanges(p, ranges)),
    );
    if (!plan.writes.length && !plan.retired.length) return done;
    if (!(await write(repo, plan, pinned))) continue;
    done.written += plan.writes.length;
    done.retired += plan.retired.length;
    if (await unchangedSince(repo, ranges, read, plan)) return done;
  }
  throw new WriteConflictError(on);
}
