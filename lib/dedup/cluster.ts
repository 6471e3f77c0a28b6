import type { ArticleAccount } from './accounts.ts';
import { absorbInto, canJoin, type Group, groupOf, type MemberFacts, memberDays } from './cluster-groups.ts';
import { type Candidate, CandidateQueue } from './cluster-heap.ts';
import { CLUSTER_RULES, type ClusterRules, type Link, linksOf } from './cluster-links.ts';
import { refineGroups } from './cluster-refine.ts';
import { type Posting, postingOf, postingSortKey } from './posting.ts';

export type Clusterable = Posting | ArticleAccount;

export interface ClusterOptions {
  rules?: ClusterRules;
  /** Pairs of account keys (`articleId#position`) an editor put together: joined before anything else. */
  mustLink?: Array<[string, string]>;
  /** Pairs of account keys an editor split apart: no join ever puts them in one group. */
  cannotLink?: Array<[string, string]>;
}

export const accountKey = (account: Pick<Posting, 'articleId' | 'position'>) =>
  `${account.articleId}#${account.position}`;

/** The account an `accountKey` names (corrections store accounts by key). */
export function accountRefOf(key: string): Pick<Posting, 'articleId' | 'position'> {
  const at = key.lastIndexOf('#');
  return { articleId: key.slice(0, at), position: Number(key.slice(at + 1)) };
}

const asPosting = (item: Clusterable): Posting =>
  'account' in item ? postingOf(item.account, item.sameDay) : item;

/** Links between two groups: the summed weight of their cross pairs, and whether one bridges two days. */
interface Between {
  joins: number;
  bridged: boolean;
  /**
   * The share and bridge agglomerate last queued this pair with (NaN: never). Kept on the pair's
   * links, not in a map by pair: a busy day offers tens of thousands of pairs, and a map entry per
   * offer was the merge loop's largest cost.
   */
  offeredShare: number;
  offeredBridged: boolean;
}

const linksBetween = (joins: number, bridged: boolean): Between => ({
  joins,
  bridged,
  offeredShare: Number.NaN,
  offeredBridged: false,
});

interface Ordered<T> {
  item: T;
  posting: Posting;
  sortKey: string;
  /** The whole posting as text, read only when two share a sort key (an account filed twice). */
  content?: string;
}

const contentOf = (entry: Ordered<unknown>) => {
  entry.content ??= JSON.stringify(entry.posting);
  return entry.content;
};

