import { decodeHTMLStrict } from 'entities';
import { DomUtils, ElementType, parseDocument } from 'htmlparser2';
import Parser from 'rss-parser';
import { Deadline, isBudgetExceeded } from '../budget/index.ts';
import { sourceUrlOf, withoutSourceName } from './credited-source.ts';
import { declaredLanguage } from './language.ts';
import { assertWithinBudget, PARSE_BUDGET, type ParseBudget } from './parse-budget.ts';
import { plainText } from './plain-text.ts';
import { markupAsText } from './raw-markup.ts';
import { utcOffsetOf } from './utc-offset.ts';
import { verbatimSplit } from './verbatim.ts';
import { firstNode, isNode, text, type XmlNode } from './xml-node.ts';

/** An entry as the feed states it, before it becomes an article. */
export interface FeedEntry {
  guid?: string;
  link?: string;
  title: string;
  publishedAt?: string;
  /** The richest body the feed carries: content:encoded, Atom content, else the description. */
  html: string;
  /** Where an aggregator says the item comes from (RSS `<source url>`): the site that published it. */
  sourceUrl?: string;
  /** The item's own address when `link` is a proxy for it (FeedBurner's `feedburner:origLink`). */
  originalLink?: string;
  /** The UTC offset `publishedAt` was written in, in minutes east of UTC, when the feed gave one. */
  utcOffsetMinutes?: number;
}

export interface ParsedFeed {
  title?: string;
  /** The language the document declares (RSS `<language>`, Atom `xml:lang`). */
  language?: string;
  entries: FeedEntry[];
  /** Set when the document was not well-formed XML and was read by the lenient fallback. */
  lenient?: true;
}

/**
 * - `not-a-feed`: something else was served (an HTML page, JSON, an empty body, another XML vocabulary);
 * - `unsupported-format`: a feed format rss-parser does not read (CDF, a namespace-prefixed root);
 * - `malformed-xml`: an RSS/Atom/RDF document so broken that not even the lenient fallback got
 *   anything out of it.
 */
export type FeedParseReason = 'not-a-feed' | 'unsupported-format' | 'malformed-xml';

const REASON_TEXT: Record<FeedParseReason, string> = {
  'not-a-feed': 'not a feed',
  'unsupported-format': 'unsupported feed format',
  'malformed-xml': 'malformed XML',
};

export class FeedParseError extends Error {
  readonly code = 'EFEEDPARSE';
  constructor(
    readonly reason: FeedParseReason,
    detail: string,
  ) {
    super(`${REASON_TEXT[reason]}: ${detail}`);
    this.name = 'FeedParseError';
  }
}

// ---------------------------------------------------------------------------------------------
// Text repairs: what real feeds get wrong, fixed before any parser sees the document. None of them
// expands anything, so no entity can grow the document.

/** Characters XML 1.0 forbids anywhere, even escaped: C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates. */
const ILLEGAL_CHARS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the control characters XML forbids is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const REFERENCE = /&(?:#(\d+)|#x([0-9a-f]+)|([a-z][a-z0-9]*));|&/gi;

/**
 * Outside CDATA and comments: HTML named entities (&nbsp;, &eacute;) become numeric references,
 * since a feed never declares them; an unknown name or a bare & becomes &amp;; a numeric reference to
 * a character XML forbids (&#1;) is dropped, and &#X41; (capital X, not XML) becomes &#x41;.
 */
function repairReferences(markup: string): string {
  return markup.replace(REFERENCE, (whole, decimal?: string, hex?: string, name?: string) => {
    if (decimal !== undefined || hex !== undefined) {
      const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex as string, 16);
      return isXmlChar(code) ? whole.replace('&#X', '&#x') : '';
    }
    if (name === undefined) return '&amp;';
    if (XML_ENTITIES.has(name)) return whole;
    const decoded = decodeHTMLStrict(whole);
    if (decoded === whole) return `&amp;${name};`;
    return [...decoded].map((char) => `&#${char.codePointAt(0)};`).join('');
  });
}

/**
 * XML allows nothing before its declaration, yet feeds arrive with a BOM the decoder did not see,
 * blank lines, or a PHP warning printed ahead of the document. Whatever precedes the declaration
 * (or, without one, the first tag) goes, unless it looks like part of the feed itself.
 */
