import { join } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';
import { PUBLIC_HOST_HEADER } from '../../lib/timeline/public-url.ts';
import { TimelineQuerySchema } from '../../lib/timeline/query.ts';

/** The viewer-request function: canonical listing queries, and the public host stamped for the origin. */
export const EDGE_FUNCTION_PATH = join(import.meta.dirname, 'edge', 'canonical-query.js');

/** The only query parameters that reach the cache key or the origin: the listings' own. */
export const CACHED_QUERY_NAMES = Object.keys(TimelineQuerySchema.shape);

export function canonicalQueryFunction(scope: Construct, id: string): cloudfront.Function {
  return new cloudfront.Function(scope, id, {
    comment: 'Dateline: one URL per listing (301/400 at the edge); stamps the public host',
    runtime: cloudfront.FunctionRuntime.JS_2_0,
    code: cloudfront.FunctionCode.fromFile({ filePath: EDGE_FUNCTION_PATH }),
  });
}

/**
 * Keyed on the listings' parameters only (anything else is refused at the edge before the key is
 * made, and never forwarded), on the public host, whose links the feeds carry, and on Accept as the
 * edge function reduces it (an event's page or its JSON; absent elsewhere); TTLs follow the app's
 * Cache-Control.
 */
export function timelineCachePolicy(scope: Construct, id: string): cloudfront.CachePolicy {
  return new cloudfront.CachePolicy(scope, id, {
    comment: 'Dateline: allow-listed query, public host, reduced Accept; TTLs follow the app Cache-Control.',
    queryStringBehavior: cloudfront.CacheQueryStringBehavior.allowList(...CACHED_QUERY_NAMES),
    headerBehavior: cloudfront.CacheHeaderBehavior.allowList(PUBLIC_HOST_HEADER, 'accept'),
    cookieBehavior: cloudfront.CacheCookieBehavior.none(),
    minTtl: Duration.seconds(0),
    defaultTtl: Duration.seconds(10),
    maxTtl: Duration.days(1),
    enableAcceptEncodingGzip: true,
    enableAcceptEncodingBrotli: true,
  });
}
