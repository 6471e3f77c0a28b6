/**
 * `npm run bench` runs every section; `npm run bench -- extraction` runs the named ones. Each section
 * prints a Markdown table to stdout (so the output pastes into an issue or PR as is) and the run's
 * results go to tests/output/bench.json for scripts to compare.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setup as useScratchRoot } from '../support/temp-root.ts';
import { coldSection } from './cold.ts';
import { measuredCommit } from './commit.ts';
import { dedupSection } from './dedup.ts';
import { extractionSection } from './extraction.ts';
import { markdownTable } from './format.ts';
import { pollSection } from './poll.ts';
import type { Section, SectionResult } from './section.ts';
import { timelineSection } from './timeline.ts';

/** In run order; dedup and timeline sections join here. */
const SECTIONS: Section[] = [extractionSection, pollSection, dedupSection, timelineSection, coldSection];

const OUTPUT_DIR = fileURLToPath(new URL('../output/', import.meta.url));
const OUTPUT_FILE = `${OUTPUT_DIR}bench.json`;

function selectSections(names: string[]): Section[] {
  if (names.length === 0) return SECTIONS;
  const unknown = names.filter((name) => !SECTIONS.some((section) => section.name === name));
  if (unknown.length > 0) {
    const known = SECTIONS.map((section) => section.name).join(', ');
    throw new UsageError(`unknown bench section: ${unknown.join(', ')} (known: ${known})`);
  }
  return SECTIONS.filter((section) => names.includes(section.name));
}

class UsageError extends Error {}

function render(result: SectionResult): string {
  const parts = [`## ${result.title}`];
  if (result.skipped) parts.push(`skipped: ${result.skipped}`);
  if (result.rows.length > 0) parts.push(markdownTable(result.rows));
  if (result.notes.length > 0) parts.push(result.notes.map((note) => `- ${note}`).join('\n'));
  return `${parts.join('\n\n')}\n`;
}

/** The machine matters for every figure, so it is recorded beside them. */
function environment() {
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
  };
}

type Outcome = SectionResult | { error: string };

/** A failing section is reported and fails the run, but does not stop the sections after it. */
async function runSection(section: Section): Promise<Outcome> {
  try {
    const result = await section.run();
    process.stdout.write(`${render(result)}\n`);
    return result;
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`bench section "${section.name}" failed: ${message}\n`);
    process.exitCode = 1;
    return { error: message };
  }
}

async function main(names: string[]): Promise<void> {
  const sections = selectSections(names);
  const results: Record<string, Outcome> = {};
  const removeScratch = useScratchRoot();
  try {
    for (const section of sections) results[section.name] = await runSection(section);
  } finally {
    removeScratch();
  }
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const report = {
    generatedAt: new Date().toISOString(),
    commit: measuredCommit(),
    environment: environment(),
    sections: results,
  };
  writeFileSync(OUTPUT_FILE, `${JSON.stringify(report, null, 2)}\n`);
  // stderr, so stdout stays pure Markdown.
  process.stderr.write(`wrote ${OUTPUT_FILE}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  throw error;
});
