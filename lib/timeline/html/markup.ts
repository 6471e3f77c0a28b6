import { createHash } from 'node:crypto';
import { raw } from 'hono/html';
import type { Child, JSXNode } from 'hono/jsx';
import { jsx } from 'hono/jsx/jsx-runtime';

/**
 * hono/jsx without JSX syntax (the project compiles no .tsx): `h('a', { href }, text)` builds the same
 * nodes `<a href={href}>{text}</a>` would, and hono/jsx escapes every string child and attribute value
 * when it renders them. Feed-derived text is only ever passed as such a string. Built on the JSX
 * runtime's `jsx(tag, { children })`, as compiled JSX is: `hono/jsx` itself also loads its client-side
 * DOM renderer and hooks, 17 KB of the timeline's bundle that a server never runs.
 */
export function h(tag: string, props: Record<string, unknown> | null, ...children: Child[]): JSXNode {
  if (children.length === 0) return jsx(tag, { ...props });
  return jsx(tag, { ...props, children: children.length === 1 ? children[0] : children });
}
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
:root { color-scheme: light dark; --bg: #fff; --fg: #1b1b1f; --muted: #5c5c70; --rule: #ccd; --accent: #1a5fb4; --bg-note: #f4f6fa; --focus: #c64600; --bar0: #a9c8ee; --bar1: #4a86d0; --bar2: #0d3b78; }
@media (prefers-color-scheme: dark) { :root { --bg: #15171c; --fg: #e6e6ea; --muted: #a3a3b8; --rule: #3a4256; --accent: #8cbcf5; --bg-note: #1c2230; --focus: #ffa348; --bar0: #35557d; --bar1: #5f98e0; --bar2: #d3e6ff; } }
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 0 auto; padding: 1rem; overflow-wrap: break-word; }
header h1 { margin: 0; font-size: 1.6rem; }
header p { margin: 0 0 1rem; color: var(--muted); }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.summary a { color: inherit; }
figure.chart { margin: 1rem 0 0; }
figure.chart figcaption, .axis, ul.legend { font-size: .8rem; color: var(--muted); }
figure.chart svg { display: block; width: 100%; height: 5.5rem; margin-top: .25rem; }
.chart .hit { fill: transparent; }
.chart a:hover .hit { fill: var(--bg-note); }
.chart a:focus-visible { outline: none; }
.chart a:focus-visible .hit { fill: var(--bg-note); stroke: var(--focus); stroke-width: 3px; vector-effect: non-scaling-stroke; }
.chart .base { fill: var(--rule); }
.t0 { fill: var(--bar0); background: var(--bar0); } .t1 { fill: var(--bar1); background: var(--bar1); } .t2 { fill: var(--bar2); background: var(--bar2); }
.axis { display: flex; justify-content: space-between; gap: 1rem; margin: .1rem 0 0; }
ul.legend { display: flex; flex-wrap: wrap; gap: .1rem 1rem; list-style: none; margin: .2rem 0 0; padding: 0; }
.swatch { display: inline-block; width: .8em; height: .8em; margin-right: .35em; vertical-align: -.05em; border-radius: 2px; }
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
header p.site { font-weight: 600; }
.event-page h1 { font-size: 1.45rem; line-height: 1.25; margin: .25rem 0; }
.when { margin: 0 0 1rem; color: var(--muted); }
dl.about { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 1rem; font-size: .92rem; }
dl.about dt { color: var(--muted); }
dl.about dd { margin: 0; }
main h2 { font-size: 1.05rem; margin: 1.5rem 0 .25rem; }
ol.sources { list-style: none; margin: 0; padding: 0; }
ol.sources li { padding: .4rem 0; border-top: 1px dashed var(--rule); }
ol.sources p { margin: 0; }
ol.sources .outlet { font-weight: 600; }
ol.sources blockquote { margin: .2rem 0 0 1rem; }
.same-day ul { padding-left: 1.2rem; }
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

export function htmlResponse(html: string, status: 200 | 400 | 404 = 200): Response {
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
