export { type BlockKind, htmlToBlocks, type TextBlock } from './blocks.ts';
export { clockTimesOf, withoutClockTimes } from './clock.ts';
export { type DateMention, type DatePrecision, findDates } from './dates.ts';
export { type Entities, findEntities, NO_ENTITIES, topicSlug } from './entities.ts';
export {
  type ArticleText,
  type DraftEvent,
  type EventKind,
  type ExtractedEvent,
  isTextDated,
} from './event.ts';
export { enrichEvents, eventsOf, extractEvents } from './extract.ts';
export { isRunningCount } from './tally.ts';
export { type Tense, tenseOf } from './tense.ts';
export {
  type Agreement,
  agreement,
  contentTerms,
  type TermList,
  termListOf,
  weightedAgreement,
  weightedTerms,
} from './terms.ts';
export { ENGLISH_WEEKDAY, GERMAN_WEEKDAYS } from './weekday.ts';
export { inferYear } from './year.ts';
