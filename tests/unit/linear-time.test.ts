import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertPageWithinCaps, trimHtml, wordCount } from '../../lib/articles/index.ts';
import { parseFeed, repairXml } from '../../lib/feeds/index.ts';
import { markupAsText } from '../../lib/feeds/raw-markup.ts';
import { verbatimSplit } from '../../lib/feeds/verbatim.ts';
import { doublingRatio } from '../support/timing.ts';

// Linear work takes about twice as long on twice the input; the quadratic scans these replace took
// four times as long. 3 leaves room for a noisy shared machine without letting quadratic through.
const LINEAR = 3;

const rss = (body: string) => `<rss version="2.0"><channel><title>x</title>${body}</channel></rss>`;
const ignoreErrors = (work: () => Promise<unknown>) => () => work().catch(() => undefined);

async function expectLinear<T>(make: (n: number) => T, run: (input: T) => unknown, n: number) {
  const { ratio, smallMs, largeMs } = await doublingRatio(make, run, n, LINEAR);
  expect(ratio, `${smallMs.toFixed(1)} ms → ${largeMs.toFixed(1)} ms`).toBeLessThan(LINEAR);
}

describe('linear time on hostile feed documents', () => {
  it('splits out comments: a feed of unclosed <!-- markers', async () => {
    await expectLinear(
      (n) => rss('<!--'.repeat(n)),
      (doc) => ignoreErrors(() => parseFeed(doc))(),
      100_000,
    );
  });

  it('splits out CDATA: a feed of unclosed <![CDATA[ markers', async () => {
    await expectLinear((n) => rss('<![CDATA[ &'.repeat(n)), repairXml, 200_000);
  });

  it('finds the root past thousands of <!x> declarations', async () => {
    await expectLinear(
      (n) => `${'<!x>'.repeat(n)}<rss version="2.0"></rss>`,
      (doc) => ignoreErrors(() => parseFeed(doc))(),
      50_000,
    );
  });

  it('finds the declared language past thousands of unclosed <feed tags', async () => {
    await expectLinear(
      (n) => `<feed xmlns="http://www.w3.org/2005/Atom" ${'<feed '.repeat(n)}`,
      (doc) => ignoreErrors(() => parseFeed(doc))(),
      20_000,
    );
  });

  it('keeps raw markup as text: <title><![CDATA[x]]></b> repeated, one </title> at the end', async () => {
    const doc = (n: number) => rss(`<item>${'<title><![CDATA[x]]></b>'.repeat(n)}</title></item>`);
    await expectLinear(doc, markupAsText, 20_000);
    await expectLinear(doc, (input) => ignoreErrors(() => parseFeed(input))(), 20_000);
  });

  it('keeps raw markup as text: unclosed text elements', async () => {
    await expectLinear(
      (n) => rss('<item><title>t</title><description>x</desc></item>'.repeat(n)),
      markupAsText,
      20_000,
    );
  });
});

describe('linear time on hostile articles', () => {
  it('trims an item with no sentence or block boundary', async () => {
    await expectLinear(
      (n) => 'a'.repeat(n),
      (html) => trimHtml(html, html.length / 2),
      1_000_000,
    );
  });

  it('trims an item of very many boundaries, multi-byte text included', async () => {
    await expectLinear(
      (n) => 'Порт. '.repeat(n / 6),
      (html) => trimHtml(html, html.length / 2),
      1_000_000,
    );
  });

  it('counts the words of megabytes of < (100 KB took 4.4 s, quadrupling per doubling)', async () => {
    await expectLinear((n) => '<'.repeat(n), wordCount, 8_000_000);
    await expectLinear((n) => '<a &amp '.repeat(n / 8), wordCount, 500_000);
  });

  it('measures a page in one pass, and stops at the first element past the caps', async () => {
    const refused = (html: string) => {
      try {
        assertPageWithinCaps(html);
      } catch {}
    };
    await expectLinear(
      (n) => `<body>${'<div><p>x</p></div>'.repeat(n)}</body>`,
      assertPageWithinCaps,
      10_000,
    );
    await expectLinear((n) => `<body>${'<div>'.repeat(n)}x${'</div>'.repeat(n)}</body>`, refused, 100_000);
  });
});

