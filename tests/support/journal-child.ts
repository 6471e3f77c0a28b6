/**
 * A process that sends to and deletes from the journalled embedded SQS as fast as it can and prints
 * each acknowledgement the moment it arrives, so a test can kill it at any instant and then check the
 * journal against what the process was told: `sent <id>`, `deleting <id>` and `deleted <id>` lines, one per message.
 * Usage: node --import tsx tests/support/journal-child.ts DATA_DIR [keep-some|delete-all]
 */
import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
} from '@aws-sdk/client-sqs';
import { startFauxqsServer } from '../../infra/local/emulators.ts';
import { type CompactionStage, QueueJournal } from '../../infra/local/queue-journal.ts';
import { emulatorSqsClient } from './emulator-client.ts';

const [dataDir = '', mode = 'keep-some'] = process.argv.slice(2);
const compactBytes = Number(process.env.DATELINE_SQS_JOURNAL_COMPACT_BYTES) || undefined;
// KILL_AT_COMPACTION=stage: die by SIGKILL at that stage of the third compaction after start-up.
const killAt = process.env.KILL_AT_COMPACTION;
let compactions = 0;
const onCompaction = (stage: CompactionStage) => {
  if (stage === 'opened') compactions++;
  if (stage === killAt && compactions === 3) process.kill(process.pid, 'SIGKILL');
};
const emulator = await startFauxqsServer(await QueueJournal.open(dataDir, { compactBytes, onCompaction }));
const sqs = emulatorSqsClient(emulator.endpoint);
const { QueueUrl = '' } = await sqs.send(new CreateQueueCommand({ QueueName: 'journal-drill' }));
process.stdout.write('ready\n');
// A body large enough that compaction has real work to do.
const padding = 'x'.repeat(400);
for (let round = 0; ; round++) {
  const entries = Array.from({ length: 10 }, (_, i) => ({
    Id: `m${i}`,
    MessageBody: `${round}-${i} ${padding}`,
  }));
  const { Successful = [] } = await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: entries }));
  process.stdout.write(Successful.map((entry) => `sent ${entry.MessageId}\n`).join(''));
  // Delete most of what was sent, so dead records pile up and the journal compacts again and again.
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: mode === 'delete-all' || round % 2 ? 10 : 7 }),
  );
  if (!Messages.length) continue;
  // Asked to delete, not yet told: after a kill these may be gone or not, and either is right.
  process.stdout.write(Messages.map((message) => `deleting ${message.MessageId}\n`).join(''));
  const { Successful: deleted = [] } = await sqs.send(
    new DeleteMessageBatchCommand({
      QueueUrl,
      Entries: Messages.map((message, i) => ({ Id: `d${i}`, ReceiptHandle: message.ReceiptHandle })),
    }),
  );
  const ids = new Map(Messages.map((message, i) => [`d${i}`, message.MessageId]));
  process.stdout.write(deleted.map((entry) => `deleted ${ids.get(entry.Id ?? '')}\n`).join(''));
}