function fromDocumentStart(xml: string): string {
  const declaration = xml.indexOf('<?xml');
  if (declaration > 0 && !/<(rss|feed|rdf:RDF)\b|<!\[CDATA\[/.test(xml.slice(0, declaration))) {
    return xml.slice(declaration);
  }
  const firstTag = xml.indexOf('<');
  return firstTag > 0 && declaration !== 0 ? xml.slice(firstTag) : xml;
}

/** A document cut short: close a CDATA section left open, or finish a last tag such as `</rss`. */
function closeTruncated(xml: string): string {
  const cdata = xml.lastIndexOf('<![CDATA[');
  if (cdata >= 0 && xml.indexOf(']]>', cdata) < 0) return `${xml}]]>`;
  return xml.lastIndexOf('<') > xml.lastIndexOf('>') ? `${xml}>` : xml;
}

/**
 * `<rss>` without a version: rss-parser recognises RSS by that attribute, and an attribute-less
 * `<rss></rss>` even comes out of xml2js as an empty string it cannot tell from no root at all.
 * (An unknown version, such as "3.0", is left to rss-parser's defaultRSS instead.)
 */
function withRssVersion(doc: string): string {
  const root = rootTag(doc);
  if (root?.name !== 'rss') return doc;
  const end = doc.indexOf('>', root.index);
  if (/\bversion\s*=/.test(doc.slice(root.index, end < 0 ? undefined : end))) return doc;
  return `${doc.slice(0, root.index)}<rss version="2.0"${doc.slice(root.index + '<rss'.length)}`;
}

export function repairXml(xml: string): string {
  const text = closeTruncated(fromDocumentStart(xml).replace(ILLEGAL_CHARS, ''));
  const repaired = verbatimSplit(text)
    .map((part, i) => (i % 2 === 1 ? part : repairReferences(part)))
    .join('');
  return withRssVersion(repaired);
}

// ---------------------------------------------------------------------------------------------
// What kind of document this is, judged by its root element before parsing.

/** The first element's name and offset, past the declaration, comments, processing instructions and doctype. */
function rootTag(doc: string): { name: string; index: number } | undefined {
  let at = 0;
  for (;;) {
    at = doc.indexOf('<', at);
    if (at < 0) return undefined;
    const skipTo = doc.startsWith('<!--', at)
      ? doc.indexOf('-->', at)
      : doc.startsWith('<?', at)
        ? doc.indexOf('?>', at)
        : doc.startsWith('<!', at)
          ? endOfDoctype(doc, at)
          : -2;
    if (skipTo === -2) {
      const name = /^<([A-Za-z_][\w:.-]*)/.exec(doc.slice(at, at + 256))?.[1];
      return name === undefined ? undefined : { name, index: at };
    }
    if (skipTo < 0) return undefined;
    at = skipTo + 1;
  }
}

/**
 * A doctype may carry an internal subset in [...], whose declarations contain '>'. The '[' is looked
 * for only up to the '>': searching the rest of the document for each `<!x>` made thousands of them
 * quadratic.
 */
function endOfDoctype(doc: string, at: number): number {
  const close = doc.indexOf('>', at);
  const subset = close < 0 ? -1 : doc.slice(at, close).indexOf('[') + at;
  if (subset < at) return close;
  const subsetEnd = doc.indexOf(']', subset);
  return subsetEnd < 0 ? -1 : doc.indexOf('>', subsetEnd);
}

const FEED_ROOTS = new Set(['rss', 'feed', 'rdf:RDF']);
const HTML_ROOTS = new Set(['html', 'head', 'body']);

/**
 * Throws unless the document is RSS, Atom or RDF. A feed wrapped in an XHTML page (seen in the
 * wild) is lifted out of it.
 */
function feedDocument(doc: string): string {
  const root = rootTag(doc)?.name;
  if (root === undefined) {
    const start = doc.trim().slice(0, 20).replace(/\s+/g, ' ');
    const detail = !start
      ? 'empty document'
      : doc.includes('<')
        ? 'no root element'
        : `no XML element (starts with "${start}")`;
    throw new FeedParseError('not-a-feed', detail);
  }
  if (FEED_ROOTS.has(root)) return doc;
  if (HTML_ROOTS.has(root.toLowerCase())) {
    const nested = nestedFeed(doc);
    if (nested) return nested;
    throw new FeedParseError('not-a-feed', 'an HTML page');
  }
  const local = root.toLowerCase().split(':').pop() ?? '';
  if (['rss', 'feed', 'rdf', 'channel'].includes(local)) {
    throw new FeedParseError('unsupported-format', `root element <${root}>`);
  }
  throw new FeedParseError('not-a-feed', `root element <${root}>`);
}

function nestedFeed(doc: string): string | undefined {
  const open = /<(rss|feed|rdf:RDF)[\s>]/.exec(doc);
  if (!open) return undefined;
  const closing = `</${open[1]}>`;
  const close = doc.lastIndexOf(closing);
  return close > open.index ? doc.slice(open.index, close + closing.length) : doc.slice(open.index);
}

// ---------------------------------------------------------------------------------------------
// rss-parser, made to survive the documents it meets.

/** Elements named `name` anywhere below `node`, outermost first. */
function descendants(node: XmlNode, name: string): unknown[] {
  const found: unknown[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === '$' || !Array.isArray(value)) continue;
    for (const child of value) {
      if (key === name) found.push(child);
      else if (isNode(child)) found.push(...descendants(child, name));
    }
  }
  return found;
}

/**
 * rss-parser assumes a channel exists (a well-formed `<rss version="2.0"></rss>` made it throw a
 * TypeError). Items that a lenient parse nested inside an element left unclosed before them (as an
 * unclosed `<itunes:category>` does) are taken as the channel's own.
 */
function withChannel(parent: unknown, itemsBelowChannel: boolean): XmlNode {
  const node = isNode(parent) ? parent : {};
  const channel = { ...(firstNode(node.channel) ?? {}) };
  const holder = itemsBelowChannel ? channel : node;
  if (!Array.isArray(holder.item)) {
    const items = descendants(itemsBelowChannel ? channel : node, 'item');
    if (items.length) holder.item = items;
  }
  return { ...node, channel: [channel] };
}

const validDateText = (value: unknown) => typeof value === 'string' && !Number.isNaN(Date.parse(value));

/** rss-parser reads `link.$.rel` on every Atom link; `<link>url</link>` (Atom 0.3 style) has no `$`. */
function atomLinks(links: unknown): unknown {
  if (!Array.isArray(links)) return links;
  return links.map((link) => {
    if (isNode(link) && isNode(link.$)) return link;
    const href = typeof link === 'string' ? link : isNode(link) && typeof link._ === 'string' ? link._ : '';
    return { $: { href: href.trim() } };
  });
}

/** rss-parser calls toISOString() on Atom dates, so one unreadable date threw away the whole feed. */
function atomEntry(entry: unknown): unknown {
  if (!isNode(entry)) return {};
  const fixed: XmlNode = { ...entry, link: atomLinks(entry.link) };
  for (const field of ['published', 'updated']) {
    if (Array.isArray(fixed[field]) && !validDateText(fixed[field][0])) delete fixed[field];
  }
  if (fixed.link === undefined) delete fixed.link;
  return fixed;
}

function atomFeed(feed: unknown): XmlNode {
  const node = isNode(feed) ? { ...feed } : {};
  if (node.link !== undefined) node.link = atomLinks(node.link);
  if (Array.isArray(node.entry)) node.entry = node.entry.map(atomEntry);
  return node;
}

/** The builders rss-parser calls with the xml2js tree; not in its type declarations. */
interface Builders {
  buildAtomFeed(doc: XmlNode): unknown;
  buildRSS0_9(doc: XmlNode): unknown;
  buildRSS1(doc: XmlNode): unknown;
  buildRSS2(doc: XmlNode): unknown;
}

type Item = Parser.Item & {
  'content:encoded'?: string;
  id?: string;
  summary?: string;
  description?: string;
  source?: unknown;
  'feedburner:origLink'?: string;
  /** Atom's dates as written: rss-parser's own `pubDate` for Atom is already converted to UTC. */
  published?: string;
  updated?: string;
};
type Feed = Parser.Output<Item>;

const builders = Parser.prototype as unknown as Builders;

/** rss-parser with its tree normalised first (see above), and RSS of any version read as 2.0. */
class TolerantParser extends Parser<Record<string, unknown>, Item> {
  constructor() {
    // defaultRSS is rss-parser's own fallback for <rss> without a (known) version attribute.
    // <source> kept as parsed nodes: its url attribute names the site an aggregator took the item from.
    super({
      customFields: {
        item: [
          'description',
          'summary',
          'id',
          'feedburner:origLink',
          'published',
          'updated',
          ['source', 'source', { keepArray: true }],
        ],
      },
      defaultRSS: 2,
    });
  }
  buildAtomFeed(doc: XmlNode) {
    return builders.buildAtomFeed.call(this, { ...doc, feed: atomFeed(doc.feed) });
  }
  buildRSS0_9(doc: XmlNode) {
    return builders.buildRSS0_9.call(this, { ...doc, rss: withChannel(doc.rss, true) });
  }
  buildRSS1(doc: XmlNode) {
    return builders.buildRSS1.call(this, { ...doc, 'rdf:RDF': withChannel(doc['rdf:RDF'], false) });
  }
  buildRSS2(doc: XmlNode) {
    return builders.buildRSS2.call(this, { ...doc, rss: withChannel(doc.rss, true) });
  }
}

/**
 * A fresh parser per document: after some errors xml2js leaves its parser in a state where the next
 * parse never calls back. xml2js parses synchronously, so a parse still pending after the current
 * macrotask never will finish; it is failed instead of hanging the poll.
 */
async function rssParse(doc: string): Promise<Feed> {
  let timer: NodeJS.Immediate | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setImmediate(() => reject(new Error('the XML parser stopped without an answer')));
  });
  try {
    return await Promise.race([new TolerantParser().parseString(doc), stalled]);
  } finally {
    clearImmediate(timer);
  }
}