// The regex versions these passes replaced, kept as the reference for what the answers must be.
const reference = {
  verbatim: (doc: string) => doc.split(/(<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->)/),
  wordCount: (html: string) =>
    html
      .replace(/<[^>]*>/g, ' ')
      .replace(/&[a-z#0-9]+;/gi, ' ')
      .split(/\s+/)
      .filter(Boolean).length,
  trimHtml(html: string, maxBytes: number) {
    if (Buffer.byteLength(html) <= maxBytes) return { html, trimmed: false };
    const boundary = /<\/(?:p|li|ul|ol|h[1-6]|blockquote|div|section|article|table)>|[.!?…]["”’»)]?\s/gi;
    let cut = 0;
    for (const match of html.matchAll(boundary)) {
      const end = match.index + match[0].length;
      if (Buffer.byteLength(html.slice(0, end)) > maxBytes) break;
      cut = end;
    }
    if (cut === 0) {
      cut = Math.floor(maxBytes / 4);
      while (Buffer.byteLength(html.slice(0, cut + 1)) <= maxBytes && cut < html.length) cut++;
    }
    return { html: html.slice(0, cut).trimEnd(), trimmed: true };
  },
  markupAsText(doc: string): string {
    const opening =
      /<((?:[\w-]+:)?(?:description|encoded|content|summary|title|subtitle|rights))(\s[^<>]*?)?(?<!\/)>/g;
    const cdata = (markup: string) => `<![CDATA[${markup.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
    let out = '';
    let copied = 0;
    for (let open = opening.exec(doc); open; open = opening.exec(doc)) {
      const [tag, name = '', attributes = ''] = open;
      const closing = new RegExp(`</${name}\\s*>`, 'g');
      closing.lastIndex = open.index + tag.length;
      const close = closing.exec(doc);
      if (!close) continue;
      const inner = doc.slice(open.index + tag.length, close.index);
      const xhtml = /\btype\s*=\s*(["'])xhtml\1/;
      const replacement = xhtml.test(attributes)
        ? `<${name}${attributes.replace(xhtml, 'type="html"')}>${cdata(inner)}</${name}>`
        : /<[A-Za-z/!?]/.test(inner) && !inner.includes('<![CDATA[')
          ? `<${name}${attributes}>${cdata(inner)}</${name}>`
          : undefined;
      if (replacement === undefined) continue;
      out += doc.slice(copied, open.index) + replacement;
      copied = closing.lastIndex;
      opening.lastIndex = copied;
    }
    return out + doc.slice(copied);
  },
};

/** Documents made of the pieces these scans look for, in any order. */
const markup = (pieces: string[]) =>
  fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));

describe('the linear scans give the answers the regexes gave', () => {
  it('splits out CDATA and comments', () => {
    const doc = markup(['<![CDATA[', ']]>', '<!--', '-->', '<!-->', 'a', '<', '>', ']', '-']);
    fc.assert(
      fc.property(doc, (d) => {
        expect(verbatimSplit(d)).toEqual(reference.verbatim(d));
      }),
    );
  });

  it('keeps raw markup as text', () => {
    const doc = markup([
      '<title>',
      '</title>',
      '<description type="xhtml">',
      '</description >',
      '<content:encoded>',
      '</content:encoded>',
      '<![CDATA[',
      ']]>',
      '<b>',
      '</b>',
      'x',
      '<',
    ]);
    fc.assert(
      fc.property(doc, (d) => {
        expect(markupAsText(d)).toBe(reference.markupAsText(d));
      }),
    );
  });

  it('counts words', () => {
    const html = markup(['<', '>', '<p>', 'word', ' ', '&amp;', '&', ';', 'a<b']);
    fc.assert(
      fc.property(html, (h) => {
        expect(wordCount(h)).toBe(reference.wordCount(h));
      }),
    );
  });

  it('trims within the byte budget, at the last boundary that fits, else at the budget', () => {
    const html = markup(['word', ' ', '. ', '</p>', 'é', '€', '😀', '!” ']);
    fc.assert(
      fc.property(html, fc.integer({ min: 8, max: 120 }), (h, max) => {
        const { html: cut, trimmed } = trimHtml(h, max);
        expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(max);
        expect(h.startsWith(cut)).toBe(true);
        expect(cut).not.toMatch(/[\uD800-\uDBFF]$/);
        expect(trimmed).toBe(Buffer.byteLength(h) > max);
        // Outside the astral plane, where the old cut could split a surrogate pair, the same cut.
        if (!/[\uD800-\uDFFF]/.test(h)) expect(cut).toBe(reference.trimHtml(h, max).html);
      }),
    );
  });
});
