import { describe, expect, it } from 'vitest';
import { BudgetExceededError } from '../../lib/budget/index.ts';
import {
  articleFromEntry,
  FeedParseError,
  PARSE_BUDGET,
  parseFeed,
  repairXml,
} from '../../lib/feeds/index.ts';
import { aFeed } from '../support/accounts.ts';

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
    expect(repairXml('<!-- <rss> --><rss/>')).toBe('<!-- <rss> --><rss version="2.0"/>');
  });

  it('keeps an existing version, and touches no element but the root', () => {
    expect(repairXml('<rss version="0.91"><channel></channel></rss>')).toBe(
      '<rss version="0.91"><channel></channel></rss>',
    );
    expect(repairXml('<feed><rss>quoted</rss></feed>')).toBe('<feed><rss>quoted</rss></feed>');
    expect(repairXml('<rssfeed/>')).toBe('<rssfeed/>');
  });

  it('drops characters XML 1.0 forbids, raw or as numeric references', () => {
    expect(repairXml('<title>a\u0000b\u0001c\u000Bd\u000Ce\u001Ff\uFFFEg\uFFFFh\tI\nJ</title>')).toBe(
      '<title>abcdefgh\tI\nJ</title>',
    );
    expect(repairXml('<title>a&#1;b&#x1F;c&#0;d&#xD800;e&#9;</title>')).toBe('<title>abcde&#9;</title>');
    expect(repairXml('<title>lone \uD800 surrogate, pair \uD83D\uDCF0 kept</title>')).toBe(
      '<title>lone  surrogate, pair \uD83D\uDCF0 kept</title>',
    );
  });

  it('writes &#X41; (capital X, not XML) as &#x41;', () => {
    expect(repairXml('<title>&#X41;&#x42;</title>')).toBe('<title>&#x41;&#x42;</title>');
  });

  it('drops what comes before the XML declaration: BOM, blank lines, a server warning', () => {
    const doc = '<?xml version="1.0"?><rss version="2.0"/>';
    expect(repairXml(`\uFEFF${doc}`)).toBe(doc);
    expect(repairXml(`\n\n  ${doc}`)).toBe(doc);
    expect(repairXml(`Warning: Cannot modify header information in feed.php on line 3\n${doc}`)).toBe(doc);
    expect(repairXml(`<b>Notice</b>: Undefined index\n${doc}`)).toBe(doc);
    expect(repairXml('  \n<rss version="2.0"/>')).toBe('<rss version="2.0"/>');
  });

  it('does not cut the feed at a declaration quoted inside it', () => {
    const doc =
      '<rss version="2.0"><channel><description><![CDATA[use <?xml version="1.0"?>]]></description></channel></rss>';
    expect(repairXml(doc)).toBe(doc);
  });

  it('leaves CDATA sections and comments untouched', () => {
    const doc = '<!-- a & b &nbsp; --><title><![CDATA[Q&A &nbsp; &#1;]]></title>';
    expect(repairXml(doc)).toBe(doc);
  });

  it('closes a CDATA section left open at the end, and a last tag cut short', () => {
    expect(repairXml('<rss version="2.0"><channel><description><![CDATA[cut & short')).toBe(
      '<rss version="2.0"><channel><description><![CDATA[cut & short]]>',
    );
    expect(repairXml('<rss version="2.0"><channel></channel></rss')).toBe(
      '<rss version="2.0"><channel></channel></rss>',
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
      utcOffsetMinutes: 0,
      html: '<p>The strike began on 3 July.</p><ul><li>19 August: Talks collapsed</li></ul>',
    });
  });

  it('keeps the UTC offset a date was written in: RSS pubDate, Atom published or updated', async () => {
    const rss = await parseFeed(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
      <item><title>A</title><link>https://example.com/a</link><pubDate>Sun, 13 Oct 2024 21:00:00 -0400</pubDate></item>
      <item><title>B</title><link>https://example.com/b</link><pubDate>Sun, 13 Oct 2024 21:00:00 EDT</pubDate></item>
      <item><title>C</title><link>https://example.com/c</link></item>
    </channel></rss>`);
    expect(rss.entries.map((e) => [e.publishedAt, e.utcOffsetMinutes])).toEqual([
      ['2024-10-14T01:00:00.000Z', -240],
      ['2024-10-14T01:00:00.000Z', -240],
      [undefined, undefined],
    ]);
    const atom =
      await parseFeed(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
      <entry><title>A</title><id>tag:a,1</id><link href="https://example.com/a"/><published>2024-10-14T00:30:00+02:00</published></entry>
      <entry><title>B</title><id>tag:a,2</id><link href="https://example.com/b"/><updated>2024-10-14T06:00:00+05:30</updated></entry>
    </feed>`);
    expect(atom.entries.map((e) => [e.publishedAt, e.utcOffsetMinutes])).toEqual([
      ['2024-10-13T22:30:00.000Z', 120],
      ['2024-10-14T00:30:00.000Z', 330],
    ]);
  });

  it('reads the site an aggregator credits an item to from <source url>, and nothing else there', async () => {
    const item = (source: string) =>
      `<item><title>Quake hits Kavros</title><link>https://news.aggregator.example/a/1</link>${source}</item>`;
    const feed = await parseFeed(`<?xml version="1.0"?><rss version="2.0"><channel><title>Aggregator</title>
      ${item('<source url="https://www.corvuspress.example/world">Corvus Press</source>')}
      ${item('<source>Just a name</source>')}
      ${item('<source url="javascript:alert(1)">Trick</source>')}
      ${item('')}
    </channel></rss>`);
    expect(feed.entries.map((entry) => entry.sourceUrl)).toEqual([
      'https://www.corvuspress.example/world',
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('takes the credited outlet off the end of an aggregator headline, and nothing else', async () => {
    const rss = await parseFeed(`<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>
      <item><title>Quake hits Kavros - Reuters</title><link>https://news.example/1</link><source url="https://www.reuters.com">Reuters</source></item>
      <item><title>Reuters - the agency at 175</title><link>https://news.example/2</link><source url="https://www.reuters.com">Reuters</source></item>
      <item><title>Talks resume - Reuters</title><link>https://news.example/3</link></item>
    </channel></rss>`);
    expect(rss.entries.map((entry) => entry.title)).toEqual([
      'Quake hits Kavros',
      'Reuters - the agency at 175',
      'Talks resume - Reuters',
    ]);
    const atom =
      await parseFeed(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Agg</title>
      <entry><title>Quake hits Kavros | Corvus Press</title><id>tag:agg.example,1</id><link href="https://agg.example/1"/>
        <source><title>Corvus Press</title><link href="https://corvus.example/"/></source></entry></feed>`);
    expect(atom.entries[0]?.title).toBe('Quake hits Kavros');
  });

  it("reads the site an Atom entry's <source> credits from its page link, not its feed link", async () => {
    const entry = (source: string) =>
      `<entry><title>Quake</title><id>tag:agg.example,1</id><link href="https://agg.example/1"/>${source}</entry>`;
    const feed =
      await parseFeed(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Agg</title>
      ${entry('<source><id>tag:corvus</id><link rel="self" href="https://corvus.example/feed.atom"/><link rel="alternate" href="https://www.corvus.example/"/></source>')}
      ${entry('<source><link href="https://dispatch.example/"/></source>')}
      ${entry('<source><link rel="self" href="https://only.example/feed.atom"/></source>')}
      ${entry('<source><link href="javascript:alert(1)"/></source>')}
    </feed>`);
    expect(feed.entries.map((e) => e.sourceUrl)).toEqual([
      'https://www.corvus.example/',
      'https://dispatch.example/',
      undefined,
      undefined,
    ]);
  });

  it('carries the credited source into the article, and only an http(s) one', () => {
    const feed = aFeed({ id: 'aggregator', name: 'Aggregator', url: 'https://news.aggregator.example/rss' });
    const entry = {
      title: 'Quake hits Kavros',
      link: 'https://news.aggregator.example/a/1',
      html: '<p>Text.</p>',
    };
    const seen = new Date('2024-10-21T08:00:00Z');
    const credited = articleFromEntry(
      feed,
      { ...entry, sourceUrl: 'https://corvuspress.example/world' },
      seen,
    );
    expect(credited?.originUrl).toBe('https://corvuspress.example/world');
    expect(articleFromEntry(feed, entry, seen)).not.toHaveProperty('originUrl');
  });

  it("reads FeedBurner's feedburner:origLink, in RSS and in Atom", async () => {
    const ns = 'xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"';
    const rss = await parseFeed(`<?xml version="1.0"?><rss version="2.0" ${ns}><channel><title>Blog</title>
      <item><title>Spotlight</title><link>http://feedproxy.google.com/~r/blog/~3/x1/</link>
        <feedburner:origLink>https://blog.example/2013/02/spotlight.html</feedburner:origLink></item>
      <item><title>Plain</title><link>https://blog.example/plain</link></item>
    </channel></rss>`);
    expect(rss.entries.map((entry) => entry.originalLink)).toEqual([
      'https://blog.example/2013/02/spotlight.html',
      undefined,
    ]);
    const atom = await parseFeed(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" ${ns}>
      <title>Blog</title><entry><title>Spotlight</title><id>tag:blog.example,2013:1</id>
        <link href="http://feedproxy.google.com/~r/blog/~3/x1/"/>
        <feedburner:origLink>https://blog.example/2013/02/spotlight.html</feedburner:origLink></entry></feed>`);
    expect(atom.entries[0]?.originalLink).toBe('https://blog.example/2013/02/spotlight.html');
  });

  it("sends readers to the item's own address past a proxy or a tracker, and keeps its id", () => {
    const feed = aFeed({ id: 'alerts', name: 'Alerts', url: 'https://www.google.com/alerts/feeds/1/2' });
    const seen = new Date('2019-07-10T08:00:00Z');
    const entry = (link: string, more: object = {}) =>
      articleFromEntry(feed, { title: 'Slack CFO sells stock', link, html: '<p>Text.</p>', ...more }, seen);
    const tracked =
      'https://www.google.com/url?rct=j&sa=t&url=https://investorplace.com/2019/07/slack-stock/&ct=ga&usg=AFQj';
    expect(entry(tracked)?.url).toBe('https://investorplace.com/2019/07/slack-stock/');
    expect(entry(tracked)?.id).toBe(entry(tracked)?.id);
    expect(entry(tracked)?.id).not.toBe(entry('https://investorplace.com/2019/07/slack-stock/')?.id);
    const proxied = entry('http://feedproxy.google.com/~r/blog/~3/x1/', {
      originalLink: 'https://blog.example/2013/02/spotlight.html',
    });
    expect(proxied?.url).toBe('https://blog.example/2013/02/spotlight.html');
    expect(proxied?.id).toBe(entry('http://feedproxy.google.com/~r/blog/~3/x1/')?.id);
    // Not a redirect, or one to somewhere that is not a web page: the link as the feed gives it.
    expect(entry('https://www.google.com/search?q=slack')?.url).toBe('https://www.google.com/search?q=slack');
    expect(entry('https://www.google.com/url?url=javascript:alert(1)')?.url).toBe(
      'https://www.google.com/url?url=javascript:alert(1)',
    );
    expect(entry('https://news.example/a', { originalLink: 'not a url' })?.url).toBe(
      'https://news.example/a',
    );
  });

  it('reads the language a feed declares: RSS <language>, <dc:language>, Atom xml:lang; not a non-tag', async () => {
    const rssIn = (declaration: string) =>
      parseFeed(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${declaration}
        <item><title>A</title><link>https://example.com/a</link></item></channel></rss>`);
    expect((await rssIn('<language>de-DE</language>')).language).toBe('de-DE');
    expect((await rssIn('<language>english</language>')).language).toBeUndefined();
    expect((await rssIn('')).language).toBeUndefined();
    const atom =
      await parseFeed(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
      <title>T</title><entry><title>A</title><id>tag:a,1</id><link href="https://example.com/a"/></entry></feed>`);
    expect(atom.language).toBe('fr');
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

  it('reads Atom type="xhtml" content and titles in document order', async () => {
    const feed =
      await parseFeed(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
      <entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Talks <em>collapse</em> in Geneva</div></title>
        <id>tag:a,1</id><link href="https://example.com/a"/>
        <content xml:lang="en" type='xhtml'><div xmlns="http://www.w3.org/1999/xhtml"><p>Talks <b>collapsed</b> on 3 October, <a href="/x">officials</a> said &amp; left. ]]&gt;</p></div></content>
      </entry></feed>`);
    expect(feed.entries[0]?.title).toBe('Talks collapse in Geneva');
    expect(feed.entries[0]?.html).toBe(
      '<div xmlns="http://www.w3.org/1999/xhtml"><p>Talks <b>collapsed</b> on 3 October, <a href="/x">officials</a> said &amp; left. ]]&gt;</p></div>',
    );
  });

  it('reads raw markup in an RSS description or content:encoded as written, and leaves media tags alone', async () => {
    const feed =
      await parseFeed(`<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title>
      <item><title>A</title><link>https://example.com/a</link><media:content url="https://example.com/1.jpg"/>
        <description><p>Talks <b>collapsed</b> on 3 October, <a href="/x">officials</a> said.</p></description></item>
      <item><title>B</title><link>https://example.com/b</link><media:content url="https://example.com/2.jpg"></media:content>
        <content:encoded><p>Talks <b>resumed</b> on 4 October.</p></content:encoded></item>
      <item><title>C</title><link>https://example.com/c</link><description>Escaped &lt;b&gt;markup&lt;/b&gt; stays</description></item>
    </channel></rss>`);
    expect(feed.entries.map((entry) => entry.html)).toEqual([
      '<p>Talks <b>collapsed</b> on 3 October, <a href="/x">officials</a> said.</p>',
      '<p>Talks <b>resumed</b> on 4 October.</p>',
      'Escaped <b>markup</b> stays',
    ]);
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

  it('reads markup inside a title as the text a reader sees (CDATA, Atom type="html")', async () => {
    const rss = await parseFeed(`<?xml version="1.0"?>
<rss version="2.0"><channel><title>Listings</title>
  <item><title><![CDATA[Studio, top floor &#x0024;1750 480ft<sup>2</sup>]]></title><link>https://example.com/s</link></item>
  <item><title><![CDATA[Ports<br/>reopen & x < y]]></title><link>https://example.com/p</link></item>
</channel></rss>`);
    expect(rss.entries.map((entry) => entry.title)).toEqual([
      'Studio, top floor $1750 480ft2',
      'Ports reopen & x < y',
    ]);
    const atom = await parseFeed(`<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">Alerts for &lt;b&gt;Slack&lt;/b&gt;</title>
  <entry><title type="html">&lt;b&gt;Slack&lt;/b&gt; CFO Sells $19407875.75 in Stock</title>
    <link href="https://example.com/slack"/><id>tag:example.com,2019:1</id><updated>2019-07-10T00:00:00Z</updated></entry>
</feed>`);
    expect(atom.title).toBe('Alerts for Slack');
    expect(atom.entries[0]?.title).toBe('Slack CFO Sells $19407875.75 in Stock');
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

const rss = (body: string) => `<rss version="2.0"><channel><title>x</title>${body}</channel></rss>`;

async function budgetError(doc: string, budget = PARSE_BUDGET): Promise<BudgetExceededError> {
  const error = await parseFeed(doc, budget).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BudgetExceededError);
  expect((error as BudgetExceededError).code).toBe('budget-exceeded');
  return error as BudgetExceededError;
}

async function parseError(xml: string): Promise<FeedParseError> {
  const error = await parseFeed(xml).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FeedParseError);
  return error as FeedParseError;
}

describe('parseFeed: typed failures', () => {
  it('says not-a-feed for an HTML page, JSON, another XML vocabulary, or nothing at all', async () => {
    for (const [doc, detail] of [
      ['<!DOCTYPE html><html><head><title>x</title></head><body><p>Hi</body></html>', 'an HTML page'],
      ['<head><title>Document Moved</title></head><body>Moved</body>', 'an HTML page'],
      ['{"items": []}', 'no XML element (starts with "{"items": []}")'],
      ['<?xml version="1.0"?><note><to>Tove</to></note>', 'root element <note>'],
      ['', 'empty document'],
      ['<?xml version="1.0"?>\n<!-- only a comment -->', 'no root element'],
    ]) {
      const error = await parseError(doc as string);
      expect(error.reason).toBe('not-a-feed');
      expect(error.message).toBe(`not a feed: ${detail}`);
    }
  });

  it('says unsupported-format for CDF and for a namespace-prefixed root', async () => {
    for (const [doc, root] of [
      ['<CHANNEL HREF="http://example.com/"><TITLE>CDF</TITLE></CHANNEL>', 'CHANNEL'],
      ['<r:rss version="2.0" xmlns:r="http://backend.userland.com/rss2"><r:channel/></r:rss>', 'r:rss'],
    ]) {
      const error = await parseError(doc as string);
      expect(error.reason).toBe('unsupported-format');
      expect(error.message).toBe(`unsupported feed format: root element <${root}>`);
    }
  });

  it('says malformed-xml, with the position, when nothing can be recovered', async () => {
    const error = await parseError('<?xml version="1.0"?>\n<rss version="2.0"><channel><<<>>></channel>');
    expect(error.reason).toBe('malformed-xml');
    expect(error.code).toBe('EFEEDPARSE');
    expect(error.message).toMatch(/^malformed XML: Unencoded < \(line 2, column \d+\)$/);
  });

  it('refuses a document nested thousands of elements deep before parsing it, as over its budget', async () => {
    const deep = `<rss version="2.0"><channel><title>x</title>${'<a>'.repeat(200_000)}</channel></rss>`;
    const error = await budgetError(deep);
    expect(error.message).toBe('feed-parse budget exceeded: elements nested more than 5000 deep');
  });

  it('counts elements left open as a forgiving reader keeps them: a stray </b> closes no <title>', async () => {
    const tangled = rss(`<item>${'<title><![CDATA[x]]></b>'.repeat(6_000)}</title></item>`);
    const error = await budgetError(tangled);
    expect(error.message).toBe('feed-parse budget exceeded: elements nested more than 5000 deep');
  });

  it('refuses closing tags that close nothing, weighted by the depth the lenient reader searches', async () => {
    const stray = rss(`${'<a>'.repeat(100)}${'</b>'.repeat(1_001)}`);
    const budget = { ...PARSE_BUDGET, maxUnmatchedWork: 100_000 };
    const error = await budgetError(stray, budget);
    expect(error.message).toBe(
      'feed-parse budget exceeded: more than 100000 steps of closing tags that close nothing',
    );
    const within = rss(`${'<a>'.repeat(100)}${'</b>'.repeat(900)}`);
    await expect(parseFeed(within, budget)).resolves.toMatchObject({ title: 'x', lenient: true });
  });

  it('refuses a document of more elements than its budget, CDATA and comments not counted', async () => {
    const budget = { ...PARSE_BUDGET, maxElements: 1_000 };
    const flat = `<rss version="2.0"><channel><title>x</title>${'<a/>'.repeat(1_000)}</channel></rss>`;
    const error = await budgetError(flat, budget);
    expect(error.message).toBe('feed-parse budget exceeded: more than 1000 elements');
    const hidden = `<rss version="2.0"><channel><title>x</title><!--${'<a/>'.repeat(1_000)}--><![CDATA[${'<a/>'.repeat(1_000)}]]></channel></rss>`;
    await expect(parseFeed(hidden, budget)).resolves.toMatchObject({ title: 'x' });
  });

  it('stops at its time budget between steps, with the budget-exceeded code', async () => {
    const items = '<item><title>t</title><description>x</desc></item>'.repeat(20_000);
    const broken = `<rss version="2.0"><channel><title>x</title>${items}</channel>`;
    const error = await budgetError(broken, { ...PARSE_BUDGET, timeMs: 0 });
    expect(error.message).toMatch(/^feed-parse budget exceeded: .* past the deadline$/);
  });

  it('does not count tags inside CDATA towards the depth', async () => {
    const html = '<br>'.repeat(10_000);
    const feed = await parseFeed(
      `<rss version="2.0"><channel><title>x</title><item><description><![CDATA[${html}]]></description></item></channel></rss>`,
    );
    expect(feed.entries[0]?.html).toBe(html);
  });

  it('keeps working after a broken document (xml2js can wedge a reused parser)', async () => {
    await parseError('<?xml version="1.0"?>\n<rss version="2.0"><chan');
    await parseError('<rss version="2.0"><channel><<<>>></channel>');
    const feed = await parseFeed('<rss version="2.0"><channel><title>Still here</title></channel></rss>');
    expect(feed.title).toBe('Still here');
  });
});

describe('parseFeed: what real feeds get wrong', () => {
  it('reads <rss> without a version, or with one it does not know, as RSS 2.0', async () => {
    for (const open of ['<rss>', '<rss version="3.0">', '<rss version="">']) {
      const feed = await parseFeed(
        `${open}<channel><title>Desk</title><item><title>A</title></item></channel></rss>`,
      );
      expect(feed.entries.map((e) => e.title)).toEqual(['A']);
    }
  });

  it('reads RSS 0.91 and RSS 1.0 (RDF)', async () => {
    const rss091 = await parseFeed(
      '<rss version="0.91"><channel><title>Old</title><item><title>A</title><link>https://o.example/a</link></item></channel></rss>',
    );
    expect(rss091.entries[0]?.link).toBe('https://o.example/a');
    const rdf =
      await parseFeed(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
  <channel rdf:about="https://r.example/"><title>RDF Desk</title></channel>
  <item rdf:about="https://r.example/1"><title>One</title><link>https://r.example/1</link></item>
</rdf:RDF>`);
    expect(rdf.title).toBe('RDF Desk');
    expect(rdf.entries[0]).toMatchObject({ title: 'One', link: 'https://r.example/1' });
  });

  it('reads a well-formed feed without a channel as an empty feed instead of crashing', async () => {
    for (const doc of [
      '<rss version="2.0"></rss>',
      '<rss version="2.0"/>',
      '<rss></rss>',
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>',
      '<feed xmlns="http://www.w3.org/2005/Atom"></feed>',
    ]) {
      expect(await parseFeed(doc)).toEqual({ title: undefined, entries: [] });
    }
  });

  it('keeps an Atom feed whose entry has an unreadable date, dropping only that date', async () => {
    const feed = await parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>
  <entry><title>Bad date</title><id>1</id><published>yesterday-ish</published><updated>soon</updated></entry>
  <entry><title>Good date</title><id>2</id><published>2024-10-14T18:20:00Z</published></entry>
</feed>`);
    expect(feed.entries.map((e) => [e.title, e.publishedAt])).toEqual([
      ['Bad date', undefined],
      ['Good date', '2024-10-14T18:20:00.000Z'],
    ]);
  });

  it('reads an Atom link given as text rather than as an href attribute', async () => {
    const feed = await parseFeed(`<feed xmlns="http://purl.org/atom/ns#" version="0.3"><title>Desk</title>
  <link>https://a.example/</link>
  <entry><title>A</title><link> https://a.example/1 </link></entry>
</feed>`);
    expect(feed.entries[0]?.link).toBe('https://a.example/1');
  });

  it('lifts a feed out of the XHTML page it was wrapped in', async () => {
    const feed = await parseFeed(`<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><body>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wrapped</title><entry><title>A</title><id>1</id></entry></feed>
</body></html>`);
    expect(feed.title).toBe('Wrapped');
    expect(feed.entries).toHaveLength(1);
  });

  it('recovers a feed that is not well-formed, flagged lenient, items included', async () => {
    // The unclosed <itunes:category> makes every lenient parser nest the items inside it.
    const feed = await parseFeed(`<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:itunes='http://www.itunes.com/dtds/podcast-1.0.dtd' version='2.0'><channel>
<title>All About Everything</title>
<itunes:category text='Technology'>
<itunes:category text='Gadgets'/>
<item><title>One</title><guid>g1</guid></item>
<item><title>Two</title><guid>g2</guid></item>
</channel></rss>`);
    expect(feed.lenient).toBe(true);
    expect(feed.title).toBe('All About Everything');
    expect(feed.entries.map((e) => e.guid)).toEqual(['g1', 'g2']);
  });

  it('recovers a feed cut off before its end, and one with an unclosed CDATA section', async () => {
    const cut = await parseFeed(
      '<rss version="2.0"><channel><title>Cut</title><item><title>A</title></item><item><title>B</title>',
    );
    expect(cut).toMatchObject({ lenient: true, title: 'Cut' });
    expect(cut.entries.map((e) => e.title)).toEqual(['A', 'B']);
    const cdata = await parseFeed(
      '<rss version="2.0"><channel><title>Cut</title><item><title>A</title><description><![CDATA[<p>Half a story',
    );
    expect(cdata.entries[0]?.html).toBe('<p>Half a story');
  });

  it('reads stray control characters as if they were not there', async () => {
    const feed = await parseFeed(
      '<rss version="2.0"><channel><title>Desk\u0008</title><item><title>Vertical\u000Btab &#11;</title></item></channel></rss>',
    );
    expect(feed.lenient).toBeUndefined();
    expect(feed.title).toBe('Desk');
    expect(feed.entries[0]?.title).toBe('Verticaltab');
  });

  it('does not expand an internal entity declaration (no billion laughs)', async () => {
    const feed = await parseFeed(`<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<rss version="2.0"><channel><title>&b;&b;&b;</title></channel></rss>`);
    expect(feed.title).toBe('&b;&b;&b;');
  });
});
