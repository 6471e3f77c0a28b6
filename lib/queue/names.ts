/** The queues' names: the same in AWS (infra/cdk) and in the local stack (infra/local). */
export const QUEUE_NAMES = { articles: 'dateline-articles', feeds: 'dateline-feeds' } as const;

/** Where a queue's messages go after MAX_RECEIVE_COUNT failed receives. */
export const deadLetterQueueName = (queue: string) => `${queue}-dlq`;
