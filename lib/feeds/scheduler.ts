import type { Log } from '../log.ts';
import type { Feed } from './config.ts';
import type { FeedStateStore } from './ports.ts';
import { currentState } from './state.ts';

/** Where poll jobs go: one message per due feed, consumed by poller functions in parallel. */
export interface PollJobQueue {
  send(feeds: Feed[]): Promise<{ sent: Feed[]; failed: Array<{ feed: Feed; reason: string }> }>;
}

/**
 * How long a queued poll job holds its feed: the scheduler does not queue it again meanwhile. A job
 * lost before it was polled is retried when the claim runs out.
 */
export const CLAIM_MS = 15 * 60_000;

export interface ScheduleDeps {
  states: FeedStateStore;
  jobs: PollJobQueue;
  log: Log;
  now?: () => Date;
}

export interface ScheduleResult {
  feeds: number;
  due: number;
  queued: number;
  failed: number;
  /** Feeds marked unhealthy (10 failures in a row, or 410 Gone): what the unhealthy-feeds alarm watches. */
  unhealthy: number;
}

/**
 * Decides which feeds are due and queues one poll job for each, having first claimed it (a
 * conditional write pushing its next poll out by CLAIM_MS), so two overlapping runs never queue a
 * feed twice. `force` treats every enabled feed as due (`npm start -- --once`).
 */
export async function scheduleDue(feeds: Feed[], deps: ScheduleDeps, force = false): Promise<ScheduleResult> {
  const now = (deps.now ?? (() => new Date()))();
  const enabled = feeds.filter((feed) => feed.enabled);
  const stored = await deps.states.getMany(enabled.map((feed) => feed.id));
  const claimed: Feed[] = [];
  let due = 0;
  for (const feed of enabled) {
    const state = currentState(feed, stored.get(feed.id), now);
    if (!force && Date.parse(state.nextPollAt) > now.getTime()) continue;
    due++;
    const claim = {
      ...state,
      nextPollAt: new Date(now.getTime() + CLAIM_MS).toISOString(),
      version: state.version + 1,
    };
    if (await deps.states.save(claim)) claimed.push(feed);
  }
  const { sent, failed } = claimed.length ? await deps.jobs.send(claimed) : { sent: [], failed: [] };
  for (const { feed, reason } of failed)
    deps.log.warn(`feed ${feed.id}: poll job not queued (${reason}); retried when its claim runs out`);
  const unhealthy = enabled.filter((feed) => stored.get(feed.id)?.unhealthy).length;
  return { feeds: enabled.length, due, queued: sent.length, failed: failed.length, unhealthy };
}
