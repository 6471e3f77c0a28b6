import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import type { Article } from '../../lib/articles/index.ts';
import { postingOf, recordArticle } from '../../lib/dedup/index.ts';
import { DynamoEventStore } from '../../lib/store/index.ts';
import { articleFrom, loadMultiSourceSet } from '../eval/dedup.ts';
import { anAccount, anEvent } from '../support/accounts.ts';
import { workspace } from '../support/local.ts';
import { count, ratio } from './format.ts';
import type { Row, Section, SectionResult } from './section.ts';

/** `DEDUP_BENCH_SIZES=1000,10000` measures fewer sizes (the 100,000 load takes minutes). */
const SIZES = process.env.DEDUP_BENCH_SIZES?.split(',').map(Number) ?? [1_000, 10_000, 100_000];
/** The stored timeline gains this many events a day; the table grows by covering more days. */
const EVENTS_PER_DAY = 10;
const MEASURED_ARTICLES = 60;
const DAY_MS = 86_400_000;

/** A DynamoDB client that counts the requests it sends. */
function countingClient() {
  const client = new DynamoDBClient({});
  const counter = { requests: 0 };
  client.middlewareStack.add(
    (next) => async (args) => {
      counter.requests++;
      return next(args);
    },
    { step: 'initialize', name: 'countRequests' },
  );
  return { client, counter };
}

let seed = 1;
const word = () => {
  seed = (seed * 48271) % 2147483647;
  return `zq${seed.toString(36)}`;
};

/** A stored event nothing real matches: invented words, one account, on a given day. */
function backgroundEvent(day: string, n: number) {
  const summary = Array.from({ length: 8 }, word).join(' ');
  return anEvent(
    anAccount(n, { date: day, summary, feedId: 'background', publishedAt: `${day}T12:00:00.000Z` }),
  );
}

/** N events at a steady daily rate, ending at the last day the measured articles talk about. */
async function populate(store: DynamoEventStore, size: number, lastDay: number) {
  const days = Math.ceil(size / EVENTS_PER_DAY);
  let next = 0;
  const writer = async () => {
    for (let n = next++; n < size; n = next++) {
      const day = new Date((lastDay - (n % days)) * DAY_MS).toISOString().slice(0, 10);
      const event = backgroundEvent(day, n);
      await store.create(event);
      // Filed like every recorded account, so candidate reads meet them in the window.
      for (const account of event.accounts) await store.post(postingOf(account));
      await store.hold(event.accounts, event.id);
    }
  };
  await Promise.all(Array.from({ length: 16 }, writer));
  return days;
}

interface Measurement {
  size: number;
  days: number;
  msPerArticle: number;
  requestsPerArticle: number;
  populateSeconds: number;
}

async function measure(size: number, articles: Article[], lastDay: number): Promise<Measurement> {
  const stack: LocalStack = await startLocalStack(workspace('dateline-bench-').options);
  try {
    const { client, counter } = countingClient();
    const store = new DynamoEventStore(client, 'dateline');
    const started = performance.now();
    const days = await populate(store, size, lastDay);
    const populateSeconds = (performance.now() - started) / 1000;
    counter.requests = 0;
    const t0 = performance.now();
    for (const article of articles) await recordArticle(store, article);
    const elapsed = performance.now() - t0;
    client.destroy();
    return {
      size,
      days,
      msPerArticle: elapsed / articles.length,
      requestsPerArticle: counter.requests / articles.length,
      populateSeconds,
    };
  } finally {
    await stack.stop();
  }
}

async function run(): Promise<SectionResult> {
  const title = 'Dedup: worker cost per article as the table grows (embedded dynalite)';
  const set = loadMultiSourceSet();
  if (set.length < MEASURED_ARTICLES) {
    return {
      title,
      rows: [],
      notes: [],
      skipped: `needs ${MEASURED_ARTICLES} labelled articles in tests/fixtures/dedup`,
    };
  }
  const articles = set
    .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt))
    .slice(0, MEASURED_ARTICLES)
    .map((labelled, i) => articleFrom(labelled, i));
  const lastDay = Math.ceil(Date.parse(articles.at(-1)?.publishedAt ?? '2024-12-31') / DAY_MS) + 30;
  const results: Measurement[] = [];
  for (const size of SIZES) results.push(await measure(size, articles, lastDay));
  const base = results[0] as Measurement;
  const rows: Row[] = results.map((m) => ({
    'events stored': count(m.size),
    'days covered': count(m.days),
    'ms / article': m.msPerArticle.toFixed(1),
    'DynamoDB requests / article': m.requestsPerArticle.toFixed(1),
    'vs 1k (ms)': ratio(m.msPerArticle, base.msPerArticle),
    'load time': `${m.populateSeconds.toFixed(0)} s`,
  }));
  const worst = results.at(-1) as Measurement;
  return {
    title,
    rows,
    notes: [
      `the same ${articles.length} labelled articles (tests/fixtures/dedup, earliest first) through recordArticle against a fresh table per size, after background events at ${EVENTS_PER_DAY} a day`,
      `100k/1k ms ratio ${(worst.msPerArticle / base.msPerArticle).toFixed(2)} (target < 1.5): candidate reads cover the date window, not the table`,
    ],
    data: { sizes: results, eventsPerDay: EVENTS_PER_DAY },
  };
}

export const dedupSection: Section = { name: 'dedup', run };
