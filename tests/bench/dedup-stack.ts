import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startLocalStack } from '../../infra/local/stack.ts';
import type { Article } from '../../lib/articles/index.ts';
import { type ArticleOutcome, recordArticle } from '../../lib/dedup/index.ts';
import { DynamoEventStore } from '../../lib/store/index.ts';
import { workspace } from '../support/local.ts';
import { ratio } from './format.ts';
import type { Row } from './section.ts';

/** A DynamoDB client that counts the requests it sends, in all and by command. */
function countingClient() {
  const client = new DynamoDBClient({});
  const counter = { requests: 0, byCommand: new Map<string, number>() };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      counter.requests++;
      const command = String(context.commandName ?? 'unknown').replace(/Command$/, '');
      counter.byCommand.set(command, (counter.byCommand.get(command) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'countRequests' },
  );
  return { client, counter };
}

/** The worker's cost for a run of articles, and what it did with them. */
export interface ArticlesCost {
  msPerArticle: number;
  requestsPerArticle: number;
  /** Requests per article by command ("Query 6.0, BatchGetItem 1.0"): where a cost that grows comes from. */
  requestsByCommand: string;
  outcome: Omit<ArticleOutcome, 'events'>;
}

/** A bench's hold on a fresh embedded table: its store, and the worker's cost from here on. */
export interface BenchTable {
  store: DynamoEventStore;
  /** The store's client, for bulk loads (its requests before `record` are not counted). */
  client: DynamoDBClient;
  /** recordArticle for each article in turn, timed and counted alone (the loading is not). */
  record(articles: Article[]): Promise<ArticlesCost>;
}

/** Runs `use` against a fresh embedded stack (dynalite) through a request-counting SDK client. */
export async function onFreshTable<T>(use: (table: BenchTable) => Promise<T>): Promise<T> {
  const stack = await startLocalStack(workspace('dateline-bench-').options);
  const { client, counter } = countingClient();
  const store = new DynamoEventStore(client, 'dateline');
  const record = async (articles: Article[]): Promise<ArticlesCost> => {
    const outcome = { created: 0, merged: 0, unchanged: 0 };
    counter.requests = 0;
    counter.byCommand.clear();
    const started = performance.now();
    for (const article of articles) {
      const { events, ...counts } = await recordArticle(store, article);
      for (const key of Object.keys(outcome) as Array<keyof typeof outcome>) outcome[key] += counts[key];
    }
    const elapsed = performance.now() - started;
    return {
      msPerArticle: elapsed / articles.length,
      requestsPerArticle: counter.requests / articles.length,
      requestsByCommand: [...counter.byCommand]
        .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
        .map(([command, n]) => `${command} ${(n / articles.length).toFixed(1)}`)
        .join(', '),
      outcome,
    };
  };
  try {
    return await use({ store, client, record });
  } finally {
    client.destroy();
    await stack.stop();
  }
}

/** What a row of the dedup table says of one measured table. */
export interface CostLine {
  scenario: string;
  stored: string;
  cost?: ArticlesCost;
  /** The first size of the same scenario, which the ratios compare against. */
  base?: ArticlesCost;
  articles: number;
  /** Said after what the articles did, e.g. how many accounts the big event holds after. */
  after?: string;
  loadSeconds: number;
  refused?: string;
}

/** One row of the dedup section's table: every scenario in the same columns. */
export function costRow(line: CostLine): Row {
  const { cost, base, outcome } = { ...line, outcome: line.cost?.outcome };
  const did = outcome && `${line.articles} → ${outcome.created} new, ${outcome.merged} joined`;
  return {
    scenario: line.scenario,
    'stored before': line.stored,
    'ms / article': cost ? cost.msPerArticle.toFixed(1) : '—',
    'DynamoDB requests / article': cost ? cost.requestsPerArticle.toFixed(1) : '—',
    'vs first (ms)': cost && base ? ratio(cost.msPerArticle, base.msPerArticle) : '',
    'vs first (requests)': cost && base ? ratio(cost.requestsPerArticle, base.requestsPerArticle) : '',
    'articles → accounts': [did, line.after, line.refused && `refused ${line.refused}`]
      .filter(Boolean)
      .join('; '),
    'load time': `${line.loadSeconds.toFixed(0)} s`,
  };
}
