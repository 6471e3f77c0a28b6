import { CLUSTERING_SEMI_SPACE_MB } from '../../infra/cdk/young-generation.ts';
import { type Article, articleId } from '../../lib/articles/index.ts';
import {
  type ArticleAccount,
  accountId,
  accountsOf,
  CLUSTER_RULES,
  type ClusterRules,
  clusterAccounts,
  deriveEvent,
  eventDate,
  recordAccounts,
} from '../../lib/dedup/index.ts';
import { eventsOf } from '../../lib/extraction/index.ts';
import type { Source, TimelineEvent } from '../../lib/timeline/index.ts';
import { anAccount, anArticle } from '../support/accounts.ts';
import { MemoryEvents } from '../support/memory-events.ts';
import { coverageSets } from './coverage.ts';
import type { SystemEntry } from './coverage-align.ts';
import { htmlOf, sitesOf } from './coverage-run.ts';
import { scoreCoverage } from './coverage-score.ts';
import { type CoverageSet, loadCoverageSet } from './coverage-set.ts';
import { type ClusterScores, clusterScores, labelledAccounts, loadMultiSourceSet } from './dedup.ts';

/**
 * Today's merge-only single-link dedup against the clusterer (lib/dedup/cluster.ts), offline, on the
 * self-written set and on every coverage set: `node --import tsx tests/eval/cluster-eval.ts
 * [--sweep | --ids=N | --cost | --mine DIR…]`. Both see the same extracted accounts; only the grouping differs. The
 * coverage articles carry the poller's ids, so the figures are the pipeline's (`npm run eval`).
 */

type Scores = Pick<ClusterScores, 'pairwise' | 'bcubed'> & { eventF1?: number };

interface EvalSet {
  name: string;
  accounts: ArticleAccount[];
  score: (groups: ArticleAccount[][], today: boolean) => Scores;
}

/** The store's dedup: an article's accounts at a time through recordAccounts, in publication order, as the worker does. */
async function today(accounts: ArticleAccount[]): Promise<TimelineEvent[]> {
  const repo = new MemoryEvents();
  const ordered = [...accounts].sort((a, b) => a.account.publishedAt.localeCompare(b.account.publishedAt));
  const byArticle = new Map<string, ArticleAccount[]>();
  for (const entry of ordered)
    byArticle.set(entry.account.articleId, [...(byArticle.get(entry.account.articleId) ?? []), entry]);
  for (const entries of byArticle.values()) await recordAccounts(repo, entries);
  return repo.events();
}

const groupsOf = (events: TimelineEvent[], accounts: ArticleAccount[]): ArticleAccount[][] => {
  const byKey = new Map(accounts.map((a) => [`${a.account.articleId}#${a.account.position}`, a]));
  return events.map((e) => e.accounts.flatMap((s) => byKey.get(`${s.articleId}#${s.position}`) ?? []));
};

function selfWritten(): EvalSet {
  const accounts = labelledAccounts(loadMultiSourceSet());
  const clusterOf = new Map(accounts.map((a) => [a.account, a.cluster]));
  return {
    name: 'self-written (tests/fixtures/dedup)',
    accounts,
    score: (groups) => {
      const rows = groups.flatMap((group, g) =>
        group.flatMap((a) => (clusterOf.get(a.account) ? [{ gold: clusterOf.get(a.account), g }] : [])),
      );
      return clusterScores(
        rows.map((r) => r.gold as string),
        rows.map((r) => String(r.g)),
      );
    },
  };
}

/**
 * A coverage article as the poller would queue it from its outlet's feed (see coverage-run.ts), under
 * the poller's id. `draw` > 0 gives every article another arbitrary id (its address with a query
 * added), as a different crawl of the same story would: see idSpread.
 */
