import type { Article } from '../../lib/articles/index.ts';
import { recordArticle } from '../../lib/dedup/index.ts';
import type { TimelineEvent } from '../../lib/timeline/index.ts';
import { type CorpusArticle, loadNewsCorpus } from '../bench/corpus.ts';
import { anArticle } from '../support/accounts.ts';
import { MemoryEvents } from '../support/memory-events.ts';

/** One feed file is one site: its items share a host, as a real feed's links do. */
function articleFrom(item: CorpusArticle, index: number): Article {
  const site = item.source.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  return anArticle(index, {
    feedId: site,
    feedName: item.source,
    url: `https://${site}.corpus.example/${index}`,
    title: item.title,
    publishedAt: new Date(item.publishedAt).toISOString(),
    html: item.html,
    language: item.language,
    ...(item.utcOffsetMinutes !== undefined ? { utcOffsetMinutes: item.utcOffsetMinutes } : {}),
    contentHash: String(index),
  });
}

export interface CorpusMerges {
  articles: number;
  events: number;
  /** Events holding more than one article: every one is a merge for a person to judge. */
  merged: TimelineEvent[];
  /** Of those, events whose articles all come from one feed. */
  oneSite: number;
}

/**
 * The production dedup over the corpus's real-world feeds, unlabelled: not a score, a list of what
 * it merged, for checking precision on real headlines (house phrases, live pages, template titles)
 * that the hand-written set does not have.
 */
export async function corpusMerges(root: string): Promise<CorpusMerges> {
  const corpus = await loadNewsCorpus(root);
  const articles = corpus.articles
    .map(articleFrom)
    .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
  const repo = new MemoryEvents();
  for (const article of articles) await recordArticle(repo, article);
  const events = repo.events();
  const merged = events.filter((event) => event.sources.length > 1);
  const oneSite = merged.filter((event) => new Set(event.sources.map((s) => s.feedId)).size === 1).length;
  return { articles: articles.length, events: events.length, merged, oneSite };
}
