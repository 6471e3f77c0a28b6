import type { Correction } from '../../lib/corrections/index.ts';
import {
  type AccountRef,
  contentOf,
  type EventRepository,
  type Posting,
  type PostingPages,
  postingSortKey,
  type SortRange,
} from '../../lib/dedup/index.ts';
import { assertStorable } from '../../lib/store/invalid-items.ts';
import { sortKeyOf, type TimelineEvent, TimelineEventSchema } from '../../lib/timeline/index.ts';

/**
 * The EventRepository port in memory, with DynamoDB's conditional semantics (create only when absent
 * or retired, update only from the version read, retired events left as pointers, filing an account
 * again keeps its holders, reads that hand out copies, writes that refuse what would not read back):
 * for the dedup eval and for property tests of the dedup logic. tests/contract runs the same
 * behavioural suite on it and on the DynamoDB adapter, so the two cannot drift apart.
 */
export class MemoryEvents implements EventRepository, PostingPages {
  readonly items = new Map<string, TimelineEvent | { mergedInto: string; version: number }>();
  readonly postings = new Map<string, Posting>();
  readonly log: Correction[] = [];
  requests = 0;

  async corrections(): Promise<Correction[]> {
    this.requests++;
    // Stored by when made, as the table's sort key (`at#id`) orders them, whatever order they came in.
    const key = (c: Correction) => `${c.at}#${c.id}`;
    return structuredClone(this.log).sort((a, b) => (key(a) < key(b) ? -1 : 1));
  }

  async append(correction: Correction): Promise<void> {
    this.requests++;
    if (this.log.some((c) => c.id === correction.id)) throw new Error(`correction ${correction.id} exists`);
    this.log.push(structuredClone(correction));
  }

  private live(): TimelineEvent[] {
    return [...this.items.values()].filter((item): item is TimelineEvent => !('mergedInto' in item));
  }

  async postingsIn(ranges: SortRange[]): Promise<Posting[]> {
    this.requests += ranges.length;
    return [...this.postings.values()]
      .filter((posting) => {
        const key = postingSortKey(posting);
        return ranges.some(({ lower, upper }) => key >= lower && key <= upper);
      })
      .sort((a, b) => postingSortKey(a).localeCompare(postingSortKey(b)))
      .map((posting) => structuredClone(posting));
  }

  async postingsAfter(after: string | undefined, limit: number): Promise<Posting[]> {
    this.requests++;
    return [...this.postings.values()]
      .filter((posting) => after === undefined || postingSortKey(posting) > after)
      .sort((a, b) => postingSortKey(a).localeCompare(postingSortKey(b)))
      .slice(0, limit)
      .map((posting) => structuredClone(posting));
  }

  async countPostings(): Promise<number> {
    this.requests++;
    return this.postings.size;
  }

  async postingsOf(refs: AccountRef[]): Promise<Posting[]> {
    // BatchGetItem: up to 100 keys a request.
    this.requests += Math.ceil(refs.length / 100);
    // BatchGetItem refuses a key twice, so the store asks each once: each posting comes back once.
    const keys = new Set(refs.map((ref) => `${ref.articleId}#${ref.position}`));
    return [...keys].flatMap((key) => {
      const posting = this.postings.get(key);
      return posting ? [structuredClone(posting)] : [];
    });
  }

  async post(posting: Posting): Promise<void> {
    this.requests++;
    const key = `${posting.articleId}#${posting.position}`;
    const heldBy = this.postings.get(key)?.heldBy;
    this.postings.set(key, { ...structuredClone(contentOf(posting)), ...(heldBy ? { heldBy } : {}) });
  }

  async hold(refs: AccountRef[], id: string): Promise<void> {
    for (const ref of refs) {
      this.requests++;
      const posting = this.postings.get(`${ref.articleId}#${ref.position}`);
      if (posting) posting.heldBy = [...new Set([...(posting.heldBy ?? []), id])].sort();
    }
  }

  async get(id: string): Promise<TimelineEvent | undefined> {
    this.requests++;
    const item = this.items.get(id);
    return item && !('mergedInto' in item) ? structuredClone(item) : undefined;
  }

  async getMany(ids: string[]): Promise<TimelineEvent[]> {
    // BatchGetItem: up to 100 keys a request.
    this.requests += Math.ceil(ids.length / 100);
    return [...new Set(ids)].sort().flatMap((id) => {
      const item = this.items.get(id);
      return item && !('mergedInto' in item) ? [structuredClone(item)] : [];
    });
  }

  async resolve(id: string): Promise<string | undefined> {
    this.requests++;
    let current = id;
    for (let hop = 0; hop < 20; hop++) {
      const item = this.items.get(current);
      if (!item) return undefined;
      if (!('mergedInto' in item)) return current;
      current = item.mergedInto;
    }
    return undefined;
  }

  async create(event: TimelineEvent): Promise<boolean> {
    this.requests++;
    assertStorable(TimelineEventSchema, event, 'event');
    const current = this.items.get(event.id);
    if (current && !('mergedInto' in current)) return false;
    this.items.set(event.id, structuredClone(event));
    return true;
  }

  async update(event: TimelineEvent): Promise<boolean> {
    this.requests++;
    assertStorable(TimelineEventSchema, event, 'event');
    const current = this.items.get(event.id);
    if (!current || current.version !== event.version - 1 || 'mergedInto' in current) return false;
    this.items.set(event.id, structuredClone(event));
    return true;
  }

  async absorb(event: TimelineEvent, into: string): Promise<boolean> {
    this.requests++;
    const current = this.items.get(event.id);
    if (!current || current.version !== event.version) return false;
    this.items.set(event.id, { mergedInto: into, version: event.version + 1 });
    return true;
  }

  events(): TimelineEvent[] {
    return this.live().sort((a, b) => sortKeyOf(a).localeCompare(sortKeyOf(b)));
  }
}

/**
 * The same store seen through some methods of the caller's: a crash or an interleaving injected at
 * one step, with every other call, and all the data, going to `repo`.
 */
export function interposed(repo: MemoryEvents, methods: Partial<EventRepository>): MemoryEvents {
  return Object.assign(Object.create(repo), methods) as MemoryEvents;
}
