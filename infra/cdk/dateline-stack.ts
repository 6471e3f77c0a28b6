import { Annotations, CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as secrets from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { QUEUE_NAMES } from '../../lib/queue/names.ts';
import { canonicalQueryFunction, timelineCachePolicy } from './edge.ts';
import { datelineFunction, FEEDS_CONFIG_IN_BUNDLE } from './functions.ts';
import { QueuePair } from './queues.ts';
import { datelineTable } from './table.ts';
import { CLUSTERING_SEMI_SPACE_MB } from './young-generation.ts';

export const TIMEOUTS = {
  scheduler: Duration.seconds(60),
  poller: Duration.seconds(120),
  worker: Duration.seconds(60),
  timeline: Duration.seconds(10),
  /** A correction settles one month block of accounts, as a worker's article does. */
  admin: Duration.seconds(30),
};
/** Cost cap on the public function: CloudFront absorbs repeat traffic, this bounds the rest. */
export const TIMELINE_RESERVED_CONCURRENCY = 20;

export interface DatelineStackProps extends StackProps {
  /** false: inline placeholder code instead of esbuild bundles (tests only). Default true. */
  bundle?: boolean;
  /**
   * The CLOUDFRONT-scope web ACL (its ARN) from the DatelineWaf stack, which must live in
   * us-east-1; without it the distribution has no rate limit, and synth says so.
   */
  webAclArn?: string;
}

/** Writes (`actions`) limited to items whose partition key starts with one of `prefixes` (e.g. FEED#). */
function grantWritesTo(table: dynamodb.Table, fn: lambda.IFunction, prefixes: string[], actions: string[]) {
  fn.addToRolePolicy(
    new iam.PolicyStatement({
      actions,
      resources: [table.tableArn],
      conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': prefixes.map((p) => `${p}*`) } },
    }),
  );
}

/**
 * Every write DynamoEventStore makes when it settles events (lib/store/events.ts, event-index.ts,
 * event-parts.ts, timeline-version.ts): events by conditional put, an account's holders by update,
 * listing hints by batch put, a large event's account parts by batch put and, once superseded, batch
 * delete (IAM cannot tell a batch's puts from its deletes, nor limit them to the PART# sort keys), the
 * timeline version by an atomic add. The worker and the admin function settle, and they alone may
 * write these.
 */
const SETTLE_WRITES: Array<[action: string, prefixes: string[]]> = [
  ['dynamodb:PutItem', ['EVENT#']],
  ['dynamodb:UpdateItem', ['ACCOUNT#', 'META#TIMELINE']],
  ['dynamodb:BatchWriteItem', ['INDEX#', 'EVENT#']],
];

export class DatelineStack extends Stack {
  readonly table: dynamodb.Table;
  readonly functions: Record<keyof typeof TIMEOUTS, lambda.Function>;
  readonly articles: QueuePair;
  readonly feeds: QueuePair;
  readonly distribution: cloudfront.Distribution;
  /** The admin API's own URL: AWS_IAM (SigV4), never an origin of the public distribution. */
  readonly adminUrl: lambda.FunctionUrl;

  constructor(scope: Construct, id: string, props: DatelineStackProps = {}) {
    super(scope, id, props);
    const bundle = props.bundle ?? true;
    const table = datelineTable(this, 'Table');
    this.table = table;
    const articles = new QueuePair(this, 'Articles', {
      name: QUEUE_NAMES.articles,
      consumerTimeout: TIMEOUTS.worker,
    });
    const feeds = new QueuePair(this, 'Feeds', { name: QUEUE_NAMES.feeds, consumerTimeout: TIMEOUTS.poller });
    this.articles = articles;
    this.feeds = feeds;
    const cursorSecret = new secrets.Secret(this, 'CursorSecret', {
      description: 'Signs Dateline timeline paging cursors (HMAC).',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    const env = { TABLE_NAME: table.tableName, POWERTOOLS_SERVICE_NAME: 'dateline' };
    const feedsFile = { FEEDS_CONFIG: FEEDS_CONFIG_IN_BUNDLE };

    const scheduler = datelineFunction(this, 'Scheduler', {
      name: 'scheduler',
      bundle,
      timeout: TIMEOUTS.scheduler,
      memorySize: 256,
      environment: { ...env, ...feedsFile, FEEDS_QUEUE_URL: feeds.queue.queueUrl },
    });
    const poller = datelineFunction(this, 'Poller', {
      name: 'poller',
      bundle,
      timeout: TIMEOUTS.poller,
      memorySize: 512,
      environment: { ...env, ARTICLES_QUEUE_URL: articles.queue.queueUrl, ALLOW_PRIVATE_NETWORK: 'false' },
    });
    const worker = datelineFunction(this, 'Worker', {
      name: 'worker',
      bundle,
      timeout: TIMEOUTS.worker,
      memorySize: 1024,
      semiSpaceMb: CLUSTERING_SEMI_SPACE_MB,
      // A message that fails decoding goes straight to the DLQ with its reason.
      environment: { ...env, ARTICLES_DLQ_URL: articles.dlq.queueUrl },
    });
    const timeline = datelineFunction(this, 'Timeline', {
      name: 'timeline',
      bundle,
      timeout: TIMEOUTS.timeline,
      memorySize: 512,
      reservedConcurrentExecutions: TIMELINE_RESERVED_CONCURRENCY,
      // The secret's ARN, not its value: the function reads the value at cold start, so it appears
      // neither in the template nor in the function's configuration.
      environment: { ...env, ...feedsFile, CURSOR_SECRET_ARN: cursorSecret.secretArn, BEHIND_EDGE: 'true' },
    });
    cursorSecret.grantRead(timeline);
    // Editors' corrections (lib/admin): its own function, so the public one never holds a write grant.
    const admin = datelineFunction(this, 'Admin', {
      name: 'admin',
      bundle,
      timeout: TIMEOUTS.admin,
      memorySize: 1024,
      semiSpaceMb: CLUSTERING_SEMI_SPACE_MB,
      environment: env,
    });
    this.functions = { scheduler, poller, worker, timeline, admin };

    // Least privilege: reads where needed; writes only to each function's own item families.
    table.grantReadData(timeline);
    table.grantReadData(worker);
    // With the admin function, the only writer of events and of what settling them writes; the worker
    // alone files accounts (by update, in SETTLE_WRITES) and notes them on the article ledger.
    for (const [action, prefixes] of SETTLE_WRITES) grantWritesTo(table, worker, prefixes, [action]);
    grantWritesTo(table, worker, ['ARTICLE#'], ['dynamodb:UpdateItem']);
    // The admin function appends to the corrections log (puts that refuse an existing key) and settles.
    table.grantReadData(admin);
    grantWritesTo(table, admin, ['CORRECTIONS'], ['dynamodb:PutItem']);
    for (const [action, prefixes] of SETTLE_WRITES) grantWritesTo(table, admin, prefixes, [action]);
    // The scheduler claims a due feed by a conditional put of its state; nothing else.
    table.grantReadData(scheduler);
    grantWritesTo(table, scheduler, ['FEED#'], ['dynamodb:PutItem']);
    feeds.queue.grantSendMessages(scheduler);
    // The poller puts feed and host states and marks the article ledger by update; it deletes nothing.
    table.grantReadData(poller);
    grantWritesTo(table, poller, ['FEED#', 'HOST#'], ['dynamodb:PutItem']);
    grantWritesTo(table, poller, ['ARTICLE#'], ['dynamodb:UpdateItem']);
    articles.queue.grantSendMessages(poller);
    articles.dlq.grantSendMessages(worker);

    new events.Rule(this, 'Every5Minutes', {
      description: 'Runs the Dateline scheduler: queues a poll job for every due feed.',
      schedule: events.Schedule.rate(Duration.minutes(5)),
      targets: [new targets.LambdaFunction(scheduler, { retryAttempts: 2 })],
    });

    poller.addEventSource(
      new sources.SqsEventSource(feeds.queue, {
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(1),
        reportBatchItemFailures: true,
        maxConcurrency: 5,
      }),
    );
    worker.addEventSource(
      new sources.SqsEventSource(articles.queue, {
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(5),
        reportBatchItemFailures: true,
        maxConcurrency: 10,
      }),
    );

    // SigV4-signed requests only, checked by Lambda before the function runs: callers need
    // lambda:InvokeFunctionUrl on it (granted to editors' roles outside this stack).
    this.adminUrl = admin.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.AWS_IAM });
    const url = timeline.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.AWS_IAM });
    this.distribution = new cloudfront.Distribution(this, 'Cdn', {
      comment: 'Dateline public timeline',
      defaultBehavior: {
        origin: origins.FunctionUrlOrigin.withOriginAccessControl(url),
        cachePolicy: timelineCachePolicy(this, 'TimelineCache'),
        functionAssociations: [
          {
            function: canonicalQueryFunction(this, 'CanonicalQuery'),
            eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
          },
        ],
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      },
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      webAclId: props.webAclArn,
    });
    if (!props.webAclArn)
      Annotations.of(this).addWarningV2(
        'dateline:no-waf',
        'No web ACL: the distribution has no per-address rate limit. Deploy DatelineWaf (us-east-1) and pass -c webAclArn=<its WebAclArn>.',
      );

    const alarm = (id: string, metric: cloudwatch.IMetric, description: string) =>
      new cloudwatch.Alarm(this, id, {
        metric,
        threshold: 0,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
    alarm(
      'ArticlesDlqAlarm',
      articles.dlq.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: 'Maximum',
      }),
      'Articles failed 5 times and were dead-lettered (dateline-articles-dlq).',
    );
    alarm(
      'FeedsDlqAlarm',
      feeds.dlq.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: 'Maximum',
      }),
      'Poll jobs failed 5 times and were dead-lettered (dateline-feeds-dlq).',
    );
    const errors = { period: Duration.minutes(5), statistic: 'Sum' };
    alarm(
      'WorkerErrorsAlarm',
      worker.metricErrors(errors),
      'The worker function failed (threw, timed out or ran out of memory).',
    );
    // A scheduler that throws polls nothing, and retries of a scheduled event only throw again.
    alarm(
      'SchedulerErrorsAlarm',
      scheduler.metricErrors(errors),
      'The scheduler function failed: no feed is being queued for polling until it is fixed.',
    );
    alarm(
      'PollerErrorsAlarm',
      poller.metricErrors(errors),
      'The poller function failed (threw, timed out or ran out of memory): its poll jobs are redelivered.',
    );

    alarm(
      'UnhealthyFeedsAlarm',
      new cloudwatch.Metric({
        namespace: 'Dateline',
        metricName: 'UnhealthyFeeds',
        dimensionsMap: { service: 'dateline' },
        period: Duration.minutes(15),
        statistic: 'Maximum',
      }),
      'A feed failed 10 times in a row or answered 410 Gone: see GET /feeds or npm run feeds -- list.',
    );

    new CfnOutput(this, 'TimelineUrl', {
      value: `https://${this.distribution.distributionDomainName}/timeline`,
    });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'AdminUrl', {
      value: this.adminUrl.url,
      description:
        'npm run edit -- <verb> … --endpoint <this URL> (SigV4, the caller needs lambda:InvokeFunctionUrl)',
    });
    new CfnOutput(this, 'ArticlesDlqUrl', { value: articles.dlq.queueUrl });
    new CfnOutput(this, 'FeedsDlqUrl', { value: feeds.dlq.queueUrl });
  }
}
