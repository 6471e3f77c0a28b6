import { type Article, articleId, canonicalUrl, contentHash, trimHtml } from '../articles/index.ts';
import type { Feed } from './config.ts';
import type { FeedEntry } from './parse.ts';
import { redirectTarget } from './redirect.ts';

/**
 * Where readers and full text should go: the item's own address when the feed links through a proxy
 * or a tracker. The article id stays the feed's link, so an item is still known by what it was.
 */
function addressOf(entry: FeedEntry): string | undefined {
  const candidates = [entry.originalLink, entry.link && redirectTarget(entry.link), entry.link];
  return candidates.find((link): link is string => !!link && !!canonicalUrl(link));
}

/**
 * A feed entry as an article, or undefined when it has neither a usable link nor a guid to know it
 * by again. An entry without a date is dated when first seen: later polls keep that first sighting
 * because the ledger does not requeue an unchanged entry.
 */
export function articleFromEntry(feed: Feed, entry: FeedEntry, seenAt: Date): Article | undefined {
  const id = articleId({ link: entry.link, guid: entry.guid, feedId: feed.id });
  if (!id) return undefined;
  const url = addressOf(entry) ?? feed.url;
  const { html, trimmed } = trimHtml(entry.html);
  return {
    id,
    feedId: feed.id,
    feedName: feed.name,
    url,
    ...(entry.sourceUrl && canonicalUrl(entry.sourceUrl) ? { originUrl: entry.sourceUrl } : {}),
    title: entry.title,
    publishedAt: entry.publishedAt ?? seenAt.toISOString(),
    ...(entry.publishedAt && entry.utcOffsetMinutes !== undefined
      ? { utcOffsetMinutes: entry.utcOffsetMinutes }
      : {}),
    html,
    topics: feed.topics,
    language: feed.language,
    fullText: feed.fullText,
    trimmed,
    contentHash: contentHash([entry.title, html, entry.publishedAt ?? '']),
  };
}
