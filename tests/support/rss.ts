export interface FixtureItem {
  title: string;
  link: string;
  guid?: string;
  pubDate: string;
  html: string;
  /** A teaser-only item: this goes in <description> and the feed carries no full text. */
  teaser?: string;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS 2.0 document carrying each item's whole HTML in content:encoded, as full-text news feeds do. */
export function rss(title: string, items: FixtureItem[]): string {
  const entries = items
    .map(
      (item) =>
        `<item><title>${escapeXml(item.title)}</title><link>${escapeXml(item.link)}</link>` +
        `<guid>${escapeXml(item.guid ?? item.link)}</guid><pubDate>${new Date(item.pubDate).toUTCString()}</pubDate>` +
        (item.teaser
          ? `<description>${escapeXml(item.teaser)}</description></item>`
          : `<description>${escapeXml(item.html.replace(/<[^>]+>/g, ' ').slice(0, 160))}</description>` +
            `<content:encoded><![CDATA[${item.html}]]></content:encoded></item>`),
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>${escapeXml(title)}</title><link>https://example.org/</link><description>fixture</description>
${entries}
</channel></rss>`;
}
