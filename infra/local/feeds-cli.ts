import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseDocument } from 'yaml';
import { wordCount } from '../../lib/articles/index.ts';
import {
  type Feed,
  FeedsConfigError,
  feedHealth,
  loadFeedsFile,
  parseFeed,
  parseFeedsFile,
} from '../../lib/feeds/index.ts';
import { decodeBody, guardedFetch } from '../../lib/http/index.ts';
import { DynamoFeedStates } from '../../lib/store/index.ts';
import { startLocalStack } from './stack.ts';

const USAGE = `Usage: npm run feeds -- <command> [options]

Commands:
  validate                 check the feeds file; every problem names the feed and the field
  list                     each feed with its live state (last poll, status, items, failures, next poll)
  check <id|url>           fetch once through the production path and show what the poller would see
  add <url> [--id ID] [--name NAME] [--topics a,b]
                           probe a feed and append a valid entry, keeping the file's comments

Options:
  --feeds PATH             feeds file (default: $FEEDS_CONFIG or infra/feeds.yaml)
  --data-dir PATH          local data for list (default: .data)
  --allow-private-network  let check/add reach loopback feeds (local fixtures only)`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    feeds: { type: 'string' },
    'data-dir': { type: 'string' },
    'allow-private-network': { type: 'boolean' },
    id: { type: 'string' },
    name: { type: 'string' },
    topics: { type: 'string' },
  },
});
const feedsPath = values.feeds ?? process.env.FEEDS_CONFIG ?? 'infra/feeds.yaml';
const allowPrivateNetwork = values['allow-private-network'] ?? false;

interface Probe {
  url: string;
  status: number;
  title?: string;
  items: number;
  newest?: string;
  fullText: boolean;
}

/** What the poller would see: the same guarded fetch, charset decoding and parser. */
async function probe(url: string): Promise<Probe> {
  const response = await guardedFetch(url, { allowPrivateNetwork });
  if (response.status < 200 || response.status > 299)
    return { url: response.url, status: response.status, items: 0, fullText: false };
  const feed = await parseFeed(decodeBody(response.body, response.headers['content-type']));
  const newest = feed.entries
    .map((e) => e.publishedAt)
    .filter((d): d is string => !!d)
    .sort()
    .at(-1);
  const words = feed.entries.map((e) => wordCount(e.html));
  const fullText = words.length > 0 && words.filter((w) => w >= 150).length >= words.length / 2;
  return {
    url: response.url,
    status: response.status,
    title: feed.title,
    items: feed.entries.length,
    newest,
    fullText,
  };
}

function validate(): number {
  const feeds = loadFeedsFile(feedsPath);
  console.log(
    `${feedsPath}: ${feeds.length} feeds, ${feeds.filter((f) => f.enabled).length} enabled, all valid`,
  );
  return 0;
}

async function list(): Promise<number> {
  const feeds = loadFeedsFile(feedsPath);
  const stack = await startLocalStack({
    dataDir: values['data-dir'] ?? '.data',
    feedsPath,
    allowPrivateNetwork,
  });
  try {
    const states = await new DynamoFeedStates(stack.dynamo, process.env.TABLE_NAME ?? 'dateline').getMany(
      feeds.map((f) => f.id),
    );
    const rows = feeds.map((feed) => feedHealth(feed, states.get(feed.id)));
    console.table(
      rows.map((r) => ({
        id: r.id,
        status: r.status,
        'last poll': r.lastPolledAt ?? '—',
        HTTP: r.lastStatus ?? '—',
        items: r.items ?? '—',
        failures: r.consecutiveFailures,
        'next poll': r.nextPollAt ?? 'now',
        'last error': r.lastError ?? '',
      })),
    );
    return 0;
  } finally {
    await stack.stop();
  }
}

async function check(target: string | undefined): Promise<number> {
  if (!target) throw new UsageError('check needs a feed id or URL');
  const feed = loadFeedsFile(feedsPath).find((f: Feed) => f.id === target);
  const result = await probe(feed?.url ?? target);
  console.log(
    [
      `feed:       ${feed ? `${feed.id} (${feed.name})` : target}`,
      `url:        ${result.url}`,
      `status:     ${result.status}`,
      `title:      ${result.title ?? '—'}`,
      `items:      ${result.items}`,
      `newest:     ${result.newest ?? '—'}`,
      `full text:  ${result.fullText ? 'yes' : 'no (teasers: fullText auto reads the article pages)'}`,
    ].join('\n'),
  );
  return result.status >= 200 && result.status < 300 ? 0 : 1;
}

const slug = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);

async function add(url: string | undefined): Promise<number> {
  if (!url) throw new UsageError('add needs a feed URL');
  const result = await probe(url);
  if (result.status < 200 || result.status > 299)
    throw new Error(`${url} answered HTTP ${result.status}; not added`);
  const name = values.name ?? result.title ?? new URL(url).hostname;
  const entry: Record<string, unknown> = { id: values.id ?? slug(name), name, url };
  if (values.topics)
    entry.topics = values.topics
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
  const text = readFileSync(feedsPath, 'utf8');
  const document = parseDocument(text);
  const feeds = document.get('feeds');
  if (!feeds || typeof (feeds as { add?: unknown }).add !== 'function')
    throw new Error(`${feedsPath} has no feeds list`);
  (feeds as { add(value: unknown): void }).add(document.createNode(entry));
  const updated = document.toString();
  parseFeedsFile(updated, feedsPath);
  writeFileSync(feedsPath, updated);
  console.log(`added ${entry.id} (${result.items} items, newest ${result.newest ?? '—'}) to ${feedsPath}`);
  return 0;
}

class UsageError extends Error {}

async function main(): Promise<number> {
  const [command, argument] = positionals;
  switch (command) {
    case 'validate':
      return validate();
    case 'list':
      return list();
    case 'check':
      return check(argument);
    case 'add':
      return add(argument);
    default:
      console.log(USAGE);
      return command ? 1 : 0;
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    if (error instanceof FeedsConfigError) console.error(error.message);
    else if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else console.error(`feeds: ${error.message}`);
    process.exit(1);
  },
);
