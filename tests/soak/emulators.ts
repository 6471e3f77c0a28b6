/**
 * The embedded DynamoDB and SQS in a process of their own, for the soak: the runner's memory is then
 * measured alone. Prints the endpoints and queue URLs as one JSON line, then its RSS at once and every minute (SOAK_REPORT_MS).
 */
import { startLocalStack } from '../../infra/local/stack.ts';

const dataDir = process.argv[2] ?? '.data/soak';
const stack = await startLocalStack({ dataDir, feedsPath: 'infra/feeds.yaml', allowPrivateNetwork: true });
console.log(
  JSON.stringify({
    AWS_ENDPOINT_URL_DYNAMODB: process.env.AWS_ENDPOINT_URL_DYNAMODB,
    AWS_ENDPOINT_URL_SQS: process.env.AWS_ENDPOINT_URL_SQS,
    TABLE_NAME: process.env.TABLE_NAME,
    ARTICLES_QUEUE_URL: stack.articles.url,
    ARTICLES_DLQ_URL: stack.articles.dlqUrl,
    FEEDS_QUEUE_URL: stack.feeds.url,
    FEEDS_DLQ_URL: stack.feeds.dlqUrl,
  }),
);
const report = () => console.error(`emulators rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
report();
setInterval(report, Number(process.env.SOAK_REPORT_MS ?? 60_000));
process.once('SIGTERM', () => stack.stop().then(() => process.exit(0)));
