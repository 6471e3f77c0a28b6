import { createHash } from 'node:crypto';
import type { Article } from '../articles/index.ts';
import { decodeBody, type FetchedResponse, permanentUrl } from '../http/index.ts';
import type { Log } from '../log.ts';
import { articleFromEntry } from './articles.ts';
import type { Feed } from './config.ts';
import { feedTtlMs, maxAgeMs, type PollHints, retryAfterMs } from './hints.ts';
import { HostLimiter, hostOf } from './hosts.ts';
import { type FeedEntry, parseFeed } from './parse.ts';
import { DEFAULT_POLICY, nextPollAt, type PollPolicy } from './schedule.ts';
import { currentState, type FeedState } from './state.ts';

/** Fetched articles sorted by what the queue needs of them; the rest were already queued from this feed. */
export interface Triage {
  /** Never queued, or changed since: to queue in full. */
  unseen: Article[];
  /** Queued unchanged from another feed, carried by this one for the first time: only the feed to credit. */
  carried: Article[];
}

/** Which articles were already queued, in which version and from which feeds: the poller's memory. */
export interface ArticleLedger {
  triage(articles: Article[]): Promise<Triage>;
  markSeen(article: Article): Promise<void>;
  /** Adds the article's feed to those that carried it, the version queued unchanged. */
  markCarried(article: Article): Promise<void>;
}

export interface QueueResult {
  sent: Article[];
  failed: Array<{ article: Article; reason: string }>;
}

export interface ArticleQueue {
  /** Queues each article for extraction. */
  send(articles: Article[]): Promise<QueueResult>;
  /** Queues, for each article, only a credit: its feed carries it too (no extraction again). */
  credit(articles: Article[]): Promise<QueueResult>;
}

/** Per-feed state and per-host limits, kept between polls. */
export interface FeedStateStore {
  getMany(ids: string[]): Promise<Map<string, FeedState>>;
  /** Stores a state read at `version - 1`; false when someone else wrote it since. */
  save(state: FeedState): Promise<boolean>;
  list(): Promise<FeedState[]>;
  hostBlockedUntil(host: string): Promise<Date | undefined>;
  blockHost(host: string, until: Date): Promise<void>;
}

export interface PollDeps {
  fetch(url: string, headers?: Record<string, string>): Promise<FetchedResponse>;
  ledger: ArticleLedger;
  queue: ArticleQueue;
  states: FeedStateStore;
  log: Log;
  now?: () => Date;
  random?: () => number;
  policy?: PollPolicy;
  hosts?: HostLimiter;
}

export interface PollResult {
  feedId: string;
  ok: boolean;
  status?: number;
  /** 304, or a 200 whose body did not change: nothing parsed. */
  unchanged?: boolean;
  entries: number;
  queued: number;
  /** Articles already queued from another feed, for which only this feed's credit was queued. */
  credited: number;
  error?: string;
  nextPollAt: string;
}

type Outcome = Partial<FeedState> & {
  hints?: PollHints;
  failed?: string;
  gone?: boolean;
  entries?: number;
  queued?: number;
  credited?: number;
  observedGaps?: number[];
};

const hash = (body: Buffer) => createHash('sha256').update(body).digest('hex').slice(0, 32);

function gapsBetween(entries: FeedEntry[]): number[] {
  const times = entries
    .map((entry) => (entry.publishedAt ? Date.parse(entry.publishedAt) : Number.NaN))
    .filter((t) => !Number.isNaN(t))
    .sort((a, b) => b - a)
    .slice(0, 11);
  return times.slice(1).map((t, i) => (times[i] as number) - t);
}

const NOTHING_SENT: QueueResult = { sent: [], failed: [] };

/**
 * Queues what is new in a fetched feed: new or changed articles in full, known ones this feed carries
 * for the first time as a credit only. Only what SQS accepted is marked, so a crash in between sends
 * twice (harmless) rather than never.
 */
async function queueNew(feed: Feed, entries: FeedEntry[], deps: PollDeps, now: Date) {
  const articles = entries
    .map((entry) => articleFromEntry(feed, entry, now))
    .filter((a): a is Article => !!a);
  const unique = [...new Map(articles.map((article) => [article.id, article])).values()];
  const { unseen, carried } = await deps.ledger.triage(unique);
  const queued = unseen.length ? await deps.queue.send(unseen) : NOTHING_SENT;
  const credits = carried.length ? await deps.queue.credit(carried) : NOTHING_SENT;
  for (const article of queued.sent) await deps.ledger.markSeen(article);
  for (const article of credits.sent) await deps.ledger.markCarried(article);
  for (const { article, reason } of [...queued.failed, ...credits.failed]) {
    deps.log.warn(`feed ${feed.id}: could not queue ${article.url}, will retry next poll: ${reason}`);
  }
  return {
    sent: queued.sent.length,
    credited: credits.sent.length,
    failed: queued.failed.length + credits.failed.length,
  };
}

