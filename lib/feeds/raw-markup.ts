/** Atom text constructs that may hold inline XHTML (RFC 4287 §3.1), with an optional namespace prefix. */
const XHTML_CONSTRUCT =
  /<((?:[\w-]+:)?(?:content|summary|title|subtitle|rights))(\s[^>]*?)\btype\s*=\s*(["'])xhtml\3([^>]*)>([\s\S]*?)<\/\1\s*>/g;

/** Elements whose text is HTML, in RSS and Atom, when a feed writes their markup raw instead of escaped. */
const MARKUP_HOLDER =
  /<((?:[\w-]+:)?(?:description|encoded|content|summary|title))(\s[^>]*?)?(?<!\/)>([\s\S]*?)<\/\1\s*>/g;
const RAW_TAG = /<[A-Za-z/!?]/;

const cdata = (markup: string) => `<![CDATA[${markup.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

/**
 * Markup inside a feed's text elements handed over as written. The XML parser under rss-parser
 * keeps an element's text apart from its children, so inline markup came back reordered ("Talks
 * <b>collapsed</b> on 3 October" read as "Talks on 3 October<b>collapsed</b>") or, in
 * content:encoded, not at all. Atom `type="xhtml"` becomes `type="html"`, and any such element
 * whose markup is raw rather than escaped gets it inside a CDATA section, where it stays text.
 */
export function markupAsText(doc: string): string {
  return doc
    .replace(
      XHTML_CONSTRUCT,
      (_, name: string, before: string, _quote: string, after: string, inner: string) =>
        `<${name}${before}type="html"${after}>${cdata(inner)}</${name}>`,
    )
    .replace(MARKUP_HOLDER, (whole, name: string, attributes: string | undefined, inner: string) =>
      RAW_TAG.test(inner) && !inner.includes('<![CDATA[')
        ? `<${name}${attributes ?? ''}>${cdata(inner)}</${name}>`
        : whole,
    );
}
