import { absorbInto, canJoin, type Group, groupOf, type MemberFacts, memberDays } from './cluster-groups.ts';
import type { Link } from './cluster-links.ts';
import type { Posting } from './posting.ts';

/** Rounds of moves: the second settles what the first moved; more changed nothing measured. */
const PASSES = 2;

/** What refinement must respect besides the links: editors' splits, and accounts they put together. */
export interface RefineConstraints {
  /** Index pairs an editor split apart; undefined when an editor split none. */
  splitApart: ((i: number, j: number) => boolean) | undefined;
  /** Accounts an editor must-linked to another: they stay where agglomeration put them. */
  pinned: Set<number>;
}

interface Graph {
  size: number;
  weights: Array<Map<number, number>>;
  /** Each account's partners in a pair strong enough to bridge two days. */
  bridges: number[][];
  keptApart: Set<number>;
}

function graphOf(size: number, links: Link[]): Graph {
  const graph: Graph = {
    size,
    weights: Array.from({ length: size }, () => new Map()),
    bridges: Array.from({ length: size }, () => []),
    keptApart: new Set(),
  };
  for (const link of links) {
    graph.weights[link.i]?.set(link.j, link.weight);
    graph.weights[link.j]?.set(link.i, link.weight);
    if (link.bridgesDays) {
      graph.bridges[link.i]?.push(link.j);
      graph.bridges[link.j]?.push(link.i);
    }
    if (link.keptApart) graph.keptApart.add(link.i * size + link.j).add(link.j * size + link.i);
  }
  return graph;
}

/** A group of these members, as canJoin judges groups, from each member's group alone (left as they are). */
function groupFrom(members: Iterable<number>, postings: Posting[], alone: Group[]): Group {
  let group: Group | undefined;
  for (const i of members)
    if (group) absorbInto(group, alone[i] as Group);
    else group = groupOf(i, postings[i] as Posting);
  return group as Group;
}

class Moves {
  readonly owner: Int32Array;
  readonly members = new Map<number, Set<number>>();
  /** Each group as canJoin judges it, built when first asked and dropped when the group changes. */
  private readonly judged = new Map<number, Group>();
  /**
   * Each account as a group of its own, made once: every move asks canJoin of it and every rebuilt
   * group absorbs it, and neither changes it.
   */
  private readonly alone: Group[];
  private readonly facts: MemberFacts;

  constructor(
    groups: number[][],
    private readonly graph: Graph,
    private readonly postings: Posting[],
    private readonly bar: number,
    private readonly constraints: RefineConstraints,
  ) {
    this.owner = new Int32Array(graph.size);
    this.alone = postings.map((posting, i) => groupOf(i, posting));
    const days = memberDays(postings);
    const { keptApart, size } = graph;
    this.facts = { keptApart: (x, y) => keptApart.has(x * size + y), dayOf: (i) => days[i] };
    groups.forEach((group, g) => {
      this.members.set(g, new Set(group));
      for (const i of group) this.owner[i] = g;
    });
  }

  /** What each group holding a link of `i` gains from holding `i`: its links' weight over the bar. */
  private gains(i: number): Map<number, number> {
    const gains = new Map<number, number>();
    (this.graph.weights[i] as Map<number, number>).forEach((weight, j) => {
      const g = this.owner[j] as number;
      gains.set(g, (gains.get(g) ?? 0) + weight - this.bar);
    });
    return gains;
  }

  /** Whether `i` has a pair strong enough to bridge two days with an account of group `g`. */
  private bridgesInto(i: number, g: number): boolean {
    return (this.graph.bridges[i] as number[]).some((j) => this.owner[j] === g);
  }

  private groupOf(g: number): Group {
    let group = this.judged.get(g);
    if (!group) {
      group = groupFrom(this.members.get(g) as Set<number>, this.postings, this.alone);
      this.judged.set(g, group);
    }
    return group;
  }

  private allowed(i: number, g: number): boolean {
    const { splitApart } = this.constraints;
    if (splitApart) for (const j of this.members.get(g) as Set<number>) if (splitApart(i, j)) return false;
    return canJoin(this.alone[i] as Group, this.groupOf(g), this.bridgesInto(i, g), this.facts);
  }

  /** Moves `i` where it gains most, if that beats where it is; whether it moved. */
  move(i: number): boolean {
    if (this.constraints.pinned.has(i)) return false;
    const own = this.owner[i] as number;
    // An account that bridges its group's two days holds it together: it stays.
    if (this.bridgesInto(i, own)) return false;
    const gains = this.gains(i);
    let [best, most] = [own, gains.get(own) ?? 0];
    for (const [g, gain] of gains) {
      if (g === own || gain <= most || gain <= 0) continue;
      if (!this.allowed(i, g)) continue;
      [best, most] = [g, gain];
    }
    if (best === own) return false;
    (this.members.get(own) as Set<number>).delete(i);
    (this.members.get(best) as Set<number>).add(i);
    this.owner[i] = best;
    this.judged.delete(own);
    this.judged.delete(best);
    return true;
  }
}

/**
 * Local moves after agglomeration. A greedy merge order leaves an account in whichever group reached
 * it first, and that order rests on ties between equal shares, broken by account order, which sorts
 * by article id: the same story under other addresses clustered differently (pairwise F1 0.50 to
 * 0.77 on one dev set, docs/decisions/tie-breaks-by-article-id.md). Each account, in account order,
 * moves to the group whose links to it weigh most over the join bar (summed, as correlation
 * clustering counts them), when that beats its own group's and the cannot-links allow it; an account
 * that bridges its group's two days, or that an editor put with another, stays.
 */
export function refineGroups(
  groups: number[][],
  postings: Posting[],
  links: Link[],
  bar: number,
  constraints: RefineConstraints,
): number[][] {
  const moves = new Moves(groups, graphOf(postings.length, links), postings, bar, constraints);
  for (let pass = 0; pass < PASSES; pass++) {
    let moved = false;
    for (let i = 0; i < postings.length; i++) moved = moves.move(i) || moved;
    if (!moved) break;
  }
  return [...moves.members.values()].filter((set) => set.size > 0).map((set) => [...set]);
}