function articlesOf(set: CoverageSet, draw = 0): Article[] {
  const siteOf = new Map(sitesOf(set.articles).flatMap((s) => s.articles.map((a) => [a.id, s] as const)));
  return set.articles.map((a, i) => {
    const site = siteOf.get(a.id);
    const feedId = site?.id ?? a.id;
    return anArticle(i + 1, {
      // The poller's id: accounts sort by article id, and the clusterer breaks its ties in that order,
      // so sequential ids cluster differently from the pipeline this stands in for.
      id: articleId({ link: draw ? `${a.url}?draw=${draw}` : a.url, feedId }) as string,
      feedId,
      feedName: site?.name ?? a.outlet,
      url: a.url,
      title: a.title,
      publishedAt: `${a.published}T12:00:00.000Z`,
      utcOffsetMinutes: 0,
      html: htmlOf(a.text),
      contentHash: a.id,
    });
  });
}

/**
 * A group as a timeline entry. Today's entries quote one account per article, as the public event's
 * sources do; the clusterer's groups hold one per article already. The clusterer's entries take
 * their date from eventDate.
 */
function entryOf(group: ArticleAccount[], ids: Map<string, string>, mine: boolean): SystemEntry {
  const accounts = group.map((a) => a.account);
  const event = deriveEvent(accounts.map(accountId).sort()[0] as string, accounts, 0);
  const date = mine ? eventDate(accounts) : event;
  return {
    id: event.id,
    kind: event.kind,
    summary: event.summary,
    date: date.date,
    datePrecision: date.datePrecision,
    endDate: mine ? null : event.endDate,
    mentions: event.sources.flatMap((s: Source) =>
      [s.quote, ...(s.evidence ?? [])].map((text) => ({ articleId: ids.get(s.articleId) as string, text })),
    ),
  };
}

function coverage(dir: string, draw = 0): EvalSet {
  const set = loadCoverageSet(dir);
  const articles = articlesOf(set, draw);
  const ids = new Map(articles.map((a, i) => [a.id, (set.articles[i] as { id: string }).id]));
  const accounts = articles.flatMap((article) => accountsOf(article, eventsOf({ ...article })));
  return {
    name: set.name,
    accounts,
    score: (groups, isToday) => {
      const score = scoreCoverage(
        set,
        groups.map((g) => entryOf(g, ids, !isToday)),
      );
      return { pairwise: score.dedup.pairwise, bcubed: score.dedup.bcubed, eventF1: score.f1 };
    },
  };
}

export function evalSets(): EvalSet[] {
  return [selfWritten(), ...coverageSets().map((dir) => coverage(dir))];
}

export async function todayScores(set: EvalSet): Promise<Scores> {
  return set.score(groupsOf(await today(set.accounts), set.accounts), true);
}

export const mineScores = (set: EvalSet, rules: ClusterRules = CLUSTER_RULES): Scores =>
  set.score(clusterAccounts(set.accounts, { rules }), false);

const pct = (n: number) => n.toFixed(3);
const line = (s: Scores) =>
  `pw P ${pct(s.pairwise.precision)} R ${pct(s.pairwise.recall)} F1 ${pct(s.pairwise.f1)} | ` +
  `B3 P ${pct(s.bcubed.precision)} R ${pct(s.bcubed.recall)} F1 ${pct(s.bcubed.f1)}` +
  (s.eventF1 === undefined ? '' : ` | event F1 ${pct(s.eventF1)}`);

async function sideBySide(sets: EvalSet[]): Promise<void> {
  for (const set of sets) {
    console.log(`${set.name} (${set.accounts.length} accounts)`);
    console.log(`  today  ${line(await todayScores(set))}`);
    const started = performance.now();
    const mine = mineScores(set, rulesAsked());
    console.log(`  mine   ${line(mine)}  (${(performance.now() - started).toFixed(0)} ms)`);
  }
}

/** Today's rules, with what `--rules={"join":0.2}` overrides. */
function rulesAsked(): ClusterRules {
  const override = process.argv.find((arg) => arg.startsWith('--rules='))?.slice('--rules='.length);
  return { ...CLUSTER_RULES, ...(override ? JSON.parse(override) : {}) };
}

