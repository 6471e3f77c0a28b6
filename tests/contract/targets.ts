import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll } from 'vitest';
import { type Emulator, startDynalite, startFauxqsServer } from '../../infra/local/emulators.ts';
import { ensureQueuePair } from '../../lib/queue/index.ts';
import { ensureTable, type InvalidItems } from '../../lib/store/index.ts';
import { emulatorSqsClient } from '../support/emulator-client.ts';

/**
 * Where a contract suite runs besides memory: the embedded emulators always, and a DynamoDB (DynamoDB
 * Local, or AWS itself) or an SQS the environment names. The lists are built from the environment, so
 * a target that is not there is simply not in the run: no test of it shows as skipped.
 */
interface Service<C> {
  name: string;
  connect(): Promise<{ client: C; stop(): Promise<void> }>;
  /** Whether what a test creates on it must be deleted afterwards (a service that outlives the run). */
  external: boolean;
}

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
const region = () => process.env.AWS_REGION ?? 'us-east-1';

/** Tables and queues made here are named apart, so a shared service's own ones are never touched. */
const scratchName = () => `dateline-contract-${randomUUID().slice(0, 8)}`;

interface Client {
  destroy(): void;
}

/** An emulator started for the block and stopped after it. */
const embedded = <C extends Client>(
  name: string,
  start: () => Promise<Emulator>,
  client: (endpoint: string) => C,
): Service<C> => ({
  name,
  external: false,
  connect: async () => {
    const emulator = await start();
    const connected = client(emulator.endpoint);
    return {
      client: connected,
      stop: async () => {
        connected.destroy();
        await emulator.stop();
      },
    };
  },
});

/** A service the environment names: reached, never started or stopped here. */
const existing = <C extends Client>(name: string, client: () => C): Service<C> => ({
  name,
  external: true,
  connect: async () => {
    const connected = client();
    return { client: connected, stop: async () => connected.destroy() };
  },
});

function dynamoServices(env: NodeJS.ProcessEnv = process.env): Service<DynamoDBClient>[] {
  const endpoint = env.AWS_ENDPOINT_URL_DYNAMODB;
  return [
    embedded(
      'dynalite (embedded)',
      () => startDynalite(mkdtempSync(join(tmpdir(), 'dateline-contract-'))),
      (url) => new DynamoDBClient({ endpoint: url, region: 'us-east-1', credentials: LOCAL_CREDENTIALS }),
    ),
    // Credentials from the usual chain: DynamoDB Local takes any, AWS its own.
    ...(endpoint
      ? [existing(`DynamoDB at ${endpoint}`, () => new DynamoDBClient({ endpoint, region: region() }))]
      : []),
  ];
}

export function sqsServices(env: NodeJS.ProcessEnv = process.env): Service<SQSClient>[] {
  const endpoint = env.AWS_ENDPOINT_URL_SQS;
  return [
    embedded('fauxqs (embedded)', () => startFauxqsServer(), emulatorSqsClient),
    ...(endpoint
      ? [
          existing(
            `SQS at ${endpoint}`,
            () => new SQSClient({ endpoint, region: region(), useQueueUrlAsEndpoint: false }),
          ),
        ]
      : []),
  ];
}

/**
 * Connects to the service for the enclosing describe block, and gives each call a fresh scratch
 * resource (a table, a queue); on an external service they are deleted when the block ends.
 */
function scratchOn<C, R>(
  service: Service<C>,
  create: (client: C, name: string) => Promise<R>,
  remove: (client: C, made: R) => Promise<unknown>,
) {
  let connection: Awaited<ReturnType<Service<C>['connect']>> | undefined;
  const made: R[] = [];
  beforeAll(async () => {
    connection = await service.connect();
  });
  afterAll(async () => {
    if (!connection) return;
    if (service.external) for (const resource of made) await remove(connection.client, resource);
    await connection.stop();
  });
  return async (): Promise<{ client: C; resource: R }> => {
    if (!connection) throw new Error(`${service.name} is not connected`);
    const resource = await create(connection.client, scratchName());
    made.push(resource);
    return { client: connection.client, resource };
  };
}

/**
 * In production a stored item that fails its read schema is reported and skipped; under a contract
 * it is a failure: what an adapter writes through the port must read back through it.
 */
const invalidItemsFail: InvalidItems = {
  report(kind, key, error) {
    throw new Error(`the store wrote a ${kind} item it cannot read back (${key})`, { cause: error });
  },
};

/** A fresh, empty table shaped as the stack's, per call. */
const tablesOn = (service: Service<DynamoDBClient>) =>
  scratchOn(
    service,
    async (client, name) => {
      await ensureTable(client, name);
      return name;
    },
    (client, name) => client.send(new DeleteTableCommand({ TableName: name })),
  );

/** A fresh, empty queue (with its dead-letter queue) per call. */
export const queuesOn = (service: Service<SQSClient>) =>
  scratchOn(
    service,
    (client, name) => ensureQueuePair(client, name, 30),
    async (client, pair) => {
      await client.send(new DeleteQueueCommand({ QueueUrl: pair.url }));
      await client.send(new DeleteQueueCommand({ QueueUrl: pair.dlqUrl }));
    },
  );

/**
 * One target per DynamoDB service, as (name, make): `make` builds the adapter under test on a fresh
 * table, items it cannot read back failing the test.
 */
export function dynamoTargets<T>(
  adapter: (client: DynamoDBClient, tableName: string, invalid: InvalidItems) => T,
) {
  return dynamoServices().map((service) => {
    const freshTable = tablesOn(service);
    const make = async () => {
      const { client, resource } = await freshTable();
      return adapter(client, resource, invalidItemsFail);
    };
    return [service.name, make] as const;
  });
}
