import { ForwardSearch } from '../text/index.ts';

/**
 * Elements whose text is HTML, in RSS and Atom (with any namespace prefix): Atom text constructs
 * may be `type="xhtml"` (RFC 4287 §3.1), and some feeds write a description's markup raw.
 */
const TEXT_ELEMENT =
  /<((?:[\w-]+:)?(?:description|encoded|content|summary|title|subtitle|rights))(\s[^<>]*?)?(?<!\/)>/g;
const XHTML_TYPE = /\btype\s*=\s*(["'])xhtml\1/;
const RAW_TAG = /<[A-Za-z/!?]/;

const cdata = (markup: string) => `<![CDATA[${markup.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

/**
 * Searches over one document, each moving only forward: an element's end, and whether its text
 * holds a CDATA section or a raw tag, are answered without reading its text again. Re-reading it
 * for every opening tag inside it (`<title><![CDATA[x]]></b>` repeated, one `</title>` at the end)
 * made 1.9 MB take 24.6 s.
 */
class Scan {
  private readonly closings = new Map<string, ForwardSearch>();
  private readonly cdataStart: ForwardSearch;
  private readonly rawTag: ForwardSearch;

  constructor(private readonly doc: string) {
    this.cdataStart = new ForwardSearch(doc, '<![CDATA[');
    this.rawTag = new ForwardSearch(doc, RAW_TAG);
  }

  closing(name: string, from: number) {
    let search = this.closings.get(name);
    if (!search) {
      search = new ForwardSearch(this.doc, new RegExp(`</${name}\\s*>`));
      this.closings.set(name, search);
    }
    return search.from(from);
  }

  /** Whether `pattern` starts anywhere in [from, to). */
  private holds(search: ForwardSearch, from: number, to: number): boolean {
    const found = search.from(from);
    return !!found && found.index < to;
  }

  /** The element rewritten so its markup stays text, or undefined to leave it as it is. */
  rewritten(name: string, attributes: string, from: number, to: number): string | undefined {
    if (XHTML_TYPE.test(attributes)) {
      const typed = attributes.replace(XHTML_TYPE, 'type="html"');
      return `<${name}${typed}>${cdata(this.doc.slice(from, to))}</${name}>`;
    }
    if (this.holds(this.rawTag, from, to) && !this.holds(this.cdataStart, from, to))
      return `<${name}${attributes}>${cdata(this.doc.slice(from, to))}</${name}>`;
    return undefined;
  }
}

/**
 * Markup inside a feed's text elements handed over as written. The XML parser under rss-parser
 * keeps an element's text apart from its children, so inline markup came back reordered ("Talks
 * <b>collapsed</b> on 3 October" read as "Talks on 3 October<b>collapsed</b>") or, in
 * content:encoded, not at all. Atom `type="xhtml"` becomes `type="html"`, and any such element
 * whose markup is raw rather than escaped gets it inside a CDATA section, where it stays text.
 * One pass, in linear time on hostile documents: every search only moves forward (see Scan).
 */
export function markupAsText(doc: string): string {
  const scan = new Scan(doc);
  const opening = new RegExp(TEXT_ELEMENT.source, 'g');
  let out = '';
  let copied = 0;
  for (let open = opening.exec(doc); open; open = opening.exec(doc)) {
    const [tag, name = '', attributes = ''] = open;
    const inner = open.index + tag.length;
    const close = scan.closing(name, inner);
    if (!close) continue;
    const replacement = scan.rewritten(name, attributes, inner, close.index);
    if (replacement === undefined) continue;
    out += doc.slice(copied, open.index) + replacement;
    copied = close.end;
    opening.lastIndex = copied;
  }
  return out + doc.slice(copied);
}