/** By sort key, then by content: an order that depends on the accounts alone. */
function compareOrdered(a: Ordered<unknown>, b: Ordered<unknown>): number {
  if (a.sortKey !== b.sortKey) return a.sortKey < b.sortKey ? -1 : 1;
  const [x, y] = [contentOf(a), contentOf(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The accounts once each, in an order that depends on their content alone. */
function canonical<T extends Clusterable>(items: T[]): Array<{ item: T; posting: Posting }> {
  const byKey = new Map<string, Ordered<T>>();
  for (const item of items) {
    const posting = asPosting(item);
    const entry = { item, posting, sortKey: postingSortKey(posting) };
    const kept = byKey.get(accountKey(posting));
    if (!kept || compareOrdered(entry, kept) < 0) byKey.set(accountKey(posting), entry);
  }
  return [...byKey.values()].sort(compareOrdered);
}

/** Below this many queued candidates, stale ones cost less to pop than to sweep. */
const COMPACT_FROM = 4_096;

class Agglomeration {
  /**
   * The groups by id, undefined once joined into another; and for each live group, the groups it has
   * links with. Arrays by id, not maps: every candidate queued and popped looks both up.
   */
  private readonly groups: Array<Group | undefined> = [];
  private readonly between: Array<Map<number, Between> | undefined> = [];
  private readonly keptApart = new Set<number>();
  /** Index pairs an editor split apart, as `min * size + max`. */
  readonly splitApart = new Set<number>();
  private readonly size: number;
  private readonly neighbours: number;
  /** Groups of at least `neighbours` accounts: past that size the blocking bound caps their pairs. */
  private readonly large = new Set<number>();
  /** The judged pairs, kept for the local moves after agglomeration. */
  readonly links: Link[];
  private readonly facts: MemberFacts;

  constructor(postings: Posting[], rules: ClusterRules) {
    this.neighbours = rules.neighbours;
    this.size = postings.length;
    const days = memberDays(postings);
    this.facts = { keptApart: this.apart, dayOf: (i) => days[i] };
    postings.forEach((posting, i) => {
      this.groups.push(groupOf(i, posting));
      this.between.push(new Map());
    });
    this.links = linksOf(postings, rules);
    for (const link of this.links) {
      this.add(link.i, link.j, linksBetween(link.weight, link.bridgesDays));
      if (link.keptApart) this.keptApart.add(link.i * this.size + link.j);
    }
  }

  /**
   * Both rows of a pair hold one object, summed into in place: a wire story's joins add links to
   * the grown group's pairs thousands of times, and a fresh object each time was the garbage
   * collector's.
   */
  private add(a: number, b: number, links: Between): void {
    const row = this.between[a] as Map<number, Between>;
    const kept = row.get(b);
    if (kept) {
      kept.joins += links.joins;
      kept.bridged ||= links.bridged;
      return;
    }
    // Moved to a pair of its own: it was never offered for this one.
    links.offeredShare = Number.NaN;
    links.offeredBridged = false;
    row.set(b, links);
    (this.between[b] as Map<number, Between>).set(a, links);
  }

  /**
   * The cross pairs two groups' links can show: all of them for groups no larger than the blocking
   * bound, else as many as each account of the smaller group is judged against.
   */
  private pairsJudged(a: number, b: number): number {
    return Math.min(a * b, this.neighbours * Math.min(a, b));
  }

  /** A live group by id. */
  group(id: number): Group {
    return this.groups[id] as Group;
  }

  /** The live groups, by id. */
  liveGroups(): Group[] {
    return this.groups.filter((group) => group !== undefined);
  }

  private readonly pairOf = (i: number, j: number) => Math.min(i, j) * this.size + Math.max(i, j);

  private readonly apart = (i: number, j: number) => this.keptApart.has(this.pairOf(i, j));

  /** Whether an editor split some account of `a` from some account of `b`. */
  split(a: Group, b: Group): boolean {
    if (!this.splitApart.size) return false;
    return a.members.some((i) => b.members.some((j) => this.splitApart.has(this.pairOf(i, j))));
  }

  keepApart(i: number, j: number): void {
    this.splitApart.add(this.pairOf(i, j));
  }

  readonly isSplit = (i: number, j: number) => this.splitApart.has(this.pairOf(i, j));

  /** `b` into `a`; the joined group takes the smaller id, and every link of both. */
  merge(a: number, b: number): { kept: number; gained: number[] } {
    const [keep, gone] = a < b ? [a, b] : [b, a];
    const joined = this.group(keep);
    absorbInto(joined, this.group(gone));
    this.groups[gone] = undefined;
    this.large.delete(gone);
    if (joined.members.length >= this.neighbours) this.large.add(keep);
    const goneLinks = this.between[gone] as Map<number, Between>;
    this.between[gone] = undefined;
    (this.between[keep] as Map<number, Between>).delete(gone);
    const gained: number[] = [];
    goneLinks.forEach((links, other) => {
      if (other === keep) return;
      this.between[other]?.delete(gone);
      this.add(keep, other, links);
      gained.push(other);
    });
    return { kept: keep, gained };
  }

  /**
   * The groups whose pair with `kept` may score differently after it grew from `before` accounts:
   * those the absorbed group had links with; all of them while `kept` was smaller than the blocking
   * bound, and past it those larger than `kept` was (for the rest the bound caps the pairs judged:
   * see pairsJudged). Every other pair's share is what it was, and its queued candidate still stands.
   */
  private changedPairs(kept: number, before: number, gained: number[]): ReadonlySet<number> | 'all' {
    if (before < this.neighbours) return 'all';
    const row = this.between[kept] as Map<number, Between>;
    const changed = new Set(gained);
    for (const other of this.large)
      if (other !== kept && row.has(other) && this.group(other).members.length > before) changed.add(other);
    return changed;
  }

  /** The share of joining cross pairs of two live groups with these links (average link). */
  private shareOf(a: number, b: number, links: Between): number {
    return links.joins / this.pairsJudged(this.group(a).members.length, this.group(b).members.length);
  }

  /**
   * Whether a queued candidate still stands: both groups live, and their share as it was scored. A
   * joined group's row is dropped, and every live row drops the joined group.
   */
  private readonly fresh = (share: number, a: number, b: number): boolean => {
    const links = this.between[a]?.get(b);
    return links !== undefined && this.shareOf(a, b, links) === share;
  };

  /**
   * Joins, best first, every allowed pair of groups whose share of joining cross pairs (average
   * link) is at least `join`; ties go to the smaller ids, so the result never depends on input
   * order. A candidate scored on groups that have since grown is dropped: the grown group's pairs
   * were queued again when it grew.
   */
  agglomerate(join: number): void {
    const queue = new CandidateQueue();
    // Each pair's links keep what it was last queued with: a pair whose share and day bridge a join
    // left as they were is still queued, fresh, and need not be queued again. A wire story's copies joining one
    // by one change the big group's share with few of the others, and re-queuing all of them at
    // every join cost the square of the story's carriers.
    const offer = (x: number, y: number, links: Between, again: boolean) => {
      const a = Math.min(x, y);
      const b = Math.max(x, y);
      const share = this.shareOf(a, b, links);
      // Below the bar a pair can only rise when one of its groups grows, and is offered again then.
      if (share < join) return;
      if (!again && links.offeredShare === share && links.offeredBridged === links.bridged) return;
      links.offeredShare = share;
      links.offeredBridged = links.bridged;
      queue.push(share, a, b);
    };
    // By index and forEach: a for-of over map entries made an array per link.
    for (let a = 0; a < this.between.length; a++)
      this.between[a]?.forEach((links, b) => {
        if (a < b) offer(a, b, links, true);
      });
    // Every join re-offers the grown group's changed pairs and leaves their old scores stale in the
    // queue. Dropped in one pass whenever the queue has doubled, so it stays near its live size;
    // only fresh ones ever pop.
    let compactAt = Math.max(COMPACT_FROM, 2 * queue.size);
    const c: Candidate = { share: 0, a: 0, b: 0 };
    while (queue.pop(c) && c.share >= join) {
      if (!this.fresh(c.share, c.a, c.b)) continue;
      const links = this.between[c.a]?.get(c.b) as Between;
      const [ga, gb] = [this.group(c.a), this.group(c.b)];
      if (!canJoin(ga, gb, links.bridged, this.facts) || this.split(ga, gb)) continue;
      // `a` is kept (the smaller id) and grows in place.
      const [daysBefore, sizeBefore] = [ga.days.size, ga.members.length];
      const { kept, gained } = this.merge(c.a, c.b);
      const row = this.between[kept] as Map<number, Between>;
      // A group that now holds both days of a bridged pair may join a group of either day without a
      // bridge of its own (canJoin): its refused pairs must be judged again, changed or not.
      const again = ga.days.size !== daysBefore;
      const changed = again ? 'all' : this.changedPairs(kept, sizeBefore, gained);
      // By forEach: a for-of over either a map's keys or a set made an iterator result per pair.
      if (changed === 'all')
        row.forEach((links, other) => {
          offer(kept, other, links, again);
        });
      else
        changed.forEach((other) => {
          offer(kept, other, row.get(other) as Between, again);
        });
      if (queue.size < compactAt) continue;
      queue.retain(this.fresh);
      compactAt = Math.max(COMPACT_FROM, 2 * queue.size);
    }
  }
}

/**
 * Groups accounts into events: agglomerative clustering with average linkage over the pairwise
 * match rules, under cannot-links that no chain of links gets round (see canJoin). Two groups join
 * when at least `rules.join` of their cross pairs match, judged on both groups whole, so one
 * loosely worded or coarsely dated account cannot pull two events together as a single link did.
 * Then each account may move to the group its links favour most (refineGroups), so the merge
 * order's ties do not decide where it ends.
 * Deterministic: the same accounts in any order give the same clusters (each sorted by postingSortKey,
 * the clusters by their first account).
 *
 * @example clusterAccounts([...article1.accounts, ...article2.accounts]) // → [[a1, b2], [a2], …]
 */
export function clusterAccounts<T extends Clusterable>(items: T[], options: ClusterOptions = {}): T[][] {
  const rules = options.rules ?? CLUSTER_RULES;
  const entries = canonical(items);
  const work = new Agglomeration(
    entries.map((e) => e.posting),
    rules,
  );
  const indexOf = new Map(entries.map((e, i) => [accountKey(e.posting), i]));
  const indices = (pairs: Array<[string, string]> = []) =>
    pairs.flatMap(([x, y]) => {
      const [i, j] = [indexOf.get(x), indexOf.get(y)];
      return i === undefined || j === undefined ? [] : [[i, j] as const];
    });
  for (const [i, j] of indices(options.cannotLink)) work.keepApart(i, j);
  const pinned = new Set<number>();
  for (const [i, j] of indices(options.mustLink)) {
    pinned.add(i).add(j);
    const [gi, gj] = [groupHolding(work, i), groupHolding(work, j)];
    // An editor's must-link never overrides their own cannot-link (corrections settle which is later).
    if (gi !== gj && !work.split(work.group(gi), work.group(gj))) work.merge(gi, gj);
  }
  work.agglomerate(rules.join);
  const groups = refineGroups(
    work.liveGroups().map((group) => group.members),
    entries.map((e) => e.posting),
    work.links,
    rules.join,
    { splitApart: options.cannotLink?.length ? work.isSplit : undefined, pinned },
  );
  return groups
    .map((members) => [...members].sort((x, y) => x - y))
    .sort((a, b) => (a[0] as number) - (b[0] as number))
    .map((members) => members.map((i) => (entries[i] as { item: T }).item));
}

function groupHolding(work: Agglomeration, index: number): number {
  for (const group of work.liveGroups()) if (group.members.includes(index)) return group.id;
  throw new Error(`no group holds account ${index}`);
}
