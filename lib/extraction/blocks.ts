import { Parser } from 'htmlparser2';

/** `caption`: a figure's caption, which tells when a picture was taken: evidence at most, never news. */
export type BlockKind = 'paragraph' | 'item' | 'heading' | 'caption';

/** One unit of article text: a paragraph, list item, heading or caption, never merged with its neighbours. */
export interface TextBlock {
  kind: BlockKind;
  text: string;
  /** Share of the text inside links: related-article lists and navigation are nearly all link. */
  linkShare: number;
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'figure',
  'figcaption',
  'table',
  'tr',
  'td',
  'th',
  'br',
  'hr',
  'main',
  'nav',
  'form',
]);
// Preformatted text is code and terminal output in the feeds that use it (commit logs carry dates
// that are nobody's news), not prose.
const SKIPPED_TAGS = new Set([
  'pre',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'button',
  'select',
]);
const BULLET = /^\s*(?:[•·▪◦‣●]\s*|[*–—-]\s+)/;
/**
 * A paragraph opening on a bullet is a list scraped into paragraphs ("<p>• Talks resume</p>", "<p>-
 * Key point</p>"): an item, like the plain-text bullet line. Not a dash: "— Dijo el ministro" opens a
 * line of dialogue in Spanish and French copy.
 */
const LIST_MARK = /^\s*(?:[•·▪◦‣●]\s*|[*-]\s+)/;

function kindOf(tag: string): BlockKind {
  if (tag === 'li' || tag === 'dd' || tag === 'dt') return 'item';
  if (/^h[1-6]$/.test(tag)) return 'heading';
  if (tag === 'figcaption') return 'caption';
  return 'paragraph';
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * HTML to text blocks. Plain text (no tags) is split on blank lines and bullet lines, so a feed that
 * carries text with newlines keeps its list structure too.
 */
export function htmlToBlocks(html: string): TextBlock[] {
  if (!/<[a-z!/]/i.test(html)) return textToBlocks(html);
  const blocks: TextBlock[] = [];
  const open: string[] = [];
  let buffer = '';
  let linkedText = '';
  let skipDepth = 0;
  const flush = () => {
    const text = tidy(buffer);
    const linkShare = text ? Math.min(1, tidy(linkedText).length / text.length) : 0;
    buffer = '';
    linkedText = '';
    if (!text) return;
    const tagged = kindOf(open.findLast((tag) => BLOCK_TAGS.has(tag)) ?? 'p');
    const kind = tagged === 'paragraph' && LIST_MARK.test(text) ? 'item' : tagged;
    blocks.push({ kind, text: text.replace(BULLET, ''), linkShare });
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED_TAGS.has(name)) skipDepth++;
        if (BLOCK_TAGS.has(name)) flush();
        open.push(name);
      },
      ontext(text) {
        if (skipDepth > 0) return;
        buffer += text;
        if (open.includes('a')) linkedText += text;
      },
      onclosetag(name) {
        if (BLOCK_TAGS.has(name)) flush();
        if (SKIPPED_TAGS.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        const at = open.lastIndexOf(name);
        if (at >= 0) open.length = at;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return blocks;
}

/**
 * Where plain text starts a new block: a blank line, a bullet line, or a line that begins with a
 * capital or a digit after one that ended a sentence ("…its work.\nNov. 21: …"), the shape of
 * timelines pasted one entry a line. Hard-wrapped prose breaks mid-sentence and stays one block.
 */
const TEXT_BLOCK_BREAK = /\n\s*\n|\n(?=\s*[•·▪◦‣●*–—-]\s)|(?<=[.!?…"”»:)])[ \t]*\n(?=[ \t]*[\p{Lu}\d])/u;

function textToBlocks(text: string): TextBlock[] {
  return text
    .split(TEXT_BLOCK_BREAK)
    .map((chunk) => ({ raw: chunk.trim(), text: tidy(chunk) }))
    .filter(({ text }) => text)
    .map(({ raw, text }) =>
      BULLET.test(raw)
        ? { kind: 'item' as const, text: text.replace(BULLET, ''), linkShare: 0 }
        : { kind: 'paragraph' as const, text, linkShare: 0 },
    );
}
