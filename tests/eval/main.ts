import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { evaluateExtraction } from './extraction.ts';

const { values } = parseArgs({
  options: { extraction: { type: 'string' }, verbose: { type: 'boolean', short: 'v' } },
});

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function row(
  name: string,
  f: {
    gold: number;
    predicted: number;
    matched: number;
    precision: number;
    recall: number;
    f1: number;
    dateAccuracy: number;
    scheduledAccuracy: number;
  },
) {
  return `| ${name} | ${f.gold} | ${f.predicted} | ${f.matched} | ${pct(f.precision)} | ${pct(f.recall)} | ${f.f1.toFixed(3)} | ${pct(f.dateAccuracy)} | ${pct(f.scheduledAccuracy)} |`;
}

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
    for (const w of a.wrongDates)
      console.log(
        `date     ${a.id}: gold ${w.gold.date}${w.gold.endDate ? `..${w.gold.endDate}` : ''} got ${w.predicted.date}${w.predicted.endDate ? `..${w.predicted.endDate}` : ''} "${w.gold.quote}"`,
      );
  }
}
mkdirSync('tests/output', { recursive: true });
writeFileSync(
  'tests/output/eval.json',
  JSON.stringify({ extraction: { ...result, perArticle: undefined } }, null, 2),
);
