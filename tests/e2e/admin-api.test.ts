import { writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN_ENV, serveAdmin } from '../../infra/local/admin-server.ts';
import { type RunningPipeline, runPipeline } from '../../infra/local/runner.ts';
import { EditResultSchema } from '../../lib/admin/index.ts';
import { recordAccount } from '../../lib/dedup/index.ts';
import { dynamoClient } from '../../lib/runtime/index.ts';
import { DynamoEventStore } from '../../lib/store/index.ts';
import type { Source, TimelineEvent } from '../../lib/timeline/index.ts';
import { anAccount } from '../support/accounts.ts';
import { run } from '../support/cli.ts';
import { workspace } from '../support/local.ts';

const TOKEN = 'an-admin-token-for-the-e2e-test';
const editor = { by: 'desk@example.org', why: 'read the sources again' };
const TUNNEL = 'The mountain rail tunnel reopened to freight trains after inspection';
const MARKET = 'The farmers market moved to the old harbour square for the winter';
const told = (n: number, summary: string) =>
  anAccount(n, { date: '2024-10-08', summary, feedId: `outlet${n}` });
const [tunnel, market, again] = [told(1, TUNNEL), told(2, MARKET), told(3, `${TUNNEL} on Tuesday`)];

describe('the admin API on the embedded stack (npm start with a token)', () => {
  let pipeline: RunningPipeline;
  let store: DynamoEventStore;
  let admin: string;
  let site: string;

  beforeAll(async () => {
    const { dir, options } = workspace('dateline-admin-');
    // One disabled feed: the pipeline runs, polls nothing, and the test files the accounts itself.
    const feedsPath = join(dir, 'feeds.yaml');
    writeFileSync(
      feedsPath,
      'feeds:\n  - id: idle\n    name: Idle\n    url: http://127.0.0.1:9/feed.xml\n    enabled: false\n',
    );
    pipeline = await runPipeline(
      { ...options, once: false, feedsPath, admin: { port: 0, token: TOKEN } },
      () => {},
    );
    store = new DynamoEventStore(dynamoClient(), process.env.TABLE_NAME as string);
    for (const account of [tunnel, market, again]) await recordAccount(store, account);
    admin = `http://127.0.0.1:${pipeline.adminPort}`;
    site = `http://127.0.0.1:${pipeline.port}`;
  }, 60_000);

  afterAll(async () => {
    await pipeline?.stop();
  });

  const holding = async (account: Source) => {
    for await (const event of store.range({ lower: '0', upper: '~', order: 'asc' }))
      if (event.accounts.some((a) => a.articleId === account.articleId)) return event;
    throw new Error(`no event holds ${account.articleId}`);
  };
  const post = (verb: string, body: unknown, credential: string | null = `Bearer ${TOKEN}`) =>
    fetch(`${admin}/admin/${verb}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(credential === null ? {} : { authorization: credential }),
      },
      body: JSON.stringify(body),
    });
  const applied = async (verb: string, body: Record<string, unknown>) => {
    const response = await post(verb, { ...body, ...editor });
    expect(response.status, await response.clone().text()).toBe(201);
    return EditResultSchema.parse(await response.json());
  };
  const publicEvent = async (id: string) => {
    const response = await fetch(`${site}/events/${id}`);
    return { status: response.status, body: response.status === 200 ? await response.json() : undefined };
  };
  /** Everything a refused or misrouted request must leave as it was. */
  const snapshot = async () => {
    const events: TimelineEvent[] = [];
    for await (const event of store.range({ lower: '0', upper: '~', order: 'asc' })) events.push(event);
    return { log: await store.corrections(), events };
  };

  it('listens on loopback only', async () => {
    expect(
      (await fetch(`${admin}/admin/log`, { headers: { authorization: `Bearer ${TOKEN}` } })).status,
    ).toBe(200);
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && !i.internal && i.family === 'IPv4');
    if (outside)
      await expect(fetch(`http://${outside.address}:${pipeline.adminPort}/admin/log`)).rejects.toThrow();
    await expect(fetch(`http://[::1]:${pipeline.adminPort}/admin/log`)).rejects.toThrow();
  });

  it('refuses to start without a token, or with a short one', async () => {
    await expect(serveAdmin({ port: 0, token: undefined })).rejects.toThrow(/token/);
    await expect(serveAdmin({ port: 0, token: 'short' })).rejects.toThrow(/16 characters/);
  });

  it('refuses a missing token (401) and a wrong one (403), changing nothing', async () => {
    const before = await snapshot();
    const target = { event: (await holding(tunnel)).id, ...editor };
    for (const [credential, status] of [
      [null, 401],
      [`Basic ${TOKEN}`, 401],
      [`Bearer ${TOKEN.slice(0, -1)}`, 403],
      ['Bearer another-token-of-enough-length', 403],
    ] as const)
      expect((await post('hide', target, credential)).status, String(credential)).toBe(status);
    expect((await fetch(`${admin}/admin/log`)).status).toBe(401);
    expect(await snapshot()).toEqual(before);
  });

  it('the public timeline answers no admin route, with any method, and changes nothing', async () => {
    const before = await snapshot();
    const document = await (
      await fetch(`${admin}/admin/openapi.json`, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).json();
    const paths = [...Object.keys(document.paths), '/admin/openapi.json', '/admin'];
    expect(paths.length).toBeGreaterThanOrEqual(8);
    const body = JSON.stringify({ event: (await holding(tunnel)).id, ...editor });
    for (const path of paths)
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        const response = await fetch(`${site}${path}`, {
          method,
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
          body: method === 'GET' ? undefined : body,
        });
        expect(response.status, `${method} ${path}`).toBe(404);
      }
    expect(await snapshot()).toEqual(before);
  });

  it('merges, splits, sets, hides and undoes through HTTP; the public API shows each; the log lists all', {
    timeout: 60_000,
  }, async () => {
    const merged = await applied('merge', {
      events: [(await holding(tunnel)).id, (await holding(market)).id],
    });
    expect(merged.correction.verb).toBe('merge');
    expect((await holding(market)).id).toBe((await holding(tunnel)).id);
    expect((await publicEvent((await holding(tunnel)).id)).body).toMatchObject({
      edited: true,
      sourceCount: 3,
    });

    await applied('split', { event: (await holding(tunnel)).id, urls: [market.url] });
    expect((await holding(market)).id).not.toBe((await holding(tunnel)).id);

    await applied('set', { event: (await holding(market)).id, summary: 'Market moves for winter' });
    expect((await publicEvent((await holding(market)).id)).body).toMatchObject({
      summary: 'Market moves for winter',
      edited: true,
    });

    const hidden = await applied('hide', { event: (await holding(tunnel)).id });
    expect(hidden.events).toContainEqual(
      expect.objectContaining({ id: (await holding(tunnel)).id, hidden: true, edited: true }),
    );
    expect((await publicEvent((await holding(tunnel)).id)).status).toBe(404);

    const undone = await applied('undo', { correction: hidden.correction.id });
    expect(undone.correction).toMatchObject({ verb: 'undo', undoes: hidden.correction.id });
    expect((await publicEvent((await holding(again)).id)).status).toBe(200);

    const missing = await post('hide', { event: 'evt_00ff', ...editor });
    expect(missing.status).toBe(422);

    const log = await (
      await fetch(`${admin}/admin/log`, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).json();
    expect(log.corrections.map((c: { verb: string }) => c.verb)).toEqual([
      'merge',
      'split',
      'set',
      'hide',
      'undo',
    ]);
    expect(log.corrections).toEqual(await store.corrections());
  });

  it('the edit CLI drives it with --endpoint and the token from the environment', {
    timeout: 180_000,
  }, async () => {
    const env = { [ADMIN_TOKEN_ENV]: TOKEN };
    const edit = (args: string[]) => run('infra/local/edit-cli.ts', [...args, '--endpoint', admin], env);
    const hidden = await edit(['hide', (await holding(again)).id, '--by', editor.by, '--why', 'a caption']);
    expect(hidden.code, hidden.output).toBe(0);
    expect(hidden.output).toMatch(/^cor_[0-9a-f]+\s+hide stored/m);
    expect(hidden.output).toContain('(hidden)');
    expect((await publicEvent((await holding(again)).id)).status).toBe(404);
    const log = await edit(['log']);
    expect(log.code, log.output).toBe(0);
    const corrections = await store.corrections();
    expect(log.output).toContain(`${corrections.length} correction(s)`);
    for (const correction of corrections) expect(log.output).toContain(correction.id);
    const refused = await run('infra/local/edit-cli.ts', ['log', '--endpoint', admin], {
      [ADMIN_TOKEN_ENV]: 'Bearer-but-not-the-right-token',
    });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('403');
    const unknown = await edit(['hide', 'evt_00ff', '--by', editor.by, '--why', 'typo']);
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain('no event evt_00ff');
  });
});
