/**
 * Elements whose text is HTML, in RSS and Atom (with any namespace prefix): Atom text constructs
 * may be `type="xhtml"` (RFC 4287 §3.1), and some feeds write a description's markup raw.
 */
const TEXT_ELEMENT =
  /<((?:[\w-]+:)?(?:description|encoded|content|summary|title|subtitle|rights))(\s[^<>]*?)?(?<!\/)>/g;
const XHTML_TYPE = /\btype\s*=\s*(["'])xhtml\1/;
const RAW_TAG = /<[A-Za-z/!?]/;

const cdata = (markup: string) => `<![CDATA[${markup.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

/** The element rewritten so its markup stays text, or undefined to leave it as it is. */
function rewritten(name: string, attributes: string, inner: string): string | undefined {
  if (XHTML_TYPE.test(attributes))
    return `<${name}${attributes.replace(XHTML_TYPE, 'type="html"')}>${cdata(inner)}</${name}>`;
  if (RAW_TAG.test(inner) && !inner.includes('<![CDATA['))
    return `<${name}${attributes}>${cdata(inner)}</${name}>`;
  return undefined;
}

/**
 * Markup inside a feed's text elements handed over as written. The XML parser under rss-parser
 * keeps an element's text apart from its children, so inline markup came back reordered ("Talks
 * <b>collapsed</b> on 3 October" read as "Talks on 3 October<b>collapsed</b>") or, in
 * content:encoded, not at all. Atom `type="xhtml"` becomes `type="html"`, and any such element
 * whose markup is raw rather than escaped gets it inside a CDATA section, where it stays text.
 * One pass, each element's end searched once: a name found unclosed is not searched for again,
 * so a hostile document of unclosed elements costs linear time.
 */
export function markupAsText(doc: string): string {
  const unclosed = new Set<string>();
  let out = '';
  let copied = 0;
  TEXT_ELEMENT.lastIndex = 0;
  for (let open = TEXT_ELEMENT.exec(doc); open; open = TEXT_ELEMENT.exec(doc)) {
    const [tag, name = '', attributes = ''] = open;
    if (unclosed.has(name)) continue;
    const closing = new RegExp(`</${name}\\s*>`, 'g');
    closing.lastIndex = open.index + tag.length;
    const close = closing.exec(doc);
    if (!close) {
      unclosed.add(name);
      continue;
    }
    const replacement = rewritten(name, attributes, doc.slice(open.index + tag.length, close.index));
    if (replacement === undefined) continue;
    out += doc.slice(copied, open.index) + replacement;
    copied = closing.lastIndex;
    TEXT_ELEMENT.lastIndex = copied;
  }
  return out + doc.slice(copied);
}