/** The clusterer's own rules around their values; the match thresholds stay today's. */
function ruleGrid(): ClusterRules[] {
  const grid: ClusterRules[] = [];
  for (const join of [0.05, 0.1, 0.2])
    for (const partial of [0.5, 1])
      for (const sameArticle of [0, 1])
        for (const toldTwice of [0.2, 0.3])
          grid.push({ ...CLUSTER_RULES, join, partial, sameArticle, toldTwice });
  return grid;
}

const label = (r: ClusterRules) =>
  `join ${r.join} partial ${r.partial} sameArticle ${r.sameArticle} toldTwice ${r.toldTwice}`;

/**
 * Tuning without fooling ourselves: for each coverage set held out, the rules that do best (mean
 * B-cubed F1) on the self-written set and the other coverage sets, then their figures on the held-out
 * set, which played no part in choosing them.
 */
function sweep(sets: EvalSet[]): void {
  const grid = ruleGrid();
  const table = grid.map((rules) => sets.map((set) => mineScores(set, rules)));
  for (let held = 1; held < sets.length; held++) {
    const tuned = sets.map((_, i) => i).filter((i) => i !== held);
    const mean = (row: Scores[]) =>
      tuned.reduce((sum, i) => sum + (row[i] as Scores).bcubed.f1, 0) / tuned.length;
    const best = table.reduce((b, row, i) => (mean(row) > mean(table[b] as Scores[]) ? i : b), 0);
    console.log(`held out ${(sets[held] as EvalSet).name}: chosen ${label(grid[best] as ClusterRules)}`);
    sets.forEach((set, i) => {
      const tag = i === held ? 'HELD-OUT' : 'tuned   ';
      console.log(`  ${tag} ${set.name.padEnd(36)} ${line((table[best] as Scores[])[i] as Scores)}`);
    });
  }
}

const PEOPLE = [
  'Berg',
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Tanaka',
  'Kowalski',
  'Haddad',
  'Silva',
  'Novak',
  'Reyes',
];
const PLACES = ['Gdansk', 'Leeds', 'Porto', 'Lyon', 'Tampere', 'Brno', 'Cork', 'Graz', 'Turin', 'Ghent'];
const ACTS = [
  'detained two dock workers',
  'opened a rebuilt bridge',
  'approved the transport budget',
  'resigned from the council',
  'signed a water treaty',
  'closed the northern channel',
  'announced a hospital merger',
  'won the regional vote',
];

/**
 * A busy day's neighbourhood: `events` distinct events, each told by four outlets in their own
 * order of words, over the day before, the day, the day after and the month; deterministic.
 */
export function busyDay(events: number): ArticleAccount[] {
  const accounts: ArticleAccount[] = [];
  for (let e = 0; e < events; e++) {
    const who = PEOPLE[e % PEOPLE.length] as string;
    const where = PLACES[Math.floor(e / PEOPLE.length) % PLACES.length] as string;
    const act = ACTS[Math.floor(e / 100) % ACTS.length] as string;
    const figure = `${(e * 37) % 900} million`;
    const date = ['2024-10-07', '2024-10-08', '2024-10-09', '2024-10'][e % 4] as string;
    for (let outlet = 0; outlet < 4; outlet++) {
      const summary = [
        `${who} ${act} in ${where} worth ${figure}`,
        `In ${where}, ${who} ${act}, a deal of ${figure}`,
        `${where}: ${act} by ${who} (${figure})`,
        `${who} of ${where} ${act}`,
      ][outlet] as string;
      const account = anAccount(e * 4 + outlet + 1, {
        feedId: `outlet${outlet}-${e % 50}`,
        date,
        datePrecision: date.length === 7 ? 'month' : 'day',
        summary,
        title: `${where} news: ${summary}`,
      });
      accounts.push({ account, sameDay: [] });
    }
  }
  return accounts;
}

