import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Duration, RemovalPolicy, Stage } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { parse as parseYaml } from 'yaml';
import { bundleAliases } from './bundling.ts';

export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');
/** Where the scheduler's and the timeline's bundles carry the feeds file (Lambda runs from /var/task). */
export const FEEDS_CONFIG_IN_BUNDLE = '/var/task/feeds.yaml';

export interface DatelineFunctionProps {
  /** functions/<name>/handler.ts */
  name: 'scheduler' | 'poller' | 'worker' | 'timeline' | 'admin';
  timeout: Duration;
  memorySize: number;
  environment: Record<string, string>;
  /** false: an inline placeholder instead of the esbuild bundle (fast tests only; deploys always bundle). */
  bundle: boolean;
  reservedConcurrentExecutions?: number;
  /** V8's semi-space in MB, for the functions that cluster events (young-generation.ts). */
  semiSpaceMb?: number;
}

const nodeOptions = (semiSpaceMb?: number) =>
  ['--enable-source-maps', ...(semiSpaceMb ? [`--max-semi-space-size=${semiSpaceMb}`] : [])].join(' ');

const common = {
  runtime: lambda.Runtime.NODEJS_22_X,
  architecture: lambda.Architecture.ARM_64,
  handler: 'handler',
};

/**
 * infra/feeds.yaml written as JSON, for the bundles that carry it: the same feeds, readable by the
 * JSON-only stand-in for the YAML parser those bundles load (yaml-as-json.ts). JSON is YAML, so the
 * carried file still reads as the feeds file it is. Written beside the metafiles, in cdk.out, so a synth
 * leaves nothing behind in the machine's temp folder.
 */
function feedsFileAsJson(scope: Construct): string {
  const file = join(bundlesDir(scope), 'feeds.yaml');
  const feeds = parseYaml(readFileSync(join(PROJECT_ROOT, 'infra', 'feeds.yaml'), 'utf8'));
  writeFileSync(file, `${JSON.stringify(feeds, null, 2)}\n`);
  return file;
}

/** Where a function's esbuild metafile is written: cdk.out/bundles/<name>.json, outside its asset. */
export function bundleMetafile(scope: Construct, name: string): string {
  return join(bundlesDir(scope), `${name}.json`);
}

function bundlesDir(scope: Construct): string {
  const dir = join(Stage.of(scope)?.outdir ?? tmpdir(), 'bundles');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** One Lambda function from functions/<name>/handler.ts, bundled locally with esbuild (no Docker). */
export function datelineFunction(
  scope: Construct,
  id: string,
  props: DatelineFunctionProps,
): lambda.Function {
  const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
    retention: logs.RetentionDays.ONE_MONTH,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const base = {
    timeout: props.timeout,
    memorySize: props.memorySize,
    logGroup,
    reservedConcurrentExecutions: props.reservedConcurrentExecutions,
    environment: { NODE_OPTIONS: nodeOptions(props.semiSpaceMb), ...props.environment },
  };
  if (!props.bundle) {
    return new lambda.Function(scope, id, {
      ...common,
      ...base,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => { throw new Error("test placeholder"); };'),
    });
  }
  // The scheduler plans from the feeds file; the timeline reads it for GET /feeds.
  const withFeeds = props.name === 'scheduler' || props.name === 'timeline';
  const feedsFile = withFeeds ? feedsFileAsJson(scope) : undefined;
  const aliases = Object.entries(bundleAliases({ feedsAsJson: withFeeds }));
  return new nodejs.NodejsFunction(scope, id, {
    ...common,
    ...base,
    entry: join(PROJECT_ROOT, 'functions', props.name, 'handler.ts'),
    projectRoot: PROJECT_ROOT,
    depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
    bundling: {
      forceDockerBundling: false,
      minify: true,
      sourceMap: true,
      sourcesContent: false,
      target: 'node22',
      format: nodejs.OutputFormat.ESM,
      mainFields: ['module', 'main'],
      // CommonJS dependencies (rss-parser, xml2js…) call require(): give the ESM bundle one.
      banner: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      // Ship the pinned SDK versions the code is tested with, not the runtime's.
      bundleAwsSDK: true,
      esbuildArgs: {
        '--alias': aliases.map(([from, to]) => `${from}=${to}`),
        // Non-ASCII text as UTF-8, not esbuild's default \uXXXX escapes (six bytes a character): zod's
        // locales and the date parsers' non-Latin text made 7% of the timeline. Passed as an argument:
        // this aws-cdk-lib's local bundling drops the construct's own `charset` option.
        '--charset': 'utf8',
        // What the bundle is made of, beside the cloud assembly (not in the asset): `npm run synth` reports it.
        '--metafile': bundleMetafile(scope, props.name),
      },
      commandHooks: {
        beforeBundling: () => [],
        beforeInstall: () => [],
        afterBundling: (_inputDir: string, outputDir: string) =>
          feedsFile ? [`cp "${feedsFile}" "${join(outputDir, 'feeds.yaml')}"`] : [],
      },
    },
  });
}
