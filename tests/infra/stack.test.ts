import { readFileSync } from 'node:fs';
import { App, Aspects } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { DatelineStack } from '../../infra/cdk/dateline-stack.ts';
import { EDGE_FUNCTION_PATH } from '../../infra/cdk/edge.ts';
import { suppressReviewedFindings } from '../../infra/cdk/nag.ts';
import { DatelineWafStack, RATE_LIMIT_PER_IP } from '../../infra/cdk/waf-stack.ts';
import { deadLetterQueueName, QUEUE_NAMES } from '../../lib/queue/names.ts';
import { CORRECTIONS_PARTITION, keys, tableDefinition } from '../../lib/store/table.ts';
import { TIMELINE_VERSION_KEY } from '../../lib/store/timeline-version.ts';
import { PUBLIC_HOST_HEADER } from '../../lib/timeline/public-url.ts';

// Synthesized once, without esbuild bundles (inline placeholders): `npm run synth` bundles for real.
let stack: DatelineStack;
let template: Template;
let ids: Record<string, string>;

beforeAll(() => {
  const app = new App();
  stack = new DatelineStack(app, 'Dateline', { bundle: false });
  suppressReviewedFindings(stack);
  Aspects.of(app).add(new AwsSolutionsChecks());
  app.synth();
  template = Template.fromStack(stack);
  const logicalId = (c: { node: { defaultChild?: unknown } }) =>
    stack.getLogicalId(c.node.defaultChild as never);
  ids = {
    table: logicalId(stack.table),
    articles: logicalId(stack.articles.queue),
    articlesDlq: logicalId(stack.articles.dlq),
    feeds: logicalId(stack.feeds.queue),
    feedsDlq: logicalId(stack.feeds.dlq),
    ...Object.fromEntries(Object.entries(stack.functions).map(([name, fn]) => [name, logicalId(fn)])),
  };
});

const sortBy = <T>(items: T[], key: (item: T) => string) =>
  [...items].sort((a, b) => key(a).localeCompare(key(b)));

describe('DynamoDB table', () => {
  it('has exactly the keys, attributes and GSIs of tableDefinition() (one source of truth)', () => {
    const definition = tableDefinition('dateline');
    const tables = template.findResources('AWS::DynamoDB::Table');
    expect(Object.keys(tables)).toHaveLength(1);
    const props = tables[ids.table as string]?.Properties;
    expect(props.KeySchema).toEqual(definition.KeySchema);
    expect(sortBy(props.AttributeDefinitions, (a: { AttributeName: string }) => a.AttributeName)).toEqual(
      sortBy(definition.AttributeDefinitions ?? [], (a) => a.AttributeName ?? ''),
    );
    expect(props.GlobalSecondaryIndexes).toEqual(definition.GlobalSecondaryIndexes);
    expect(props.BillingMode).toBe(definition.BillingMode);
  });

  it('is on-demand with point-in-time recovery and deletion protection, and is retained', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
      },
      DeletionPolicy: 'Retain',
    });
  });
});

describe('queues', () => {
  it('are named as the local stack names them (lib/queue/names.ts)', () => {
    const names = Object.values(QUEUE_NAMES);
    for (const name of [...names, ...names.map(deadLetterQueueName)]) {
      template.hasResourceProperties('AWS::SQS::Queue', { QueueName: name });
    }
  });

  it.each([
    ['articles', 'articlesDlq', 'worker'],
    ['feeds', 'feedsDlq', 'poller'],
  ] as const)('%s redrives to %s after 5 receives, invisible ≥ 6× the %s timeout', (queue, dlq, fn) => {
    const props = template.findResources('AWS::SQS::Queue')[ids[queue] as string]?.Properties;
    // Literal 5, the documented count: the stack and the local runner both read MAX_RECEIVE_COUNT.
    expect(props.RedrivePolicy).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': [ids[dlq], 'Arn'] },
      maxReceiveCount: 5,
    });
    const timeout = template.findResources('AWS::Lambda::Function')[ids[fn] as string]?.Properties.Timeout;
    expect(timeout).toBeGreaterThan(0);
    expect(props.VisibilityTimeout).toBeGreaterThanOrEqual(6 * timeout);
  });
});