/** CPU milliseconds to cluster `events` × 4 accounts (terms computed afresh: a new process's first call). */
function clusterCpu(accounts: ArticleAccount[]): number {
  const started = process.cpuUsage();
  clusterAccounts(accounts);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

/** The young generation the run has: the worker's and admin's (infra/cdk/functions.ts) or V8's default. */
function youngGeneration(): string {
  const flag = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(' ')].find((arg) =>
    arg.startsWith('--max-semi-space-size='),
  );
  const deployed = `--max-semi-space-size=${CLUSTERING_SEMI_SPACE_MB}`;
  if (!flag) return `V8's default young generation (the functions that cluster run with ${deployed})`;
  return flag === deployed ? `${flag}, as the functions that cluster run` : flag;
}

function cost(): void {
  console.log(youngGeneration());
  for (const events of [125, 250]) {
    const accounts = busyDay(events);
    const cold = clusterCpu(accounts);
    // The machine is shared: the least of nine runs is the cost, the rest is other people's load
    // (and the median says how far that load reaches).
    const warm = Array.from({ length: 9 }, () => clusterCpu(accounts)).sort((a, b) => a - b);
    console.log(
      `${accounts.length} accounts: ${cold.toFixed(0)} ms CPU cold, ${(warm[0] as number).toFixed(0)} ms warm (least of 9; median ${(warm[4] as number).toFixed(0)})`,
    );
  }
}

const quartiles = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => (sorted[Math.round(q * (sorted.length - 1))] as number).toFixed(3);
  return `min ${at(0)} median ${at(0.5)} max ${at(1)}`;
};

/**
 * How much of a coverage set's figures is the article ids' doing: the clusterer breaks ties in
 * account order, which sorts by article id, a hash of the address. The same set under `draws`
 * arbitrary ids (the same texts, the same feeds) gives the spread a held-out story may land anywhere in.
 */
function idSpread(draws: number): void {
  for (const dir of coverageSets()) {
    const runs = Array.from({ length: draws + 1 }, (_, draw) =>
      mineScores(coverage(dir, draw), rulesAsked()),
    );
    console.log(`${loadCoverageSet(dir).name}: ${draws + 1} id draws (the first the poller's own)`);
    console.log(`  pairwise F1 ${quartiles(runs.map((r) => r.pairwise.f1))}`);
    console.log(`  B-cubed F1  ${quartiles(runs.map((r) => r.bcubed.f1))}`);
    console.log(`  event F1    ${quartiles(runs.map((r) => r.eventF1 as number))}`);
  }
}

/**
 * The clusterer's figures on coverage folders of any origin (stories labelled beside the shared ones),
 * one line each and their mean: the event F1 `npm run eval -- --coverage DIR` gives, in seconds
 * rather than minutes, for comparing a change across many stories before the pipeline confirms it.
 */
function mineOn(dirs: string[]): void {
  const rows = dirs.map((dir) => {
    const set = coverage(dir);
    return { name: set.name, scores: mineScores(set, rulesAsked()) };
  });
  for (const { name, scores } of rows) console.log(`${name.padEnd(32)} ${line(scores)}`);
  const mean = (of: (s: Scores) => number) =>
    pct(rows.reduce((sum, row) => sum + of(row.scores), 0) / rows.length);
  console.log(
    `mean of ${rows.length}: event F1 ${mean((s) => s.eventF1 ?? 0)}, pairwise F1 ${mean((s) => s.pairwise.f1)}, B-cubed F1 ${mean((s) => s.bcubed.f1)}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const ids = process.argv.find((arg) => arg.startsWith('--ids='));
  if (ids) {
    idSpread(Number(ids.slice('--ids='.length)));
    process.exit(0);
  }
  const mine = process.argv.indexOf('--mine');
  if (mine >= 0) {
    mineOn(process.argv.slice(mine + 1).filter((arg) => !arg.startsWith('--')));
    process.exit(0);
  }
  const sets = process.argv.includes('--cost') ? [] : evalSets();
  if (process.argv.includes('--cost')) cost();
  else if (process.argv.includes('--sweep')) {
    console.log(`pairwise/B-cubed F1 per set: ${sets.map((s) => s.name).join(', ')}`);
    sweep(sets);
  } else await sideBySide(sets);
}
