/**
 * The header the CloudFront viewer-request function sets to the Host the viewer asked for
 * (infra/cdk/edge/canonical-query.js). The timeline function is reached through its own function
 * URL, so without it feed links would name that IAM-protected address instead of the public one.
 */
export const PUBLIC_HOST_HEADER = 'x-dateline-public-host';

const HOST = /^[a-z0-9.-]+(:[0-9]{1,5})?$/i;

/**
 * The origin to write absolute links with: the configured public URL; else, behind the edge
 * function (which overwrites whatever a viewer sent in that header), the host it stamped, over
 * HTTPS since the distribution redirects HTTP; else the request's own origin (local runs).
 *
 * @example publicOrigin('https://abc.lambda-url.eu-west-1.on.aws/timeline.atom', 'd1.cloudfront.net', { behindEdge: true }) // 'https://d1.cloudfront.net'
 */
export function publicOrigin(
  requestUrl: string,
  stampedHost: string | undefined,
  options: { publicUrl?: string; behindEdge?: boolean },
): string {
  if (options.publicUrl) return options.publicUrl.replace(/\/+$/, '');
  if (options.behindEdge && stampedHost && HOST.test(stampedHost))
    return `https://${stampedHost.toLowerCase()}`;
  return new URL(requestUrl).origin;
}
