import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { type ReclusterStatus, reclusterAll } from '../../lib/dedup/index.ts';
import type { Log } from '../../lib/log.ts';
import { baseServices, dynamoClient, oncePerEnvironment } from '../../lib/runtime/index.ts';
import { DynamoEventStore, DynamoReclusterProgress } from '../../lib/store/index.ts';

/** What an invocation may ask: start over, or settle at most so many blocks (months). */
export const ReclusterRequestSchema = z
  .object({
    restart: z.boolean().default(false),
    maxBlocks: z.number().int().positive().max(100_000).default(500),
  })
  .strict();
export type ReclusterRequest = z.input<typeof ReclusterRequestSchema>;

export interface ReclusterDeps {
  events: Parameters<typeof reclusterAll>[0];
  progress: Parameters<typeof reclusterAll>[1];
  log: Log;
}

/** Time kept back for the last block and the reply: a busy day re-clusters in well under this. */
const MARGIN_MS = 60_000;

/**
 * One slice of a re-clustering: settles blocks (months) until `maxBlocks` or the time left runs low,
 * the cursor saved in the table, and answers `done: false` while blocks remain. Invoke it again
 * (a Step Functions loop on `done`, or a shell loop) until it answers `done: true`; a failed
 * invocation loses at most the block it was in.
 */
export function makeReclusterHandler(deps: ReclusterDeps) {
  return async (input: unknown, context?: Pick<Context, 'getRemainingTimeInMillis'>) => {
    const request = ReclusterRequestSchema.parse(input ?? {});
    const status: ReclusterStatus = await reclusterAll(deps.events, deps.progress, {
      restart: request.restart,
      maxBlocks: request.maxBlocks,
      enough: () => (context ? context.getRemainingTimeInMillis() < MARGIN_MS : false),
    });
    deps.log.info('recluster slice finished', { ...status });
    return status;
  };
}

export const handler = oncePerEnvironment((config) => {
  const { logger, invalid } = baseServices(config);
  const dynamo = dynamoClient();
  return makeReclusterHandler({
    events: new DynamoEventStore(dynamo, config.TABLE_NAME, invalid),
    progress: new DynamoReclusterProgress(dynamo, config.TABLE_NAME),
    log: logger,
  });
});
