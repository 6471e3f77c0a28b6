import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { DatelineStack } from '../../infra/cdk/dateline-stack.ts';
import { FEEDS_CONFIG_IN_BUNDLE } from '../../infra/cdk/functions.ts';
import type { LocalStack } from '../../infra/local/stack.ts';

const run = promisify(execFile);
const TASK_ROOT = FEEDS_CONFIG_IN_BUNDLE.slice(0, FEEDS_CONFIG_IN_BUNDLE.lastIndexOf('/'));

export type FunctionName = keyof DatelineStack['functions'];

export interface SynthesizedFunction {
  /** The asset folder Lambda would unpack at /var/task. */
  dir: string;
  timeoutSeconds: number;
  /** The environment the stack gives the function, references still unresolved. */
  environment: Record<string, unknown>;
}

/** Synthesizes the stack with its real esbuild bundles (as `npm run synth` does) into a scratch cdk.out. */
export function synthesizeBundles(): {
  stack: DatelineStack;
  functions: Record<FunctionName, SynthesizedFunction>;
} {
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'dateline-cdk-out-')) });
  const stack = new DatelineStack(app, 'Dateline');
  const assembly = app.synth();
  const resources = Template.fromStack(stack).findResources('AWS::Lambda::Function');
  const entries = Object.entries(stack.functions).map(([name, fn]) => {
    const resource = resources[stack.getLogicalId(fn.node.defaultChild as never)];
    if (!resource) throw new Error(`no ${name} function in the template`);
    const { Code, Timeout, Environment } = resource.Properties;
    const dir = join(assembly.directory, `asset.${String(Code.S3Key).replace(/\.zip$/, '')}`);
    return [name, { dir, timeoutSeconds: Timeout, environment: Environment.Variables }];
  });
  return { stack, functions: Object.fromEntries(entries) };
}

/**
 * The stack's references (table, queues, cursor secret) resolved to their local stand-ins: what
 * `lambdaEnvironment` needs to run a bundle against the embedded emulators.
 */
export function localRefs(
  stack: DatelineStack,
  local: LocalStack,
  secretArn: string,
): Record<string, string> {
  const id = (c: { node: { defaultChild?: unknown } }) => stack.getLogicalId(c.node.defaultChild as never);
  const secret = stack.node.findAll().find((c) => c.node.id === 'CursorSecret') as never;
  return {
    [id(stack.table)]: process.env.TABLE_NAME as string,
    [id(stack.feeds.queue)]: local.feeds.url,
    [id(stack.articles.queue)]: local.articles.url,
    [id(stack.feeds.dlq)]: local.feeds.dlqUrl,
    [id(stack.articles.dlq)]: local.articles.dlqUrl,
    [id(secret)]: secretArn,
  };
}

/**
 * The function's environment as Lambda would set it, with each `{ Ref }` the stack makes resolved
 * through `refs` (a table, a queue, a secret to their local stand-ins) and /var/task at the asset
 * folder. A reference `refs` does not know fails, so a new one cannot slip past the test.
 */
export function lambdaEnvironment(
  name: string,
  fn: SynthesizedFunction,
  refs: Record<string, string>,
): Record<string, string> {
  const env: Record<string, string> = { AWS_LAMBDA_FUNCTION_NAME: `Dateline-${name}` };
  for (const [key, value] of Object.entries(fn.environment)) {
    const ref = (value as { Ref?: string }).Ref;
    if (typeof value === 'string')
      env[key] = value.startsWith(`${TASK_ROOT}/`) ? fn.dir + value.slice(TASK_ROOT.length) : value;
    else if (ref && refs[ref] !== undefined) env[key] = refs[ref];
    else throw new Error(`${name}: no local value for ${key} = ${JSON.stringify(value)}`);
  }
  return env;
}

export interface BundleRun {
  results: unknown[];
  /** The module's import (the runtime's init phase) and each invocation, in ms, timed inside the process. */
  importMs: number;
  invokeMs: number[];
  /** From spawning the process to its exit: Node's own start included, as a cold start pays it. */
  wallMs: number;
}

/** Runs the bundle's handler on each event in a Node process of its own, as Lambda's runtime would. */
export async function runBundle(
  fn: SynthesizedFunction,
  env: Record<string, string>,
  events: unknown[],
): Promise<BundleRun> {
  const eventsFile = join(mkdtempSync(join(tmpdir(), 'dateline-events-')), 'events.json');
  writeFileSync(eventsFile, JSON.stringify(events));
  const runner = join(import.meta.dirname, 'invoke-bundle.mjs');
  const started = performance.now();
  const { stdout } = await run(
    process.execPath,
    [runner, join(fn.dir, 'index.mjs'), eventsFile, String(fn.timeoutSeconds)],
    { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
  );
  const wallMs = performance.now() - started;
  const timings = stdout.lastIndexOf('@@TIMINGS@@\n');
  const marker = stdout.lastIndexOf('@@RESULTS@@\n');
  if (marker < 0 || timings < 0) throw new Error(`no result from ${fn.dir}:\n${stdout.slice(-2000)}`);
  const { importMs, invokeMs } = JSON.parse(stdout.slice(timings + '@@TIMINGS@@\n'.length, marker));
  return { results: JSON.parse(stdout.slice(marker + '@@RESULTS@@\n'.length)), importMs, invokeMs, wallMs };
}

/** Invokes the bundle's handler with each event in a Node process of its own; the handler's results. */
export async function invokeBundle(
  fn: SynthesizedFunction,
  env: Record<string, string>,
  events: unknown[],
): Promise<unknown[]> {
  return (await runBundle(fn, env, events)).results;
}

/** A Lambda function URL request (payload 2.0) as CloudFront, through Origin Access Control, sends it. */
export function functionUrlEvent(pathAndQuery: string, headers: Record<string, string>) {
  const [rawPath = '/', rawQueryString = ''] = pathAndQuery.split('?');
  const domainName = 'abcdefghijklmnop.lambda-url.eu-west-1.on.aws';
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    headers: { host: domainName, 'x-forwarded-proto': 'https', ...headers },
    requestContext: {
      accountId: 'anonymous',
      apiId: 'abcdefghijklmnop',
      domainName,
      domainPrefix: 'abcdefghijklmnop',
      http: {
        method: 'GET',
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: '192.0.2.10',
        userAgent: 'Amazon CloudFront',
      },
      requestId: 'req-1',
      routeKey: '$default',
      stage: '$default',
      time: '02/Dec/2026:05:00:00 +0000',
      timeEpoch: 1796187600000,
    },
    isBase64Encoded: false,
  };
}