async function fetched(
  feed: Feed,
  state: FeedState,
  response: FetchedResponse,
  deps: PollDeps,
  now: Date,
): Promise<Outcome> {
  const bodyHash = hash(response.body);
  const hints = { maxAgeMs: maxAgeMs(response.headers['cache-control']) };
  const validators = { etag: response.headers.etag, lastModified: response.headers['last-modified'] };
  if (bodyHash === state.bodyHash) return { ...validators, bodyHash, hints, entries: state.items, queued: 0 };
  const xml = decodeBody(response.body, response.headers['content-type']);
  const { entries, language } = await parseFeed(xml);
  // What ops set wins; else the language the feed declares.
  const reading = feed.language || !language ? feed : { ...feed, language };
  const { sent, credited, failed } = await queueNew(reading, entries, deps, now);
  const newest = entries
    .map((e) => e.publishedAt)
    .filter((d): d is string => !!d)
    .sort()
    .at(-1);
  return {
    // An entry SQS refused must be seen again: forget the validators so the next poll fetches in full.
    ...(failed
      ? { etag: undefined, lastModified: undefined, bodyHash: undefined }
      : { ...validators, bodyHash }),
    hints: { ...hints, feedTtlMs: feedTtlMs(xml) },
    entries: entries.length,
    queued: sent,
    credited,
    items: entries.length,
    newestItemAt: newest,
    lastNewItemAt: sent || credited ? now.toISOString() : state.lastNewItemAt,
    observedGaps: gapsBetween(entries),
  };
}

async function attempt(feed: Feed, state: FeedState, deps: PollDeps, now: Date): Promise<Outcome> {
  const headers: Record<string, string> = {};
  if (state.etag) headers['if-none-match'] = state.etag;
  if (state.lastModified) headers['if-modified-since'] = state.lastModified;
  const response = await deps.fetch(state.url, headers);
  const moved = permanentUrl(response);
  const base: Outcome = { lastStatus: response.status, ...(moved ? { url: moved } : {}) };
  if (response.status === 304) {
    return {
      ...base,
      hints: { maxAgeMs: maxAgeMs(response.headers['cache-control']) },
      entries: state.items,
      queued: 0,
    };
  }
  if (response.status === 429 || response.status === 503) {
    const wait = retryAfterMs(response.headers['retry-after'], now);
    if (wait) await deps.states.blockHost(hostOf(response.url), new Date(now.getTime() + wait));
    return { ...base, hints: { retryAfterMs: wait }, failed: `HTTP ${response.status}` };
  }
  if (response.status === 410) return { ...base, failed: 'HTTP 410 Gone', gone: true };
  if (response.status < 200 || response.status > 299) return { ...base, failed: `HTTP ${response.status}` };
  return { ...base, ...(await fetched(feed, state, response, deps, now)) };
}

/**
 * Polls one feed politely: validators sent back as received, a 304 or an unchanged body costs no
 * parse, the next poll as late as the feed, its server and its record allow. One feed's failure is
 * recorded on its state and logged once; it never stops the others.
 */
export async function pollFeed(
  feed: Feed,
  stored: FeedState | undefined,
  deps: PollDeps,
): Promise<PollResult> {
  const now = (deps.now ?? (() => new Date()))();
  const policy = deps.policy ?? DEFAULT_POLICY;
  const state = currentState(feed, stored, now);
  const host = hostOf(state.url);
  const blockedUntil = await deps.states.hostBlockedUntil(host);
  let outcome: Outcome;
  if (blockedUntil && blockedUntil > now) {
    outcome = { hints: { retryAfterMs: blockedUntil.getTime() - now.getTime() } };
  } else {
    try {
      outcome = await (deps.hosts ?? new HostLimiter()).run(host, () => attempt(feed, state, deps, now));
    } catch (error) {
      outcome = { failed: (error as Error).message };
    }
  }
  const { hints, failed, gone, entries, queued, credited, observedGaps, ...changes } = outcome;
  const failures = failed
    ? state.consecutiveFailures + 1
    : blockedUntil && blockedUntil > now
      ? state.consecutiveFailures
      : 0;
  const unhealthy = !!gone || (failed ? failures >= policy.unhealthyAfter || state.unhealthy : false);
  const next = nextPollAt(
    {
      now,
      configuredMs: feed.pollEveryMs,
      configured: feed.pollEveryConfigured,
      observedGapsMs: observedGaps,
      ...hints,
      consecutiveFailures: failures,
      unhealthy,
    },
    deps.random,
    policy,
  ).toISOString();
  const saved = await deps.states.save({
    ...state,
    ...changes,
    lastPolledAt: now.toISOString(),
    consecutiveFailures: failures,
    lastError: failed ?? (blockedUntil && blockedUntil > now ? state.lastError : undefined),
    unhealthy,
    nextPollAt: next,
    version: state.version + 1,
  });
  if (!saved) deps.log.warn(`feed ${feed.id}: state changed while polling; keeping the other writer's`);
  if (failed)
    deps.log.error(`feed ${feed.id} (${state.url}) failed: ${failed}`, { feedId: feed.id, failures });
  else
    deps.log.info(
      `feed ${feed.id}: ${entries ?? 0} entries, ${queued ?? 0} new queued, ${credited ?? 0} credited`,
      { feedId: feed.id },
    );
  return {
    feedId: feed.id,
    ok: !failed,
    status: changes.lastStatus,
    unchanged: !failed && queued === 0 && (changes.lastStatus === 304 || changes.bodyHash === state.bodyHash),
    entries: entries ?? 0,
    queued: queued ?? 0,
    credited: credited ?? 0,
    error: failed,
    nextPollAt: next,
  };
}

/** Polls feeds a few at a time (and at most a few per host); one feed's failure never stops the others. */
export async function pollFeeds(feeds: Feed[], deps: PollDeps, concurrency = 8): Promise<PollResult[]> {
  const states = await deps.states.getMany(feeds.map((feed) => feed.id));
  const withHosts = { ...deps, hosts: deps.hosts ?? new HostLimiter() };
  const results: PollResult[] = [];
  const pending = [...feeds];
  const worker = async () => {
    for (let feed = pending.shift(); feed; feed = pending.shift()) {
      results.push(await pollFeed(feed, states.get(feed.id), withHosts));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, feeds.length) }, worker));
  return results;
}
