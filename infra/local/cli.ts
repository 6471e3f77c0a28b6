import { parseArgs } from 'node:util';
import { MIN_TOKEN_LENGTH } from '../../lib/admin/index.ts';
import { ADMIN_TOKEN_ENV } from './admin-server.ts';

export const USAGE = `Usage: npm start -- [options]

Runs Dateline on this machine: embedded DynamoDB and SQS, the feed schedule, the worker and the
timeline at http://localhost:8787, until Ctrl-C.

Options:
  --once                    poll every enabled feed now, drain the queue, print a summary, exit
  --feeds PATH              feeds file (default: $FEEDS_CONFIG or infra/feeds.yaml)
  --port N                  timeline port (default: 8787)
  --data-dir PATH           where local data persists (default: .data)
  --allow-private-network   let feeds on loopback/private addresses through (local fixtures only)
  --admin-port N            admin API port on 127.0.0.1 (default: 8788), served only when
                            $DATELINE_ADMIN_TOKEN holds a token (16+ characters); refused without one
  -h, --help                show this help`;

export interface RunnerOptions {
  once: boolean;
  feedsPath: string;
  port: number;
  dataDir: string;
  allowPrivateNetwork: boolean;
  /** The admin API on loopback: set when the environment holds a token. */
  admin?: { port: number; token: string };
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
  return {
    once: values.once ?? false,
    feedsPath: values.feeds ?? env.FEEDS_CONFIG ?? 'infra/feeds.yaml',
    port: portOf('--port', values.port, 8787),
    dataDir: values['data-dir'] ?? '.data',
    allowPrivateNetwork: values['allow-private-network'] ?? false,
    admin: adminOf(values['admin-port'], env),
  };
}

function portOf(flag: string, given: string | undefined, fallback: number): number {
  const port = Number(given ?? fallback);
  if (!/^\d+$/.test(given ?? String(fallback)) || port > 65_535)
    throw new UsageError(`${flag} must be a port number from 0 to 65535, not "${given}"`);
  return port;
}

/** The admin API is served only with a token; asked for without one, start-up stops instead. */
function adminOf(port: string | undefined, env: NodeJS.ProcessEnv): RunnerOptions['admin'] {
  const token = env[ADMIN_TOKEN_ENV];
  if (!token) {
    if (port !== undefined) throw new UsageError(`--admin-port needs a token in $${ADMIN_TOKEN_ENV}`);
    return undefined;
  }
  if (token.length < MIN_TOKEN_LENGTH)
    throw new UsageError(`$${ADMIN_TOKEN_ENV} must be at least ${MIN_TOKEN_LENGTH} characters`);
  return { port: portOf('--admin-port', port, 8788), token };
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
      'admin-port': { type: 'string' },
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
