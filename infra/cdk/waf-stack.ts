import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/**
 * Requests one client address may make in RATE_WINDOW_SECONDS before WAF answers 429. A reader
 * polling a feed every minute and a person paging the site stay far below it; one script walking
 * random filters (each a new cache entry, each an origin request against 20 reserved executions)
 * is stopped after 10 a second on average.
 */
export const RATE_LIMIT_PER_IP = 3000;
export const RATE_WINDOW_SECONDS = 300;

/**
 * WAF for the CloudFront distribution. A CLOUDFRONT-scope web ACL can only be created in us-east-1,
 * while the Dateline stack deploys to any region, so it is a stack of its own, pinned there:
 * deploy it first, then pass its `WebAclArn` output to the Dateline stack (`-c webAclArn=…`).
 */
export class DatelineWafStack extends Stack {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, { ...props, env: { ...props.env, region: 'us-east-1' } });
    const visibility = (metricName: string) => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName,
    });
    this.webAcl = new wafv2.CfnWebACL(this, 'EdgeAcl', {
      scope: 'CLOUDFRONT',
      description: 'Dateline public timeline: per-address rate limit',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('dateline-edge'),
      customResponseBodies: {
        'too-many-requests': {
          contentType: 'APPLICATION_JSON',
          content: JSON.stringify({
            type: 'about:blank',
            title: 'Too Many Requests',
            status: 429,
            detail: `More than ${RATE_LIMIT_PER_IP} requests in ${RATE_WINDOW_SECONDS / 60} minutes from one address.`,
          }),
        },
      },
      rules: [
        {
          name: 'rate-per-ip',
          priority: 0,
          statement: {
            rateBasedStatement: {
              limit: RATE_LIMIT_PER_IP,
              evaluationWindowSec: RATE_WINDOW_SECONDS,
              aggregateKeyType: 'IP',
            },
          },
          action: {
            block: { customResponse: { responseCode: 429, customResponseBodyKey: 'too-many-requests' } },
          },
          visibilityConfig: visibility('dateline-rate-per-ip'),
        },
      ],
    });
    new CfnOutput(this, 'WebAclArn', { value: this.webAcl.attrArn });
  }
}