describe('functions', () => {
  it('run nodejs22.x on arm64 with the environment the code reads', () => {
    template.resourcePropertiesCountIs(
      'AWS::Lambda::Function',
      { Runtime: 'nodejs22.x', Architectures: ['arm64'] },
      5,
    );
    const fns = template.findResources('AWS::Lambda::Function');
    const env = (name: string) => fns[ids[name] as string]?.Properties.Environment.Variables;
    expect(env('scheduler')).toMatchObject({
      FEEDS_CONFIG: '/var/task/feeds.yaml',
      FEEDS_QUEUE_URL: expect.anything(),
    });
    expect(env('poller')).toMatchObject({
      ARTICLES_QUEUE_URL: expect.anything(),
      ALLOW_PRIVATE_NETWORK: 'false',
    });
    expect(env('timeline')).toMatchObject({ FEEDS_CONFIG: '/var/task/feeds.yaml', BEHIND_EDGE: 'true' });
    for (const name of ['scheduler', 'poller', 'worker', 'timeline', 'admin']) {
      expect(env(name).TABLE_NAME).toEqual({ Ref: ids.table });
    }
  });

  it('gives the functions that cluster a larger young generation, and the others the default', () => {
    const fns = template.findResources('AWS::Lambda::Function');
    const options = (name: string) =>
      fns[ids[name] as string]?.Properties.Environment.Variables.NODE_OPTIONS.split(' ');
    for (const name of ['worker', 'admin'])
      expect(options(name)).toEqual(['--enable-source-maps', '--max-semi-space-size=32']);
    for (const name of ['scheduler', 'poller', 'timeline'])
      expect(options(name)).toEqual(['--enable-source-maps']);
  });

  it('caps the public timeline function with reserved concurrency', () => {
    const fn = template.findResources('AWS::Lambda::Function')[ids.timeline as string];
    expect(fn?.Properties.ReservedConcurrentExecutions).toBeGreaterThan(0);
  });

  it('runs the scheduler every 5 minutes', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(5 minutes)',
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [ids.scheduler, 'Arn'] } })],
    });
  });

  it.each([
    ['poller', 'feeds', 10, 1, 5],
    ['worker', 'articles', 10, 5, 10],
  ] as const)(
    '%s consumes the %s queue with partial batch failures',
    (fn, queue, batch, window, concurrency) => {
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: ids[fn] },
        EventSourceArn: { 'Fn::GetAtt': [ids[queue], 'Arn'] },
        BatchSize: batch,
        MaximumBatchingWindowInSeconds: window,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        ScalingConfig: { MaximumConcurrency: concurrency },
      });
    },
  );
});

