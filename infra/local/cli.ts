import { parseArgs } from 'node:util';

export const USAGE = `Usage: npm start -- [options]

Runs Dateline on this machine: embedded DynamoDB and SQS, the feed schedule, the worker and the
timeline at http://localhost:8787, until Ctrl-C.

Options:
  --once                    poll every enabled feed now, drain the queue, print a summary, exit
  --feeds PATH              feeds file (default: $FEEDS_CONFIG or infra/feeds.yaml)
  --port N                  timeline port (default: 8787)
  --data-dir PATH           where local data persists (default: .data)
  --allow-private-network   let feeds on loopback/private addresses through (local fixtures only)
  -h, --help                show this help`;

export interface RunnerOptions {
  once: boolean;
  feedsPath: string;
  port: number;
  dataDir: string;
  allowPrivateNetwork: boolean;
}

export class UsageError extends Error {}

export function parseRunnerArgs(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): RunnerOptions | 'help' {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(args).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const port = Number(values.port ?? 8787);
  if (!/^\d+$/.test(values.port ?? '8787') || port > 65_535) {
    throw new UsageError(`--port must be a port number from 0 to 65535, not "${values.port}"`);
  }
  return {
    once: values.once ?? false,
    feedsPath: values.feeds ?? env.FEEDS_CONFIG ?? 'infra/feeds.yaml',
    port,
    dataDir: values['data-dir'] ?? '.data',
    allowPrivateNetwork: values['allow-private-network'] ?? false,
  };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      once: { type: 'boolean' },
      feeds: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'allow-private-network': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** Resolves on Ctrl-C or SIGTERM; call it before starting anything so start-up can be interrupted cleanly. */
export function stopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
