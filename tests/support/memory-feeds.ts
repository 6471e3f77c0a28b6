import {
  type Feed,
  type FeedState,
  FeedStateSchema,
  type FeedStateStore,
  type PollJobQueue,
} from '../../lib/feeds/index.ts';
import type { Log } from '../../lib/log.ts';
import type { MetricsSink } from '../../lib/runtime/index.ts';
import { assertStorable } from '../../lib/store/invalid-items.ts';

/**
 * The FeedStateStore port in memory, with the DynamoDB adapter's conditional write: a state is saved
 * only over the version it was read at (`version - 1`), or over nothing; one that would not read back
 * is refused; reads hand out copies, listed soonest due first. tests/contract runs the same suite on
 * it and on the DynamoDB adapter.
 */
export class MemoryFeedStates implements FeedStateStore {
  readonly states = new Map<string, FeedState>();
  readonly blocked = new Map<string, Date>();

  async getMany(ids: string[]): Promise<Map<string, FeedState>> {
    return new Map(
      ids.flatMap((id) =>
        this.states.has(id) ? [[id, structuredClone(this.states.get(id) as FeedState)]] : [],
      ),
    );
  }

  async save(state: FeedState): Promise<boolean> {
    assertStorable(FeedStateSchema, state, 'feed-state');
    const stored = this.states.get(state.feedId);
    if (stored && stored.version !== state.version - 1) return false;
    this.states.set(state.feedId, structuredClone(state));
    return true;
  }

  /** As the table's index orders them: by when due, then by feed. */
  async list(): Promise<FeedState[]> {
    const due = (state: FeedState) => `${state.nextPollAt}#${state.feedId}`;
    return [...this.states.values()]
      .sort((a, b) => (due(a) < due(b) ? -1 : 1))
      .map((s) => structuredClone(s));
  }

  async hostBlockedUntil(host: string): Promise<Date | undefined> {
    return this.blocked.get(host);
  }

  async blockHost(host: string, until: Date): Promise<void> {
    this.blocked.set(host, until);
  }
}

/** The feeds queue in memory: every poll job sent, in order; `refuse` names the feeds it turns away. */
export class MemoryPollJobs implements PollJobQueue {
  readonly sent: Feed[] = [];
  refuse: (feed: Feed) => boolean = () => false;

  async send(feeds: Feed[]) {
    const failed = feeds.filter(this.refuse).map((feed) => ({ feed, reason: 'InternalError: refused' }));
    const sent = feeds.filter((feed) => !this.refuse(feed));
    this.sent.push(...sent);
    return { sent, failed };
  }
}

/** Metrics as a handler adds them, and how many times it published them. */
export class RecordedMetrics implements MetricsSink {
  readonly added: Array<{ name: string; unit: string; value: number }> = [];
  published = 0;

  addMetric(name: string, unit: string, value: number): void {
    this.added.push({ name, unit, value });
  }

  hasStoredMetrics(): boolean {
    return this.added.length > 0;
  }

  publishStoredMetrics(): void {
    this.published++;
  }

  /** The sum of every value added under `name`. */
  total(name: string): number {
    return this.added.filter((metric) => metric.name === name).reduce((sum, metric) => sum + metric.value, 0);
  }
}

/** Log lines as a handler writes them, with their extra records (errors included). */
export class RecordedLog implements Log {
  readonly lines: Array<{ level: 'info' | 'warn' | 'error'; message: string; extra: unknown[] }> = [];
  info = (message: string, ...extra: unknown[]) => void this.lines.push({ level: 'info', message, extra });
  warn = (message: string, ...extra: unknown[]) => void this.lines.push({ level: 'warn', message, extra });
  error = (message: string, ...extra: unknown[]) => void this.lines.push({ level: 'error', message, extra });
}
