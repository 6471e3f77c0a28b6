import { type Child, h, htmlDocument, type JSXNode } from './markup.ts';

/** The parts of an OpenAPI 3.1 document this page reads; anything else in the document is ignored. */
interface Reference {
  $ref: string;
}
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: unknown;
}
interface Operation {
  summary?: string;
  description?: string;
  parameters?: Array<Parameter | Reference>;
  responses?: Record<string, { description?: string; content?: Record<string, unknown> } | Reference>;
}
export interface ApiDescription {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, { get?: Operation }>;
}

const isReference = (value: object): value is Reference => '$ref' in value;
/** An id attribute for an operation: ids may not contain spaces or most of a path's punctuation. */
const anchor = (path: string) => `get${path.replace(/[^A-Za-z0-9]+/g, '-')}`;

/** A parameter's type in a few characters: `string`, `"asc" | "desc"`, `integer ≤ 200`. */
function typeOf(schema: unknown): string {
  if (!schema || typeof schema !== 'object') return '';
  const s = schema as Record<string, unknown>;
  if (Array.isArray(s.enum)) return s.enum.map((value) => JSON.stringify(value)).join(' | ');
  const parts = [String(s.type ?? (s.$ref ? String(s.$ref).split('/').at(-1) : ''))];
  if (typeof s.pattern === 'string') parts.push(`/${s.pattern}/`);
  if (typeof s.minimum === 'number') parts.push(`≥ ${s.minimum}`);
  if (typeof s.maximum === 'number') parts.push(`≤ ${s.maximum}`);
  if (typeof s.maxLength === 'number') parts.push(`≤ ${s.maxLength} chars`);
  if (s.default !== undefined) parts.push(`default ${JSON.stringify(s.default)}`);
  return parts.filter(Boolean).join(', ');
}

function parameterTable(parameters: Parameter[]): Child {
  if (parameters.length === 0) return null;
  return h(
    'table',
    null,
    h(
      'thead',
      null,
      h('tr', null, h('th', null, 'parameter'), h('th', null, 'type'), h('th', null, 'meaning')),
    ),
    h(
      'tbody',
      null,
      parameters.map((p) =>
        h(
          'tr',
          null,
          h('td', null, h('code', null, p.name), ` (${p.in}${p.required ? ', required' : ''})`),
          h('td', null, h('code', null, typeOf(p.schema))),
          h('td', null, p.description ?? ''),
        ),
      ),
    ),
  );
}

function responseList(responses: NonNullable<Operation['responses']>): JSXNode {
  return h(
    'ul',
    null,
    Object.entries(responses).map(([status, response]) =>
      isReference(response)
        ? h('li', null, h('code', null, status))
        : h(
            'li',
            null,
            h('code', null, status),
            ` ${response.description ?? ''} `,
            Object.keys(response.content ?? {}).map((type) => h('code', null, ` ${type}`)),
          ),
    ),
  );
}

function operation(path: string, op: Operation): JSXNode {
  const parameters = (op.parameters ?? []).filter((p): p is Parameter => !isReference(p));
  return h(
    'section',
    { id: anchor(path) },
    h('h2', null, h('code', null, `GET ${path}`)),
    op.summary ? h('p', null, h('strong', null, op.summary)) : null,
    op.description ? h('p', null, op.description) : null,
    parameterTable(parameters),
    op.responses ? responseList(op.responses) : null,
  );
}

/** A readable listing of the API's operations, rendered from the same OpenAPI document /openapi.json serves. */
export function docsPage(api: ApiDescription): string {
  const operations = Object.entries(api.paths ?? {}).flatMap(([path, item]) =>
    item.get ? [operation(path, item.get)] : [],
  );
  return htmlDocument({
    title: `${api.info.title} ${api.info.version}`,
    body: [
      h(
        'header',
        null,
        h('h1', null, api.info.title),
        h(
          'p',
          null,
          `Version ${api.info.version}. Machine-readable: `,
          h('a', { href: '/openapi.json' }, 'openapi.json'),
          '.',
        ),
      ),
      api.info.description ? h('p', null, api.info.description) : null,
      h(
        'nav',
        null,
        h(
          'ul',
          null,
          Object.keys(api.paths ?? {}).map((path) =>
            h('li', null, h('a', { href: `#${anchor(path)}` }, `GET ${path}`)),
          ),
        ),
      ),
      h('main', null, operations),
      h('footer', null, h('a', { href: '/' }, 'The timeline')),
    ],
  });
}
