/**
 * A minimal XML writer for the Atom and RSS feeds. Every text and attribute value goes through
 * `escapeXml`, so nothing a news feed sent can open a tag; there is no way to write raw markup.
 */

/** Characters XML 1.0 forbids even when escaped (most C0 controls, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text safe in XML content and in double-quoted attributes; forbidden characters are dropped, since a reader would reject the whole feed over one. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

export interface XmlElement {
  name: string;
  attributes: Record<string, string | undefined>;
  children: XmlChild[];
}
/** Falsy children are skipped, so optional elements can be written inline (`next && el(...)`). */
export type XmlChild = XmlElement | string | null | undefined | false;

export function el(
  name: string,
  attributes: XmlElement['attributes'] = {},
  ...children: XmlChild[]
): XmlElement {
  return { name, attributes, children };
}

function write(node: XmlElement): string {
  const attributes = Object.entries(node.attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  const children = node.children
    .map((child) => (!child ? '' : typeof child === 'string' ? escapeXml(child) : write(child)))
    .join('');
  return children ? `<${node.name}${attributes}>${children}</${node.name}>` : `<${node.name}${attributes}/>`;
}

export function xmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${write(root)}\n`;
}