describe('public edge', () => {
  it('serves the timeline through an IAM-authenticated function URL', () => {
    template.hasResourceProperties('AWS::Lambda::Url', {
      AuthType: 'AWS_IAM',
      TargetFunctionArn: { 'Fn::GetAtt': [ids.timeline, 'Arn'] },
    });
  });

  it('signs CloudFront origin requests with Origin Access Control', () => {
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: 'lambda',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      }),
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Origins: [Match.objectLike({ OriginAccessControlId: Match.anyValue() })],
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
      }),
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunctionUrl',
      Principal: 'cloudfront.amazonaws.com',
    });
  });

  it('keys the cache on the listing parameters and the public host only, and honours the origin Cache-Control', () => {
    template.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: Match.objectLike({
        MinTTL: 0,
        DefaultTTL: Match.anyValue(),
        ParametersInCacheKeyAndForwardedToOrigin: Match.objectLike({
          QueryStringsConfig: {
            QueryStringBehavior: 'whitelist',
            QueryStrings: ['from', 'to', 'topic', 'feed', 'q', 'order', 'limit', 'cursor'],
          },
          HeadersConfig: { HeaderBehavior: 'whitelist', Headers: [PUBLIC_HOST_HEADER, 'accept'] },
          CookiesConfig: { CookieBehavior: 'none' },
        }),
      }),
    });
    const policy = Object.values(template.findResources('AWS::CloudFront::CachePolicy'))[0];
    expect(policy?.Properties.CachePolicyConfig.DefaultTTL).toBeLessThanOrEqual(60);
  });

  it('runs the canonical-query function on every viewer request, with the code tested beside the app', () => {
    const fns = Object.entries(template.findResources('AWS::CloudFront::Function'));
    expect(fns).toHaveLength(1);
    const [id, fn] = fns[0] as [string, { Properties: Record<string, never> }];
    expect(fn.Properties.FunctionConfig).toMatchObject({ Runtime: 'cloudfront-js-2.0' });
    expect(fn.Properties.FunctionCode).toBe(readFileSync(EDGE_FUNCTION_PATH, 'utf8'));
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({
          FunctionAssociations: [
            { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [id, 'FunctionARN'] } },
          ],
        }),
      }),
    });
  });

  it('attaches the us-east-1 web ACL it is given, and warns at synth when it is given none', () => {
    const arn = 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/dateline/abc';
    const app = new App();
    const guarded = new DatelineStack(app, 'Guarded', { bundle: false, webAclArn: arn });
    Template.fromStack(guarded).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ WebACLId: arn }),
    });
    expect(Annotations.fromStack(guarded).findWarning('*', Match.stringLikeRegexp('No web ACL'))).toEqual([]);
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('No web ACL'))).toHaveLength(
      1,
    );
  });

  it('rate-limits each client address with a CLOUDFRONT-scope WAF stack pinned to us-east-1', () => {
    const waf = new DatelineWafStack(new App(), 'DatelineWaf');
    expect(waf.region).toBe('us-east-1');
    Template.fromStack(waf).hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
      Rules: [
        Match.objectLike({
          Statement: {
            RateBasedStatement: {
              Limit: RATE_LIMIT_PER_IP,
              EvaluationWindowSec: 300,
              AggregateKeyType: 'IP',
            },
          },
          Action: { Block: { CustomResponse: Match.objectLike({ ResponseCode: 429 }) } },
        }),
      ],
    });
  });
});

describe('alarms', () => {
  it.each(['articlesDlq', 'feedsDlq'])('alarm when %s holds any message', (dlq) => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [ids[dlq], 'QueueName'] } }],
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  it('alarms when any feed is unhealthy, from the scheduler’s UnhealthyFeeds metric', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'Dateline',
      MetricName: 'UnhealthyFeeds',
      Dimensions: [{ Name: 'service', Value: 'dateline' }],
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  it.each(['worker', 'scheduler', 'poller'])('alarms on any %s error in five minutes', (fn) => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      Namespace: 'AWS/Lambda',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: ids[fn] } }],
      Statistic: 'Sum',
      Period: 300,
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });
});

type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown };
const statementsOf = (fn: string): Statement[] => {
  const role = stack.functions[fn as keyof typeof stack.functions].role;
  const roleId = stack.getLogicalId(role?.node.defaultChild as never);
  const policies = template.findResources('AWS::IAM::Policy', {
    Properties: { Roles: [{ Ref: roleId }] },
  });
  return Object.values(policies).flatMap((p) => p.Properties.PolicyDocument.Statement);
};
const actions = (statements: Statement[]) => statements.flatMap((s) => [s.Action].flat());
const writes = /^dynamodb:(Put|Update|Delete|BatchWrite)/;

const leadingKeys = (leading: string[]) => ({
  'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': leading },
});
const writing = (fn: string) => statementsOf(fn).filter((s) => actions([s]).some((a) => writes.test(a)));

