import type { TimelineEvent } from './event.ts';

/** An event as the public contract (PRODUCT.md) shows it: storage details such as the version stay inside. */
export function presentEvent(event: TimelineEvent) {
  return {
    id: event.id,
    date: event.date,
    datePrecision: event.datePrecision,
    endDate: event.endDate,
    kind: event.kind,
    scheduled: event.scheduled,
    summary: event.summary,
    topics: event.topics,
    entities: event.entities,
    firstReportedAt: event.firstReportedAt,
    lastReportedAt: event.lastReportedAt,
    sourceCount: event.sources.length,
    sources: event.sources.map(({ url, title, feedId, feedName, publishedAt, quote }) => ({
      url,
      title,
      feedId,
      feedName,
      publishedAt,
      quote,
    })),
  };
}
