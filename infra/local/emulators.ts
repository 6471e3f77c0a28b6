import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import dynalite from 'dynalite';
import { type FauxqsServer, startFauxqs } from 'fauxqs';

export interface Emulator {
  endpoint: string;
  stop(): Promise<void>;
}

/** DynamoDB on loopback, persisted as LevelDB under the data folder; `port` reopens it where it was. */
export async function startDynalite(dataDir: string, port = 0): Promise<Emulator> {
  const path = join(dataDir, 'dynamodb');
  mkdirSync(path, { recursive: true });
  const server: Server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${bound}`,
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
