// CloudFront Function (cloudfront-js-2.0), viewer request: ES5.1 plus the const/let, arrow functions and
// template literals runtime 2.0 supports; no modules, `handler` is found by name.
//
// One cache key per meaning: a listing asked for in other words (parameters reordered, a default
// spelled out, `topic=Defence`, `q=a%20b`) is sent to its one URL with a 301 before the cache is
// looked up, and a parameter the listing does not know, given twice or with an invalid value
// (`limit=5e1`, `limit=%2050`) is refused here with a 400, so neither costs an origin request. Only
// what needs the origin's own knowledge (a cursor's signature) goes on to it. The rules mirror lib/timeline/query.ts (TimelineQuerySchema and searchOf);
// tests/infra/edge-function.test.ts runs this file beside the app on random queries and fails when
// the two disagree.
//
// It also stamps the viewer's Host on the request as x-dateline-public-host, so the timeline function
// (which only sees its own function URL) writes feed links with the public domain.

const LISTINGS = { '/timeline': 1, '/timeline.atom': 1, '/timeline.rss': 1, '/timeline.json': 1, '/': 1 };
const NAMES = ['from', 'to', 'topic', 'feed', 'q', 'order', 'limit', 'cursor'];
const DEFAULTS = { order: 'desc', limit: '50' };
const PUBLIC_HOST_HEADER = 'x-dateline-public-host';
const SOURCE_PAGES = /^\/events\/[^/]+\/sources$/;
const SOURCE_PAGE_NAMES = ['limit', 'cursor'];

function only(querystring, names) {
  const kept = {};
  for (const name of names) if (querystring[name]) kept[name] = querystring[name];
  return kept;
}

function formDecode(text) {
  return decodeURIComponent(text.replace(/\+/g, ' '));
}

