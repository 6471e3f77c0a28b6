import * as z from 'zod';
import type { CursorCodec } from './cursor.ts';
import { InvalidCursorError } from './cursor.ts';
import type { Source } from './event.ts';
import { presentSource, type SourcePage } from './present.ts';
import { pageCursor, pageLimit } from './query.ts';

/** `/events/{id}/sources`: a page of an event's sources, earliest first. */
export const SourcePageQuerySchema = z
  .object({
    limit: pageLimit('Sources'),
    cursor: pageCursor.meta({ description: "Opaque: a previous page's `nextCursor` for this event." }),
  })
  .strict();
export type SourcePageQuery = z.infer<typeof SourcePageQuerySchema>;

/** Sources are kept in publication order, then by article: a position in that order survives new sources. */
const positionOf = (source: Pick<Source, 'publishedAt' | 'articleId'>) =>
  `${source.publishedAt}|${source.articleId}`;
const after = (source: Source, position: string) => {
  const [publishedAt = '', articleId = ''] = position.split('|');
  return (
    source.publishedAt.localeCompare(publishedAt) > 0 ||
    (source.publishedAt === publishedAt && source.articleId.localeCompare(articleId) > 0)
  );
};

/**
 * One page of an event's sources. The cursor is a position (the last source's publication time and
 * article), signed and bound to the event, so a source added meanwhile neither repeats nor hides one.
 */
export function pageSources(
  eventId: string,
  sources: Source[],
  { limit, cursor }: SourcePageQuery,
  cursors: CursorCodec,
): SourcePage {
  const filter = `sources:${eventId}`;
  let rest = sources;
  if (cursor) {
    const position = cursors.decode(cursor);
    if (position.f !== filter) throw new InvalidCursorError('belongs to another listing');
    rest = sources.filter((source) => after(source, position.k));
  }
  const page = rest.slice(0, limit);
  const last = page.at(-1);
  const more = rest.length > limit && last;
  return {
    sources: page.map(presentSource),
    nextCursor: more ? cursors.encode({ k: positionOf(last), o: 'asc', f: filter }) : null,
  };
}
