/** Google's click-tracking redirect (`https://www.google.com/url?…&url=<target>`), as Google Alerts links. */
const GOOGLE_HOST = /(^|\.)google\.[a-z]{2,3}(\.[a-z]{2})?$/;

/**
 * The address a tracking redirect leads to, or undefined when the link is not one. Google Alerts
 * feeds link every item through google.com: left as is, the timeline would send readers through the
 * tracker, full text would fetch Google's interstitial instead of the article, and every outlet the
 * alert found would count as one site ("google.com") to matching.
 */
export function redirectTarget(link: string): string | undefined {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return undefined;
  }
  if (!GOOGLE_HOST.test(url.hostname) || url.pathname !== '/url') return undefined;
  const target = url.searchParams.get('url') ?? url.searchParams.get('q');
  return target && /^https?:\/\//i.test(target) ? target : undefined;
}
