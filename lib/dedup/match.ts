import { agreement, contentTerms, type ExtractedEvent } from '../extraction/index.ts';
import type { TimelineEvent } from '../timeline/event.ts';

/**
 * Two accounts of one day describe the same event when at least half of the shorter one's content
 * terms appear in the other, and at least two do. Tuned on wording, not on any one article: the
 * seed's two 8 October items share only "North Korea" and "Ukraine" (3 of 9 terms) and stay apart.
 */
export const MIN_OVERLAP = 0.5;
export const MIN_SHARED = 2;

export function datesCompatible(event: TimelineEvent, mention: ExtractedEvent): boolean {
  return (
    event.kind === mention.kind &&
    event.date === mention.date &&
    event.datePrecision === mention.datePrecision
  );
}

/** How well a mention agrees with an event: its best agreement with any of the event's accounts. */
export function matchScore(event: TimelineEvent, mention: ExtractedEvent): number {
  const terms = contentTerms(mention.summary);
  let best = 0;
  for (const text of [event.summary, ...event.sources.map((source) => source.quote)]) {
    const { shared, overlap } = agreement(terms, contentTerms(text));
    if (shared >= MIN_SHARED && overlap >= MIN_OVERLAP) best = Math.max(best, overlap);
  }
  return best;
}

/**
 * The event a mention belongs to, if any. An event already holding this article wins a tie, so
 * reprocessing an article lands each mention where it landed before.
 */
export function bestMatch(
  candidates: TimelineEvent[],
  mention: ExtractedEvent,
  articleId: string,
): TimelineEvent | undefined {
  let best: { event: TimelineEvent; score: number } | undefined;
  for (const event of candidates) {
    if (!datesCompatible(event, mention)) continue;
    const holdsArticle = event.sources.some((source) => source.articleId === articleId);
    const score = matchScore(event, mention) + (holdsArticle ? 0.01 : 0);
    if (score > 0.01 - Number.EPSILON && (!best || score > best.score)) best = { event, score };
  }
  return best && best.score >= MIN_OVERLAP ? best.event : undefined;
}