// The application/x-www-form-urlencoded serializer, as URLSearchParams writes it.
function formEncode(text) {
  return encodeURIComponent(text)
    .replace(/%20/g, '+')
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function isDay(text) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().indexOf(text) === 0;
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function has(object, name) {
  return Object.hasOwn(object, name);
}

function bounded(text, max) {
  return text.length >= 1 && text.length <= max ? text : undefined;
}

// The value as the listing reads it, or undefined when it is not valid (the origin then says why).
const READERS = {
  from: (v) => (isDay(v) ? v : undefined),
  to: (v) => (isDay(v) ? v : undefined),
  topic: (v) => bounded(v.trim().toLowerCase(), 100),
  feed: (v) => bounded(v.trim(), 100),
  q: (v) => bounded(v.trim(), 200),
  order: (v) => (v === 'asc' || v === 'desc' ? v : undefined),
  limit: (v) => {
    if (!/^[0-9]+$/.test(v)) return undefined;
    const n = Number(v);
    return n >= 1 && n <= 200 ? String(n) : undefined;
  },
  cursor: (v) => bounded(v, 2000),
};

const REASON = 'is unknown, given twice, not percent-encoded UTF-8, or not a valid value (see /openapi.json)';

function refuse(path, names) {
  const detail = `${names.join(', ')}: ${REASON}`;
  if (path === '/') {
    const page = `<!doctype html><title>Dateline</title><p>${escapeHtml(detail)}</p><p><a href="/">The timeline</a></p>`;
    return answer(400, 'text/html; charset=utf-8', page);
  }
  const problem = {
    type: 'https://dateline.dev/problems/invalid-parameter',
    title: 'Invalid parameter',
    status: 400,
    detail: detail,
    invalidParams: names.map((name) => ({ name: name, reason: REASON })),
  };
  return answer(400, 'application/problem+json', JSON.stringify(problem));
}

function answer(status, type, body) {
  return {
    statusCode: status,
    statusDescription: 'Bad Request',
    headers: { 'content-type': { value: type }, 'cache-control': { value: 'no-store' } },
    body: { encoding: 'text', data: body },
  };
}

// [name, value] pairs as the viewer sent them (still percent-encoded), in their order.
function rawPairs(querystring) {
  const pairs = [];
  for (const name in querystring) {
    const entry = querystring[name];
    const values = entry.multiValue ? entry.multiValue : [entry];
    for (let i = 0; i < values.length; i++) pairs.push([name, values[i].value]);
  }
  return pairs;
}

function looseDecode(text) {
  try {
    return formDecode(text);
  } catch (_e) {
    return text;
  }
}

// Each parameter decoded, or the names at fault: undecodable, unknown or given twice.
function decodeAll(pairs) {
  const given = {};
  const refused = [];
  for (let i = 0; i < pairs.length; i++) {
    // A nameless pair (`?=x`) is no parameter to the app's parser either: the redirect drops it.
    if (pairs[i][0] === '') continue;
    let name;
    let value;
    try {
      name = formDecode(pairs[i][0]);
      value = formDecode(pairs[i][1]);
    } catch (_e) {
      refused.push(pairs[i][0]);
      continue;
    }
    if (!has(READERS, name) || has(given, name)) refused.push(name);
    else given[name] = value;
  }
  return { given: given, refused: refused };
}

// 'refuse' (names), 'redirect' (search) or 'pass', for a listing's query.
function decide(path, pairs) {
  // The page sends a form's empty fields on to the listing without them (a 302 from the origin).
  if (path === '/' && pairs.some((p) => looseDecode(p[1]).trim() === '')) return { kind: 'pass' };
  const decoded = decodeAll(pairs);
  if (decoded.refused.length) return { kind: 'refuse', names: decoded.refused };
  const read = {};
  const invalid = [];
  for (const name in decoded.given) {
    read[name] = READERS[name](decoded.given[name]);
    if (read[name] === undefined) invalid.push(name);
  }
  if (read.from && read.to && read.from > read.to) invalid.push('to');
  if (invalid.length) return { kind: 'refuse', names: invalid };
  const canonical = [];
  for (let k = 0; k < NAMES.length; k++) {
    const n = NAMES[k];
    if (read[n] !== undefined && read[n] !== DEFAULTS[n]) canonical.push(`${n}=${formEncode(read[n])}`);
  }
  const search = canonical.join('&');
  const sent = pairs.map((p) => `${p[0]}=${p[1]}`).join('&');
  return search === sent ? { kind: 'pass' } : { kind: 'redirect', search: search };
}

// The q of each media range in an Accept header, by the range as written.
function qualities(accept) {
  const ranges = {};
  const parts = accept.split(',');
  for (let i = 0; i < parts.length; i++) {
    const pieces = parts[i].split(';').map((piece) => piece.trim().toLowerCase());
    if (!pieces[0]) continue;
    let q = 1;
    for (let j = 1; j < pieces.length; j++) if (pieces[j].indexOf('q=') === 0) q = Number(pieces[j].slice(2));
    ranges[pieces[0]] = Number.isFinite(q) ? Math.min(Math.max(q, 0), 1) : 0;
  }
  return ranges;
}

// Mirrors prefersHtml in lib/timeline/negotiate.ts: the page only for a client naming HTML above JSON.
function prefersHtml(accept) {
  if (!accept) return false;
  const r = qualities(accept);
  const html = Math.max(r['text/html'] || 0, r['application/xhtml+xml'] || 0);
  const json = Math.max(r['application/json'] || 0, r['application/*'] || 0, r['*/*'] || 0);
  return html > 0 && html > json;
}

// Accept is in the cache key, so it is reduced to what the origin decides by: an event's page or
// its JSON (two entries per event, not one per browser's header), and nothing on any other path.
function reduceAccept(request) {
  if (request.uri.indexOf('/events/') !== 0) {
    delete request.headers.accept;
    return;
  }
  const accept = request.headers.accept ? request.headers.accept.value : '';
  request.headers.accept = { value: prefersHtml(accept) ? 'text/html' : 'application/json' };
}

// biome-ignore lint/correctness/noUnusedVariables: CloudFront calls the function named handler.
function handler(event) {
  const request = event.request;
  if (request.headers.host) request.headers[PUBLIC_HOST_HEADER] = { value: request.headers.host.value };
  reduceAccept(request);
  if (request.method !== 'GET' && request.method !== 'HEAD') return request;
  if (SOURCE_PAGES.test(request.uri)) {
    // An event's sources page by these two; the origin checks them (a cursor's signature).
    request.querystring = only(request.querystring, SOURCE_PAGE_NAMES);
    return request;
  }
  if (!LISTINGS[request.uri]) {
    // Other routes read no query: one cache entry per path.
    request.querystring = {};
    return request;
  }
  const decision = decide(request.uri, rawPairs(request.querystring));
  if (decision.kind === 'refuse') return refuse(request.uri, decision.names);
  if (decision.kind === 'redirect') {
    const location = request.uri + (decision.search ? `?${decision.search}` : '');
    return {
      statusCode: 301,
      statusDescription: 'Moved Permanently',
      headers: { location: { value: location }, 'cache-control': { value: 'public, max-age=86400' } },
    };
  }
  return request;
}