describe('least-privilege IAM', () => {
  it('the timeline function only reads the table and sends to no queue', () => {
    const all = actions(statementsOf('timeline'));
    expect(all.some((a) => a.startsWith('dynamodb:Get') || a.startsWith('dynamodb:Query'))).toBe(true);
    expect(all.filter((a) => writes.test(a) || a.startsWith('sqs:'))).toEqual([]);
  });

  it('the scheduler only puts feed states (its claim): no update, delete or batch write', () => {
    expect(writing('scheduler').map((s) => [[s.Action].flat(), s.Condition])).toEqual([
      [['dynamodb:PutItem'], leadingKeys(['FEED#*'])],
    ]);
  });

  it('the poller puts feed and host states and updates the article ledger: no delete or batch write', () => {
    expect(writing('poller').map((s) => [[s.Action].flat(), s.Condition])).toEqual([
      [['dynamodb:PutItem'], leadingKeys(['FEED#*', 'HOST#*'])],
      [['dynamodb:UpdateItem'], leadingKeys(['ARTICLE#*'])],
    ]);
  });

  it('no function may delete items but by batch, and only the settling ones batch-write: listing hints and event parts', () => {
    for (const fn of ['scheduler', 'poller', 'worker', 'timeline', 'admin'])
      expect(
        actions(statementsOf(fn)).filter((a) => /^dynamodb:Delete/.test(a)),
        fn,
      ).toEqual([]);
    for (const fn of ['worker', 'admin'])
      expect(
        statementsOf(fn)
          .filter((s) => actions([s]).includes('dynamodb:BatchWriteItem'))
          .map((s) => s.Condition),
        fn,
      ).toEqual([leadingKeys(['INDEX#*', 'EVENT#*'])]);
    for (const fn of ['scheduler', 'poller', 'timeline'])
      expect(actions(statementsOf(fn)), fn).not.toContain('dynamodb:BatchWriteItem');
  });

  it('the timeline reads the cursor key from Secrets Manager, by ARN: the value is in no environment', () => {
    const secrets = Object.keys(template.findResources('AWS::SecretsManager::Secret'));
    expect(secrets).toHaveLength(1);
    const fns = template.findResources('AWS::Lambda::Function');
    const timelineEnv = fns[ids.timeline as string]?.Properties.Environment.Variables;
    expect(timelineEnv.CURSOR_SECRET_ARN).toEqual({ Ref: secrets[0] });
    expect(timelineEnv).not.toHaveProperty('CURSOR_SECRET');
    // No dynamic reference ({{resolve:secretsmanager:…}}) puts the value in any function's configuration.
    expect(JSON.stringify(Object.values(fns).map((f) => f.Properties.Environment))).not.toMatch(
      /resolve:secretsmanager|CURSOR_SECRET"/,
    );
    const reads = statementsOf('timeline').filter((s) =>
      actions([s]).includes('secretsmanager:GetSecretValue'),
    );
    expect(reads.map((s) => s.Resource)).toEqual([{ Ref: secrets[0] }]);
    for (const fn of ['scheduler', 'poller', 'worker'])
      expect(
        actions(statementsOf(fn)).filter((a) => a.startsWith('secretsmanager:')),
        fn,
      ).toEqual([]);
  });

  const settleWrites = [
    [['dynamodb:PutItem'], leadingKeys(['EVENT#*'])],
    [['dynamodb:UpdateItem'], leadingKeys(['ACCOUNT#*', 'META#TIMELINE*'])],
    [['dynamodb:BatchWriteItem'], leadingKeys(['INDEX#*', 'EVENT#*'])],
  ];

  it('the worker settles events and updates the article ledger, nothing else', () => {
    expect(writing('worker').map((s) => [[s.Action].flat(), s.Condition])).toEqual([
      ...settleWrites,
      [['dynamodb:UpdateItem'], leadingKeys(['ARTICLE#*'])],
    ]);
  });

  it('the admin function appends to the corrections log and settles events, nothing else', () => {
    expect(writing('admin').map((s) => [[s.Action].flat(), s.Condition])).toEqual([
      [['dynamodb:PutItem'], leadingKeys(['CORRECTIONS*'])],
      ...settleWrites,
    ]);
  });

  it.each(['worker', 'admin'])(
    'grants the %s each write the event store makes, on the key family it makes it on',
    (fn) => {
      const granted = (action: string, pk: string) =>
        writing(fn).some((s) => {
          const condition = s.Condition as ReturnType<typeof leadingKeys>;
          const prefixes = condition['ForAllValues:StringLike']['dynamodb:LeadingKeys'];
          return (
            [s.Action].flat().includes(action) && prefixes.some((p) => pk.startsWith(p.replace(/\*$/, '')))
          );
        });
      const made: Array<[string, string]> = [
        ['dynamodb:PutItem', keys.event('evt_1').pk],
        ['dynamodb:UpdateItem', keys.posting('art_1', 0).pk],
        ['dynamodb:UpdateItem', TIMELINE_VERSION_KEY.pk],
        ['dynamodb:BatchWriteItem', 'INDEX#TOPIC#shipping'],
        ['dynamodb:BatchWriteItem', keys.eventPart('evt_1', 'tok', 0).pk],
      ];
      if (fn === 'admin') made.push(['dynamodb:PutItem', CORRECTIONS_PARTITION]);
      for (const [action, pk] of made) expect(granted(action, pk), `${action} ${pk}`).toBe(true);
      expect(granted('dynamodb:PutItem', CORRECTIONS_PARTITION)).toBe(fn === 'admin');
    },
  );

  it('each queue has exactly its one sender', () => {
    const sends = (fn: string) =>
      statementsOf(fn)
        .filter((s) => actions([s]).includes('sqs:SendMessage'))
        .map((s) => s.Resource);
    expect(sends('scheduler')).toEqual([{ 'Fn::GetAtt': [ids.feeds, 'Arn'] }]);
    expect(sends('poller')).toEqual([{ 'Fn::GetAtt': [ids.articles, 'Arn'] }]);
    // The worker dead-letters what it cannot decode, with the reason, instead of retrying it.
    expect(sends('worker')).toEqual([{ 'Fn::GetAtt': [ids.articlesDlq, 'Arn'] }]);
  });
});

