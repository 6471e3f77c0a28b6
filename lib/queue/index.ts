export { sendToDeadLetters, type Unusable } from './dead-letter.ts';
export { type DeadLetter, listDeadLetters, replayDeadLetters } from './dlq.ts';
export {
  ArticleMessageSchema,
  type ArticlesQueueMessage,
  ArticlesQueueMessageSchema,
  BadMessageError,
  CreditMessageSchema,
  decodeArticleMessage,
  decodeArticlesQueueMessage,
  decodePollJob,
  encodeArticleMessage,
  encodeCreditMessage,
  encodePollJob,
  PollJobMessageSchema,
} from './messages.ts';
export { deadLetterQueueName, QUEUE_NAMES } from './names.ts';
export { ensureQueuePair, MAX_RECEIVE_COUNT, type QueuePair } from './provision.ts';
export { SqsArticleQueue, SqsPollJobQueue, sendInBatches } from './sqs.ts';
