/**
 * `npm run docs:figures`: rewrites the figures tables of docs/benchmarks.md from tests/output/eval.json
 * (`npm run eval`) and tests/output/bench.json (`npm run bench`). A table whose run is not in those
 * files, or did not measure (skipped, failed, one coverage set alone), keeps what it holds; a run
 * with no place in the doc fails the command.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  BenchOutputSchema,
  EvalOutputSchema,
  renderBenchSection,
  renderEvalFigures,
  replaceMarked,
} from './doc-figures.ts';

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const DOC = at('../../docs/benchmarks.md');
const EVAL = at('../output/eval.json');
const BENCH = at('../output/bench.json');

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

function tables(): Array<[name: string, content: string]> {
  const found: Array<[string, string]> = [];
  const quality = existsSync(EVAL) && renderEvalFigures(EvalOutputSchema.parse(readJson(EVAL)));
  if (quality) found.push(['eval', quality]);
  if (existsSync(BENCH)) {
    const bench = BenchOutputSchema.parse(readJson(BENCH));
    for (const name of Object.keys(bench.sections)) {
      const content = renderBenchSection(bench, name);
      if (content) found.push([`bench:${name}`, content]);
    }
  }
  return found;
}

let doc = readFileSync(DOC, 'utf8');
for (const [name, content] of tables()) {
  const next = replaceMarked(doc, name, content);
  if (next === undefined) {
    process.stderr.write(`docs/benchmarks.md has no <!-- figures:${name} --> markers\n`);
    process.exitCode = 1;
    continue;
  }
  doc = next;
  process.stdout.write(`rendered figures:${name}\n`);
}
writeFileSync(DOC, doc);
