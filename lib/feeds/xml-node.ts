/** A parsed XML element as xml2js (under rss-parser) builds it. */
export type XmlNode = Record<string, unknown>;

export const isNode = (value: unknown): value is XmlNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const firstNode = (list: unknown): XmlNode | undefined =>
  Array.isArray(list) && isNode(list[0]) ? list[0] : undefined;

/** An element's text, trimmed; undefined when empty or not text. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  return undefined;
}