/**
 * The lenient fallback for documents that are not well-formed: htmlparser2 in XML mode reads them
 * the forgiving way (unclosed and mismatched tags, unquoted attributes, a truncated end) and writes
 * them back as well-formed XML, which rss-parser then reads as usual. Declarations and doctypes are
 * dropped: the text is already decoded, and an internal subset is never expanded.
 */
function rebalance(doc: string): string | undefined {
  try {
    const dom = parseDocument(doc, { xmlMode: true });
    const nodes = dom.children.filter((node) => node.type !== ElementType.Directive);
    return DomUtils.getOuterHTML(nodes, { xmlMode: true });
  } catch {
    return undefined;
  }
}

/** "Unclosed root tag\nLine: 5\nColumn: 0\nChar: " → "Unclosed root tag (line 6, column 0)". */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const [first = '', ...rest] = message.split('\n');
  const line = rest.join(' ').match(/Line: (\d+)\s+Column: (\d+)/);
  return line ? `${first} (line ${Number(line[1]) + 1}, column ${line[2]})` : first;
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
    title: withoutSourceName(plainText(text(item.title) ?? ''), item.source),
    publishedAt: validDate(item.isoDate) ?? validDate(item.pubDate),
    utcOffsetMinutes: utcOffsetOf(text(item.published) ?? text(item.updated) ?? text(item.pubDate)),
    html,
    sourceUrl: sourceUrlOf(item.source),
    originalLink: text(item['feedburner:origLink']),
  };
}

