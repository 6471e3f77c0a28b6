import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The most each function's bundle (its index.mjs, what Lambda loads at a cold start) may weigh, in
 * bytes (KB here are 1024 bytes). Checked by tests/integration/lambda-bundles.test.ts; `npm run synth`
 * prints the sizes. What each holds beyond its own code, measured with esbuild's metafile:
 * - scheduler (under 600 KB): the AWS SDK's DynamoDB and SQS clients with the credential chain
 *   (~330 KB), zod (94 KB), Powertools (34 KB); its own code is ~11 KB. The feeds file it carries is
 *   JSON, read through infra/cdk/yaml-as-json.ts, not the 115 KB YAML parser.
 * - timeline (just over the 1000 KB asked): all of zod (454 KB), because @hono/zod-openapi passes the
 *   whole zod namespace to extendZodWithOpenApi and no part of it can be shaken; the SDK, hono,
 *   zod-to-openapi; then the page's chart and event page, and gzip for listings (node:zlib is the
 *   runtime's, the code around it ours).
 * - poller (over the 600 KB asked): the SDK clients, rss-parser with xml2js, sax and xmlbuilder
 *   (~150 KB), htmlparser2 and entities (~80 KB), zod: ~750 KB before any of our code.
 * - worker (over the 1.5 MB asked): compromise (361 KB), linkedom with cssom (413 KB), chrono-node
 *   (193 KB), sanitize-html with postcss (~280 KB), then the SDK: what extraction and full-text
 *   reading run on.
 * - admin (932 KB measured): what the timeline carries for an OpenAPI app (all of zod, hono,
 *   zod-to-openapi, the SDK's DynamoDB client), and the clustering a correction settles with; none
 *   of extraction's libraries.
 */
export const BUNDLE_LIMITS = {
  scheduler: 600 * 1024,
  poller: 830 * 1024,
  worker: 2_000 * 1024,
  timeline: 1_050 * 1024,
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

/** `npm run synth`, after `cdk synth`: one line per bundle, its size against its limit. */
function printSizes(assemblyDir: string) {
  for (const [name, size] of Object.entries(bundleSizes(assemblyDir))) {
    const limit: number | undefined = BUNDLE_LIMITS[name as BundledFunction];
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
    const against = limit === undefined ? '' : `  limit ${kb(limit)}${size > limit ? ', OVER' : ''}`;
    console.log(`${name.padEnd(10)} ${kb(size).padStart(8)}${against}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printSizes(process.argv[2] ?? 'cdk.out');
