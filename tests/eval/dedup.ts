import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../lib/articles/index.ts';
import {
  type ArticleAccount,
  accountsOf,
  type Evidence,
  evidenceOf,
  isMatch,
  MATCH_THRESHOLDS,
  type Posting,
  postingOf,
  recordAccounts,
  type Thresholds,
} from '../../lib/dedup/index.ts';
import { eventsOf } from '../../lib/extraction/index.ts';
import type { Source, TimelineEvent } from '../../lib/timeline/index.ts';
import { anArticle } from '../support/accounts.ts';
import { MemoryEvents } from '../support/memory-events.ts';
import { type LabelledArticle, loadLabelledSet } from './labelled-set.ts';

export const MULTI_SOURCE_SET = fileURLToPath(new URL('../fixtures/dedup/', import.meta.url));

/** A labelled folder and its subfolders (one per story arc). */
export function loadMultiSourceSet(dir = MULTI_SOURCE_SET): LabelledArticle[] {
  const subfolders = readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isDirectory());
  return [dir, ...subfolders].flatMap((folder) => loadLabelledSet(folder));
}

/** The labelled article as the poller would have queued it. */
export function articleFrom(labelled: LabelledArticle, index: number): Article {
  const outlet = labelled.id.split('-')[0] ?? 'feed';
  return anArticle(index, {
    feedId: outlet,
    feedName: outlet,
    // Which site published it matters to matching; without an address, each article is its own site.
    url: labelled.url ?? `https://${labelled.id.replace(/[^a-z0-9]+/gi, '-')}.example.org/`,
    title: labelled.title,
    publishedAt: new Date(labelled.publishedAt).toISOString(),
    html: labelled.html,
    language: labelled.language,
    contentHash: labelled.id,
  });
}

/** An extracted account (with its article's other wordings of its day) and its gold cluster, if any. */
export interface LabelledAccount extends ArticleAccount {
  cluster?: string;
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Pairs each extracted account with a gold event by quote containment, as the extraction eval does.
 * Accounts that also carry the gold date are paired first, over the whole article: one sentence can
 * give two accounts ("won on Sunday and will face a runoff on 24 November"), and the first gold event
 * of that sentence must not take the account that tells the second one because its kind matched.
 */
export function labelledAccounts(set: LabelledArticle[]): LabelledAccount[] {
  return set.flatMap((labelled, index) => {
    const article = articleFrom(labelled, index);
    const filed = accountsOf(article, eventsOf({ ...article }));
    const accounts = filed.map(({ account }) => account as Source);
    const unused = new Set(accounts.map((_, i) => i));
    const labels = new Map<number, string>();
    const pending = labelled.events.filter((gold) => gold.cluster);
    for (const sameDate of [true, false])
      for (const gold of [...pending]) {
        const needle = normalise(gold.quote);
        const pick = [...unused].find((i) => {
          const a = accounts[i] as Source;
          return (
            a.kind === gold.kind && normalise(a.quote).includes(needle) && (!sameDate || a.date === gold.date)
          );
        });
        if (pick === undefined) continue;
        unused.delete(pick);
        labels.set(pick, gold.cluster as string);
        pending.splice(pending.indexOf(gold), 1);
      }
    return filed.map((entry, i) => ({ ...entry, cluster: labels.get(i) }));
  });
}

export interface ClusterScores {
  mentions: number;
  goldClusters: number;
  predictedClusters: number;
  pairwise: { precision: number; recall: number; f1: number };
  bcubed: { precision: number; recall: number; f1: number };
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

/** Pairwise and B-cubed scores of a clustering of labelled mentions against their gold clusters. */
export function clusterScores(gold: string[], predicted: string[]): ClusterScores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < gold.length; i++) {
    for (let j = i + 1; j < gold.length; j++) {
      const sameGold = gold[i] === gold[j];
      const samePredicted = predicted[i] === predicted[j];
      if (sameGold && samePredicted) tp++;
      else if (samePredicted) fp++;
      else if (sameGold) fn++;
    }
  }
  let bp = 0;
  let br = 0;
  for (let i = 0; i < gold.length; i++) {
    let both = 0;
    let inPredicted = 0;
    let inGold = 0;
    for (let j = 0; j < gold.length; j++) {
      const g = gold[i] === gold[j];
      const p = predicted[i] === predicted[j];
      if (g && p) both++;
      if (p) inPredicted++;
      if (g) inGold++;
    }
    bp += both / inPredicted;
    br += both / inGold;
  }
  const n = gold.length || 1;
  const pp = tp + fp ? tp / (tp + fp) : 1;
  const pr = tp + fn ? tp / (tp + fn) : 1;
  return {
    mentions: gold.length,
    goldClusters: new Set(gold).size,
    predictedClusters: new Set(predicted).size,
    pairwise: { precision: pp, recall: pr, f1: f1(pp, pr) },
    bcubed: { precision: bp / n, recall: br / n, f1: f1(bp / n, br / n) },
  };
}

