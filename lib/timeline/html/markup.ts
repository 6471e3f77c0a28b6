import { createHash } from 'node:crypto';
import { raw } from 'hono/html';
import { type Child, type JSXNode, jsx } from 'hono/jsx';

/**
 * hono/jsx without JSX syntax (the project compiles no .tsx): `h('a', { href }, text)` builds the same
 * nodes `<a href={href}>{text}</a>` would, and hono/jsx escapes every string child and attribute value
 * when it renders them. Feed-derived text is only ever passed as such a string.
 */
export const h = jsx;
export type { Child, JSXNode };

/** Our components are synchronous; a Promise here would mean an async component slipped in. */
export function render(node: JSXNode): string {
  const html = node.toString();
  if (typeof html !== 'string') throw new Error('HTML components must render synchronously');
  return html;
}

/** The URL when it is a web address, else undefined: a `javascript:` or `data:` URL from a feed must not become a link. */
export function webUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

const STYLE = `
:root { color-scheme: light dark; --muted: #667; --rule: #ccd; --accent: #1a5fb4; --bg-note: #f4f6fa; }
@media (prefers-color-scheme: dark) { :root { --muted: #99a; --rule: #334; --accent: #78aeed; --bg-note: #1c2230; } }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 0 auto; padding: 1rem; }
header h1 { margin: 0; font-size: 1.6rem; }
header p { margin: 0 0 1rem; color: var(--muted); }
a { color: var(--accent); }
form.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; padding: .75rem; background: var(--bg-note); border-radius: .5rem; }
form.filters label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); }
form.filters input, form.filters select, form.filters button { font: inherit; padding: .2rem .4rem; }
.problems { border-left: 4px solid #c01c28; padding: .25rem 1rem; margin: 1rem 0; }
.day h2 { font-size: 1.05rem; margin: 1.5rem 0 .25rem; padding-bottom: .15rem; border-bottom: 1px solid var(--rule); }
ol.events, ul.sources { list-style: none; margin: 0; padding: 0; }
li.event { padding: .5rem 0; }
li.event + li.event { border-top: 1px dashed var(--rule); }
.summary { margin: 0; font-weight: 600; }
.meta { margin: .1rem 0 .3rem; font-size: .85rem; color: var(--muted); }
.topic { margin-right: .4rem; }
ul.sources li { margin: .2rem 0 .2rem 1rem; font-size: .92rem; }
ul.sources blockquote { margin: .1rem 0 0 1rem; color: var(--muted); }
nav.pager { display: flex; justify-content: space-between; margin: 1.5rem 0; }
footer { margin-top: 2rem; font-size: .85rem; color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; vertical-align: top; padding: .25rem .5rem; border-bottom: 1px solid var(--rule); }
code { font-size: .9em; }
`;

/**
 * Pages load nothing from anywhere (no scripts, fonts or images): the policy allows only this exact
 * stylesheet, by hash, so even markup that slipped past escaping could not run or fetch anything.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface DocumentParts {
  title: string;
  /** Extra `<head>` elements, such as feed autodiscovery links. */
  head?: Child;
  body: Child;
}

export function htmlDocument({ title, head, body }: DocumentParts): string {
  const page = h(
    'html',
    { lang: 'en' },
    h(
      'head',
      null,
      h('meta', { charset: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('title', null, title),
      // Our own constant stylesheet: the one raw string on any page, never feed data.
      h('style', null, raw(STYLE)),
      head,
    ),
    h('body', null, body),
  );
  return `<!doctype html>\n${render(page)}`;
}

export function htmlResponse(html: string, status: 200 | 400 = 200): Response {
  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      // An error page answers one bad request; it must not be cached for the next person.
      ...(status >= 400 ? { 'cache-control': 'no-store' } : {}),
    },
  });
}
