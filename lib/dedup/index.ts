export { bestMatch, datesCompatible, matchScore } from './match.ts';
export { type Account, eventIdFor, newEvent, withAccount } from './merge.ts';
export {
  type ArticleOutcome,
  type EventRepository,
  type Outcome,
  recordAccount,
  recordArticle,
  WriteConflictError,
} from './record.ts';
