import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import dynalite, { type DynaliteOptions } from 'dynalite';
import { type FauxqsServer, startFauxqs } from 'fauxqs';

export interface Emulator {
  endpoint: string;
  stop(): Promise<void>;
}

interface LevelIterator {
  close(): Promise<void>;
  return?: () => Promise<void>;
}
interface LevelDatabase {
  keys(options?: unknown): LevelIterator;
  values(options?: unknown): LevelIterator;
}
interface DynaliteStoreModule {
  create(options: DynaliteOptions): { db: LevelDatabase };
}

/**
 * dynalite 4.0.0 reads every Query, Scan and ListTables through a stream over a LevelDB iterator
 * (node_modules/dynalite/db/index.js, createKeyStream and createValueStream in wrapWithCallbacks),
 * whose destroy calls `iterator.return()`; abstract-level 3 iterators have `close()` and no
 * `return()`, so none is ever closed. Each open LevelDB iterator pins the memtable and table files it
 * started on, and the table files compaction has replaced (the database object holds it too), so a
 * long run's native memory and data folder grow with every query. Giving each iterator the `return()`
 * dynalite calls lets the stream close it as it ends, when a Limit stops the query early, or on error.
 * Every iterator is counted from open to close either way.
 */
function trackIterators(db: LevelDatabase, open: { count: number }, closeOnDestroy: boolean) {
  for (const method of ['keys', 'values'] as const) {
    const opened = db[method].bind(db);
    db[method] = (options) => {
      const iterator = opened(options);
      open.count++;
      const close = iterator.close.bind(iterator);
      let closed: Promise<void> | undefined;
      iterator.close = () => {
        closed ??= close().finally(() => open.count--);
        return closed;
      };
      if (closeOnDestroy) iterator.return ??= () => iterator.close();
      return iterator;
    };
  }
}

/** Iterators each dynalite store has opened and not yet closed, by the options object it was made from. */
type IteratorCounts = WeakMap<DynaliteOptions, { count: number }>;
const COUNTS = Symbol.for('dateline.dynalite.openIterators');

/** dynalite's store module, the one its server calls `create` on; wrapped once per process. */
const storeModule = createRequire(import.meta.url)('dynalite/db/index.js') as DynaliteStoreModule & {
  [COUNTS]?: IteratorCounts;
};
const openIterators: IteratorCounts = storeModule[COUNTS] ?? new WeakMap();
if (!storeModule[COUNTS]) {
  const create = storeModule.create;
  storeModule.create = (options) => {
    const store = create(options);
    const open = { count: 0 };
    openIterators.set(options, open);
    // DYNALITE_LEAK_ITERATORS=1 leaves dynalite as it is: for measuring the leak against the fix.
    trackIterators(store.db, open, !process.env.DYNALITE_LEAK_ITERATORS);
    return store;
  };
  storeModule[COUNTS] = openIterators;
}

export interface DynamoEmulator extends Emulator {
  /** LevelDB iterators opened by queries and not closed yet: zero between requests (NaN: not tracked). */
  openIterators(): number;
}

/** DynamoDB on loopback, persisted as LevelDB under the data folder; `port` reopens it where it was. */
export async function startDynalite(dataDir: string, port = 0): Promise<DynamoEmulator> {
  const path = join(dataDir, 'dynamodb');
  mkdirSync(path, { recursive: true });
  const options: DynaliteOptions = { path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 };
  const server: Server = dynalite(options);
  const open = openIterators.get(options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${bound}`,
    openIterators: () => open?.count ?? Number.NaN,
    // Requests in flight finish first: cutting them off lets dynalite read from a closed database.
    // Connections still open after 3 s (a client that never lets go) are cut then.
    stop: () =>
      new Promise<void>((resolve) => {
        const cutoff = setTimeout(() => server.closeAllConnections(), 3_000);
        server.close(() => {
          clearTimeout(cutoff);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}

interface SavedMessage {
  body: string;
  messageAttributes: Record<string, unknown>;
}
type QueueSnapshot = Record<string, SavedMessage[]>;

/**
 * fauxqs keeps queues in memory only. The local stack snapshots every message (ready, delayed and in
 * flight) to the data folder every second and at shutdown, and sends them back on the next start, so a
 * message in flight at Ctrl-C reappears. Receive counts restart from zero after a restart.
 */
export class QueueSnapshots {
  private lastWritten = '';
  constructor(
    private readonly file: string,
    private readonly server: FauxqsServer,
    private readonly queueNames: () => string[],
  ) {}

  static load(file: string): QueueSnapshot {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as QueueSnapshot;
    } catch {
      return {};
    }
  }

  capture(): QueueSnapshot {
    const snapshot: QueueSnapshot = {};
    for (const name of this.queueNames()) {
      const queue = this.server.inspectQueue(name);
      if (!queue) continue;
      const { ready, delayed, inflight } = queue.messages;
      snapshot[name] = [...ready, ...delayed, ...inflight.map((entry) => entry.message)].map((message) => ({
        body: message.body,
        messageAttributes: message.messageAttributes,
      }));
    }
    return snapshot;
  }

  save(): void {
    const text = JSON.stringify(this.capture());
    if (text === this.lastWritten) return;
    writeFileSync(`${this.file}.tmp`, text);
    renameSync(`${this.file}.tmp`, this.file);
    this.lastWritten = text;
  }
}

export interface SqsEmulator extends Emulator {
  server: FauxqsServer;
}

export async function startFauxqsServer(): Promise<SqsEmulator> {
  const server = await startFauxqs({ port: 0, logger: false, host: 'localhost' });
  return { server, endpoint: `http://127.0.0.1:${server.port}`, stop: () => server.stop() };
}
