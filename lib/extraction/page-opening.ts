import type { TextBlock } from './blocks.ts';
import { dayOf } from './calendar.ts';
import { clockTimesOf } from './clock.ts';
import { findDates } from './dates.ts';

/** When a page says it was first published: that day, as days after the page's own day, and that minute. */
export interface PageOpening {
  days: number;
  minute: number;
}

/**
 * "Published 31 December 2025, 21:05 CET | Updated 1 January 2026, 00:52 CET", "First published on Tue
 * 21 Jul 2026 16.05 BST", "Publié le 3 mars 2026 à 22h10": what follows the word, up to the next part
 * of the stamp line.
 */
const OPENED =
  /(?:^|[|·]\s*)(?:first |originally )?(?:published|veröffentlicht(?: am)?|publié(?: le)?|publicado(?: el)?|pubblicato(?: il)?)(?!\p{L})([^|·]{1,60})/iu;
const LATER_PART =
  /(?<!\p{L})(?:updated|last updated|aktualisiert|mis à jour|actualizado|aggiornato)(?!\p{L})/iu;

/** The page's stamp lines sit above its story, within its first few blocks. */
const HEAD_BLOCKS = 8;
const DAY_MS = 86_400_000;

/**
 * The day and minute a page's own stamp says it was first published, if a stamp near its top gives
 * both. A live page timing its entries by the clock alone opened that day: its oldest entry was written
 * then, whatever day the feed gives the page (often its last update).
 */
export function pageOpening(all: TextBlock[], publishedAt: Date, language?: string): PageOpening | undefined {
  for (const block of all.slice(0, HEAD_BLOCKS)) {
    const said = OPENED.exec(block.text)?.[1]?.split(LATER_PART)[0];
    if (!said) continue;
    const [clock] = clockTimesOf(said);
    const day = findDates(said, publishedAt, { language }).find((mention) => mention.precision === 'day');
    if (clock === undefined || !day) continue;
    const days = (Date.parse(day.date) - Date.parse(dayOf(publishedAt))) / DAY_MS;
    return { days, minute: Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5)) };
  }
  return undefined;
}
