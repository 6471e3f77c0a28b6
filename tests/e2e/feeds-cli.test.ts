import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOnce } from '../../infra/local/runner.ts';
import { portsArticle } from '../fixtures/black-sea.ts';
import { run } from '../support/cli.ts';
import { FeedServer } from '../support/feed-server.ts';
import { workspace } from '../support/local.ts';
import { rss } from '../support/rss.ts';

const feedsCli = (args: string[]) => run('infra/local/feeds-cli.ts', args);

describe('npm run feeds', () => {
  const server = new FeedServer();
  beforeAll(async () => {
    await server.start();
    server.serve('/harbour.xml', rss('Harbour News', [portsArticle]));
    server.routes.set('/gone.xml', (_req, res) => res.writeHead(410).end());
  });
  afterAll(() => server.stop());

  it('validates the shipped feeds file', async () => {
    const { code, output } = await feedsCli(['validate']);
    expect(code, output).toBe(0);
    expect(output).toMatch(/infra\/feeds\.yaml: \d+ feeds, \d+ enabled, all valid/);
  });

  it('names the feed and field of every problem, duplicates included, and exits 1', async () => {
    const ws = workspace();
    writeFileSync(
      ws.options.feedsPath,
      'feeds:\n  - { id: a, name: A, url: "https://a.example/feed" }\n  - { id: a, name: B, url: "ftp://b.example/feed" }\n  - { id: c, name: C, url: "https://a.example/feed" }\n',
    );
    const { code, output } = await feedsCli(['validate', '--feeds', ws.options.feedsPath]);
    expect(code).toBe(1);
    expect(output).toContain('feed "a" (feeds[1]): field "url": must be an http(s) URL');
    expect(output).toContain('feed "a" (feeds[1]): field "id": duplicates feeds[0]');
    expect(output).toContain('feed "c" (feeds[2]): field "url": duplicates feeds[0]');
  });

  it('checks a feed through the production path', async () => {
    const { code, output } = await feedsCli(['check', server.url('/harbour.xml'), '--allow-private-network']);
    expect(code, output).toBe(0);
    expect(output).toMatch(/status:\s+200/);
    expect(output).toMatch(/items:\s+1/);
    expect(output).toMatch(/newest:\s+2024-10-15T08:30:00.000Z/);
    expect(output).toMatch(/full text:\s+yes/);
    const blocked = await feedsCli(['check', server.url('/harbour.xml')]);
    expect(blocked.code).toBe(1);
    expect(blocked.output).toContain('not a public address');
  });

  it('adds a probed feed, keeping the file’s comments, and lists live state', async () => {
    const ws = workspace();
    writeFileSync(
      ws.options.feedsPath,
      '# reviewed by ops\nfeeds:\n  # the wire\n  - { id: gone, name: Gone, url: "' +
        server.url('/gone.xml') +
        '" }\n',
    );
    const added = await feedsCli([
      'add',
      server.url('/harbour.xml'),
      '--topics',
      'shipping,ukraine',
      '--feeds',
      ws.options.feedsPath,
      '--allow-private-network',
    ]);
    expect(added.code, added.output).toBe(0);
    const text = readFileSync(ws.options.feedsPath, 'utf8');
    expect(text).toContain('# reviewed by ops');
    expect(text).toContain('# the wire');
    expect(text).toMatch(/id: harbour-news\n\s+name: Harbour News/);
    await runOnce(ws.options);
    const { code, output } = await feedsCli([
      'list',
      '--feeds',
      ws.options.feedsPath,
      '--data-dir',
      ws.options.dataDir,
    ]);
    expect(code, output).toBe(0);
    expect(output).toMatch(/'harbour-news'\s*│\s*'ok'/);
    expect(output).toMatch(/'gone'\s*│\s*'unhealthy'/);
  });
});
