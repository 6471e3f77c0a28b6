import type { Article } from '../../lib/articles/index.ts';
import { type ArticleAccount, accountsOf, deriveEvent, eventIdOf, postingOf } from '../../lib/dedup/index.ts';
import { eventsOf } from '../../lib/extraction/index.ts';
import type { DynamoEventStore } from '../../lib/store/index.ts';
import type { TimelineEvent } from '../../lib/timeline/index.ts';
import { anArticle } from '../support/accounts.ts';
import { type ArticlesCost, costRow, onFreshTable } from './dedup-stack.ts';
import { count } from './format.ts';
import { distinctWords } from './invented-words.ts';
import type { Row } from './section.ts';

/**
 * Issue #15 point 9: the worker's cost per article must not grow with the accounts that share its
 * day or its event. `DEDUP_BUSY_SIZES=20,200` leaves out 2,000, whose rows take minutes to load and
 * measure on this machine; `DEDUP_BUSY_ARTICLES` sets how many new articles each row measures. Once
 * the store takes an event of 2,000 accounts, each of its carriers costs about 30 s of CPU at
 * 2026-12-02's clustering (docs/benchmarks.md), so `DEDUP_BUSY_ARTICLES=3` keeps that row to minutes.
 */
const SIZES = process.env.DEDUP_BUSY_SIZES?.split(',').map(Number) ?? [20, 200, 2_000];
const MEASURED = Number(process.env.DEDUP_BUSY_ARTICLES ?? 10);
const WRITERS = 16;
/** Every account of both scenarios tells this day; the articles come out the morning after. */
const EVENT_DAY = '14 March';
const PUBLISHED_FROM = Date.parse('2025-03-15T06:00:00.000Z');

export type Scenario = 'busy day' | 'one big event';

/** One measured size of one scenario, or the error the store refused it with. */
export interface BusyMeasurement {
  scenario: Scenario;
  size: number;
  loadSeconds: number;
  cost?: ArticlesCost;
  /** Accounts the big event holds after the measured carriers (it should be size + measured). */
  eventAccounts?: number;
  refused?: string;
}

/** Article `n` of one outlet of its own, `n` minutes into the morning after the event. */
const outletArticle = (n: number, title: string, html: string): Article =>
  anArticle(n, {
    feedId: `outlet${n}`,
    feedName: `Outlet ${n}`,
    url: `https://outlet${n}.example/news/${n}`,
    title,
    html,
    publishedAt: new Date(PUBLISHED_FROM + n * 60_000).toISOString(),
    contentHash: `h${n}`,
  });

const word = distinctWords();
const capital = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** An event of its own: invented words throughout, so it shares no term with any other. */
const distinctStory = (n: number) =>
  outletArticle(
    n,
    `${capital(word())} ${word()} ${word()} ${word()}`,
    `<p>The ${word()} ${word()} of ${capital(word())} ${word()} the ${word()} ${word()} on ${EVENT_DAY} after a ${word()} ${word()}.</p>`,
  );

/** One wire story as every outlet carries it: the same headline and sentence. */
const wireStory = (n: number) =>
  outletArticle(
    n,
    'Harbour authority shuts northern grain terminal after fire',
    `<p>The harbour authority of Zqalbia closed the northern grain terminal on ${EVENT_DAY} after a fire, officials said.</p>`,
  );

/** An article's accounts as the worker extracts them (recordArticle's first step). */
const accountsOfArticle = (article: Article): ArticleAccount[] =>
  accountsOf(
    article,
    eventsOf({
      html: article.html,
      publishedAt: article.publishedAt,
      title: article.title,
      language: article.language,
    }),
  );

/** Runs `task` over `items` with a few writers at once, as a busy table is filled. */
async function inParallel<T>(items: T[], task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const writer = async () => {
    for (let i = next++; i < items.length; i = next++) await task(items[i] as T);
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
}

/** Files the accounts and notes that `event` holds them, as the worker leaves them. */
async function fileHeld(store: DynamoEventStore, accounts: ArticleAccount[], event: TimelineEvent) {
  await inParallel(accounts, async ({ account, sameDay }) => {
    await store.post(postingOf(account, sameDay));
    await store.hold([account], event.id);
  });
}

/** `size` distinct events of one account each, all on the day, loaded directly (not through the worker). */
async function loadBusyDay(store: DynamoEventStore, size: number) {
  const accounts = Array.from({ length: size }, (_, n) => accountsOfArticle(distinctStory(n))).flat();
  await inParallel(accounts, async (one) => {
    const event = deriveEvent(eventIdOf([one.account]), [one.account], 0);
    await store.create(event);
    await fileHeld(store, [one], event);
  });
}

/** One event holding `size` carriers of the wire story; the store may refuse it whole. */
async function loadBigEvent(store: DynamoEventStore, size: number): Promise<TimelineEvent> {
  const accounts = Array.from({ length: size }, (_, n) => accountsOfArticle(wireStory(n))).flat();
  const sources = accounts.map((a) => a.account);
  const event = deriveEvent(eventIdOf(sources), sources, 0);
  await store.create(event);
  await fileHeld(store, accounts, event);
  return event;
}

const reason = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 120) ?? '';

