import { extractEvents, isTextDated } from '../../lib/extraction/index.ts';

/** Tuesday 4 March 2025, noon UTC: the publication the extraction rule tests count from. */
export const TUESDAY = '2025-03-04T12:00:00Z';

/** The days (marked "scheduled" when announced) the text itself gives an article's events. */
export const datedDays = (html: string, publishedAt = TUESDAY, language?: string) =>
  extractEvents({
    html,
    publishedAt,
    title: 'Regional news round-up for the week',
    ...(language ? { language } : {}),
  })
    .filter(isTextDated)
    .map((event) => `${event.date}${event.scheduled ? ' scheduled' : ''}`);
