import type { CoverageEval } from './coverage.ts';
import type { CoverageScore } from './coverage-score.ts';

const n3 = (x: number) => x.toFixed(3);
const prf = (m: { precision: number; recall: number; f1: number }) =>
  `${n3(m.precision)} / ${n3(m.recall)} / ${n3(m.f1)}`;
const ids = (list: Array<{ id: string }>) => (list.length ? list.map((e) => e.id).join(' ') : '—');

function headline(s: CoverageScore): string[] {
  return [
    '| event P | event R | event F1 | R multi-source | R single-source | mention P / R / F1 |',
    '|---:|---:|---:|---:|---:|---:|',
    `| ${n3(s.precision)} | ${n3(s.recall)} | ${n3(s.f1)} | ${n3(s.recallMultiSource)} | ${n3(s.recallSingleSource)} | ${prf(s.mentions)} |`,
    '',
    `| dedup coverage | pairwise P / R / F1 | pairwise F1 without ${s.dedup.largestEvent} | B-cubed P / R / F1 | entry date acc. | same precision | relative-date acc. |`,
    '|---:|---:|---:|---:|---:|---:|---:|',
    `| ${n3(s.dedup.coverage)} | ${prf(s.dedup.pairwise)} | ${n3(s.dedup.pairwiseWithoutLargest.f1)} | ${prf(s.dedup.bcubed)} | ${n3(s.entryDates.accuracy)} (${s.entryDates.right}/${s.entryDates.covered}) | ${n3(s.entryDates.samePrecision)} | ${n3(s.relativeDates.accuracy)} (${s.relativeDates.right}/${s.relativeDates.aligned}) |`,
  ];
}

function misses(s: CoverageScore): string[] {
  const missed = s.missedEvents;
  const unmatched = s.unmatchedEntries;
  return [
    '',
    `Missed events: ${missed.notFound.length} never found (${ids(missed.notFound)}); ` +
      `${missed.wrongDate.length} found with a wrong date (${ids(missed.wrongDate)}); ` +
      `${missed.sharedEntry.length} dated right but only inside an entry that stands for another event (${ids(missed.sharedEntry)}).`,
    `Entries that match no event: ${unmatched.noGoldMention.length} with no gold mention, ` +
      `${unmatched.wrongDate.length} with gold mentions but a wrong date, ` +
      `${unmatched.duplicate.length} repeating an event another entry already stands for; ` +
      `${s.ignoredEntries} more only quote distractors (not counted).`,
    '',
    '| flag | mentions | aligned | dated as reported |',
    '|---|---:|---:|---:|',
    ...s.byFlag.map((row) => `| ${row.flag} | ${row.mentions} | ${row.aligned} | ${row.dateRight} |`),
  ];
}

/** Every miss spelled out: the gold event's summary, the entry's quotes. */
function details(s: CoverageScore): string[] {
  const events = Object.entries(s.missedEvents).flatMap(([cause, list]) =>
    list.map((e) => `missed   ${cause} ${e.id} ${e.date}: ${e.summary.slice(0, 120)}`),
  );
  const entries = Object.entries(s.unmatchedEntries).flatMap(([cause, list]) =>
    list.map(
      (e) => `spurious ${cause} ${e.kind} ${e.date}: ${e.quotes.map((q) => q.slice(0, 120)).join(' | ')}`,
    ),
  );
  return ['', ...events, ...entries];
}

/** The README's figures for one coverage set, with the misses broken down by cause and by flag. */
export function coverageReport({ score, summary, seconds }: CoverageEval, verbose = false): string {
  const title =
    `## Coverage: ${score.set} (${score.events} gold events, ${score.mentions.gold} mentions → ` +
    `${score.entries} entries; ${summary.replace(/^once: /, '')}; ${seconds.toFixed(0)} s)`;
  return [title, '', ...headline(score), ...misses(score), ...(verbose ? details(score) : [])].join('\n');
}
