import type { DatePrecision } from './dates.ts';
import type { Entities } from './entities.ts';

export type EventKind = 'dated' | 'report';

/** One event as one article tells it, before it meets other articles' accounts. */
export interface ExtractedEvent {
  date: string;
  datePrecision: DatePrecision;
  endDate: string | null;
  kind: EventKind;
  /** The event in the article's words, without the date that introduced it. */
  summary: string;
  /** The article's own sentence or list item, verbatim. */
  quote: string;
  scheduled: boolean;
  /** The article's other sentences telling the same event (a headline, a caption, a repeat). */
  evidence?: string[];
  /** A report whose lead sentence dates the news: its date is the text's, not the publication's. */
  datedByLead?: boolean;
  entities: Entities;
}

/** Whether the text gives the event's date: a dated clause, or a report its lead dates. */
export const isTextDated = (event: { kind: EventKind; datedByLead?: boolean | undefined }) =>
  event.kind === 'dated' || event.datedByLead === true;

export interface ArticleText {
  html: string;
  publishedAt: string;
  /** Minutes east of UTC the article was dated in: its own calendar day is the one its words mean. */
  utcOffsetMinutes?: number;
  title?: string;
  /** BCP 47; picks chrono's locale. When absent, read from the text (English when it is unclear). */
  language?: string;
}

/** An event before enrichment: everything but its entities. */
export type DraftEvent = Omit<ExtractedEvent, 'entities'>;