describe('admin API', () => {
  const urls = () => template.findResources('AWS::Lambda::Url');
  const urlOf = (fn: string) =>
    Object.entries(urls()).find(
      ([, url]) =>
        JSON.stringify(url.Properties.TargetFunctionArn) ===
        JSON.stringify({ 'Fn::GetAtt': [ids[fn], 'Arn'] }),
    );

  it('is its own function, with the admin handler, reaching the table and nothing else', () => {
    const fn = template.findResources('AWS::Lambda::Function')[ids.admin as string];
    expect(fn?.Properties.Environment.Variables).toMatchObject({ TABLE_NAME: { Ref: ids.table } });
    expect(ids.admin).not.toBe(ids.timeline);
    const all = actions(statementsOf('admin'));
    expect(all.filter((a) => !a.startsWith('dynamodb:') && !a.startsWith('logs:'))).toEqual([]);
  });

  it('has a function URL that only SigV4-signed (AWS_IAM) requests reach', () => {
    const [, url] = urlOf('admin') ?? [];
    expect(url?.Properties.AuthType).toBe('AWS_IAM');
    // No resource policy opens it to everyone (a NONE URL needs one for lambda:InvokeFunctionUrl).
    const opened = Object.values(template.findResources('AWS::Lambda::Permission')).filter((p) =>
      JSON.stringify(p.Properties.FunctionName).includes(ids.admin as string),
    );
    expect(opened).toEqual([]);
  });

  it('is not an origin of the public distribution, whose origin is the timeline URL', () => {
    const [adminUrl] = urlOf('admin') ?? [];
    const [timelineUrl] = urlOf('timeline') ?? [];
    const origins = JSON.stringify(
      Object.values(template.findResources('AWS::CloudFront::Distribution')).map(
        (d) => d.Properties.DistributionConfig.Origins,
      ),
    );
    expect(origins).toContain(timelineUrl);
    expect(origins).not.toContain(adminUrl);
    expect(origins).not.toContain(ids.admin);
  });

  it('the timeline function holds no write on the table: only the worker and the admin function write events', () => {
    const eventWriters = ['scheduler', 'poller', 'worker', 'timeline', 'admin'].filter((fn) =>
      writing(fn).some((s) => JSON.stringify(s.Condition).includes('EVENT#')),
    );
    expect(eventWriters).toEqual(['worker', 'admin']);
    expect(writing('timeline')).toEqual([]);
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('reports no unsuppressed errors', () => {
    const errors = Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*'));
    expect(errors.map((e) => `${e.id}: ${String(e.entry.data).split('\n')[0]}`)).toEqual([]);
  });
});
