import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { deriveEvent, reclusterAll, recordAccount } from '../../lib/dedup/index.ts';
import { DynamoEventStore, DynamoReclusterProgress } from '../../lib/store/index.ts';
import { sortKeyBounds, type TimelineEvent } from '../../lib/timeline/index.ts';
import { anAccount } from '../support/accounts.ts';
import { withTimeline, workspace } from '../support/local.ts';

const run = promisify(execFile);

/** Three months of news (a day in each), each event told by outlets of their own. */
const TOLD: Array<[string, string]> = [
  ['2024-10-07', 'The port authority closed the northern channel after a collision'],
  ['2024-10-07', 'The northern channel was closed by the port authority after two ships collided'],
  ['2024-10-07', 'The city council approved a new tram line to the airport'],
  ['2024-11-08', 'Firefighters contained a forest fire near the eastern border'],
  ['2024-11-08', 'A forest fire near the eastern border was contained by firefighters'],
  ['2024-11-08', 'The central bank raised its main interest rate by half a point'],
  ['2024-12-09', 'The national football team named a new coach'],
  ['2024-12-09', 'Teachers began a three-day strike over pay'],
];

async function everyEvent(store: DynamoEventStore): Promise<Array<Omit<TimelineEvent, 'version'>>> {
  const events: Array<Omit<TimelineEvent, 'version'>> = [];
  for await (const { version, ...event } of store.range({ ...sortKeyBounds(), order: 'asc' }))
    events.push(event);
  return events;
}

/** Records the news, notes the events the rules give, then makes them stale as an older rule might have. */
async function seedStale(store: DynamoEventStore) {
  for (const [n, [date, summary]] of TOLD.entries())
    await recordAccount(store, anAccount(n + 1, { date, summary, feedId: `outlet${n + 1}` }));
  const fresh = await everyEvent(store);
  const [channel, tram, fire] = (await store.getMany(fresh.map((e) => e.id))).sort((a, b) =>
    a.date.localeCompare(b.date),
  ) as [TimelineEvent, TimelineEvent, TimelineEvent];
  expect(channel.accounts).toHaveLength(2);
  // One event swallowing another of its day, and one id retired though its accounts still stand apart.
  await store.hold(tram.accounts, channel.id);
  expect(
    await store.update(deriveEvent(channel.id, [...channel.accounts, ...tram.accounts], channel.version + 1)),
  ).toBe(true);
  expect(await store.absorb(fire, channel.id)).toBe(true);
  expect(await everyEvent(store)).not.toEqual(fresh);
  return fresh;
}

/** The CLI as an operator runs it, on the data folder alone (no emulator named in the environment). */
async function recluster(dataDir: string) {
  const env = { ...process.env };
  for (const name of [
    'AWS_ENDPOINT_URL_DYNAMODB',
    'AWS_ENDPOINT_URL_SQS',
    'TABLE_NAME',
    'ARTICLES_QUEUE_URL',
  ])
    delete env[name];
  delete env.FEEDS_QUEUE_URL;
  return run(process.execPath, ['--import', 'tsx', 'infra/local/recluster-cli.ts', '--data-dir', dataDir], {
    env,
  });
}

describe('npm run recluster', () => {
  it('rebuilds the stored events of a data folder, then finds nothing to write', async () => {
    const { options } = workspace();
    const fresh = await withTimeline(options, (_, stack) =>
      seedStale(new DynamoEventStore(stack.dynamo, 'dateline')),
    );

    const first = await recluster(options.dataDir);
    expect(first.stdout).toMatch(/settled 8 account\(s\) in 3 month block\(s\): [1-9]\d* event\(s\) written/);
    // Not a terminal: a line per tenth, the last at 100%.
    expect(first.stderr.trim().split('\n').at(-1)).toMatch(/\[#+\] 100% {2}8\/8 accounts/);

    const second = await recluster(options.dataDir);
    expect(second.stdout).toContain('0 event(s) written, 0 id(s) retired');

    await withTimeline(options, async (base, stack) => {
      expect(await everyEvent(new DynamoEventStore(stack.dynamo, 'dateline'))).toEqual(fresh);
      const page = await fetch(`${base}/events/${fresh[0]?.id}`);
      expect(page.status).toBe(200);
    });
  }, 180_000);

  it('keeps the timeline answering between its pages, and resumes from the table after a stop', async () => {
    const { options } = workspace();
    await withTimeline(options, async (base, stack) => {
      const store = new DynamoEventStore(stack.dynamo, 'dateline');
      const fresh = await seedStale(store);
      const progress = new DynamoReclusterProgress(stack.dynamo, 'dateline');
      const reads: number[] = [];
      const stopped = reclusterAll(store, progress, {
        pageSize: 2,
        onProgress: async ({ blocks }) => {
          reads.push((await fetch(`${base}/timeline`)).status);
          if (blocks === 1) throw new Error('stopped');
        },
      });
      await expect(stopped).rejects.toThrow('stopped');
      expect(await progress.load()).toBe('2024-10-31#~');

      const resumed = await reclusterAll(store, progress, {
        pageSize: 2,
        onProgress: async () => {
          reads.push((await fetch(`${base}/timeline`)).status);
        },
      });
      expect(resumed).toMatchObject({ done: true, blocks: 2, postings: 5 });
      expect(reads).toEqual([200, 200, 200]);
      expect(await everyEvent(store)).toEqual(fresh);
      expect(await progress.load()).toBeUndefined();
    });
  }, 120_000);
});
