import { isNode, text } from './xml-node.ts';

/** An Atom element's alternate link: the page, not the feed (`rel="self"`). */
function alternateHref(links: unknown): string | undefined {
  if (!Array.isArray(links)) return undefined;
  const alternate = links.find(
    (link) => isNode(link) && isNode(link.$) && (link.$.rel ?? 'alternate') === 'alternate',
  );
  return isNode(alternate) && isNode(alternate.$) ? text(alternate.$.href) : undefined;
}

/** The http(s) address of the first source credited: RSS `<source url="…">`, or Atom `<source>`'s page. */
export function sourceUrlOf(source: unknown): string | undefined {
  const first = Array.isArray(source) ? source[0] : source;
  if (!isNode(first)) return undefined;
  const url = isNode(first.$) ? text(first.$.url) : alternateHref(first.link);
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/** The name of the first source credited: RSS `<source>`'s text, or Atom `<source>`'s title. */
function sourceNameOf(source: unknown): string | undefined {
  const first = Array.isArray(source) ? source[0] : source;
  if (typeof first === 'string') return text(first);
  if (!isNode(first)) return undefined;
  const title = Array.isArray(first.title) ? first.title[0] : first.title;
  return text(first._) ?? text(isNode(title) ? title._ : title);
}

/**
 * An aggregator's headline without the outlet it appends ("Quake hits Kavros - Reuters", as
 * Google News writes them): the outlet is credited as the source, and left in the headline it
 * would read as a word of the story to matching.
 */
export function withoutSourceName(title: string, source: unknown): string {
  const name = sourceNameOf(source);
  if (!name) return title;
  for (const separator of [' - ', ' – ', ' — ', ' | ']) {
    const suffix = `${separator}${name}`;
    if (title.endsWith(suffix) && title.length > suffix.length) return title.slice(0, -suffix.length).trim();
  }
  return title;
}
