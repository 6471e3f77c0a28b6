import {
  alignMentions,
  type GoldRef,
  goldMentions,
  type SystemEntry,
  type SystemMention,
} from './coverage-align.ts';
import { dateAgrees, dateAsReported } from './coverage-dates.ts';
import { byFlag, eventNote, unmatchedEntries } from './coverage-misses.ts';
import type { CoverageEvent, CoverageSet } from './coverage-set.ts';
import { clusterScores } from './dedup.ts';

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
const ratio = (a: number, b: number) => (b ? a / b : 0);

/** Which gold events each entry could stand for: the date agrees and one of its mentions aligns. */
function edgesOf(set: CoverageSet, entries: SystemEntry[], system: SystemMention[], gold: GoldRef[]) {
  const eventIndex = new Map<CoverageEvent, number>(set.events.map((event, i) => [event, i]));
  const edges = entries.map(() => new Set<number>());
  for (const s of system) {
    if (s.gold === undefined) continue;
    const event = (gold[s.gold] as GoldRef).event;
    if (dateAgrees(entries[s.entry] as SystemEntry, event))
      edges[s.entry]?.add(eventIndex.get(event) as number);
  }
  return edges;
}

/** Maximum bipartite matching (augmenting paths): entry index for each matched event index. */
function maximumMatching(edges: Array<Set<number>>): Map<number, number> {
  const owner = new Map<number, number>();
  const tryEntry = (entry: number, seen: Set<number>): boolean => {
    for (const event of edges[entry] ?? []) {
      if (seen.has(event)) continue;
      seen.add(event);
      const current = owner.get(event);
      if (current === undefined || tryEntry(current, seen)) {
        owner.set(event, entry);
        return true;
      }
    }
    return false;
  };
  for (let entry = 0; entry < edges.length; entry++) tryEntry(entry, new Set());
  return owner;
}

function dedupOf(gold: GoldRef[], system: SystemMention[], entries: SystemEntry[]) {
  const aligned = system.filter((s) => s.gold !== undefined);
  const goldOf = (s: SystemMention) => (gold[s.gold as number] as GoldRef).event.event_id;
  const sizes = new Map<string, number>();
  for (const g of gold) sizes.set(g.event.event_id, (sizes.get(g.event.event_id) ?? 0) + 1);
  const largest = [...sizes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const rest = aligned.filter((s) => goldOf(s) !== largest);
  const entryId = (s: SystemMention) => (entries[s.entry] as SystemEntry).id;
  const all = clusterScores(aligned.map(goldOf), aligned.map(entryId));
  const withoutLargest = clusterScores(rest.map(goldOf), rest.map(entryId));
  return {
    coverage: ratio(aligned.length, gold.length),
    pairwise: all.pairwise,
    bcubed: all.bcubed,
    largestEvent: largest,
    pairwiseWithoutLargest: withoutLargest.pairwise,
  };
}

/** Scores a timeline (its entries and their article quotes) against a coverage set, as its README says. */
export function scoreCoverage(set: CoverageSet, entries: SystemEntry[]) {
  const gold = goldMentions(set);
  const system = alignMentions(set, entries, gold);
  const edges = edgesOf(set, entries, system, gold);
  const owner = maximumMatching(edges);
  const matchedEntries = new Set(owner.values());
  const ignoredEntries = new Set(
    entries.flatMap((_, i) => {
      const own = system.filter((s) => s.entry === i);
      return own.length > 0 && own.every((s) => s.ignored) ? [i] : [];
    }),
  );
  const counted = entries.length - ignoredEntries.size;
  const precision = ratio(owner.size, counted);
  const recall = ratio(owner.size, set.events.length);
  const alignedTo = new Map<number, SystemEntry>();
  for (const s of system) if (s.gold !== undefined) alignedTo.set(s.gold, entries[s.entry] as SystemEntry);
  return {
    set: set.name,
    ...eventFigures(set, gold, alignedTo, owner),
    entries: entries.length,
    ignoredEntries: ignoredEntries.size,
    matched: owner.size,
    precision,
    recall,
    f1: f1(precision, recall),
    mentions: mentionFigures(gold, system),
    dedup: dedupOf(gold, system, entries),
    relativeDates: relativeFigures(gold, alignedTo),
    byFlag: byFlag(gold, alignedTo),
    unmatchedEntries: unmatchedEntries(
      entries,
      system,
      edges,
      (i) => !matchedEntries.has(i) && !ignoredEntries.has(i),
    ),
  };
}
export type CoverageScore = ReturnType<typeof scoreCoverage>;

function mentionFigures(gold: GoldRef[], system: SystemMention[]) {
  const aligned = system.filter((s) => s.gold !== undefined).length;
  const counted = system.filter((s) => !s.ignored).length;
  const precision = ratio(aligned, counted);
  const recall = ratio(aligned, gold.length);
  return { gold: gold.length, system: system.length, aligned, precision, recall, f1: f1(precision, recall) };
}

/** Over aligned mentions whose date had to be worked out: the share the entry dates as the article does. */
function relativeFigures(gold: GoldRef[], alignedTo: Map<number, SystemEntry>) {
  let aligned = 0;
  let right = 0;
  gold.forEach((g, i) => {
    const entry = alignedTo.get(i);
    if (!entry || !g.mention.resolved_relative) return;
    aligned++;
    if (dateAsReported(entry, g.mention.date_as_reported)) right++;
  });
  const total = gold.filter((g) => g.mention.resolved_relative).length;
  return { total, aligned, right, accuracy: ratio(right, aligned) };
}

/** Per gold event: covered (some entry holds an aligned mention), dated right, matched; recall by kind. */
function eventFigures(
  set: CoverageSet,
  gold: GoldRef[],
  alignedTo: Map<number, SystemEntry>,
  owner: Map<number, number>,
) {
  const coveringEntries = set.events.map((event) => [
    ...new Set(
      gold.flatMap((g, i) =>
        g.event === event && alignedTo.has(i) ? [alignedTo.get(i) as SystemEntry] : [],
      ),
    ),
  ]);
  const covered = coveringEntries.filter((list) => list.length > 0).length;
  const datedRight = set.events.filter((event, i) => coveringEntries[i]?.some((e) => dateAgrees(e, event)));
  const samePrecision = set.events.filter((event, i) => {
    const list = coveringEntries[i] ?? [];
    const best = list.find((e) => dateAgrees(e, event)) ?? list[0];
    return best?.datePrecision === event.date_precision;
  });
  const multi = set.events.map((e) => new Set(e.mentions.map((m) => m.article_id)).size > 1);
  const recallOf = (wanted: boolean) =>
    ratio(
      set.events.filter((_, i) => multi[i] === wanted && owner.has(i)).length,
      multi.filter((m) => m === wanted).length,
    );
  const missed = set.events.filter((_, i) => !owner.has(i));
  return {
    events: set.events.length,
    recallMultiSource: recallOf(true),
    recallSingleSource: recallOf(false),
    entryDates: {
      covered,
      right: datedRight.length,
      accuracy: ratio(datedRight.length, covered),
      samePrecision: ratio(samePrecision.length, covered),
    },
    missedEvents: {
      notFound: missed.filter((e) => !coveringEntries[set.events.indexOf(e)]?.length).map(eventNote),
      wrongDate: missed
        .filter((e) => coveringEntries[set.events.indexOf(e)]?.length && !datedRight.includes(e))
        .map(eventNote),
      sharedEntry: missed.filter((e) => datedRight.includes(e)).map(eventNote),
    },
  };
}
