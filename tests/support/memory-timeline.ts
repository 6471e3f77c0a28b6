import {
  carries,
  type ListedEvent,
  type RangeRequest,
  sortKeyOf,
  type TimelineEvent,
  type TimelineHead,
  type TimelineReader,
  UNKNOWN_CHANGE,
} from '../../lib/timeline/index.ts';

/**
 * The timeline reader port in memory, as DynamoEventStore answers it: live events in sort-key order
 * within bounds (only those carrying the hint, as the hints read them), merged ids as pointers, and a
 * version item whose log names the event each write changed, cut to its newest `logSize` ids. Every
 * write returns copies, so what a reader holds never changes under it.
 */
export class MemoryTimeline implements TimelineReader {
  readonly items = new Map<string, TimelineEvent | { mergedInto: string }>();
  private at = 0;
  private recent: string[] = [];
  reads = { listed: 0, byId: 0 };

  constructor(private readonly logSize = 64) {}

  /** Stores the event (new, edited, hidden or back under a retired id) and moves the version. */
  put(event: TimelineEvent) {
    this.items.set(event.id, structuredClone(event));
    this.move(event.id);
  }

  /** Retires the id as a pointer to another event, as a merge does. */
  retire(id: string, into: string) {
    this.items.set(id, { mergedInto: into });
    this.move(id);
  }

  /** A move the log cannot describe (a bulk load, a migration), or one that changed no event. */
  move(changed: string = UNKNOWN_CHANGE) {
    this.at++;
    this.recent = [...this.recent, changed].slice(-this.logSize);
  }

  private live(): TimelineEvent[] {
    return [...this.items.values()].filter((item): item is TimelineEvent => !('mergedInto' in item));
  }

  async *range({ lower, upper, order, after, via }: RangeRequest): AsyncGenerator<TimelineEvent> {
    const keyed = this.live()
      .map((event) => ({ event, key: sortKeyOf(event) }))
      .filter(({ key }) => key >= lower && key <= upper)
      .filter(({ key }) => after === undefined || (order === 'asc' ? key > after : key < after))
      .filter(({ event }) => !via || carries(event, via))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
    if (order === 'desc') keyed.reverse();
    for (const { event } of keyed) yield structuredClone(event);
  }

  async *listed(request: RangeRequest): AsyncGenerator<ListedEvent> {
    this.reads.listed++;
    for await (const { accounts, ...event } of this.range(request)) yield event;
  }

  async listedByIds(ids: string[]): Promise<ListedEvent[]> {
    this.reads.byId++;
    return this.live()
      .filter((event) => ids.includes(event.id))
      .map(({ accounts, ...event }) => structuredClone(event));
  }

  async get(id: string): Promise<TimelineEvent | undefined> {
    const item = this.items.get(id);
    return item && !('mergedInto' in item) ? structuredClone(item) : undefined;
  }

  async resolve(id: string): Promise<string | undefined> {
    const item = this.items.get(id);
    if (!item) return undefined;
    return 'mergedInto' in item ? this.resolve(item.mergedInto) : id;
  }

  async head(): Promise<TimelineHead> {
    return { version: this.at, recent: [...this.recent] };
  }
}

/** The same events without a version or a log: what a listing reads when it reads everything fresh. */
export function freshReader(timeline: MemoryTimeline): TimelineReader {
  return {
    range: (request) => timeline.range(request),
    listed: (request) => timeline.listed(request),
    get: (id) => timeline.get(id),
    resolve: (id) => timeline.resolve(id),
  };
}
