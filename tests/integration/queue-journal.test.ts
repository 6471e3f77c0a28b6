import { appendFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import { startFauxqsServer } from '../../infra/local/emulators.ts';
import {
  type CompactionStage,
  DEFAULT_COMPACT_BYTES,
  describeRecovery,
  JOURNAL_FILE,
  QueueJournal,
} from '../../infra/local/queue-journal.ts';
import { launch } from '../support/cli.ts';
import { emulatorSqsClient } from '../support/emulator-client.ts';

const scratch = () => mkdtempSync(join(tmpdir(), 'dateline-journal-'));
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

async function journalledSqs(dataDir: string, compactBytes?: number) {
  const opened = await QueueJournal.open(dataDir, { compactBytes });
  const emulator = await startFauxqsServer(opened);
  const sqs = emulatorSqsClient(emulator.endpoint);
  return { ...opened, emulator, sqs };
}

async function sendBatch(sqs: SQSClient, QueueUrl: string, bodies: string[]) {
  const Entries = bodies.map((MessageBody, i) => ({ Id: `m${i}`, MessageBody }));
  const { Successful = [] } = await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries }));
  return Successful.map((entry) => entry.MessageId as string);
}

async function receive(sqs: SQSClient, QueueUrl: string, max = 10) {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: max, MessageSystemAttributeNames: ['All'] }),
  );
  return Messages;
}

interface KilledChild {
  dir: string;
  output: string;
  tmpLeft: boolean;
}

/** Runs tests/support/journal-child.ts until it is killed: by the test after `afterMs`, or by itself at `killAt`. */
async function killedChild(
  mode: 'keep-some' | 'delete-all',
  how: { compactBytes: string; afterMs?: number; killAt?: CompactionStage },
): Promise<KilledChild> {
  const dir = scratch();
  const child = launch('tests/support/journal-child.ts', [dir, mode], {
    DATELINE_SQS_JOURNAL_COMPACT_BYTES: how.compactBytes,
    ...(how.killAt ? { KILL_AT_COMPACTION: how.killAt } : {}),
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise((resolve) => child.on('close', (_code, signal) => resolve(signal)));
  if (how.afterMs !== undefined) {
    // From the first acknowledgement on, so that every kill lands in the middle of work.
    while (!output.includes('sent ')) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, how.afterMs));
    process.kill(-(child.pid as number), 'SIGKILL');
  }
  expect(await exited).toBe('SIGKILL');
  return { dir, output, tmpLeft: existsSync(join(dir, `${JOURNAL_FILE}.tmp`)) };
}

/** Every send the child was told of is in the journal unless it had asked to delete it; no told delete is. */
function expectNothingAcknowledgedLost({ dir, output }: KilledChild): number {
  const lines = output.split('\n');
  const told = (verb: string) =>
    lines.filter((line) => line.startsWith(`${verb} `)).map((line) => line.slice(verb.length + 1));
  const [sent, deleting, deleted] = [told('sent'), new Set(told('deleting')), told('deleted')];
  expect(sent.length).toBeGreaterThan(0);
  const recovery = QueueJournal.inspect(dir);
  const recovered = new Set((recovery.messages.get('journal-drill') ?? []).map((message) => message.id));
  expect(recovery.unclean).toBe(true);
  expect(sent.filter((id) => !deleting.has(id) && !recovered.has(id))).toEqual([]);
  expect(deleted.filter((id) => recovered.has(id))).toEqual([]);
  return sent.length;
}