function parsedFeed(feed: Feed): ParsedFeed {
  const title = text(feed.title);
  return { title: title && plainText(title), entries: (feed.items ?? []).map(entryOf) };
}

/**
 * Parses a decoded feed document (RSS 0.9x/1.0/2.0, Atom 0.3/1.0) with rss-parser, after the text
 * repairs above. A document that is still not well-formed gets one more chance through the lenient
 * fallback, and counts as read only if that recovers a title or an entry. Fails with FeedParseError,
 * or with BudgetExceededError (code `budget-exceeded`) for a document too large, too deep or too
 * slow to read: every step is linear, and the clock is checked between them.
 */
export async function parseFeed(xml: string, budget: ParseBudget = PARSE_BUDGET): Promise<ParsedFeed> {
  const deadline = Deadline.in(budget.timeMs);
  const written = feedDocument(repairXml(xml));
  assertWithinBudget(written, budget);
  const doc = markupAsText(written);
  const language = declaredLanguage(doc);
  const declared = language ? { language } : {};
  let strictError: unknown;
  try {
    deadline.check('feed-parse', 'repairs done');
    return { ...parsedFeed(await rssParse(doc)), ...declared };
  } catch (error) {
    if (isBudgetExceeded(error)) throw error;
    strictError = error;
  }
  deadline.check('feed-parse', 'strict parse done');
  const balanced = rebalance(doc);
  deadline.check('feed-parse', 'lenient rebalance done');
  const recovered = balanced && (await rssParse(balanced).then(parsedFeed, () => undefined));
  if (recovered && (recovered.title || recovered.entries.length > 0))
    return { ...recovered, ...declared, lenient: true };
  throw new FeedParseError('malformed-xml', describe(strictError));
}
