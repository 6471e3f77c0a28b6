import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { largestOwners } from './bundle-inputs.ts';

/**
 * The most each function's bundle (its index.mjs, what Lambda loads at a cold start) may weigh, in
 * bytes (KB here are 1024 bytes). Checked by tests/integration/lambda-bundles.test.ts; `npm run synth`
 * prints the sizes and what weighs most in each (esbuild's metafile). What each holds, measured so:
 * - every function: the AWS SDK's DynamoDB (and SQS) clients with the default credential chain
 *   (345-362 KB, of it ~92 KB the chain's SSO, INI, process, container and STS providers, which Lambda's
 *   environment credentials make unused but the clients import), zod (92 KB), Powertools (33-40 KB).
 * - scheduler (494 KB, under the 600 KB asked): that alone and 12 KB of its own. The feeds file it
 *   carries is JSON, read through infra/cdk/yaml-as-json.ts, not the 115 KB YAML parser.
 * - timeline (920 KB, under the 1000 KB asked): all of zod (376 KB): @hono/zod-openapi passes the whole
 *   namespace to extendZodWithOpenApi, so nothing of it, its 190 KB of locales included, can be shaken;
 *   hono (42 KB), zod-to-openapi (29 KB), lru-cache (18 KB), 63 KB of its own (pages, chart, feeds).
 * - poller (776 KB, over the 600 KB asked): the shared part and its own fetch and feed code come to
 *   543 KB before any feed parser; then rss-parser with xml2js, sax and xmlbuilder (141 KB: xml2js's
 *   Builder is what rss-parser writes XHTML content back with) and htmlparser2 with entities (90 KB: the
 *   lenient fallback for malformed feeds and HTML entity repair), all of which a poll runs.
 * - worker (1437 KB when the 1.5 MB was set; 1539 KB on 5 Dec 2026, its own extraction rules grown to
 *   133 KB minified, so 1600 KB now): compromise (348 KB), linkedom (189 KB), chrono-node with its
 *   twelve languages (165 KB), Readability, htmlparser2, then the SDK: what extraction and full-text
 *   reading run on. sanitize-html and linkedom's CSS parser are left out (infra/cdk/bundling.ts).
 * - admin (932 KB measured before the bundle cuts): what the timeline carries for an OpenAPI app (all of
 *   zod, hono, zod-to-openapi, the SDK's DynamoDB client), and the clustering a correction settles
 *   with; none of extraction's libraries.
 */
export const BUNDLE_LIMITS = {
  scheduler: 600 * 1024,
  poller: 800 * 1024,
  worker: 1_600 * 1024,
  timeline: 1_000 * 1024,
  admin: 1_000 * 1024,
} as const;

export type BundledFunction = keyof typeof BUNDLE_LIMITS;

/** Each function's index.mjs size in a synthesized cloud assembly (cdk.out), by function name. */
export function bundleSizes(assemblyDir: string, stack = 'Dateline'): Record<string, number> {
  const template = JSON.parse(readFileSync(join(assemblyDir, `${stack}.template.json`), 'utf8'));
  const sizes: Record<string, number> = {};
  for (const [logicalId, resource] of Object.entries<{
    Type: string;
    Properties: { Code?: { S3Key?: string } };
  }>(template.Resources)) {
    const key = resource.Properties.Code?.S3Key;
    if (resource.Type !== 'AWS::Lambda::Function' || !key) continue;
    const name = logicalId.replace(/[0-9A-F]{8}$/, '').toLowerCase();
    sizes[name] = statSync(join(assemblyDir, `asset.${key.replace(/\.zip$/, '')}`, 'index.mjs')).size;
  }
  return sizes;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/**
 * `npm run synth`, after `cdk synth`: one line per bundle, its size against its limit, then what
 * weighs most in it, from the metafile synth writes beside the assets (infra/cdk/functions.ts).
 */
function printSizes(assemblyDir: string) {
  for (const [name, size] of Object.entries(bundleSizes(assemblyDir))) {
    const limit: number | undefined = BUNDLE_LIMITS[name as BundledFunction];
    const against = limit === undefined ? '' : `  limit ${kb(limit)}${size > limit ? ', OVER' : ''}`;
    console.log(`${name.padEnd(10)} ${kb(size).padStart(8)}${against}`);
    const metafile = join(assemblyDir, 'bundles', `${name}.json`);
    if (!existsSync(metafile)) continue;
    const largest = largestOwners(JSON.parse(readFileSync(metafile, 'utf8')), 8);
    console.log(`           ${largest.map(({ owner, bytes }) => `${owner} ${kb(bytes)}`).join(', ')}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printSizes(process.argv[2] ?? 'cdk.out');
