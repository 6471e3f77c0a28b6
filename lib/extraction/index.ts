export { type BlockKind, htmlToBlocks, type TextBlock } from './blocks.ts';
export { type DateMention, type DatePrecision, findDates } from './dates.ts';
export { type Entities, findEntities, NO_ENTITIES, topicSlug } from './entities.ts';
export { type ArticleText, type EventKind, type ExtractedEvent, extractEvents } from './extract.ts';
export { tenseOf } from './tense.ts';
export { inferYear, type Tense } from './year.ts';
