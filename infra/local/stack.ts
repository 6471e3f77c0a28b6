import { mkdirSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { ensureQueuePair, QUEUE_NAMES, type QueuePair } from '../../lib/queue/index.ts';
import { ensureTable, fileEventHints, fileStoredAccounts, TABLE_NAME } from '../../lib/store/index.ts';
import { type Emulator, startDynalite, startFauxqsServer } from './emulators.ts';
import { DEFAULT_COMPACT_BYTES, QueueJournal, type Recovery } from './queue-journal.ts';

/** Locally a failed message is retried after a short backoff instead of the AWS visibility timeout. */
const LOCAL_VISIBILITY_TIMEOUT_S = 30;

export interface LocalStackOptions {
  dataDir: string;
  feedsPath: string;
  allowPrivateNetwork: boolean;
}

export interface LocalStack {
  articles: QueuePair & { arn: string };
  feeds: QueuePair & { arn: string };
  sqs: SQSClient;
  dynamo: DynamoDBClient;
  embedded: { dynamodb: boolean; sqs: boolean };
  /** What the embedded SQS's journal gave back at start (absent when SQS is an existing service). */
  recovery?: Recovery;
  /**
   * Takes an embedded emulator down and brings it back on the same endpoint, for failure drills; a call
   * does nothing for a service that is not embedded.
   */
  outage: {
    stopDynamo(): Promise<void>;
    startDynamo(): Promise<void>;
    stopSqs(): Promise<void>;
    startSqs(): Promise<void>;
  };
  stop(): Promise<void>;
}

/** A queue and its DLQ: the ones the environment names, or created here; their URLs go into the environment. */
async function queuePair(sqs: SQSClient, name: string, envPrefix: 'ARTICLES' | 'FEEDS') {
  const given = process.env[`${envPrefix}_QUEUE_URL`];
  const pair = given
    ? { url: given, dlqUrl: process.env[`${envPrefix}_DLQ_URL`] ?? '' }
    : await ensureQueuePair(sqs, name, LOCAL_VISIBILITY_TIMEOUT_S);
  process.env[`${envPrefix}_QUEUE_URL`] = pair.url;
  if (pair.dlqUrl) process.env[`${envPrefix}_DLQ_URL`] = pair.dlqUrl;
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: pair.url, AttributeNames: ['QueueArn'] }),
  );
  return { ...pair, arn: Attributes?.QueueArn ?? '' };
}

function setDefault(name: string, value: string) {
  if (!process.env[name]) process.env[name] = value;
}

/** The embedded SQS with its journal in the data folder: what was acknowledged before a kill comes back. */
async function journalledFauxqs(dataDir: string, port = 0) {
  const compactBytes = Number(process.env.DATELINE_SQS_JOURNAL_COMPACT_BYTES) || DEFAULT_COMPACT_BYTES;
  const journalled = await QueueJournal.open(dataDir, { compactBytes });
  return { emulator: await startFauxqsServer(journalled, port), recovery: journalled.recovery };
}

/**
 * The AWS side of Dateline on one machine: DynamoDB and SQS emulators in-process on loopback, unless
 * the environment names existing services (AWS_ENDPOINT_URL_*, TABLE_NAME, ARTICLES_QUEUE_URL), and
 * the table and queues created when absent. Configuration reaches the handlers the way Lambda's does:
 * through environment variables.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const priorEnv = { ...process.env };
  setDefault('AWS_REGION', 'us-east-1');
  // Lambda runs nodejs22.x; this machine's Node 20 is known and the lockfile pins SDKs that support it.
  setDefault('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'true');
  // CloudWatch metrics are EMF lines on stdout: noise on a terminal, nothing reads them locally.
  setDefault('POWERTOOLS_METRICS_DISABLED', 'true');
  setDefault('AWS_ACCESS_KEY_ID', 'local');
  setDefault('AWS_SECRET_ACCESS_KEY', 'local');
  const stops: Array<() => Promise<void>> = [];
  const embedded = {
    dynamodb: !process.env.AWS_ENDPOINT_URL_DYNAMODB && !process.env.TABLE_NAME,
    sqs: !process.env.AWS_ENDPOINT_URL_SQS && !process.env.ARTICLES_QUEUE_URL && !process.env.FEEDS_QUEUE_URL,
  };
  let dynalite: Emulator | undefined;
  if (embedded.dynamodb) {
    dynalite = await startDynalite(options.dataDir);
    process.env.AWS_ENDPOINT_URL_DYNAMODB = dynalite.endpoint;
  }
  mkdirSync(options.dataDir, { recursive: true });
  let fauxqs = embedded.sqs ? await journalledFauxqs(options.dataDir) : undefined;
  let sqsUp = !!fauxqs;
  if (fauxqs) process.env.AWS_ENDPOINT_URL_SQS = fauxqs.emulator.endpoint;
  setDefault('TABLE_NAME', TABLE_NAME);
  process.env.FEEDS_CONFIG = options.feedsPath;
  process.env.ALLOW_PRIVATE_NETWORK = String(options.allowPrivateNetwork);

  const dynamo = new DynamoDBClient({});
  // Queue URLs name their own host; the configured endpoint (an emulator locally) is the one to call.
  const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
  await ensureTable(dynamo, process.env.TABLE_NAME as string);
  // A data folder from before postings: file its accounts once, so new articles still find its events.
  await fileStoredAccounts(dynamo, process.env.TABLE_NAME as string);
  // …and file its events under their topics and feeds, so those listings read only what matches.
  await fileEventHints(dynamo, process.env.TABLE_NAME as string);
  const articles = await queuePair(sqs, QUEUE_NAMES.articles, 'ARTICLES');
  const feeds = await queuePair(sqs, QUEUE_NAMES.feeds, 'FEEDS');

  let dynamoUp = !!dynalite;
  const outage = {
    async stopDynamo() {
      await dynalite?.stop();
      dynamoUp = false;
    },
    async startDynamo() {
      if (!dynalite) return;
      dynalite = await startDynalite(options.dataDir, Number(new URL(dynalite.endpoint).port));
      dynamoUp = true;
    },
    async stopSqs() {
      await fauxqs?.emulator.stop();
      sqsUp = false;
    },
    /** Back on the same port with what its journal holds; its queues are created again, as at start. */
    async startSqs() {
      if (!fauxqs) return;
      fauxqs = await journalledFauxqs(options.dataDir, Number(new URL(fauxqs.emulator.endpoint).port));
      await ensureQueuePair(sqs, QUEUE_NAMES.articles, LOCAL_VISIBILITY_TIMEOUT_S);
      await ensureQueuePair(sqs, QUEUE_NAMES.feeds, LOCAL_VISIBILITY_TIMEOUT_S);
      sqsUp = true;
    },
  };
  stops.push(async () => {
    if (fauxqs && sqsUp) await fauxqs.emulator.stop();
    if (dynalite && dynamoUp) await dynalite.stop();
  });

  return {
    articles,
    feeds,
    outage,
    sqs,
    dynamo,
    embedded,
    recovery: fauxqs?.recovery,
    async stop() {
      sqs.destroy();
      dynamo.destroy();
      for (const stop of stops) await stop();
      process.env = priorEnv;
    },
  };
}
