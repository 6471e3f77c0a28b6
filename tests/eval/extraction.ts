import { fileURLToPath } from 'node:url';
import { eventsOf } from '../../lib/extraction/index.ts';
import { type LabelledArticle, loadLabelledSet } from './labelled-set.ts';
import { type ArticleScore, type Counts, type Figures, figures, scoreArticle, sum } from './score.ts';

export const LABELLED_SET = fileURLToPath(new URL('../fixtures/extraction/', import.meta.url));

export interface ExtractionEval {
  articles: number;
  total: Counts & Figures;
  byStyle: Record<string, Counts & Figures>;
  perArticle: Array<{ id: string; style: string } & ArticleScore>;
}

function scored(article: LabelledArticle) {
  // What the worker stores: the timeline's events, not every date the text tells.
  const predicted = eventsOf({
    html: article.html,
    publishedAt: article.publishedAt,
    title: article.title,
    language: article.language,
  });
  return { id: article.id, style: article.style, ...scoreArticle(article.events, predicted) };
}

/** Scores the extractor on a labelled folder (ours by default; a held-out set in the same format otherwise). */
export function evaluateExtraction(dir = LABELLED_SET): ExtractionEval {
  const perArticle = loadLabelledSet(dir).map(scored);
  const styles = [...new Set(perArticle.map((a) => a.style))].sort();
  const byStyle = Object.fromEntries(
    styles.map((style) => {
      const counts = sum(perArticle.filter((a) => a.style === style));
      return [style, { ...counts, ...figures(counts) }];
    }),
  );
  const total = sum(perArticle);
  return { articles: perArticle.length, total: { ...total, ...figures(total) }, byStyle, perArticle };
}
