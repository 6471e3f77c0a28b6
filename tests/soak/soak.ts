/**
 * `npm run soak`: the local runner against 200 loopback feeds for 30 minutes (SOAK_MINUTES), feeds
 * answering with a mix of new items, 304s, errors and slow responses. Reports the runner's RSS at
 * start and end (and its peak), polls, articles and unhandled rejections. The emulators run in a
 * process of their own (their memory is reported beside it), unless AWS_ENDPOINT_URL_* point at
 * services already. Not part of `npm test`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { runPipeline } from '../../infra/local/runner.ts';
import { rss } from '../support/rss.ts';

const FEEDS = 200;
const minutes = Number(process.env.SOAK_MINUTES ?? 30);
let rejections = 0;
process.on('unhandledRejection', (reason) => {
  rejections++;
  console.error('unhandled rejection:', reason);
});

const hits = { total: 0, fresh: 0, notModified: 0, errors: 0, slow: 0 };
let tick = 0;

/** Each feed behaves by its number: most gain an item now and then, some fail, some are slow. */
const server = createServer((req, res) => {
  hits.total++;
  const n = Number((req.url ?? '').split('/').pop());
  const kind = n % 10;
  if (kind === 0) {
    hits.errors++;
    return void res.writeHead(n % 20 === 0 ? 503 : 500).end();
  }
  const version = kind < 5 ? Math.floor(tick / 2) : 0;
  const etag = `"${n}-${version}"`;
  const answer = () => {
    if (req.headers['if-none-match'] === etag) {
      hits.notModified++;
      return void res.writeHead(304, { etag }).end();
    }
    hits.fresh++;
    const items = Array.from({ length: 3 }, (_, i) => ({
      title: `Bulletin ${version * 3 + i} of feed ${n}`,
      link: `https://soak-${n}.example/${version * 3 + i}`,
      pubDate: new Date(Date.UTC(2024, 9, 1 + ((version + i) % 28))).toUTCString(),
      html: `<p>On ${1 + ((version + i) % 28)} October the port authority of soak feed ${n} issued bulletin ${version * 3 + i}.</p>`,
    }));
    res.writeHead(200, { etag, 'content-type': 'application/rss+xml' }).end(rss(`Soak ${n}`, items));
  };
  if (kind === 9) {
    hits.slow++;
    return void setTimeout(answer, 3_000);
  }
  answer();
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as AddressInfo).port;

const dir = mkdtempSync(join(tmpdir(), 'dateline-soak-'));
let emulatorRss = '';
const emulatorMb: number[] = [];
if (!process.env.AWS_ENDPOINT_URL_DYNAMODB) {
  const emulators = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/soak/emulators.ts', join(dir, 'emulators')],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  process.once('exit', () => emulators.kill('SIGTERM'));
  createInterface({ input: emulators.stderr }).on('line', (line) => {
    if (!line.startsWith('emulators rss ')) return void console.error(line);
    emulatorRss = line.replace('emulators rss ', '');
    emulatorMb.push(Number.parseFloat(emulatorRss));
  });
  const lines = createInterface({ input: emulators.stdout });
  const first = await new Promise<string>((resolve) => lines.once('line', resolve));
  Object.assign(process.env, JSON.parse(first));
}
const feedsPath = join(dir, 'feeds.yaml');
const entries = Array.from(
  { length: FEEDS },
  (_, n) =>
    `  - { id: soak-${n}, name: Soak ${n}, url: "http://127.0.0.1:${port}/feeds/${n}", pollEvery: 5m, fullText: never }\n`,
);
writeFileSync(feedsPath, `feeds:\n${entries.join('')}`);

const mb = () => process.memoryUsage().rss / 1024 / 1024;
const startRss = mb();
let peakRss = startRss;
const pipeline = await runPipeline(
  { once: false, feedsPath, port: 0, dataDir: join(dir, 'data'), allowPrivateNetwork: true },
  () => {},
);
const started = Date.now();
const timer = setInterval(
  () => {
    tick++;
    peakRss = Math.max(peakRss, mb());
    console.log(
      `${((Date.now() - started) / 60_000).toFixed(1)} min  rss ${mb().toFixed(0)} MB  heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB  external ${(process.memoryUsage().external / 1048576).toFixed(0)} MB  requests ${hits.total} (200: ${hits.fresh}, 304: ${hits.notModified}, errors: ${hits.errors}, slow: ${hits.slow})${emulatorRss ? `  emulators ${emulatorRss}` : ''}`,
    );
  },
  Number(process.env.SOAK_REPORT_MS ?? 60_000),
);
await new Promise((resolve) => setTimeout(resolve, minutes * 60_000));
clearInterval(timer);
const endRss = mb();
const emulatorSummary = emulatorMb.length
  ? `emulators RSS start ${emulatorMb[0]} MB, end ${emulatorMb.at(-1)} MB, peak ${Math.max(...emulatorMb)} MB; `
  : '';
await pipeline.stop();
server.close();
console.log(
  `soak: ${minutes} min, ${FEEDS} feeds, ${hits.total} requests (200: ${hits.fresh}, 304: ${hits.notModified}, errors: ${hits.errors}, slow: ${hits.slow}); ` +
    `RSS start ${startRss.toFixed(0)} MB, end ${endRss.toFixed(0)} MB, peak ${peakRss.toFixed(0)} MB; ` +
    emulatorSummary +
    `unhandled rejections: ${rejections}`,
);
process.exit(rejections ? 1 : 0);