/** Which stored event holds an account: every account stays on its event for matching. */
function eventOf(events: TimelineEvent[], account: Source): string {
  const holder = events.find((e) =>
    e.accounts.some((held) => held.articleId === account.articleId && held.position === account.position),
  );
  return holder?.id ?? `missing:${account.articleId}#${account.position}`;
}

/** Runs the production dedup (recordAccounts, an article at a time) over the set in publication order and scores it. */
export async function evaluateDedup(dir = MULTI_SOURCE_SET) {
  const set = loadMultiSourceSet(dir).sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
  const accounts = labelledAccounts(set);
  const repo = new MemoryEvents();
  // One article's accounts at a time, as the worker records them.
  const byArticle = new Map<string, LabelledAccount[]>();
  for (const entry of accounts)
    byArticle.set(entry.account.articleId, [...(byArticle.get(entry.account.articleId) ?? []), entry]);
  for (const entries of byArticle.values()) await recordAccounts(repo, entries);
  const events = repo.events();
  const labelled = accounts.filter((a): a is Required<LabelledAccount> => !!a.cluster);
  const scores = clusterScores(
    labelled.map((a) => a.cluster),
    labelled.map((a) => eventOf(events, a.account)),
  );
  return { articles: set.length, accounts: accounts.length, events: events.length, ...scores };
}

/** The production thresholds, and each moved around it. */
function thresholdGrid(): Thresholds[] {
  const grid: Thresholds[] = [MATCH_THRESHOLDS];
  const around: Record<keyof Thresholds, number[]> = {
    'same-day': [0.1, 0.15, 0.25, 0.3, 0.4],
    'same-day-names-only': [0.3, 0.4, 0.6, 0.7],
    'same-day-same-story': [0.2, 0.25, 0.35, 0.4, 1.01],
    'next-day': [0.6, 0.7, 0.9, 1.01],
    'next-day-late': [0.3, 0.4, 0.6, 0.8],
    'same-period': [0.3, 0.5, 0.6],
    'same-site': [0, 0.4, 0.5, 0.7],
  };
  for (const [key, values] of Object.entries(around) as Array<[keyof Thresholds, number[]]>) {
    for (const value of values) grid.push({ ...MATCH_THRESHOLDS, [key]: value });
  }
  return grid;
}

/**
 * Pairwise F1 of single-linkage clustering at other thresholds, computed offline from the same
 * evidence: how the production thresholds were chosen. Every extracted account takes part, labelled
 * or not, since an unlabelled one can link two events in production too; only labelled ones score.
 */
export function thresholdSweep(dir = MULTI_SOURCE_SET, grid = thresholdGrid()) {
  const accounts = labelledAccounts(loadMultiSourceSet(dir));
  const postings = accounts.map(({ account, sameDay }) => postingOf(account, sameDay));
  const pairs: Array<{ i: number; j: number; evidence: Evidence }> = [];
  for (let i = 0; i < postings.length; i++) {
    for (let j = i + 1; j < postings.length; j++) {
      const evidence = evidenceOf(postings[i] as Posting, postings[j] as Posting);
      if (evidence.relation !== 'apart') pairs.push({ i, j, evidence });
    }
  }
  const labelled = accounts.flatMap((a, i) => (a.cluster ? [{ i, cluster: a.cluster }] : []));
  return grid.map((thresholds) => {
    const parent = accounts.map((_, i) => i);
    const find = (i: number): number => {
      const up = parent[i] as number;
      if (up === i) return i;
      const root = find(up);
      parent[i] = root;
      return root;
    };
    for (const { i, j, evidence } of pairs) {
      if (isMatch(evidence, thresholds)) parent[find(i)] = find(j);
    }
    const result = clusterScores(
      labelled.map((a) => a.cluster),
      labelled.map((a) => String(find(a.i))),
    );
    return {
      thresholds,
      pairwiseF1: result.pairwise.f1,
      bcubedF1: result.bcubed.f1,
      current: thresholds === MATCH_THRESHOLDS,
    };
  });
}
