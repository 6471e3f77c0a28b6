import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeed, repairXml } from '../../lib/feeds/index.ts';

describe('repairXml', () => {
  it('turns HTML named entities into numeric references', () => {
    expect(repairXml('<title>Caf&eacute;&nbsp;culture</title>')).toBe(
      '<title>Caf&#233;&#160;culture</title>',
    );
  });

  it('escapes a bare ampersand', () => {
    expect(repairXml('<title>Ports & harbours: AT&T deal</title>')).toBe(
      '<title>Ports &amp; harbours: AT&amp;T deal</title>',
    );
  });

  it('leaves the five XML entities and numeric references alone', () => {
    const xml = '<title>&lt;b&gt; &amp; &quot;q&quot; &apos;a&apos; &#8211; &#x2014;</title>';
    expect(repairXml(xml)).toBe(xml);
  });

  it('escapes an unknown named entity instead of passing it through', () => {
    expect(repairXml('<title>&bogus;</title>')).toBe('<title>&amp;bogus;</title>');
  });

  it('adds a version to an <rss> element that lacks one', () => {
    expect(repairXml('<rss><channel></channel></rss>')).toBe('<rss version="2.0"><channel></channel></rss>');
    expect(repairXml('<rss xmlns:dc="http://purl.org/dc/elements/1.1/">')).toBe(
      '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    );
  });

  it('keeps an existing version', () => {
    expect(repairXml('<rss version="0.91"><channel></channel></rss>')).toBe(
      '<rss version="0.91"><channel></channel></rss>',
    );
  });

  it('does not expand anything, so an entity cannot grow the document', () => {
    const xml = '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">]><r>&a;&a;&a;</r>';
    expect(repairXml(xml).length).toBeLessThanOrEqual(xml.length + 3 * '&amp;'.length);
  });
});

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>East Wire</title>
    <link>https://east-wire.example.com/</link>
    <description>News from the east</description>
    <item>
      <title>Port strike enters its fourth month</title>
      <link>https://east-wire.example.com/2024/10/13/port-strike</link>
      <guid isPermaLink="false">east-wire-4711</guid>
      <pubDate>Sun, 13 Oct 2024 09:00:00 GMT</pubDate>
      <description>A short teaser.</description>
      <content:encoded><![CDATA[<p>The strike began on 3 July.</p><ul><li>19 August: Talks collapsed</li></ul>]]></content:encoded>
    </item>
    <item>
      <title>Teaser only</title>
      <link>https://east-wire.example.com/2024/10/12/teaser</link>
      <pubDate>Sat, 12 Oct 2024 18:30:00 +0300</pubDate>
      <description>&lt;p&gt;Only a description here.&lt;/p&gt;</description>
    </item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>World Desk</title>
  <id>urn:uuid:0b5c1a6e-world-desk</id>
  <updated>2024-10-14T18:20:00Z</updated>
  <entry>
    <title>Mediator appointed in port talks</title>
    <id>tag:world-desk.example.org,2024:1001</id>
    <link rel="alternate" href="https://world-desk.example.org/mediator"/>
    <published>2024-10-14T18:20:00Z</published>
    <updated>2024-10-14T19:00:00Z</updated>
    <summary>Short summary.</summary>
    <content type="html">&lt;p&gt;On 19 August the minister appointed a mediator.&lt;/p&gt;</content>
  </entry>
</feed>`;

describe('parseFeed', () => {
  it('parses RSS 2.0, preferring content:encoded over the description', async () => {
    const feed = await parseFeed(RSS);
    expect(feed.title).toBe('East Wire');
    expect(feed.entries).toHaveLength(2);
    expect(feed.entries[0]).toEqual({
      guid: 'east-wire-4711',
      link: 'https://east-wire.example.com/2024/10/13/port-strike',
      title: 'Port strike enters its fourth month',
      publishedAt: '2024-10-13T09:00:00.000Z',
      html: '<p>The strike began on 3 July.</p><ul><li>19 August: Talks collapsed</li></ul>',
    });
  });

  it('falls back to the description and normalises the date to UTC', async () => {
    const feed = await parseFeed(RSS);
    expect(feed.entries[1]?.html).toBe('<p>Only a description here.</p>');
    expect(feed.entries[1]?.publishedAt).toBe('2024-10-12T15:30:00.000Z');
  });

  it('parses Atom with <content type="html">', async () => {
    const feed = await parseFeed(ATOM);
    expect(feed.title).toBe('World Desk');
    expect(feed.entries).toHaveLength(1);
    expect(feed.entries[0]).toMatchObject({
      guid: 'tag:world-desk.example.org,2024:1001',
      link: 'https://world-desk.example.org/mediator',
      title: 'Mediator appointed in port talks',
      publishedAt: '2024-10-14T18:20:00.000Z',
      html: '<p>On 19 August the minister appointed a mediator.</p>',
    });
  });

  it('reads an HTML entity in a title as the character it names', async () => {
    const feed = await parseFeed(`<?xml version="1.0"?>
<rss version="2.0"><channel><title>Kyiv&nbsp;Ledger</title>
  <item>
    <title>Caf&eacute; owners&nbsp;protest rent rises &amp; new taxes</title>
    <link>https://kyiv-ledger.example.com/cafe</link>
    <description>Text</description>
  </item>
</channel></rss>`);
    expect(feed.title).toBe('Kyiv\u00a0Ledger');
    expect(feed.entries[0]?.title).toBe('Café owners\u00a0protest rent rises & new taxes');
  });

  it('reads a bare ampersand in a title as an ampersand', async () => {
    const feed = await parseFeed(`<rss><channel><title>Desk</title>
  <item><title>Ports & harbours</title><link>https://example.com/a</link></item>
</channel></rss>`);
    expect(feed.entries[0]?.title).toBe('Ports & harbours');
  });

  it('reads a CDATA title literally, without escaping its ampersand', async () => {
    const feed = await parseFeed(`<?xml version="1.0"?>
<rss version="2.0"><channel><title>Desk</title>
  <item><title><![CDATA[Q&A: what the port strike means]]></title><link>https://example.com/qa</link></item>
</channel></rss>`);
    expect(feed.entries[0]?.title).toBe('Q&A: what the port strike means');
  });

  it('leaves out dates it cannot read instead of inventing one', async () => {
    const feed = await parseFeed(`<rss version="2.0"><channel><title>Desk</title>
  <item><title>Undated</title><link>https://example.com/u</link><pubDate>sometime soon</pubDate></item>
</channel></rss>`);
    expect(feed.entries[0]?.publishedAt).toBeUndefined();
  });

  it('rejects an HTML page with FeedParseError', async () => {
    const page = `<!DOCTYPE html>
<html lang="en"><head><title>East Wire</title></head>
<body><h1>East Wire</h1><p>Welcome to our website.</p></body></html>`;
    await expect(parseFeed(page)).rejects.toBeInstanceOf(FeedParseError);
  });

  it('rejects text that is not XML with FeedParseError', async () => {
    await expect(parseFeed('{"items": []}')).rejects.toBeInstanceOf(FeedParseError);
  });
});
