import { describe, expect, it } from 'vitest';
import { startLocalStack } from '../../infra/local/stack.ts';
import { recordAccount } from '../../lib/dedup/index.ts';
import { DynamoEventStore, TABLE_NAME } from '../../lib/store/index.ts';
import type { Source, TimelineEvent } from '../../lib/timeline/index.ts';
import { anAccount } from '../support/accounts.ts';
import { run } from '../support/cli.ts';
import { workspace } from '../support/local.ts';

const editCli = (args: string[]) => run('infra/local/edit-cli.ts', args);
const who = ['--by', 'desk@example.org', '--why', 'read the sources again'];

const TUNNEL = 'The mountain rail tunnel reopened to freight trains after inspection';
const MARKET = 'The farmers market moved to the old harbour square for the winter';
const told = (n: number, summary: string) =>
  anAccount(n, { date: '2024-10-08', summary, feedId: `outlet${n}` });

/** The data folder's store, opened for one look (the CLI needs the folder to itself). */
async function withStore<T>(dataDir: string, look: (store: DynamoEventStore) => Promise<T>): Promise<T> {
  // The stack names its endpoint and table in the environment: left there, the CLI would take them
  // for an existing service once this stack is stopped.
  const env = { ...process.env };
  const stack = await startLocalStack({ dataDir, feedsPath: 'infra/feeds.yaml', allowPrivateNetwork: false });
  try {
    return await look(new DynamoEventStore(stack.dynamo, process.env.TABLE_NAME ?? TABLE_NAME));
  } finally {
    await stack.stop();
    for (const name of Object.keys(process.env)) if (!(name in env)) delete process.env[name];
    Object.assign(process.env, env);
  }
}

const events = (dataDir: string) =>
  withStore(dataDir, async (store) => {
    const found: TimelineEvent[] = [];
    for await (const event of store.range({ lower: '0', upper: '~', order: 'asc' })) found.push(event);
    return found;
  });

const holding = (all: TimelineEvent[], account: Source) =>
  all.find((e) => e.accounts.some((a) => a.articleId === account.articleId)) as TimelineEvent;

describe('npm run edit', () => {
  it('lists every verb with an example', async () => {
    const { code, output } = await editCli(['--help']);
    expect(code).toBe(0);
    for (const verb of ['merge', 'split', 'hide', 'set', 'undo', 'log'])
      expect(output).toMatch(new RegExp(`npm run edit -- ${verb}`));
  });

  it('refuses an unknown verb or a correction without who and why, changing nothing', async () => {
    expect((await editCli(['join', 'evt_1', 'evt_2', ...who])).code).toBe(2);
    expect((await editCli(['hide', 'evt_1'])).output).toContain('needs --by and --why');
  });

  it('merges, splits, sets, hides and undoes on the local data, and logs each', {
    timeout: 120_000,
  }, async () => {
    const { options } = workspace();
    const dataDir = options.dataDir;
    const cli = (args: string[]) => editCli([...args, '--data-dir', dataDir]);
    const [tunnel, market, again] = [told(1, TUNNEL), told(2, MARKET), told(3, `${TUNNEL} on Tuesday`)];
    await withStore(dataDir, async (store) => {
      for (const account of [tunnel, market, again]) await recordAccount(store, account);
    });
    let all = await events(dataDir);
    expect(all).toHaveLength(2);

    const merged = await cli(['merge', holding(all, tunnel).id, holding(all, market).id, ...who]);
    expect(merged.code, merged.output).toBe(0);
    all = await events(dataDir);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ edited: true });

    const split = await cli(['split', holding(all, tunnel).id, market.url, ...who]);
    expect(split.code, split.output).toBe(0);
    all = await events(dataDir);
    expect(holding(all, market).id).not.toBe(holding(all, tunnel).id);

    const set = await cli(['set', holding(all, market).id, '--summary', 'Market moves for winter', ...who]);
    expect(set.code, set.output).toBe(0);
    const hide = await cli(['hide', holding(all, tunnel).id, ...who]);
    expect(hide.code, hide.output).toBe(0);
    all = await events(dataDir);
    expect(holding(all, market).summary).toBe('Market moves for winter');
    expect(holding(all, tunnel)).toMatchObject({ hidden: true, edited: true });
    expect(holding(all, again).id).toBe(holding(all, tunnel).id);

    const hideId = /^(cor_[0-9a-f]+)\s+hide stored/m.exec(hide.output)?.[1] as string;
    const undo = await cli(['undo', hideId, ...who]);
    expect(undo.code, undo.output).toBe(0);
    all = await events(dataDir);
    expect(holding(all, tunnel).hidden).toBeUndefined();

    const log = await cli(['log']);
    expect(log.code).toBe(0);
    expect(log.output).toMatch(/merge[\s\S]*split[\s\S]*set[\s\S]*hide[\s\S]*undo/);
    expect(log.output).toContain('5 correction(s)');

    const missing = await cli(['hide', 'evt_00ff', ...who]);
    expect(missing.code).toBe(2);
    expect(missing.output).toContain('no event evt_00ff');
    expect((await cli(['log'])).output).toContain('5 correction(s)');
  });
});
