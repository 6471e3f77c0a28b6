import { describe, expect, it } from 'vitest';
import { type Candidate, CandidateQueue } from '../../lib/dedup/cluster-heap.ts';

const drain = (queue: CandidateQueue): Candidate[] => {
  const out: Candidate[] = [];
  const top: Candidate = { share: 0, a: 0, b: 0 };
  while (queue.pop(top)) out.push({ ...top });
  return out;
};

/** Best share first, then the smaller ids: the order agglomeration joins in. */
const inOrder = (list: Candidate[]) => [...list].sort((x, y) => y.share - x.share || x.a - y.a || x.b - y.b);

/** A fixed, shuffled set of candidates with many ties, past the queue's first capacity. */
function candidates(count: number): Candidate[] {
  const list: Candidate[] = [];
  for (let n = 0; n < count; n++)
    list.push({ share: ((n * 7919) % 13) / 13, a: (n * 31) % 17, b: (n * 53) % 23 });
  return list;
}

describe('CandidateQueue: the join queue of the clusterer', () => {
  it('pops best share first and breaks ties by the smaller ids, whatever the push order', () => {
    const list = candidates(3000);
    for (const order of [list, [...list].reverse()]) {
      const queue = new CandidateQueue();
      for (const c of order) queue.push(c.share, c.a, c.b);
      expect(queue.size).toBe(3000);
      expect(drain(queue)).toEqual(inOrder(list));
      expect(queue.size).toBe(0);
    }
  });

  it('keeps only what retain accepts, still in order, and takes pushes after it', () => {
    const list = candidates(2500);
    const queue = new CandidateQueue();
    for (const c of list) queue.push(c.share, c.a, c.b);
    queue.retain((share, a) => share > 0.5 && a % 2 === 0);
    queue.push(1, 99, 100);
    const kept = list.filter((c) => c.share > 0.5 && c.a % 2 === 0);
    expect(drain(queue)).toEqual([{ share: 1, a: 99, b: 100 }, ...inOrder(kept)]);
  });

  it('answers false when empty', () => {
    expect(new CandidateQueue().pop({ share: 0, a: 0, b: 0 })).toBe(false);
  });
});
