import { createHash } from 'node:crypto';
import type { Article } from '../articles/index.ts';
import { decodeBody, type FetchedResponse, permanentUrl } from '../http/index.ts';
import type { Log } from '../log.ts';
import { articleFromEntry } from './articles.ts';
import { boundedEntries, storable, truncated } from './bounds.ts';
import type { Feed } from './config.ts';
import { classifyError, type FeedErrorCode, httpErrorCode } from './failure.ts';
import { fanOut } from './fan-out.ts';
import { feedTtlMs, freshnessMs, type PollHints, retryAfterMs } from './hints.ts';
import { HostLimiter, hostOf } from './hosts.ts';
import { type FeedEntry, parseFeed } from './parse.ts';
import type { ArticleLedger, ArticleQueue, FeedStateStore } from './ports.ts';
import { boundedHints, DEFAULT_POLICY, nextPollAt, type PollPolicy } from './schedule.ts';
import { currentState, type FeedState, type FeedWarning } from './state.ts';

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
  /** Messages left for the next poll by the per-poll cap. */
  backlog: number;
  /** The failure's category (see failure.ts); the message itself is logged. */
  error?: FeedErrorCode;
  nextPollAt: string;
}

type Outcome = Partial<FeedState> & {
  hints?: PollHints;
  failed?: { code: FeedErrorCode; message: string };
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

/**
 * Queues what is new in a fetched feed: new or changed articles in full, known ones this feed carries
 * for the first time as a credit only, newest first up to the policy's cap. Only what SQS accepted is
 * marked, batch by batch, so a crash in between sends twice (harmless) rather than never.
 */
async function queueNew(feed: Feed, entries: FeedEntry[], deps: PollDeps, now: Date, cap: number) {
  const articles = entries
    .map((entry) => articleFromEntry(feed, entry, now))
    .filter((a): a is Article => !!a);
  const unique = [...new Map(articles.map((article) => [article.id, article])).values()];
  const { unseen, carried } = await deps.ledger.triage(unique);
  const result = await fanOut(unseen, carried, deps, cap);
  const [first] = result.failed;
  if (first) {
    const count = result.failed.length;
    deps.log.warn(
      `feed ${feed.id}: could not queue ${count} article(s) (${first.article.url}…), retried next poll: ${first.reason}`,
      { feedId: feed.id, notQueued: count },
    );
  }
  return result;
}

const freshness = (response: FetchedResponse, now: Date): PollHints => ({
  maxAgeMs: freshnessMs(response.headers, now),
});

async function fetched(
  feed: Feed,
  state: FeedState,
  response: FetchedResponse,
  deps: PollDeps,
  now: Date,
): Promise<Outcome> {
  const bodyHash = hash(response.body);
  const hints = freshness(response, now);
  const validators = {
    etag: storable(response.headers.etag),
    lastModified: storable(response.headers['last-modified']),
  };
  if (bodyHash === state.bodyHash) return { ...validators, bodyHash, hints, entries: state.items, queued: 0 };
  const xml = decodeBody(response.body, response.headers['content-type']);
  const parsed = await parseFeed(xml);
  const { entries, refused } = boundedEntries(parsed.entries, now);
  // What ops set wins; else the language the feed declares.
  const reading = feed.language || !parsed.language ? feed : { ...feed, language: parsed.language };
  const cap = (deps.policy ?? DEFAULT_POLICY).maxMessagesPerPoll;
  const { sent, credited, failed, backlog } = await queueNew(reading, entries, deps, now, cap);
  const newest = entries
    .map((e) => e.publishedAt)
    .filter((d): d is string => !!d)
    .sort()
    .at(-1);
  const warnings: FeedWarning[] = [];
  if (refused) warnings.push('item-dates-out-of-range');
  if (backlog) warnings.push('entries-capped');
  return {
    // An entry SQS refused, or one the cap left, must be seen again: forget the validators so the
    // next poll fetches and reads the feed in full.
    ...(failed.length || backlog
      ? { etag: undefined, lastModified: undefined, bodyHash: undefined }
      : { ...validators, bodyHash }),
    hints: { ...hints, feedTtlMs: feedTtlMs(xml) },
    entries: entries.length,
    queued: sent,
    credited,
    backlog,
    warnings,
    items: entries.length,
    newestItemAt: newest,
    lastNewItemAt: sent || credited ? now.toISOString() : state.lastNewItemAt,
    observedGaps: gapsBetween(entries),
  };
}

const failure = (code: FeedErrorCode, message: string) => ({ failed: { code, message } });

async function attempt(feed: Feed, state: FeedState, deps: PollDeps, now: Date): Promise<Outcome> {
  const headers: Record<string, string> = {};
  if (state.etag) headers['if-none-match'] = state.etag;
  if (state.lastModified) headers['if-modified-since'] = state.lastModified;
  const response = await deps.fetch(state.url, headers);
  const moved = storable(permanentUrl(response));
  const base: Outcome = { lastStatus: response.status, ...(moved ? { url: moved } : {}) };
  const status = response.status;
  if (status === 304) return { ...base, hints: freshness(response, now), entries: state.items, queued: 0 };
  if (status === 429 || status === 503) {
    const hints = { retryAfterMs: retryAfterMs(response.headers['retry-after'], now) };
    return { ...base, hints, ...failure(httpErrorCode(status), `HTTP ${status}`) };
  }
  if (status === 410) return { ...base, ...failure(httpErrorCode(status), 'HTTP 410 Gone'), gone: true };
  if (status < 200 || status > 299) return { ...base, ...failure(httpErrorCode(status), `HTTP ${status}`) };
  return { ...base, ...(await fetched(feed, state, response, deps, now)) };
}

/** The poll's outcome, with the host's block (a Retry-After it sent earlier) honoured first. */
async function outcomeOf(feed: Feed, state: FeedState, deps: PollDeps, now: Date, policy: PollPolicy) {
  const host = hostOf(state.url);
  const blockedUntil = await deps.states.hostBlockedUntil(host);
  if (blockedUntil && blockedUntil > now) {
    return { blocked: true, outcome: { hints: { retryAfterMs: blockedUntil.getTime() - now.getTime() } } };
  }
  let outcome: Outcome;
  try {
    outcome = await (deps.hosts ?? new HostLimiter()).run(host, () => attempt(feed, state, deps, now));
  } catch (error) {
    outcome = failure(classifyError(error), (error as Error).message);
  }
  const wait = boundedHints(outcome.hints ?? {}, policy).hints.retryAfterMs;
  if (wait) await deps.states.blockHost(host, new Date(now.getTime() + wait));
  return { blocked: false, outcome };
}

const HINT_WARNINGS: string[] = ['cache-hint-clamped', 'retry-after-clamped'];

/**
 * What the hints and the document carried that had to be bounded or left for later. A poll that
 * read no document (a 304, an unchanged body, a failure) keeps what the last one read said of it.
 */
function warningsOf(outcome: Outcome, state: FeedState, policy: PollPolicy): FeedWarning[] | undefined {
  const { clamped } = boundedHints(outcome.hints ?? {}, policy);
  const read = outcome.warnings ?? state.warnings?.filter((warning) => !HINT_WARNINGS.includes(warning));
  const warnings = [...(read ?? [])] as FeedWarning[];
  if (clamped.includes('retryAfterMs')) warnings.push('retry-after-clamped');
  if (clamped.some((hint) => hint !== 'retryAfterMs')) warnings.push('cache-hint-clamped');
  return warnings.length ? warnings : undefined;
}

/**
 * Polls one feed politely: validators sent back as received, a 304 or an unchanged body costs no
 * parse, the next poll as late as the feed, its server and its record allow, within the policy's
 * bounds. One feed's failure is recorded on its state (by category) and logged once; it never stops
 * the others.
 */
export async function pollFeed(
  feed: Feed,
  stored: FeedState | undefined,
  deps: PollDeps,
): Promise<PollResult> {
  const now = (deps.now ?? (() => new Date()))();
  const policy = deps.policy ?? DEFAULT_POLICY;
  const state = currentState(feed, stored, now);
  const { blocked, outcome } = await outcomeOf(feed, state, deps, now, policy);
  const { hints, failed, gone, entries, queued, credited, observedGaps, backlog, ...changes } = outcome;
  const failures = failed ? state.consecutiveFailures + 1 : blocked ? state.consecutiveFailures : 0;
  // A document over its parse budget will be over it again: unhealthy at once, not after retries.
  const overBudget = failed?.code === 'budget-exceeded';
  const unhealthy =
    !!gone || overBudget || (failed ? failures >= policy.unhealthyAfter || state.unhealthy : false);
  const next = nextPollAt(
    {
      now,
      configuredMs: feed.pollEveryMs,
      configured: feed.pollEveryConfigured,
      observedGapsMs: observedGaps,
      ...hints,
      consecutiveFailures: failures,
      unhealthy,
      backlog: !!backlog,
    },
    deps.random,
    policy,
  ).toISOString();
  const kept = blocked ? state : { lastError: undefined, lastErrorCode: undefined };
  const saved = await deps.states.save({
    ...state,
    ...changes,
    lastPolledAt: now.toISOString(),
    consecutiveFailures: failures,
    lastError: failed ? truncated(failed.message) : kept.lastError,
    lastErrorCode: failed ? failed.code : kept.lastErrorCode,
    warnings: blocked ? state.warnings : warningsOf(outcome, state, policy),
    backlog: backlog || undefined,
    unhealthy,
    nextPollAt: next,
    version: state.version + 1,
  });
  if (!saved) deps.log.warn(`feed ${feed.id}: state changed while polling; keeping the other writer's`);
  if (failed)
    deps.log.error(`feed ${feed.id} (${state.url}) failed: ${failed.message}`, {
      feedId: feed.id,
      failures,
      errorCode: failed.code,
    });
  else
    deps.log.info(
      `feed ${feed.id}: ${entries ?? 0} entries, ${queued ?? 0} new queued, ${credited ?? 0} credited` +
        (backlog ? `, ${backlog} left for the next poll` : ''),
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
    backlog: backlog ?? 0,
    error: failed?.code,
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
