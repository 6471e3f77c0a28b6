import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { measuredCommit } from '../bench/commit.ts';
import { corpusExists, corpusRoot } from '../bench/corpus.ts';
import {
  coverageFigures,
  dedupFigures,
  extractionFigures,
  raised,
  readBaseline,
  writeBaseline,
} from './baseline.ts';
import { corpusMerges } from './corpus-merges.ts';
import { COVERAGE_ROOT, coverageSets, evaluateCoverage } from './coverage.ts';
import { coverageReport } from './coverage-report.ts';
import { evaluateDedup, MULTI_SOURCE_SET, thresholdSweep } from './dedup.ts';
import { evaluateExtraction } from './extraction.ts';

const { values } = parseArgs({
  options: {
    extraction: { type: 'string' },
    dedup: { type: 'string' },
    sweep: { type: 'boolean' },
    merges: { type: 'boolean' },
    coverage: { type: 'string' },
    raise: { type: 'boolean' },
    verbose: { type: 'boolean', short: 'v' },
  },
});

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

interface Row {
  gold: number;
  predicted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  dateAccuracy: number;
  scheduledAccuracy: number;
}

function row(name: string, f: Row) {
  return `| ${name} | ${f.gold} | ${f.predicted} | ${f.matched} | ${pct(f.precision)} | ${pct(f.recall)} | ${f.f1.toFixed(3)} | ${pct(f.dateAccuracy)} | ${pct(f.scheduledAccuracy)} |`;
}

function printExtraction() {
  const result = evaluateExtraction(values.extraction);
  console.log(
    `## Extraction (${result.articles} articles${values.extraction ? `, ${values.extraction}` : ''})\n`,
  );
  console.log(
    '| set | gold | predicted | matched | precision | recall | F1 | date accuracy | scheduled right |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [style, f] of Object.entries(result.byStyle)) console.log(row(style, f));
  console.log(row('**all**', result.total));
  if (values.verbose) {
    for (const a of result.perArticle) {
      for (const m of a.missed) console.log(`missed   ${a.id}: ${m.kind} ${m.date} "${m.quote}"`);
      for (const s of a.spurious)
        console.log(`spurious ${a.id}: ${s.kind} ${s.date} "${s.quote.slice(0, 100)}"`);
      for (const w of a.wrongDates) {
        const got = `${w.predicted.date}${w.predicted.endDate ? `..${w.predicted.endDate}` : ''}`;
        console.log(
          `date     ${a.id}: gold ${w.gold.date}${w.gold.endDate ? `..${w.gold.endDate}` : ''} got ${got} "${w.gold.quote}"`,
        );
      }
    }
  }
  return { ...result, perArticle: undefined };
}

async function printDedup() {
  const dir = values.dedup ?? MULTI_SOURCE_SET;
  if (!existsSync(dir) || readdirSync(dir).length === 0) {
    console.log(`\n## Dedup\n\nskipped: no labelled multi-outlet set at ${dir}`);
    return undefined;
  }
  const result = await evaluateDedup(dir);
  console.log(
    `\n## Dedup (${result.articles} articles, ${result.mentions} labelled mentions in ${result.goldClusters} gold clusters → ${result.predictedClusters} events)\n`,
  );
  console.log('| measure | precision | recall | F1 |');
  console.log('|---|---:|---:|---:|');
  console.log(
    `| pairwise | ${pct(result.pairwise.precision)} | ${pct(result.pairwise.recall)} | ${result.pairwise.f1.toFixed(3)} |`,
  );
  console.log(
    `| B-cubed | ${pct(result.bcubed.precision)} | ${pct(result.bcubed.recall)} | ${result.bcubed.f1.toFixed(3)} |`,
  );
  if (values.sweep) {
    console.log(
      '\n| same day | same day, names only | same day, same story | next day | same period | same site | pairwise F1 | B-cubed F1 |',
    );
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const s of thresholdSweep(dir)) {
      const t = s.thresholds;
      const cells = [
        t['same-day'],
        t['same-day-names-only'],
        t['same-day-same-story'],
        t['next-day'],
        t['same-period'],
        t['same-site'],
      ].join(' | ');
      const inUse = s.current ? ' (in use)' : '';
      console.log(`| ${cells}${inUse} | ${s.pairwiseF1.toFixed(3)} | ${s.bcubedF1.toFixed(3)} |`);
    }
  }
  return result;
}

/** What dedup merges in real feeds: a list to read, since nobody labelled them. */
async function printCorpusMerges() {
  const root = corpusRoot();
  if (!corpusExists(root)) {
    console.log(`\n## Merges in real feeds\n\nskipped: no corpus at ${root}`);
    return undefined;
  }
  const result = await corpusMerges(root);
  console.log(
    `\n## Merges in real feeds (${result.articles} corpus articles → ${result.events} events; ${result.merged.length} hold several articles, ${result.oneSite} of them from one site)\n`,
  );
  const shown = values.merges ? result.merged : result.merged.slice(0, 10);
  for (const event of shown) {
    console.log(`- ${event.date}: ${event.sources.map((s) => `"${s.title}" (${s.feedName})`).join(' + ')}`);
  }
  if (shown.length < result.merged.length)
    console.log(`- … ${result.merged.length - shown.length} more (--merges)`);
  return { ...result, merged: result.merged.length };
}

/** Real coverage, end to end through `npm start`: the folder given, or every set beside the repository. */
async function printCoverage(dirs: string[]) {
  if (dirs.length === 0)
    console.log(`\n## Coverage\n\nskipped: no labelled coverage sets at ${COVERAGE_ROOT}`);
  const scores = [];
  for (const dir of dirs) {
    const result = await evaluateCoverage(dir);
    console.log(`\n${coverageReport(result, values.verbose)}`);
    scores.push(result.score);
  }
  return scores;
}

const only = values.coverage;
const extraction = only ? undefined : printExtraction();
const dedup = only ? undefined : await printDedup();
const merges = only ? undefined : await printCorpusMerges();
const coverage = await printCoverage(only ? [only] : coverageSets());
if (values.raise && !extraction)
  console.log('\n--raise needs the whole eval (no --coverage): nothing written');
if (values.raise && extraction) {
  const pinned = merges && { merged: merges.merged, oneSite: merges.oneSite };
  writeBaseline(
    raised(readBaseline(), {
      extraction: extractionFigures(extraction.total),
      ...(dedup ? { dedup: dedupFigures(dedup) } : {}),
      coverage: Object.fromEntries(coverage.map((score) => [score.set, coverageFigures(score)])),
      ...(pinned ? { realFeedMerges: pinned } : {}),
    }),
  );
  console.log(
    '\ntests/eval/baseline.json: floors raised to these figures (none lowered), merge count updated',
  );
}
mkdirSync('tests/output', { recursive: true });
const measuredAt = { generatedAt: new Date().toISOString(), commit: measuredCommit() };
writeFileSync(
  'tests/output/eval.json',
  JSON.stringify({ ...measuredAt, extraction, dedup, merges, coverage }, null, 2),
);
