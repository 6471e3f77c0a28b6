export {
  ArticleMessageSchema,
  BadMessageError,
  decodeArticleMessage,
  encodeArticleMessage,
} from './messages.ts';
export { ensureQueuePair, MAX_RECEIVE_COUNT, type QueuePair } from './provision.ts';
export { SqsArticleQueue } from './sqs.ts';
