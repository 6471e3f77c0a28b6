import { LRUCache } from 'lru-cache';
import { changedSince, type TimelineHead } from './change-log.ts';
import { carries, type ListedEvent, type RangeRequest, type TimelineReader } from './page.ts';
import { sortKeyOf } from './sort-key.ts';

/** Events of listings kept across versions, unless configured: two hundred first pages of 50. */
export const DEFAULT_KEPT_EVENTS = 10_000;
/**
 * A kept listing is read whole again at least this often. Patching re-reads only what the log names,
 * so this bounds how long a listing keeps what a full read missed: an event DynamoDB's eventually
 * consistent index had not yet shown it, though its version had moved.
 */
export const DEFAULT_REREAD_MS = 60_000;

export interface PatchOptions {
  /** The most events the kept listings may hold, all listings together; 0 keeps none. */
  keptEvents?: number;
  rereadMs?: number;
  now?: () => number;
}

type PatchableReader = TimelineReader & Required<Pick<TimelineReader, 'head' | 'listedByIds'>>;

export function patchable(reader: TimelineReader): reader is PatchableReader {
  return typeof reader.head === 'function' && typeof reader.listedByIds === 'function';
}

/**
 * A listing's first events as they stood at `version`: every event of the range up to `boundary`
 * (the sort key of the last one read; the whole range when undefined), in the listing's order.
 */
interface Kept {
  version: number;
  /** When the full read it descends from started: patches keep it. */
  readAt: number;
  events: ListedEvent[];
  boundary?: string;
}

const precedes = (order: RangeRequest['order'], a: string, b: string) => (order === 'asc' ? a < b : a > b);

/** Whether a fresh read of the range would yield the event: its sort key in bounds, its hint carried. */
function belongs(event: ListedEvent, request: RangeRequest): boolean {
  const key = sortKeyOf(event);
  if (key < request.lower || key > request.upper) return false;
  if (request.after !== undefined && !precedes(request.order, request.after, key)) return false;
  return !request.via || carries(event, request.via);
}

/**
 * The kept events brought to a later version: each changed event taken out wherever it was, and put
 * back where it sorts now if it is still live (in `current`), still belongs to the range and sorts
 * within what was kept. Past the boundary nothing was read, so nothing is added there: the listing
 * is exact up to the same boundary, whatever moved, merged, hid or appeared.
 */
export function patchKept(
  kept: Pick<Kept, 'events' | 'boundary'>,
  changed: ReadonlySet<string>,
  current: ListedEvent[],
  request: RangeRequest,
): ListedEvent[] {
  const { boundary } = kept;
  const within = (key: string) => boundary === undefined || !precedes(request.order, boundary, key);
  const added = current.filter(
    (event) => changed.has(event.id) && belongs(event, request) && within(sortKeyOf(event)),
  );
  const events = [...kept.events.filter((event) => !changed.has(event.id)), ...added];
  const keyed = events.map((event) => ({ event, key: sortKeyOf(event) }));
  keyed.sort((a, b) => (a.key === b.key ? 0 : precedes(request.order, a.key, b.key) ? -1 : 1));
  return keyed.map(({ event }) => event);
}

const keyOf = ({ lower, upper, order, after, via, pageSize }: RangeRequest) =>
  JSON.stringify([lower, upper, order, after ?? null, via?.kind ?? null, via?.value ?? null, pageSize]);

/**
 * A reader that keeps the first events of each listing it read, and on a later version re-reads only
 * the events the version item's log names as changed since, patching them in: a cache miss after a
 * write reads one event, not a page. It learns the head when the listing cache asks for the version
 * (`version`), so a listing is brought to the version the cache is rendering, or a newer one. A log
 * that no longer reaches back, a move that could have changed anything, more changes than the page
 * holds, or a kept listing older than `rereadMs`: the listing is read whole, as without it.
 */
export class PatchedListings implements TimelineReader {
  private known?: TimelineHead;
  private readonly kept: LRUCache<string, Kept>;
  private readonly rereadMs: number;
  private readonly now: () => number;

  constructor(
    private readonly reader: PatchableReader,
    options: PatchOptions = {},
  ) {
    this.kept = new LRUCache<string, Kept>({
      maxSize: Math.max(1, options.keptEvents ?? DEFAULT_KEPT_EVENTS),
      sizeCalculation: (kept) => kept.events.length + 1,
    });
    this.rereadMs = options.rereadMs ?? DEFAULT_REREAD_MS;
    this.now = options.now ?? Date.now;
  }

  range(request: RangeRequest) {
    return this.reader.range(request);
  }

  get(id: string) {
    return this.reader.get(id);
  }

  resolve(id: string) {
    return this.reader.resolve(id);
  }

  /** Reads the head and holds on to it (never to an older one): listings read next are brought to it. */
  async version(): Promise<number> {
    const head = await this.reader.head();
    if (!this.known || head.version >= this.known.version) this.known = head;
    return head.version;
  }

  listed(request: RangeRequest): AsyncIterable<ListedEvent> {
    // A text search reads on under a budget in large steps: read whole, as it always was.
    if (!this.known || request.pageSize === undefined) return this.read(request);
    return this.listing(request, this.known);
  }

  private async *read(request: RangeRequest): AsyncGenerator<ListedEvent> {
    const events = this.reader.listed ? this.reader.listed(request) : this.reader.range(request);
    // Only what carries the hint, read whole or patched alike (a reader may yield more).
    for await (const event of events) if (!request.via || carries(event, request.via)) yield event;
  }

  /** The kept listing patched to the head, then the store from its boundary; what was taken is kept. */
  private async *listing(request: RangeRequest, head: TimelineHead): AsyncGenerator<ListedEvent> {
    const key = keyOf(request);
    const readAt = this.now();
    const start = await this.patched(key, request, head);
    const taken: ListedEvent[] = [];
    let ended = false;
    let failed = false;
    try {
      for (const event of start?.events ?? []) {
        taken.push(event);
        yield event;
      }
      if (!start || start.boundary !== undefined) {
        const rest = start
          ? {
              ...request,
              after: start.boundary,
              pageSize: Math.max(1, (request.pageSize ?? 1) - taken.length),
            }
          : request;
        for await (const event of this.read(rest)) {
          taken.push(event);
          yield event;
        }
      }
      ended = true;
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      if (!failed) this.keep(key, { version: head.version, readAt: start?.readAt ?? readAt, taken, ended });
    }
  }

  /** The kept listing at the head's version, if it can be brought there; undefined to read it whole. */
  private async patched(key: string, request: RangeRequest, head: TimelineHead): Promise<Kept | undefined> {
    const kept = this.kept.get(key);
    if (!kept || this.now() - kept.readAt >= this.rereadMs) return undefined;
    const changed = changedSince(head, kept.version);
    // More changed events than the page holds: reading the page is the cheaper read.
    if (!changed || changed.size > (request.pageSize ?? 0)) return undefined;
    if (changed.size === 0) return kept;
    const current = await this.reader.listedByIds([...changed]);
    return { ...kept, events: patchKept(kept, changed, current, request) };
  }

  private keep(
    key: string,
    {
      version,
      readAt,
      taken,
      ended,
    }: { version: number; readAt: number; taken: ListedEvent[]; ended: boolean },
  ) {
    const last = taken.at(-1);
    if (!ended && !last) return;
    const held = this.kept.peek(key);
    if (held && held.version > version) return;
    this.kept.set(key, {
      version,
      readAt,
      events: taken,
      boundary: ended ? undefined : last && sortKeyOf(last),
    });
  }
}
