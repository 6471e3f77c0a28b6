import type { Article } from '../articles/index.ts';
import type { ArticleLedger, ArticleQueue, QueueResult } from './ports.ts';

/** SQS takes at most ten messages per SendMessageBatch: the poller sends, and marks, one batch at a time. */
export const CHUNK = 10;
/** Batches in flight at once: enough to hide a round trip, few enough to stay polite to the queue. */
const IN_FLIGHT = 4;

interface Outgoing {
  article: Article;
  /** Only the feed to credit: the article was queued unchanged from another feed. */
  credit: boolean;
}

export interface FanOutResult {
  sent: number;
  credited: number;
  failed: Array<{ article: Article; reason: string }>;
  /** Left for the next poll by the cap. */
  backlog: number;
}

/** Newest first; articles without a date were dated when seen, so they come first too. */
const newestFirst = (a: Outgoing, b: Outgoing) =>
  a.article.publishedAt < b.article.publishedAt ? 1 : a.article.publishedAt > b.article.publishedAt ? -1 : 0;

function chunks(outgoing: Outgoing[]): Outgoing[][] {
  const result: Outgoing[][] = [];
  for (const credit of [false, true]) {
    const same = outgoing.filter((item) => item.credit === credit);
    for (let i = 0; i < same.length; i += CHUNK) result.push(same.slice(i, i + CHUNK));
  }
  return result;
}

/** One batch sent, and what SQS accepted of it marked at once: a send that throws is a failed batch. */
async function sendChunk(
  chunk: Outgoing[],
  queue: ArticleQueue,
  ledger: ArticleLedger,
): Promise<QueueResult> {
  const articles = chunk.map((item) => item.article);
  const credit = chunk[0]?.credit ?? false;
  let result: QueueResult;
  try {
    result = await (credit ? queue.credit(articles) : queue.send(articles));
  } catch (error) {
    return { sent: [], failed: articles.map((article) => ({ article, reason: (error as Error).message })) };
  }
  await Promise.all(
    result.sent.map((article) => (credit ? ledger.markCarried(article) : ledger.markSeen(article))),
  );
  return result;
}

/**
 * Queues a feed's new articles (in full) and its carried ones (a credit), newest first and at most
 * `cap` of them; the rest wait for the next poll. Each batch's accepted articles are marked in the
 * ledger as soon as SQS accepts it, so a poll cut short (a timeout, a crash) re-sends at most the
 * batches in flight; nothing is marked before SQS accepted it, so nothing is marked and lost.
 */
export async function fanOut(
  unseen: Article[],
  carried: Article[],
  deps: { queue: ArticleQueue; ledger: ArticleLedger },
  cap: number,
): Promise<FanOutResult> {
  const outgoing = [
    ...unseen.map((article) => ({ article, credit: false })),
    ...carried.map((article) => ({ article, credit: true })),
  ].sort(newestFirst);
  const taken = outgoing.slice(0, cap);
  const pending = chunks(taken);
  const result: FanOutResult = { sent: 0, credited: 0, failed: [], backlog: outgoing.length - taken.length };
  const worker = async () => {
    for (let chunk = pending.shift(); chunk; chunk = pending.shift()) {
      const { sent, failed } = await sendChunk(chunk, deps.queue, deps.ledger).catch((error) => {
        pending.length = 0; // the ledger is failing: send nothing more that could not be marked
        throw error;
      });
      if (chunk[0]?.credit) result.credited += sent.length;
      else result.sent += sent.length;
      result.failed.push(...failed);
      // A whole batch refused, after the adapter's own retries: the queue is down or throttling
      // hard. Sending thousands more would only run the poll into its timeout; they wait instead.
      if (!sent.length && failed.length) {
        const reason = `not sent, the queue refused a whole batch: ${failed[0]?.reason}`;
        for (const rest of pending.splice(0))
          result.failed.push(...rest.map(({ article }) => ({ article, reason })));
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: IN_FLIGHT }, worker));
  // A ledger write that failed stops the poll, once the batches in flight have been marked.
  const broken = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (broken) throw broken.reason;
  return result;
}
