import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import dynalite, { type DynaliteOptions } from 'dynalite';
import { buildApp } from 'fauxqs';
import type { QueueJournal, Recovery } from './queue-journal.ts';

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

export interface SqsEmulator extends Emulator {
  /** Messages each queue holds now (ready, delayed and in flight), by queue name: for drills and tests. */
  depth(name: string): number;
}

/** fauxqs's in-memory store, as far as the journal needs it (fauxqs 1.9.2, dist/sqs/sqsStore.js). */
interface FauxqsMessage {
  messageId: string;
  body: string;
  messageAttributes: Record<string, unknown>;
  sentTimestamp: number;
  approximateReceiveCount: number;
}
interface FauxqsQueue {
  name: string;
  inflightMessages: Map<string, { message: FauxqsMessage }>;
  enqueue(message: FauxqsMessage): void;
  dequeue(...args: unknown[]): Array<{ MessageId: string }>;
  deleteMessage(receiptHandle: string): boolean;
  changeVisibility(receiptHandle: string, seconds: number): void;
  purge(): void;
  inspectMessages(): {
    ready: FauxqsMessage[];
    delayed: FauxqsMessage[];
    inflight: Array<{ message: FauxqsMessage }>;
  };
}
interface FauxqsStore {
  createQueue(...args: unknown[]): FauxqsQueue;
  getQueueByName(name: string): FauxqsQueue | undefined;
}
interface FauxqsStoreModule {
  SqsStore: {
    new (): FauxqsStore;
    createMessage(body: string, attributes: Record<string, unknown>): FauxqsMessage;
  };
}

/**
 * Every change fauxqs makes to a queue's messages goes into the journal: sends (including fauxqs's own
 * move of a message to its DLQ), receives, deletes, releases (visibility 0) and purges. A queue created
 * under a name the journal holds messages for gets them back at once, with their ids and receive counts,
 * so redrive to the DLQ still counts across restarts.
 */
function journalQueues(
  store: FauxqsStore,
  journal: QueueJournal,
  recovered: Recovery,
  createMessage: FauxqsStoreModule['SqsStore']['createMessage'],
) {
  const create = store.createQueue.bind(store);
  store.createQueue = (...args) => {
    const queue = create(...args);
    const enqueue = queue.enqueue.bind(queue);
    for (const saved of recovered.messages.get(queue.name) ?? []) {
      const message = createMessage(saved.body, saved.attributes);
      Object.assign(message, {
        messageId: saved.id,
        sentTimestamp: saved.sentAt,
        approximateReceiveCount: saved.receives,
      });
      enqueue(message);
    }
    recovered.messages.delete(queue.name);
    queue.enqueue = (message) => {
      const { messageId: id, body, messageAttributes: attributes, sentTimestamp: sentAt } = message;
      journal.put({
        queue: queue.name,
        id,
        body,
        attributes,
        sentAt,
        receives: message.approximateReceiveCount,
      });
      enqueue(message);
    };
    const dequeue = queue.dequeue.bind(queue);
    queue.dequeue = (...dequeueArgs) => {
      const received = dequeue(...dequeueArgs);
      for (const message of received) journal.received(message.MessageId);
      return received;
    };
    const remove = queue.deleteMessage.bind(queue);
    queue.deleteMessage = (receiptHandle) => {
      const entry = queue.inflightMessages.get(receiptHandle);
      const removed = remove(receiptHandle);
      if (removed && entry) journal.deleted(entry.message.messageId);
      return removed;
    };
    const changeVisibility = queue.changeVisibility.bind(queue);
    queue.changeVisibility = (receiptHandle, seconds) => {
      const entry = queue.inflightMessages.get(receiptHandle);
      changeVisibility(receiptHandle, seconds);
      if (entry && seconds === 0) journal.released(entry.message.messageId);
    };
    const purge = queue.purge.bind(queue);
    queue.purge = () => {
      const { ready, delayed, inflight } = queue.inspectMessages();
      for (const message of [...ready, ...delayed, ...inflight.map((entry) => entry.message)]) {
        journal.deleted(message.messageId);
      }
      purge();
    };
    return queue;
  };
}

/**
 * SQS on loopback (fauxqs, in memory). With a journal, every request that changed a queue is answered only
 * once the journal has those changes on disk, so an acknowledged send survives a kill at any instant.
 */
export async function startFauxqsServer(
  journalled?: { journal: QueueJournal; recovery: Recovery },
  port = 0,
): Promise<SqsEmulator> {
  const storeModule = (await import(
    new URL('./sqs/sqsStore.js', import.meta.resolve('fauxqs')).href
  )) as FauxqsStoreModule;
  const store = new storeModule.SqsStore();
  if (journalled)
    journalQueues(store, journalled.journal, journalled.recovery, storeModule.SqsStore.createMessage);
  // fauxqs builds its own SNS and S3 stores when only the SQS one is given.
  const app = buildApp({ logger: false, host: 'localhost', stores: { sqsStore: store } } as never);
  if (journalled) {
    app.addHook('onSend', async (_request: unknown, _reply: unknown, payload: unknown) => {
      await journalled.journal.flush();
      return payload;
    });
  }
  await app.listen({ port, host: '127.0.0.1' });
  const bound = (app.server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${bound}`,
    depth(name) {
      const messages = store.getQueueByName(name)?.inspectMessages();
      return messages ? messages.ready.length + messages.delayed.length + messages.inflight.length : 0;
    },
    async stop() {
      await app.close();
      await journalled?.journal.close();
    },
  };
}
