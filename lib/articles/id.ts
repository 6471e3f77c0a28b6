import { createHash } from 'node:crypto';

const TRACKING_PARAMS =
  /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref|ref_src|cmpid|ocid|rss|feed|_ga)$/i;

/**
 * One URL per article however a feed dresses it: lower-case host, no default port, no fragment, no
 * tracking parameters, the rest sorted, no trailing slash. http and https are the same article.
 */
export function canonicalUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const params = [...url.searchParams]
    .filter(([name]) => !TRACKING_PARAMS.test(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = new URLSearchParams(params).toString();
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const port = url.port ? `:${url.port}` : '';
  return `https://${host}${port}${path}${query ? `?${query}` : ''}`;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/**
 * The article's stable id: from its canonical URL, or from the feed's guid when the link is missing
 * or unusable (the guid is only unique within its feed, so the feed id is part of it).
 */
export function articleId(item: { link?: string; guid?: string; feedId: string }): string | undefined {
  const canonical = item.link ? canonicalUrl(item.link) : undefined;
  if (canonical) return `art_${digest(canonical)}`;
  const guid = item.guid?.trim();
  if (guid) return `art_${digest(`guid:${item.feedId}:${guid}`)}`;
  return undefined;
}

export function contentHash(parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}
