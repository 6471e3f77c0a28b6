import * as z from 'zod';
import { markdownTable } from './format.ts';
import type { Row } from './section.ts';

/**
 * The figures tables of docs/benchmarks.md, rendered from what `npm run eval` and `npm run bench` write
 * (tests/output/eval.json, bench.json) so no figure in the docs is copied by hand. Each table sits
 * between `<!-- figures:NAME -->` and `<!-- /figures:NAME -->`; the prose around it is left alone.
 */

const PRF = z.object({ precision: z.number(), recall: z.number(), f1: z.number() });
const MeasuredAt = { generatedAt: z.string().optional(), commit: z.string().optional() };

/** What the quality table reads of eval.json; a section the run skipped is absent. */
export const EvalOutputSchema = z.object({
  ...MeasuredAt,
  extraction: z
    .object({
      articles: z.number(),
      total: PRF.extend({ dateAccuracy: z.number(), scheduledAccuracy: z.number() }),
    })
    .optional(),
  dedup: z.object({ articles: z.number(), pairwise: PRF, bcubed: PRF }).optional(),
  merges: z.object({ articles: z.number(), merged: z.number(), oneSite: z.number() }).optional(),
  coverage: z
    .array(
      PRF.extend({
        set: z.string(),
        events: z.number(),
        mentions: z.object({ recall: z.number() }),
        dedup: z.object({ pairwise: PRF, bcubed: PRF }),
        entryDates: z.object({ accuracy: z.number() }),
        relativeDates: z.object({ accuracy: z.number() }),
      }),
    )
    .optional(),
});
export type EvalOutput = z.infer<typeof EvalOutputSchema>;

/** What bench.json holds: each section run, as its table rows and notes, or the error it failed with. */
export const BenchOutputSchema = z.object({
  ...MeasuredAt,
  environment: z.object({ node: z.string(), cpu: z.string(), cores: z.number() }),
  sections: z.record(
    z.string(),
    z.union([
      z.object({
        title: z.string(),
        rows: z.array(z.record(z.string(), z.union([z.string(), z.number()]))),
        notes: z.array(z.string()),
        skipped: z.string().optional(),
      }),
      z.object({ error: z.string() }),
    ]),
  ),
});
export type BenchOutput = z.infer<typeof BenchOutputSchema>;

const fixed3 = (x: number) => x.toFixed(3);
const prf = (s: z.infer<typeof PRF>) => [s.precision, s.recall, s.f1].map(fixed3).join(' / ');

/** The issues' targets each figure is read against (extraction: #14; dedup and coverage: #14, #15). */
const TARGETS = {
  eventF1: 'F1 ≥ 0.90',
  dates: '≥ 0.97',
  pairwiseF1: 'F1 ≥ 0.85',
  bcubedF1: 'F1 ≥ 0.90',
  coverageDates: '≥ 0.95 / ≥ 0.90',
} as const;

const row = (set: string, figure: string, measured: string, target = ''): Row => ({
  set,
  figure,
  measured,
  target,
});

function evalRows(output: EvalOutput): Row[] {
  const rows: Row[] = [];
  const { extraction, dedup, merges } = output;
  if (extraction) {
    const { total } = extraction;
    rows.push(
      row(
        `self-written extraction (${extraction.articles} articles)`,
        'event P / R / F1',
        prf(total),
        TARGETS.eventF1,
      ),
      row(
        '',
        'date accuracy / scheduled right',
        [total.dateAccuracy, total.scheduledAccuracy].map(fixed3).join(' / '),
        TARGETS.dates,
      ),
    );
  }
  if (dedup) {
    rows.push(
      row(
        `self-written dedup (${dedup.articles} articles)`,
        'pairwise P / R / F1',
        prf(dedup.pairwise),
        TARGETS.pairwiseF1,
      ),
      row('', 'B-cubed P / R / F1', prf(dedup.bcubed), TARGETS.bcubedF1),
    );
  }
  for (const set of output.coverage ?? []) {
    rows.push(
      row(`${set.set} (${set.events} events)`, 'event P / R / F1', prf(set), TARGETS.eventF1),
      row('', 'mention recall', fixed3(set.mentions.recall)),
      row('', 'pairwise P / R / F1', prf(set.dedup.pairwise), TARGETS.pairwiseF1),
      row('', 'B-cubed P / R / F1', prf(set.dedup.bcubed), TARGETS.bcubedF1),
      row(
        '',
        'entry date / relative date accuracy',
        [set.entryDates.accuracy, set.relativeDates.accuracy].map(fixed3).join(' / '),
        TARGETS.coverageDates,
      ),
    );
  }
  if (merges) {
    rows.push(
      row(
        `real feeds, unlabelled (${merges.articles} articles)`,
        'events of several articles / of them from one site',
        `${merges.merged} / ${merges.oneSite}`,
      ),
    );
  }
  return rows;
}

function measuredLine(
  command: string,
  output: { generatedAt?: string; commit?: string },
  machine = '',
): string {
  const at = output.commit ? ` at ${output.commit}` : '';
  const on = output.generatedAt ? ` on ${output.generatedAt.slice(0, 10)}` : '';
  return `\`${command}\`${at}${on}${machine}:`;
}

/**
 * The quality table: every figure eval.json holds, three decimals, beside its target. Undefined for a
 * run of one coverage set (`npm run eval -- --coverage DIR`), which would drop the other sets.
 */
export function renderEvalFigures(output: EvalOutput): string | undefined {
  if (!output.extraction) return undefined;
  return `${measuredLine('npm run eval', output)}\n\n${markdownTable(evalRows(output))}`;
}

/**
 * One bench section as `npm run bench` printed it (its table and notes); undefined when the run did
 * not measure it (not run, skipped, failed), so the figures last recorded stay.
 */
export function renderBenchSection(output: BenchOutput, name: string): string | undefined {
  const section = output.sections[name];
  if (!section || 'error' in section || section.skipped) return undefined;
  const { cpu, cores, node } = output.environment;
  const line = measuredLine(`npm run bench -- ${name}`, output, `, ${cores} × ${cpu}, Node ${node}`);
  const notes = section.notes.map((note) => `- ${note}`).join('\n');
  return [`${line} ${section.title}.`, markdownTable(section.rows), notes].filter(Boolean).join('\n\n');
}

/**
 * `doc` with what stands between the `name` markers replaced by `content`; undefined when the doc
 * has no such markers, so a renamed section is reported rather than skipped in silence.
 */
export function replaceMarked(doc: string, name: string, content: string): string | undefined {
  const open = `<!-- figures:${name} -->`;
  const close = `<!-- /figures:${name} -->`;
  const start = doc.indexOf(open);
  const end = doc.indexOf(close, start);
  if (start < 0 || end < 0) return undefined;
  return `${doc.slice(0, start + open.length)}\n${content}\n${doc.slice(end)}`;
}
