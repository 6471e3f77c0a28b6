import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Article } from '../../lib/articles/index.ts';
import { postingOf } from '../../lib/dedup/index.ts';
import { itemOfHeldPosting, itemsOfNewEvent } from '../../lib/store/index.ts';
import { articleFrom, loadMultiSourceSet } from '../eval/dedup.ts';
import { anAccount, anEvent } from '../support/accounts.ts';
import { bulkLoad } from './bulk-load.ts';
import { busyNotes, busyRows, measureBusy } from './dedup-busy.ts';
import { type ArticlesCost, costRow, onFreshTable } from './dedup-stack.ts';
import { count } from './format.ts';
import { inventedWords } from './invented-words.ts';
import type { Section, SectionResult } from './section.ts';

/** `DEDUP_BENCH_SIZES=1000,10000` measures fewer sizes (the 100,000 load takes minutes). */
const SIZES = process.env.DEDUP_BENCH_SIZES?.split(',').map(Number) ?? [1_000, 10_000, 100_000];
/** The stored timeline gains this many events a day; the table grows by covering more days. */
const EVENTS_PER_DAY = 10;
const MEASURED_ARTICLES = 60;
const DAY_MS = 86_400_000;

const word = inventedWords(1);

/** A stored event nothing real matches: invented words, one account, on a given day. */
function backgroundEvent(day: string, n: number) {
  const summary = Array.from({ length: 8 }, word).join(' ');
  return anEvent(
    anAccount(n, { date: day, summary, feedId: 'background', publishedAt: `${day}T12:00:00.000Z` }),
  );
}

/**
 * N events at a steady daily rate, ending at the last day the measured articles talk about, each
 * account filed and held as the worker leaves it; loaded in bulk, as no worker runs yet.
 */
async function populate(client: DynamoDBClient, size: number, lastDay: number) {
  const days = Math.ceil(size / EVENTS_PER_DAY);
  const items = Array.from({ length: size }, (_, n) => {
    const day = new Date((lastDay - (n % days)) * DAY_MS).toISOString().slice(0, 10);
    const event = backgroundEvent(day, n);
    const postings = event.accounts.map((account) => itemOfHeldPosting(postingOf(account), [event.id]));
    return [...itemsOfNewEvent(event), ...postings];
  }).flat();
  await bulkLoad(client, items);
  return days;
}

interface Measurement {
  size: number;
  days: number;
  cost: ArticlesCost;
  populateSeconds: number;
}

function measure(size: number, articles: Article[], lastDay: number): Promise<Measurement> {
  return onFreshTable(async ({ client, record }) => {
    const started = performance.now();
    const days = await populate(client, size, lastDay);
    const populateSeconds = (performance.now() - started) / 1000;
    return { size, days, cost: await record(articles), populateSeconds };
  });
}

/** The table growing over days: the same labelled articles against ever more stored events. */
async function growth(): Promise<Omit<SectionResult, 'title'>> {
  const set = loadMultiSourceSet();
  if (set.length < MEASURED_ARTICLES)
    return {
      rows: [],
      notes: [],
      skipped: `needs ${MEASURED_ARTICLES} labelled articles in tests/fixtures/dedup`,
    };
  const articles = set
    .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt))
    .slice(0, MEASURED_ARTICLES)
    .map((labelled, i) => articleFrom(labelled, i));
  const lastDay = Math.ceil(Date.parse(articles.at(-1)?.publishedAt ?? '2024-12-31') / DAY_MS) + 30;
  const results: Measurement[] = [];
  for (const size of SIZES) results.push(await measure(size, articles, lastDay));
  const [base, worst] = [results[0] as Measurement, results.at(-1) as Measurement];
  const rows = results.map((m) =>
    costRow({
      scenario: `table grows, ${EVENTS_PER_DAY} events a day`,
      stored: `${count(m.size)} events over ${count(m.days)} days`,
      cost: m.cost,
      base: base.cost,
      articles: articles.length,
      loadSeconds: m.populateSeconds,
    }),
  );
  const ms = worst.cost.msPerArticle / base.cost.msPerArticle;
  const ratioNote =
    worst === base
      ? []
      : [
          `table grows: ${count(worst.size)}/${count(base.size)} ms ratio ${ms.toFixed(2)} (target 100k/1k < 1.5): candidate reads cover the date window, not the table`,
        ];
  return {
    rows,
    notes: [
      `table grows: the same ${articles.length} labelled articles (tests/fixtures/dedup, earliest first) through recordArticle against a fresh table per size, after background events at ${EVENTS_PER_DAY} a day`,
      ...ratioNote,
      ...results.map(
        (m) => `table grows, ${count(m.size)}: requests per article ${m.cost.requestsByCommand}`,
      ),
    ],
    data: { sizes: results, eventsPerDay: EVENTS_PER_DAY },
  };
}

async function run(): Promise<SectionResult> {
  const title =
    'Dedup: worker cost per article as the table grows, on a busy day, in a big event (embedded dynalite)';
  const grown = await growth();
  const busy = await measureBusy();
  const skipped = grown.skipped ? [`table grows: skipped, ${grown.skipped}`] : [];
  return {
    title,
    rows: [...grown.rows, ...busyRows(busy)],
    notes: [...grown.notes, ...skipped, ...busyNotes(busy)],
    data: { ...grown.data, busy },
  };
}

export const dedupSection: Section = { name: 'dedup', run };
