import { describe, expect, it } from 'vitest';
import { bearerToken, createAdminApp, EditResultSchema, iamCaller } from '../../lib/admin/index.ts';
import { recordAccount } from '../../lib/dedup/index.ts';
import type { Source, TimelineEvent } from '../../lib/timeline/index.ts';
import { anAccount } from '../support/accounts.ts';
import { MemoryEvents } from '../support/memory-events.ts';

const TOKEN = 'a-local-admin-token-for-tests';
const editor = { by: 'desk@example.org', why: 'checked the sources' };
const FERRY = 'The island ferry service resumed sailing after the storm repairs';
const BRIDGE = 'The city council approved funding for the new river bridge';

let n = 0;
const told = (summary: string) => anAccount(++n, { date: '2024-10-08', summary, feedId: `outlet${n}` });

const holding = (repo: MemoryEvents, account: Source) =>
  repo.events().find((e) => e.accounts.some((a) => a.articleId === account.articleId)) as TimelineEvent;

async function setUp() {
  const repo = new MemoryEvents();
  const [ferry, bridge] = [told(FERRY), told(BRIDGE)];
  for (const account of [ferry, bridge]) await recordAccount(repo, account);
  const app = createAdminApp({ store: repo, authorize: bearerToken(TOKEN) });
  /** `credential`: the Authorization header, null for none. */
  const send = (
    method: string,
    path: string,
    body?: unknown,
    credential: string | null = `Bearer ${TOKEN}`,
  ) =>
    app.request(path, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(credential === null ? {} : { authorization: credential }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return { repo, ferry, bridge, app, send };
}

describe('the admin app (in memory)', () => {
  it('applies a verb through the same edit as the CLI, and answers the correction and its events', async () => {
    const { repo, ferry, bridge, send } = await setUp();
    const events = [holding(repo, ferry).id, holding(repo, bridge).id];
    const response = await send('POST', '/admin/merge', { events, ...editor });
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const result = EditResultSchema.parse(await response.json());
    expect(result.correction).toMatchObject({ verb: 'merge', events, by: editor.by, why: editor.why });
    expect(repo.log.map((c) => c.id)).toEqual([result.correction.id]);
    expect(repo.events()).toHaveLength(1);
    expect(result.events).toEqual([expect.objectContaining({ edited: true, sourceCount: 2, hidden: false })]);
  });

  it('refuses a missing (401) or wrong (403) token before any route runs, storing nothing', async () => {
    const { repo, ferry, send } = await setUp();
    const body = { event: holding(repo, ferry).id, ...editor };
    const missing = await send('POST', '/admin/hide', body, null);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await send('POST', '/admin/hide', body, `Basic ${TOKEN}`)).status).toBe(401);
    expect((await send('POST', '/admin/hide', body, `Bearer ${TOKEN}x`)).status).toBe(403);
    expect((await send('POST', '/admin/hide', body, `Bearer ${TOKEN.slice(0, -1)}`)).status).toBe(403);
    expect((await send('GET', '/admin/log', undefined, 'Bearer not-the-token')).status).toBe(403);
    expect((await send('GET', '/admin/openapi.json', undefined, null)).status).toBe(401);
    expect(repo.log).toEqual([]);
    expect(holding(repo, ferry).hidden).toBeUndefined();
  });

  it('names each field a body gets wrong (400), and a target that does not exist (422), storing nothing', async () => {
    const { repo, ferry, send } = await setUp();
    const bad = await send('POST', '/admin/split', { event: holding(repo, ferry).id, urls: [], by: '' });
    expect(bad.status).toBe(400);
    const names = (await bad.json()).invalidParams.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['urls', 'by', 'why']));
    expect((await send('POST', '/admin/hide', { event: 'evt_00ff', ...editor, extra: 1 })).status).toBe(400);
    const notJson = await (await setUp()).app.request('/admin/hide', {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(notJson.status).toBe(400);
    const missing = await send('POST', '/admin/hide', { event: 'evt_00ff', ...editor });
    expect(missing.status).toBe(422);
    expect((await missing.json()).detail).toContain('no event evt_00ff');
    expect(repo.log).toEqual([]);
  });

  it('lists the log, and has no route that edits or deletes it', async () => {
    const { repo, ferry, send } = await setUp();
    const hidden = await send('POST', '/admin/hide', { event: holding(repo, ferry).id, ...editor });
    const { correction } = EditResultSchema.parse(await hidden.json());
    const before = structuredClone(repo.log);
    for (const method of ['PUT', 'PATCH', 'DELETE'])
      for (const path of ['/admin/log', `/admin/log/${correction.id}`, '/admin/hide'])
        expect([404, 405], `${method} ${path}`).toContain(
          (await send(method, path, { ...correction, why: 'rewritten' })).status,
        );
    expect(repo.log).toEqual(before);
    const log = await (await send('GET', '/admin/log')).json();
    expect(log.corrections).toEqual(before);
  });

  it('describes every verb and the log in its OpenAPI document', async () => {
    const { send } = await setUp();
    const document = await (await send('GET', '/admin/openapi.json')).json();
    expect(Object.keys(document.paths).sort()).toEqual(
      ['hide', 'log', 'merge', 'set', 'split', 'undo'].map((verb) => `/admin/${verb}`),
    );
    expect(document.components.securitySchemes).toHaveProperty('bearer');
  });

  it('in AWS trusts only the caller the function URL authenticated', async () => {
    const repo = new MemoryEvents();
    const app = createAdminApp({ store: repo, authorize: iamCaller });
    expect((await app.request('/admin/log')).status).toBe(401);
    const signed = { requestContext: { authorizer: { iam: { userArn: 'arn:aws:iam::1:user/desk' } } } };
    expect((await app.request('/admin/log', {}, signed)).status).toBe(200);
  });

  it('refuses to be built with a short or missing token', () => {
    expect(() => bearerToken(undefined)).toThrow(/token/);
    expect(() => bearerToken('short')).toThrow(/16 characters/);
  });
});
