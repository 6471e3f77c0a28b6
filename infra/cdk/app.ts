import { App, Aspects } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { DatelineStack } from './dateline-stack.ts';
import { suppressReviewedFindings } from './nag.ts';
import { DatelineWafStack } from './waf-stack.ts';

/** Environment-agnostic: synthesizes offline, deploys to the account and region of the credentials. */
const app = new App();
// CloudFront-scope WAF exists only in us-east-1: its own stack, deployed first (`cdk deploy DatelineWaf`).
new DatelineWafStack(app, 'DatelineWaf', {
  description: 'Dateline: WAF rate limit for the CloudFront distribution',
});
const stack = new DatelineStack(app, 'Dateline', {
  description: 'Dateline: news feeds to one sourced timeline',
  webAclArn: app.node.tryGetContext('webAclArn'),
});
suppressReviewedFindings(stack);
Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
app.synth();
