import { accountKey } from './cluster.ts';
import { linkingTerms } from './cluster-links.ts';
import type { Posting } from './posting.ts';

/**
 * The accounts a settle must cluster with `seeds`: those reachable from them through a shared linking
 * term, an event that holds both (a posting's `heldBy`), or a tie (the accounts of a stored event, or
 * of an editor's merge). clusterAccounts on a block gives the same clusters as clusterAccounts on each
 * of these components alone: every holder of a term is in one component, so the candidate search's
 * term weights and bound are the component's own, and no rule joins two accounts that share no term
 * (docs/decisions/bounded-blocking.md). So a new account of a busy day reads and clusters the few
 * accounts that can be its event's, not the day's thousands of others.
 */
export function componentOf(
  postings: Posting[],
  seeds: Iterable<string>,
  ties: string[][] = [],
): Set<string> {
  const keys = postings.map(accountKey);
  const index = new Map(keys.map((key, i) => [key, i]));
  // Each account's connectors, prefixed by kind so a term never meets an event id of the same text.
  const connectors = postings.map((posting) => [
    ...linkingTerms(posting).map((term) => `t:${term}`),
    ...(posting.heldBy ?? []).map((id) => `e:${id}`),
  ]);
  ties.forEach((tie, n) => {
    for (const key of tie) connectors[index.get(key) ?? -1]?.push(`c:${n}`);
  });
  const members = new Map<string, number[]>();
  connectors.forEach((list, i) => {
    for (const connector of list) {
      const holders = members.get(connector);
      if (holders) holders.push(i);
      else members.set(connector, [i]);
    }
  });
  const reached = new Set<number>();
  const queue = [...seeds].flatMap((key) => index.get(key) ?? []);
  for (const i of queue) reached.add(i);
  const crossed = new Set<string>();
  for (let i = queue.pop(); i !== undefined; i = queue.pop())
    for (const connector of connectors[i] as string[]) {
      if (crossed.has(connector)) continue;
      crossed.add(connector);
      for (const j of members.get(connector) as number[])
        if (!reached.has(j)) {
          reached.add(j);
          queue.push(j);
        }
    }
  return new Set([...reached].map((i) => keys[i] as string));
}
