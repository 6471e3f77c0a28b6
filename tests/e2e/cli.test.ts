import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portsArticle } from '../fixtures/black-sea.ts';
import { launch as launchScript, run } from '../support/cli.ts';
import { FeedServer } from '../support/feed-server.ts';
import { workspace } from '../support/local.ts';
import { rss } from '../support/rss.ts';

const MAIN = 'infra/local/main.ts';
const start = (args: string[]) => run(MAIN, args);

const workspaceArgs = (ws: ReturnType<typeof workspace>) => [
  '--feeds',
  ws.options.feedsPath,
  '--data-dir',
  ws.options.dataDir,
];

describe('npm start (the local runner’s command line)', () => {
  const feeds = new FeedServer();
  beforeAll(async () => {
    await feeds.start();
    feeds.serve('/good.xml', rss('Harbour News', [portsArticle]));
    feeds.serve('/page.xml', '<!doctype html><html><body><p>Not a feed</p></body></html>', 'text/html');
    feeds.routes.set('/broken.xml', (_req, res) => res.writeHead(500).end('boom'));
  });
  afterAll(() => feeds.stop());

  it('--once polls, drains and reports; a feed that is down or not XML is one clear line and the rest go on', async () => {
    const ws = workspace();
    writeFileSync(
      ws.options.feedsPath,
      `feeds:
  - { id: good, name: Good, url: "${feeds.url('/good.xml')}" }
  - { id: not-a-feed, name: Not a feed, url: "${feeds.url('/page.xml')}" }
  - { id: server-error, name: Server error, url: "${feeds.url('/broken.xml')}" }
  - { id: refused, name: Refused, url: "http://127.0.0.1:9/feed.xml" }
  - { id: switched-off, name: Off, url: "${feeds.url('/off.xml')}", enabled: false }
`,
    );
    const { code, output } = await start(['--once', ...workspaceArgs(ws), '--allow-private-network']);
    expect(code, output).toBe(0);
    expect(output).toContain('once: polled 4 feed(s) (3 failed), processed 1 article(s)');
    for (const id of ['not-a-feed', 'server-error', 'refused']) {
      const lines = output.split('\n').filter((line) => line.includes(`feed ${id} (`));
      expect(lines, id).toHaveLength(1);
    }
    expect(output).toMatch(/feed server-error \(.*\) failed: HTTP 500/);
  });

  it('emits CloudWatch metrics (EMF) for polls and events when metrics are on', async () => {
    const ws = workspace();
    writeFileSync(
      ws.options.feedsPath,
      `feeds:\n  - { id: good, name: Good, url: "${feeds.url('/good.xml')}" }\n`,
    );
    const { code, output } = await run(MAIN, ['--once', ...workspaceArgs(ws), '--allow-private-network'], {
      POWERTOOLS_METRICS_DISABLED: 'false',
    });
    expect(code, output).toBe(0);
    const emf = output
      .split('\n')
      .filter((line) => line.includes('"_aws"'))
      .map((line) => JSON.parse(line));
    const metric = (name: string) => emf.find((entry) => name in entry)?.[name];
    expect(metric('PollJobsQueued')).toBe(1);
    expect(metric('UnhealthyFeeds')).toBe(0);
    expect(metric('ArticlesQueued')).toBe(1);
    expect(metric('EventsCreated')).toBe(8);
  });

  it('refuses loopback feeds without --allow-private-network', async () => {
    const ws = workspace();
    writeFileSync(
      ws.options.feedsPath,
      `feeds:\n  - { id: good, name: Good, url: "${feeds.url('/good.xml')}" }\n`,
    );
    const { code, output } = await start(['--once', ...workspaceArgs(ws)]);
    expect(code).toBe(0);
    expect(output).toContain('polled 1 feed(s) (1 failed), processed 0 article(s)');
    expect(output).toMatch(/feed good \(.*\) failed: .*not a public address/);
  });

  it('stops at start-up on an invalid feeds file, naming the feed and the field', async () => {
    const ws = workspace();
    writeFileSync(ws.options.feedsPath, 'feeds:\n  - id: wire-desk\n    name: Wire\n    url: not a url\n');
    const { code, output } = await start(['--once', ...workspaceArgs(ws)]);
    expect(code).toBe(1);
    expect(output).toContain('feed "wire-desk" (feeds[0]): field "url":');
  });

  it('serves the timeline until Ctrl-C, then shuts down cleanly', async () => {
    const ws = workspace();
    writeFileSync(
      ws.options.feedsPath,
      `feeds:\n  - { id: good, name: Good, url: "${feeds.url('/good.xml')}" }\n`,
    );
    const child = launchScript(MAIN, [...workspaceArgs(ws), '--port', '0', '--allow-private-network']);
    let output = '';
    const port = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const match = /timeline on http:\/\/localhost:(\d+)/.exec(output);
        if (match) resolve(match[1] as string);
      });
      child.on('close', () => reject(new Error(output)));
    });
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    const closed = new Promise((resolve) => child.on('close', resolve));
    // Ctrl-C signals the terminal's whole process group, not one process.
    process.kill(-(child.pid as number), 'SIGINT');
    expect(await closed).toBe(0);
  });

  it('npm run demo serves the bundled feeds and shows one outlet-merged timeline', async () => {
    const ws = workspace();
    const child = launchScript('infra/local/demo.ts', ['--data-dir', ws.options.dataDir, '--port', '0']);
    let output = '';
    const port = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const match = /open http:\/\/localhost:(\d+)/.exec(output);
        if (match) resolve(match[1] as string);
      });
      child.on('close', () => reject(new Error(output)));
    });
    type Event = { date: string; sourceCount: number; sources: Array<{ feedId: string }> };
    let events: Event[] = [];
    // Another event may reach three outlets first: wait for this one, while the demo keeps working.
    const nisMerged = () => events.find((e) => e.date === '2024-10-18')?.sourceCount === 3;
    for (let attempt = 0; attempt < 150 && !nisMerged(); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      events = (await (await fetch(`http://127.0.0.1:${port}/timeline?limit=200`)).json()).events;
    }
    const nis = events.find((e) => e.date === '2024-10-18');
    expect(nis?.sources.map((s) => s.feedId).sort()).toEqual(['east-wire', 'kyiv-ledger', 'world-desk']);
    const closed = new Promise((resolve) => child.on('close', resolve));
    process.kill(-(child.pid as number), 'SIGINT');
    expect(await closed).toBe(0);
  });

  it('rejects an unknown flag with usage', async () => {
    const { code, output } = await start(['--sideways']);
    expect(code).toBe(1);
    expect(output).toContain('Usage: npm start -- [options]');
  });
});
