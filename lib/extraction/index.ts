export { type BlockKind, htmlToBlocks, type TextBlock } from './blocks.ts';
export { type DateMention, type DatePrecision, findDates, tenseOf } from './dates.ts';
export { type ArticleText, type EventKind, type ExtractedEvent, extractEvents } from './extract.ts';
export { inferYear, type Tense } from './year.ts';