/** Loads one scenario at one size on a fresh table, then records new articles of the same day. */
function measureScenario(scenario: Scenario, size: number): Promise<BusyMeasurement> {
  const fresh = Array.from({ length: MEASURED }, (_, i) =>
    scenario === 'busy day' ? distinctStory(size + i) : wireStory(size + i),
  );
  return onFreshTable(async ({ store, record }) => {
    const started = performance.now();
    const loadSeconds = () => (performance.now() - started) / 1000;
    let big: TimelineEvent | undefined;
    try {
      if (scenario === 'busy day') await loadBusyDay(store, size);
      else big = await loadBigEvent(store, size);
    } catch (error) {
      return { scenario, size, loadSeconds: loadSeconds(), refused: `at load: ${reason(error)}` };
    }
    const loaded = loadSeconds();
    try {
      const cost = await record(fresh);
      const eventAccounts = big && (await store.get(big.id))?.accounts.length;
      return { scenario, size, loadSeconds: loaded, cost, eventAccounts };
    } catch (error) {
      return { scenario, size, loadSeconds: loaded, refused: `recording: ${reason(error)}` };
    }
  });
}

/** Every scenario at every size, smallest first, each on a table of its own. */
export async function measureBusy(): Promise<BusyMeasurement[]> {
  const results: BusyMeasurement[] = [];
  for (const scenario of ['busy day', 'one big event'] as const)
    for (const size of SIZES) results.push(await measureScenario(scenario, size));
  return results;
}

const storedBefore = ({ scenario, size }: BusyMeasurement) =>
  scenario === 'busy day' ? `${count(size)} events of the day` : `1 event of ${count(size)} accounts`;

/** The rows of the dedup table for these measurements, each against its scenario's first size. */
export function busyRows(results: BusyMeasurement[]): Row[] {
  return results.map((m) =>
    costRow({
      scenario: m.scenario,
      stored: storedBefore(m),
      cost: m.cost,
      base: results.find((r) => r.scenario === m.scenario)?.cost,
      articles: MEASURED,
      after: m.eventAccounts === undefined ? undefined : `event holds ${count(m.eventAccounts)}`,
      loadSeconds: m.loadSeconds,
      refused: m.refused,
    }),
  );
}

/** Largest over smallest size of a scenario, against the target of 1.5. */
function ratioNote(scenario: Scenario, results: BusyMeasurement[]): string | undefined {
  const rows = results.filter((r) => r.scenario === scenario);
  const [first, last] = [rows[0], rows.at(-1)];
  if (!first || !last || first === last) return undefined;
  const sizes = `${count(last.size)}/${count(first.size)}`;
  if (!first.cost || !last.cost) {
    const refused = [first, last].find((r) => !r.cost) as BusyMeasurement;
    return `${scenario}: ${sizes} not measured, ${count(refused.size)} refused ${refused.refused}`;
  }
  const ms = last.cost.msPerArticle / first.cost.msPerArticle;
  const requests = last.cost.requestsPerArticle / first.cost.requestsPerArticle;
  const verdict = Math.max(ms, requests) < 1.5 ? 'met' : 'not met';
  return `${scenario}: ${sizes} ratio ${ms.toFixed(2)} in ms, ${requests.toFixed(2)} in requests (target < 1.5: ${verdict})`;
}

export function busyNotes(results: BusyMeasurement[]): string[] {
  return [
    `busy day: N events of one account each, all dated ${EVENT_DAY} (invented wordings, one outlet each), loaded directly as populate does; then ${MEASURED} new articles of new events of that day through recordArticle`,
    `one big event: one event of N carriers of one wire story (same headline and sentence, one outlet each), loaded directly; then ${MEASURED} more carriers through recordArticle`,
    ...(['busy day', 'one big event'] as const).flatMap((s) => ratioNote(s, results) ?? []),
    ...results.flatMap((m) =>
      m.cost ? [`${m.scenario}, ${storedBefore(m)}: requests per article ${m.cost.requestsByCommand}`] : [],
    ),
  ];
}
