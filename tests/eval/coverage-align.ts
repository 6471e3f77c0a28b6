import { dateAgrees, type EntryDate } from './coverage-dates.ts';
import type { CoverageEvent, CoverageSet, GoldMention } from './coverage-set.ts';
import { contentWords, overlapCoefficient } from './overlap.ts';

/** What the scorer needs of a timeline entry: its date and the article quotes that report it. */
export interface SystemEntry extends EntryDate {
  id: string;
  kind: string;
  summary: string;
  mentions: Array<{ articleId: string; text: string }>;
}

/** A system mention, and the gold mention it was aligned with (if any) or why it is ignored. */
export interface SystemMention {
  entry: number;
  articleId: string;
  text: string;
  gold?: number;
  /** It aligns with no gold mention, only with a distractor: neither a hit nor a false positive. */
  ignored: boolean;
}

export interface GoldRef {
  event: CoverageEvent;
  mention: GoldMention;
}

/** The README's threshold: the shorter quote's content words at least half shared. */
export const ALIGN_AT = 0.5;

export function goldMentions(set: CoverageSet): GoldRef[] {
  return set.events.flatMap((event) => event.mentions.map((mention) => ({ event, mention })));
}

interface Candidate {
  system: number;
  gold: number;
  overlap: number;
  sameDate: boolean;
}

function candidates(system: SystemMention[], gold: GoldRef[], entries: SystemEntry[]): Candidate[] {
  const goldWords = gold.map((g) => contentWords(g.mention.quote));
  const found: Candidate[] = [];
  system.forEach((s, i) => {
    const words = contentWords(s.text);
    gold.forEach((g, j) => {
      if (g.mention.article_id !== s.articleId) return;
      const overlap = overlapCoefficient(words, goldWords[j] as Set<string>);
      const sameDate = dateAgrees(entries[s.entry] as SystemEntry, g.event);
      if (overlap >= ALIGN_AT) found.push({ system: i, gold: j, overlap, sameDate });
    });
  });
  // Greedy by overlap; on a tie (a quote shared by two events) the event with the entry's date wins.
  return found.sort((a, b) => b.overlap - a.overlap || Number(b.sameDate) - Number(a.sameDate));
}

function alignsWithDistractor(set: CoverageSet, articleId: string, words: Set<string>): boolean {
  return set.distractors.some(
    (d) => d.article_id === articleId && overlapCoefficient(words, contentWords(d.quote)) >= ALIGN_AT,
  );
}

/**
 * Step 0 of the README's scoring: each system mention aligned one to one with a gold mention of the
 * same article, greedily by word overlap; what aligns only with a distractor is marked ignored.
 */
export function alignMentions(set: CoverageSet, entries: SystemEntry[], gold: GoldRef[]): SystemMention[] {
  const system: SystemMention[] = entries.flatMap((entry, index) =>
    entry.mentions.map((m) => ({ entry: index, articleId: m.articleId, text: m.text, ignored: false })),
  );
  const goldTaken = new Set<number>();
  const found = candidates(system, gold, entries);
  const nearGold = new Set(found.map((c) => c.system));
  for (const c of found) {
    const s = system[c.system] as SystemMention;
    if (s.gold !== undefined || goldTaken.has(c.gold)) continue;
    s.gold = c.gold;
    goldTaken.add(c.gold);
  }
  system.forEach((s, i) => {
    s.ignored = !nearGold.has(i) && alignsWithDistractor(set, s.articleId, contentWords(s.text));
  });
  return system;
}