describe('the embedded SQS journal', () => {
  it('keeps every acknowledged send and delete through SIGKILL at random instants', async () => {
    let acknowledged = 0;
    for (let attempt = 0; attempt < 6; attempt++) {
      // Every other run compacts at the slightest excuse, so kills also land around rewrites.
      const killed = await killedChild(attempt % 2 ? 'delete-all' : 'keep-some', {
        compactBytes: attempt % 2 ? '1' : '32768',
        afterMs: Math.random() * 600,
      });
      acknowledged += expectNothingAcknowledgedLost(killed);
    }
    console.log(
      `journal drill: 6 SIGKILLs at random instants, ${acknowledged} acknowledged sends, none lost`,
    );
  }, 120_000);

  it.each(['opened', 'synced', 'renamed'] as const)(
    'keeps every acknowledged message through a SIGKILL inside a compaction (%s)',
    async (stage) => {
      const killed = await killedChild('keep-some', { compactBytes: '1', killAt: stage });
      expectNothingAcknowledgedLost(killed);
      // Before the rename the new file is only a .tmp beside the intact journal; after it, the journal is new.
      expect(killed.tmpLeft).toBe(stage !== 'renamed');
    },
  );

  it('stays small over a 10,000-message run: compaction keeps it under 1 MiB plus one write', async () => {
    const dir = scratch();
    const { emulator, sqs, journal } = await journalledSqs(dir);
    const { QueueUrl = '' } = await sqs.send(new CreateQueueCommand({ QueueName: 'ten-thousand' }));
    const body = 'm'.repeat(300);
    let deleted = 0;
    for (let i = 0; i < 1_000; i++) {
      await sendBatch(sqs, QueueUrl, Array(10).fill(body));
      const messages = await receive(sqs, QueueUrl);
      await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl,
          Entries: messages.map((message, j) => ({ Id: `d${j}`, ReceiptHandle: message.ReceiptHandle })),
        }),
      );
      deleted += messages.length;
    }
    expect(deleted).toBe(10_000);
    const compactions = journal.compactions;
    sqs.destroy();
    await emulator.stop();
    const size = statSync(join(dir, JOURNAL_FILE)).size;
    console.log(`journal after 10,000 messages: ${size} bytes, ${compactions} compactions`);
    expect(compactions).toBeGreaterThan(1);
    expect(size).toBeLessThan(DEFAULT_COMPACT_BYTES + 64 * 1024);
    expect(QueueJournal.inspect(dir)).toMatchObject({ total: 0, unclean: false });
  }, 240_000);

  it('gives back the same messages, ids and receive counts after an unclean stop, and says so', async () => {
    const dir = scratch();
    const first = await journalledSqs(dir);
    const { QueueUrl = '' } = await first.sqs.send(new CreateQueueCommand({ QueueName: 'restart' }));
    const ids = await sendBatch(first.sqs, QueueUrl, ['one', 'two', 'three']);
    expect(ids).toHaveLength(3);
    const [taken] = await receive(first.sqs, QueueUrl, 1);
    expect(taken?.Body).toBe('one');
    // No close: the process "dies" with one message in flight.
    first.sqs.destroy();
    cleanup.push(() => first.emulator.stop());
    const second = await journalledSqs(dir);
    cleanup.push(async () => {
      second.sqs.destroy();
      await second.emulator.stop();
    });
    expect(second.recovery).toMatchObject({ total: 3, inFlight: 1, unclean: true, torn: 0 });
    expect(describeRecovery(second.recovery)).toMatch(
      /uncleanly; recovered 3 message\(s\) .* 1 of them in flight/,
    );
    const { QueueUrl: again = '' } = await second.sqs.send(new CreateQueueCommand({ QueueName: 'restart' }));
    const back = await receive(second.sqs, again);
    expect(back.map((message) => message.MessageId).sort()).toEqual([...ids].sort());
    const one = back.find((message) => message.Body === 'one');
    expect(one?.Attributes?.ApproximateReceiveCount).toBe('2');
  });

  it('drops a torn last record (never acknowledged) and keeps everything before it', async () => {
    const dir = scratch();
    const first = await journalledSqs(dir);
    const { QueueUrl = '' } = await first.sqs.send(new CreateQueueCommand({ QueueName: 'torn' }));
    await sendBatch(first.sqs, QueueUrl, ['kept']);
    first.sqs.destroy();
    await first.emulator.stop();
    appendFileSync(join(dir, JOURNAL_FILE), '{"put":{"queue":"torn","id":"half');
    const recovery = QueueJournal.inspect(dir);
    expect(recovery.torn).toBe(1);
    expect(recovery.messages.get('torn')?.map((message) => message.body)).toEqual(['kept']);
  });

  it('moves a message dead-lettered by redrive to the DLQ in the journal too', async () => {
    const dir = scratch();
    const first = await journalledSqs(dir);
    const { QueueUrl: dlq = '' } = await first.sqs.send(new CreateQueueCommand({ QueueName: 'poison-dlq' }));
    const { Attributes } = await first.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: dlq, AttributeNames: ['QueueArn'] }),
    );
    const { QueueUrl = '' } = await first.sqs.send(
      new CreateQueueCommand({
        QueueName: 'poison',
        Attributes: {
          VisibilityTimeout: '0',
          RedrivePolicy: JSON.stringify({ deadLetterTargetArn: Attributes?.QueueArn, maxReceiveCount: 1 }),
        },
      }),
    );
    await sendBatch(first.sqs, QueueUrl, ['poison']);
    expect(await receive(first.sqs, QueueUrl)).toHaveLength(1);
    expect(await receive(first.sqs, QueueUrl)).toHaveLength(0);
    first.sqs.destroy();
    await first.emulator.stop();
    const recovery = QueueJournal.inspect(dir);
    expect(recovery.messages.get('poison')).toBeUndefined();
    expect(recovery.messages.get('poison-dlq')?.map((message) => message.body)).toEqual(['poison']);
  });

  it("folds a data folder's old queue snapshot into the journal once", async () => {
    const dir = scratch();
    writeFileSync(
      join(dir, 'sqs-snapshot.json'),
      JSON.stringify({ legacy: [{ body: 'from the snapshot', messageAttributes: {} }] }),
    );
    const { journal, recovery } = await QueueJournal.open(dir);
    await journal.close();
    expect(recovery.messages.get('legacy')?.map((message) => message.body)).toEqual(['from the snapshot']);
    expect(existsSync(join(dir, 'sqs-snapshot.json'))).toBe(false);
    expect(readFileSync(join(dir, JOURNAL_FILE), 'utf8')).toContain('from the snapshot');
  });
});
