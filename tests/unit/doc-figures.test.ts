import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BenchOutputSchema,
  EvalOutputSchema,
  renderBenchSection,
  renderEvalFigures,
  replaceMarked,
} from '../bench/doc-figures.ts';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/doc-figures/${name}`, import.meta.url), 'utf8'));

describe('the docs figures, rendered from what eval and bench write', () => {
  it('renders eval.json as the quality table: every set, three decimals, beside its target', () => {
    expect(renderEvalFigures(EvalOutputSchema.parse(fixture('eval.json')))).toBe(
      [
        '`npm run eval` at abc1234 on 2026-12-01:',
        '',
        '| set                                  | figure                                             | measured              | target          |',
        '| ------------------------------------ | -------------------------------------------------- | --------------------- | --------------- |',
        '| self-written extraction (4 articles) | event P / R / F1                                   | 1.000 / 0.900 / 0.947 | F1 ≥ 0.90       |',
        '|                                      | date accuracy / scheduled right                    | 0.889 / 1.000         | ≥ 0.97          |',
        '| self-written dedup (6 articles)      | pairwise P / R / F1                                | 0.750 / 0.500 / 0.600 | F1 ≥ 0.85       |',
        '|                                      | B-cubed P / R / F1                                 | 0.833 / 0.667 / 0.741 | F1 ≥ 0.90       |',
        '| harbour-storm (5 events)             | event P / R / F1                                   | 0.500 / 0.800 / 0.615 | F1 ≥ 0.90       |',
        '|                                      | mention recall                                     | 0.750                 |                 |',
        '|                                      | pairwise P / R / F1                                | 1.000 / 0.250 / 0.400 | F1 ≥ 0.85       |',
        '|                                      | B-cubed P / R / F1                                 | 1.000 / 0.500 / 0.667 | F1 ≥ 0.90       |',
        '|                                      | entry date / relative date accuracy                | 1.000 / 0.667         | ≥ 0.95 / ≥ 0.90 |',
        '| real feeds, unlabelled (20 articles) | events of several articles / of them from one site | 3 / 1                 |                 |',
      ].join('\n'),
    );
  });

  it('renders a bench section as bench printed it, with the commit and machine it ran on', () => {
    const bench = BenchOutputSchema.parse(fixture('bench.json'));
    const machine = 'at abc1234+changes on 2026-12-01, 2 × Test CPU, Node v20.19.0';
    expect(renderBenchSection(bench, 'poll')).toBe(
      [
        `\`npm run bench -- poll\` ${machine}: Polling 10 feeds.`,
        '',
        '| cycle                | wall time | vs ideal |',
        '| -------------------- | --------: | -------: |',
        '| first poll           |    1.20 s |    2.40× |',
        '| second poll: all 304 |    0.60 s |    1.20× |',
        '',
        '- the emulators share the process',
      ].join('\n'),
    );
  });

  it('leaves the last figures in place for a bench section skipped, failed or not run', () => {
    const bench = BenchOutputSchema.parse(fixture('bench.json'));
    expect(renderBenchSection(bench, 'dedup')).toBeUndefined();
    expect(renderBenchSection(bench, 'cold')).toBeUndefined();
    expect(renderBenchSection(bench, 'timeline')).toBeUndefined();
  });

  it('renders no quality table from a run of one coverage set, which would drop the others', () => {
    const { coverage } = EvalOutputSchema.parse(fixture('eval.json'));
    expect(renderEvalFigures({ coverage })).toBeUndefined();
  });

  it('names no commit that the run did not record', () => {
    const { commit: _, generatedAt: __, ...unrecorded } = EvalOutputSchema.parse(fixture('eval.json'));
    expect(renderEvalFigures(unrecorded)?.split('\n')[0]).toBe('`npm run eval`:');
  });

  it('docs/benchmarks.md has a place for the quality table and every bench section', () => {
    const doc = readFileSync(new URL('../../docs/benchmarks.md', import.meta.url), 'utf8');
    for (const name of [
      'eval',
      'bench:extraction',
      'bench:poll',
      'bench:dedup',
      'bench:timeline',
      'bench:cold',
    ])
      expect(replaceMarked(doc, name, ''), name).toBeDefined();
  });

  it('replaces only what stands between its markers, keeping the prose around them', () => {
    const doc = 'Intro.\n\n<!-- figures:eval -->\nold table\n<!-- /figures:eval -->\n\nWhat it says.\n';
    expect(replaceMarked(doc, 'eval', 'new table')).toBe(
      'Intro.\n\n<!-- figures:eval -->\nnew table\n<!-- /figures:eval -->\n\nWhat it says.\n',
    );
    expect(replaceMarked(doc, 'bench:poll', 'x')).toBeUndefined();
  });
});
