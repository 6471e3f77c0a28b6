import { closeSync, existsSync, fsyncSync, openSync, readFileSync, rmSync } from 'node:fs';
import { type FileHandle, open, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as z from 'zod';

/**
 * A write-ahead journal for the embedded SQS. fauxqs keeps queues in memory; the poller marks an article
 * seen in DynamoDB (durable at once) as soon as SQS acknowledges its message, so an acknowledgement must
 * mean "on disk", as it does in AWS. Every change to a queue is appended here and made durable (write +
 * fdatasync) before the emulator answers the request that made it; concurrent requests share one sync.
 *
 * Records are JSON lines keyed by message id, so replaying one twice changes nothing and a torn last line
 * (a kill mid-write, never acknowledged) is simply dropped. Compaction rewrites the live messages to a
 * temporary file, syncs it and renames it over the journal: a kill at any point leaves either the old
 * journal or the new one, both complete.
 */

const PutSchema = z.object({
  put: z.object({
    queue: z.string(),
    id: z.string(),
    body: z.string(),
    attributes: z.record(z.string(), z.unknown()),
    sentAt: z.number(),
    receives: z.number().int().nonnegative(),
  }),
});
const RecordSchema = z.union([
  PutSchema,
  z.object({ deleted: z.string() }),
  z.object({ received: z.string() }),
  z.object({ released: z.string() }),
  z.object({ closed: z.literal(true) }),
]);
type JournalRecord = z.infer<typeof RecordSchema>;
export type JournalledMessage = z.infer<typeof PutSchema>['put'] & {
  /** Received and neither deleted nor released when the last record was written. */
  inFlight: boolean;
};

export interface Recovery {
  /** Live messages per queue name, in the order they were first sent. */
  messages: Map<string, JournalledMessage[]>;
  total: number;
  inFlight: number;
  /** The last run ended without closing the journal (a kill, a crash, a power cut). */
  unclean: boolean;
  /** Lines that did not parse: a record torn by a kill before its request was answered. */
  torn: number;
}

export const JOURNAL_FILE = 'sqs-journal.jsonl';
/** A journal past this size is rewritten once most of it describes messages already gone. */
export const DEFAULT_COMPACT_BYTES = 1024 * 1024;

/** The live state a sequence of records describes; the same records in any replay give the same state. */
class LiveMessages {
  readonly byId = new Map<string, JournalledMessage>();
  /** Bytes each live message's put record took when written: what compaction would keep. */
  private readonly sizes = new Map<string, number>();
  private liveBytes = 0;

  apply(record: JournalRecord): void {
    if ('put' in record) {
      this.drop(record.put.id);
      this.byId.set(record.put.id, { ...record.put, inFlight: false });
      const size = lineOf(record).length;
      this.sizes.set(record.put.id, size);
      this.liveBytes += size;
    } else if ('deleted' in record) this.drop(record.deleted);
    else if ('received' in record) {
      const message = this.byId.get(record.received);
      if (message) Object.assign(message, { receives: message.receives + 1, inFlight: true });
    } else if ('released' in record) {
      const message = this.byId.get(record.released);
      if (message) message.inFlight = false;
    }
  }

  private drop(id: string): void {
    if (!this.byId.delete(id)) return;
    this.liveBytes -= this.sizes.get(id) ?? 0;
    this.sizes.delete(id);
  }

  get bytes(): number {
    return this.liveBytes;
  }

  snapshot(): string {
    return [...this.byId.values()].map((message) => lineOf(putOf(message))).join('');
  }
}

const lineOf = (record: JournalRecord) => `${JSON.stringify(record)}\n`;
const putOf = ({ inFlight, ...message }: JournalledMessage): JournalRecord => ({ put: message });

function parseLines(text: string, live: LiveMessages): { torn: number; closed: boolean } {
  let torn = 0;
  let closed = false;
  for (const line of text.split('\n')) {
    if (!line) continue;
    let record: JournalRecord;
    try {
      record = RecordSchema.parse(JSON.parse(line));
    } catch {
      torn++;
      continue;
    }
    closed = 'closed' in record;
    live.apply(record);
  }
  return { torn, closed };
}

/** The snapshot file the local stack wrote before the journal: read once, then folded into the journal. */
function legacySnapshot(dataDir: string, live: LiveMessages): boolean {
  const file = join(dataDir, 'sqs-snapshot.json');
  if (!existsSync(file)) return false;
  let saved: Record<string, Array<{ body: string; messageAttributes?: Record<string, unknown> }>> = {};
  try {
    saved = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // An unreadable snapshot holds nothing we can recover; the journal takes over from here.
  }
  for (const [queue, messages] of Object.entries(saved)) {
    for (const message of messages) {
      const id = crypto.randomUUID();
      const put = { queue, id, body: message.body, attributes: message.messageAttributes ?? {} };
      live.apply({ put: { ...put, sentAt: Date.now(), receives: 0 } });
    }
  }
  return true;
}

/** Points inside a compaction, in order: a crash test can stop the process at each. */
export type CompactionStage = 'opened' | 'synced' | 'renamed';

export interface JournalOptions {
  compactBytes?: number;
  /** Called at each stage of every compaction (crash tests kill the process there). */
  onCompaction?: (stage: CompactionStage) => void;
}

export class QueueJournal {
  private readonly live = new LiveMessages();
  private pending: string[] = [];
  /** Records appended so far, and how many of them are on disk: a flush waits for its own only. */
  private appended = 0;
  private durable = 0;
  private handle?: FileHandle;
  private size = 0;
  private writing?: Promise<void>;
  private syncedCompactions = 0;

  private constructor(
    readonly file: string,
    private readonly compactBytes: number,
    private readonly onCompaction: NonNullable<JournalOptions['onCompaction']> = () => {},
  ) {}

  /** What the journal in `dataDir` holds now, read without opening it for writing (tools and tests). */
  static inspect(dataDir: string): Recovery {
    return QueueJournal.read(dataDir).recovery;
  }

  /** Opens (or creates) the journal in `dataDir` and returns what it held: the messages to put back. */
  static async open(
    dataDir: string,
    options: JournalOptions = {},
  ): Promise<{ journal: QueueJournal; recovery: Recovery }> {
    const { journal, recovery } = QueueJournal.read(dataDir, options);
    rmSync(`${journal.file}.tmp`, { force: true });
    const migrated = legacySnapshot(dataDir, journal.live);
    // Start from a compact file: what was recovered, and nothing of the history behind it.
    await journal.rewrite();
    if (migrated) rmSync(join(dataDir, 'sqs-snapshot.json'), { force: true });
    return { journal, recovery: migrated ? journal.recovery(recovery.unclean, recovery.torn) : recovery };
  }

  private static read(dataDir: string, options: JournalOptions = {}) {
    const file = join(dataDir, JOURNAL_FILE);
    const journal = new QueueJournal(
      file,
      options.compactBytes ?? DEFAULT_COMPACT_BYTES,
      options.onCompaction,
    );
    const existed = existsSync(file);
    const { torn, closed } = parseLines(existed ? readFileSync(file, 'utf8') : '', journal.live);
    // A journal without its closing record was cut short, even an empty one (compacted, then killed).
    return { journal, recovery: journal.recovery(existed && !closed, torn) };
  }

  private recovery(unclean: boolean, torn: number): Recovery {
    const messages = new Map<string, JournalledMessage[]>();
    for (const message of this.live.byId.values()) {
      messages.set(message.queue, [...(messages.get(message.queue) ?? []), { ...message }]);
    }
    const all = [...this.live.byId.values()];
    return { messages, total: all.length, inFlight: all.filter((m) => m.inFlight).length, unclean, torn };
  }

  put(message: Omit<JournalledMessage, 'inFlight'>): void {
    this.append({ put: message });
  }
  deleted(id: string): void {
    this.append({ deleted: id });
  }
  received(id: string): void {
    this.append({ received: id });
  }
  released(id: string): void {
    this.append({ released: id });
  }

  private append(record: JournalRecord): void {
    this.live.apply(record);
    this.pending.push(lineOf(record));
    this.appended++;
  }

  /**
   * Resolves once every record appended before the call is on disk. Callers answer clients after it.
   * Records appended later ride along in the next write but are not waited for, so a steady stream of
   * requests cannot keep an earlier one waiting.
   */
  async flush(): Promise<void> {
    const mine = this.appended;
    while (this.durable < mine) {
      if (!this.writing) this.writing = this.writePending().finally(() => (this.writing = undefined));
      await this.writing;
    }
  }

  private async writePending(): Promise<void> {
    const chunk = this.pending.join('');
    const upTo = this.appended;
    this.pending = [];
    if (!this.handle) this.handle = await open(this.file, 'a');
    await this.handle.write(chunk);
    await this.handle.datasync();
    this.durable = upTo;
    this.size += Buffer.byteLength(chunk);
    if (this.size > this.compactBytes && this.size > 2 * this.live.bytes) await this.rewrite();
  }

  /** Compaction: the live messages to a synced temporary file, renamed over the journal, the folder synced. */
  private async rewrite(): Promise<void> {
    const snapshot = this.live.snapshot();
    const tmp = `${this.file}.tmp`;
    const file = await open(tmp, 'w');
    try {
      this.onCompaction('opened');
      await file.write(snapshot);
      await file.datasync();
    } finally {
      await file.close();
    }
    this.onCompaction('synced');
    await rename(tmp, this.file);
    this.onCompaction('renamed');
    syncFolder(dirname(this.file));
    await this.handle?.close();
    this.handle = await open(this.file, 'a');
    this.size = Buffer.byteLength(snapshot);
    this.syncedCompactions++;
  }

  /** How many times the journal has been rewritten since it was opened (the first rewrite is the open). */
  get compactions(): number {
    return this.syncedCompactions;
  }

  /** Bytes on disk now. */
  get bytes(): number {
    return this.size;
  }

  /** A clean stop: everything flushed and a closing record, so the next start knows nothing was cut short. */
  async close(): Promise<void> {
    this.append({ closed: true });
    await this.flush();
    await this.handle?.close();
    this.handle = undefined;
  }
}

function syncFolder(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The start-up line an operator reads after a stop: what came back from the journal, and how it ended. */
export function describeRecovery(recovery: Recovery): string | undefined {
  if (!recovery.unclean && recovery.total === 0) return undefined;
  const how = recovery.unclean ? 'the last run stopped uncleanly' : 'the last run stopped cleanly';
  const torn = recovery.torn
    ? `; ${recovery.torn} torn record(s) were never acknowledged and are dropped`
    : '';
  return (
    `queues: ${how}; recovered ${recovery.total} message(s) from the journal, ` +
    `${recovery.inFlight} of them in flight (they will be delivered again)${torn}`
  );
}
