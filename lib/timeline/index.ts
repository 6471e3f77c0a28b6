export { createTimelineApp, type TimelineAppDeps } from './app.ts';
export { CursorCodec, type CursorPosition, InvalidCursorError } from './cursor.ts';
export {
  EntitiesSchema,
  isoDate,
  type Source,
  SourceSchema,
  type TimelineEvent,
  TimelineEventSchema,
} from './event.ts';
export { pageTimeline, type RangeRequest, type TimelinePage, type TimelineReader } from './page.ts';
export { presentEvent } from './present.ts';
export { invalidParams, type Problem, problemResponse } from './problem.ts';
export { type TimelineQuery, TimelineQuerySchema } from './query.ts';
export { sortDate, sortKeyBounds, sortKeyOf } from './sort-key.ts';
