import { decodeHTML } from 'entities';
import Parser from 'rss-parser';

/** An entry as the feed states it, before it becomes an article. */
export interface FeedEntry {
  guid?: string;
  link?: string;
  title: string;
  publishedAt?: string;
  /** The richest body the feed carries: content:encoded, Atom content, else the description. */
  html: string;
}

export interface ParsedFeed {
  title?: string;
  entries: FeedEntry[];
}

export class FeedParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedParseError';
  }
}

type Item = Parser.Item & { 'content:encoded'?: string; id?: string; summary?: string; description?: string };

const parser = new Parser<Record<string, unknown>, Item>({
  customFields: { item: ['description', 'summary', 'id'] },
});

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

function repairMarkup(xml: string): string {
  return xml
    .replace(/&(?!#\d+;|#x[0-9a-f]+;|[a-z][a-z0-9]*;)/gi, '&amp;')
    .replace(/&([a-z][a-z0-9]*);/gi, (whole, name: string) => {
      if (XML_ENTITIES.has(name)) return whole;
      const decoded = decodeHTML(whole);
      if (decoded === whole) return `&amp;${name};`;
      return [...decoded].map((char) => `&#${char.codePointAt(0)};`).join('');
    });
}

/**
 * Real feeds use HTML named entities (&nbsp;, &eacute;) without declaring them, and bare ampersands;
 * both are fatal to an XML parser. Named entities become numeric references, stray & becomes &amp;.
 * CDATA sections are left alone: nothing in them is an entity. Nothing is expanded, so no entity can
 * grow the document.
 */
export function repairXml(xml: string): string {
  const repaired = xml
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part, i) => (i % 2 === 1 ? part : repairMarkup(part)))
    .join('');
  return repaired.replace(/<rss(?![^>]*\bversion=)/, '<rss version="2.0"');
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  return undefined;
}

function validDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function entryOf(item: Item): FeedEntry {
  const html =
    [item['content:encoded'], item.content, item.summary, item.description].map(text).find(Boolean) ?? '';
  return {
    guid: text(item.guid) ?? text(item.id),
    link: text(item.link),
    title: text(item.title) ?? '',
    publishedAt: validDate(item.isoDate) ?? validDate(item.pubDate),
    html,
  };
}

/** Parses a decoded feed document (RSS 0.9x/2.0, RDF, Atom) with rss-parser. */
export async function parseFeed(xml: string): Promise<ParsedFeed> {
  let feed: Awaited<ReturnType<typeof parser.parseString>>;
  try {
    feed = await parser.parseString(repairXml(xml));
  } catch (error) {
    throw new FeedParseError(`not a feed: ${(error as Error).message.split('\n')[0]}`);
  }
  return { title: text(feed.title), entries: (feed.items ?? []).map(entryOf) };
}
