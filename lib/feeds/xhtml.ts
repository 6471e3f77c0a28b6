/** Atom text constructs that may hold inline XHTML (RFC 4287 §3.1), with an optional namespace prefix. */
const XHTML_CONSTRUCT =
  /<((?:[\w-]+:)?(?:content|summary|title|subtitle|rights))(\s[^>]*?)\btype\s*=\s*(["'])xhtml\3([^>]*)>([\s\S]*?)<\/\1\s*>/g;

/**
 * Atom `type="xhtml"` content rewritten as `type="html"` holding the same markup. The XML parser
 * under rss-parser keeps an element's text apart from its child elements, so inline XHTML came
 * back reordered ("Talks <b>collapsed</b> on 3 October" read as "Talks on 3 October<b>collapsed</b>").
 * As HTML in a CDATA section it reaches the extractor as written.
 */
export function xhtmlAsHtml(doc: string): string {
  return doc.replace(
    XHTML_CONSTRUCT,
    (_, name: string, before: string, _quote: string, after: string, inner: string) =>
      `<${name}${before}type="html"${after}><![CDATA[${inner.replaceAll(']]>', ']]]]><![CDATA[>')}]]></${name}>`,
  );
}
