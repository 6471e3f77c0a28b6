import type { CfnElement } from 'aws-cdk-lib';
import { NagSuppressions } from 'cdk-nag';
import type { DatelineStack } from './dateline-stack.ts';

/** cdk-nag AwsSolutions findings reviewed and accepted, each with its reason. */
export function suppressReviewedFindings(stack: DatelineStack) {
  const tableId = stack.getLogicalId(stack.table.node.defaultChild as CfnElement);
  NagSuppressions.addStackSuppressions(stack, [
    {
      id: 'AwsSolutions-IAM4',
      reason: 'AWSLambdaBasicExecutionRole only lets a function write its own CloudWatch logs.',
      appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
    },
    {
      id: 'AwsSolutions-IAM5',
      reason:
        'table.grantRead*Data covers the table GSIs as <table>/index/*; the one GSI (gsi1) is what the timeline and the scheduler query.',
      appliesTo: [`Resource::<${tableId}.Arn>/index/*`],
    },
    {
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x is the runtime the code is built and tested for (esbuild target node22); upgrade deliberately.',
    },
    {
      id: 'AwsSolutions-SMG4',
      reason:
        'The cursor HMAC secret is not rotated automatically: rotating it invalidates every paging cursor in use.',
    },
    {
      id: 'AwsSolutions-CFR3',
      reason:
        'Public read-only JSON API; access logs would need a log bucket and cost per request. Lambda logs record origin requests.',
    },
    {
      id: 'AwsSolutions-CFR4',
      reason:
        'The distribution uses the default *.cloudfront.net certificate, for which CloudFront fixes TLSv1 as minimum; a custom domain with TLS_V1_2_2021 is set once one is configured.',
    },
  ]);
}
