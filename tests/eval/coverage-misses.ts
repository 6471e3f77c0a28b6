import type { GoldRef, SystemEntry, SystemMention } from './coverage-align.ts';
import { dateAsReported } from './coverage-dates.ts';
import type { CoverageEvent } from './coverage-set.ts';

export interface FlagRow {
  flag: string;
  mentions: number;
  aligned: number;
  /** Aligned mentions whose entry date lies inside what the article reported. */
  dateRight: number;
}

export function byFlag(gold: GoldRef[], alignedTo: Map<number, SystemEntry>): FlagRow[] {
  const rows = new Map<string, FlagRow>();
  gold.forEach((g, i) => {
    const entry = alignedTo.get(i);
    const right = entry !== undefined && dateAsReported(entry, g.mention.date_as_reported);
    const flags = g.mention.resolved_relative ? ['resolved_relative', ...g.mention.flags] : g.mention.flags;
    for (const flag of flags) {
      const row = rows.get(flag) ?? { flag, mentions: 0, aligned: 0, dateRight: 0 };
      row.mentions++;
      if (entry) row.aligned++;
      if (right) row.dateRight++;
      rows.set(flag, row);
    }
  });
  return [...rows.values()].sort((a, b) => b.mentions - a.mentions || a.flag.localeCompare(b.flag));
}

/** An entry as a reader of the misses needs it: its date and what it quotes. */
export interface EntryNote {
  date: string;
  kind: string;
  quotes: string[];
}

const noteOf = (entry: SystemEntry): EntryNote => ({
  date: entry.endDate ? `${entry.date}..${entry.endDate}` : entry.date,
  kind: entry.kind,
  quotes: entry.mentions.map((m) => `${m.articleId}: ${m.text}`),
});

/** Entries that matched no event, by why: nothing of it is gold, its date is wrong, or it repeats one. */
export function unmatchedEntries(
  entries: SystemEntry[],
  system: SystemMention[],
  edges: Array<Set<number>>,
  counted: (entry: number) => boolean,
) {
  const causes = {
    noGoldMention: [] as EntryNote[],
    wrongDate: [] as EntryNote[],
    duplicate: [] as EntryNote[],
  };
  edges.forEach((events, entry) => {
    if (!counted(entry)) return;
    const note = noteOf(entries[entry] as SystemEntry);
    if (events.size > 0) causes.duplicate.push(note);
    else if (system.some((s) => s.entry === entry && s.gold !== undefined)) causes.wrongDate.push(note);
    else causes.noGoldMention.push(note);
  });
  return causes;
}

export const eventNote = (event: CoverageEvent) => ({
  id: event.event_id,
  date: event.date,
  summary: event.summary,
});
