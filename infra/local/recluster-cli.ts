import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { timelineApp } from '../../functions/timeline/app.ts';
import { reclusterAll } from '../../lib/dedup/index.ts';
import { DynamoEventStore, DynamoReclusterProgress } from '../../lib/store/index.ts';
import { progressBar } from './progress-bar.ts';
import { startLocalStack } from './stack.ts';

const USAGE = `Usage: npm run recluster -- [--data-dir PATH] [--restart] [--port N]

Rebuilds every event from the stored accounts with the current clustering rules, a day of
accounts at a time, writing only events that change: a second run writes nothing. Progress is
kept in the table, so a run stopped (Ctrl-C, a kill) continues where it was when started again.

  --data-dir PATH  the data folder of npm start (default: .data); stop npm start first, or set
                   AWS_ENDPOINT_URL_DYNAMODB and TABLE_NAME to work on a running local table
                   (in AWS, run functions/recluster: see docs/operations.md)
  --restart        start from the first account, ignoring a run left unfinished
  --port N         serve the timeline on N while it runs (readers see every event throughout)
  --help           this text`;

const OPTIONS = {
  'data-dir': { type: 'string' },
  restart: { type: 'boolean', default: false },
  port: { type: 'string' },
  help: { type: 'boolean', default: false },
} as const;

/** The timeline server over the same table, for as long as the run lasts. */
async function serveTimeline(port: number) {
  const server = serve({ fetch: timelineApp().fetch, port, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  console.error(`timeline readable on http://127.0.0.1:${port}/timeline while this runs`);
  return () => new Promise((resolve) => server.close(resolve));
}

async function main(): Promise<number> {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
  try {
    values = parseArgs({ options: OPTIONS }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65_536)) {
    console.error(`--port must be a port number, not "${values.port}"\n\n${USAGE}`);
    return 1;
  }
  const stack = await startLocalStack({
    dataDir: values['data-dir'] ?? '.data',
    feedsPath: process.env.FEEDS_CONFIG ?? 'infra/feeds.yaml',
    allowPrivateNetwork: false,
  });
  const stopServing = port === undefined ? undefined : await serveTimeline(port);
  try {
    const table = process.env.TABLE_NAME as string;
    const bar = progressBar(process.stderr);
    const status = await reclusterAll(
      new DynamoEventStore(stack.dynamo, table),
      new DynamoReclusterProgress(stack.dynamo, table),
      { restart: values.restart, onProgress: (s) => bar.update(s) },
    );
    bar.finish(status);
    console.log(
      `recluster: settled ${status.postings} account(s) in ${status.blocks} month block(s): ` +
        `${status.written} event(s) written, ${status.retired} id(s) retired`,
    );
    return 0;
  } finally {
    await stopServing?.();
    await stack.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`recluster: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
