import { parseArgs } from 'node:util';
import { listDeadLetters, replayDeadLetters } from '../../lib/queue/index.ts';
import { startLocalStack } from './stack.ts';

const USAGE = `Usage: npm run dlq -- <list|replay> [--queue articles|feeds] [--data-dir PATH]

  list     show the dead letters: id, receives, when first sent, what they carry
  replay   move them back to their queue, to be processed again once the cause is fixed

Locally this opens the data folder of npm start (stop it first); with ARTICLES_QUEUE_URL and
ARTICLES_DLQ_URL (or FEEDS_…) set, it works on those queues, in AWS too.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    queue: { type: 'string', default: 'articles' },
    'data-dir': { type: 'string' },
    feeds: { type: 'string' },
  },
});

/** One line a person can act on: which article or feed the message was about. */
function describe(body: string): string {
  try {
    const message = JSON.parse(body) as {
      kind?: string;
      articleId?: string;
      article?: { url?: string };
      feed?: { id?: string };
    };
    if (message.kind === 'credit') return `credit feed ${message.feed?.id} on ${message.articleId}`;
    return message.article?.url ?? (message.feed?.id ? `feed ${message.feed.id}` : body.slice(0, 80));
  } catch {
    return `unparseable: ${body.slice(0, 80)}`;
  }
}

async function main(): Promise<number> {
  const [command] = positionals;
  const queue = values.queue === 'feeds' ? 'feeds' : 'articles';
  if (command !== 'list' && command !== 'replay') {
    console.log(USAGE);
    return command ? 1 : 0;
  }
  const stack = await startLocalStack({
    dataDir: values['data-dir'] ?? '.data',
    feedsPath: values.feeds ?? process.env.FEEDS_CONFIG ?? 'infra/feeds.yaml',
    allowPrivateNetwork: false,
  });
  try {
    const { url, dlqUrl } = stack[queue];
    if (command === 'list') {
      const letters = await listDeadLetters(stack.sqs, dlqUrl);
      for (const letter of letters) {
        console.log(
          `${letter.messageId}  receives=${letter.receiveCount}  sent=${letter.sentAt}  ${describe(letter.body)}`,
        );
      }
      console.log(`${letters.length} dead letter(s) in ${queue}`);
    } else {
      const moved = await replayDeadLetters(stack.sqs, dlqUrl, url);
      console.log(`replayed ${moved} dead letter(s) to the ${queue} queue`);
    }
    return 0;
  } finally {
    await stack.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`dlq: ${error.message}`);
    process.exit(1);
  },
);
