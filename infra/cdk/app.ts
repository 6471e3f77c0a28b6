import { App, Aspects } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { DatelineStack } from './dateline-stack.ts';
import { suppressReviewedFindings } from './nag.ts';

/** Environment-agnostic: synthesizes offline, deploys to the account and region of the credentials. */
const app = new App();
const stack = new DatelineStack(app, 'Dateline', {
  description: 'Dateline: news feeds to one sourced timeline',
});
suppressReviewedFindings(stack);
Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
app.synth();
