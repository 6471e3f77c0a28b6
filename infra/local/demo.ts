import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRunnerArgs, stopSignal, USAGE, UsageError } from './cli.ts';
import { runPipeline } from './runner.ts';

const FEEDS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'demo-feeds');
const CONTENT_TYPES: Record<string, string> = {
  '.xml': 'application/rss+xml',
  '.atom': 'application/atom+xml',
};

/** Serves the bundled fixture feeds on loopback, exactly as a news site would serve its feeds. */
async function serveDemoFeeds() {
  const files = readdirSync(FEEDS_DIR).filter((name) => CONTENT_TYPES[extname(name)]);
  const server = createServer((req, res) => {
    const name = (req.url ?? '/').slice(1);
    if (!files.includes(name)) return void res.writeHead(404).end();
    res
      .writeHead(200, { 'content-type': CONTENT_TYPES[extname(name)] as string })
      .end(readFileSync(join(FEEDS_DIR, name)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, files, url: (name: string) => `http://127.0.0.1:${port}/${name}` };
}

function demoFeedsFile(dataDir: string, files: string[], url: (name: string) => string): string {
  const entries = files.map((file) => {
    const id = file.replace(/\.[^.]+$/, '');
    const name = id.replace(
      /(^|-)(\w)/g,
      (_m, sep: string, c: string) => `${sep ? ' ' : ''}${c.toUpperCase()}`,
    );
    return `  - id: ${id}\n    name: ${name}\n    url: ${url(file)}\n    topics: [ukraine, north-korea]\n    fullText: never\n`;
  });
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'demo-feeds.yaml');
  writeFileSync(path, `# written by npm run demo\nfeeds:\n${entries.join('')}`);
  return path;
}

/** `npm run demo`: the whole pipeline against bundled feeds, no internet needed. */
async function main(args: string[]) {
  const parsed = parseRunnerArgs(args);
  if (parsed === 'help') return console.log(USAGE.replace('npm start', 'npm run demo'));
  const dataDir = args.includes('--data-dir') ? parsed.dataDir : join('.data', 'demo');
  const stopRequested = stopSignal();
  const feeds = await serveDemoFeeds();
  const feedsPath = demoFeedsFile(dataDir, feeds.files, feeds.url);
  const pipeline = await runPipeline({ ...parsed, dataDir, feedsPath, allowPrivateNetwork: true });
  console.log(
    `demo: ${feeds.files.length} bundled feeds served on loopback; open http://localhost:${pipeline.port}/timeline`,
  );
  await stopRequested;
  await pipeline.stop();
  feeds.server.close();
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: Error) => {
    console.error(
      error instanceof UsageError ? `${error.message}\n\n${USAGE}` : `demo: ${error.stack ?? error.message}`,
    );
    process.exit(1);
  },
);
