import * as chrono from 'chrono-node';
import { Parser } from 'htmlparser2';
import { eventsOf, extractEvents } from '../../lib/extraction/index.ts';
import {
  BENCHMARK_PICKS,
  type CorpusArticle,
  corpusExists,
  corpusRoot,
  type FileOutcome,
  loadNewsCorpus,
} from './corpus.ts';
import { bytes, count, duration, perSecond, ratio } from './format.ts';
import type { Row, Section, SectionResult } from './section.ts';
import { compareInterleaved, DEFAULT_ROUNDS, spread, type Timing } from './timing.ts';

/** The throughput extraction must sustain on one core (articles per second). */
export const TARGET_ARTICLES_PER_SECOND = 500;

const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg']);

/**
 * Visible text of an article, for the chrono-only ceiling. Tags become spaces so words either side
 * of a tag do not merge into one token, and entities are decoded as the extractor decodes them.
 */
export function stripTags(html: string): string {
  const parts: string[] = [];
  let skipDepth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED_TAGS.has(name)) skipDepth++;
        parts.push(' ');
      },
      ontext(text) {
        if (skipDepth === 0) parts.push(text);
      },
      onclosetag(name) {
        if (SKIPPED_TAGS.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        parts.push(' ');
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function extractionPass(articles: readonly CorpusArticle[], extract = extractEvents): () => number {
  return () => {
    let events = 0;
    for (const { html, publishedAt, utcOffsetMinutes, title, language } of articles) {
      events += extract({ html, publishedAt, utcOffsetMinutes, title, language }).length;
    }
    return events;
  };
}

/**
 * chrono-node alone, one strict parse over each article's whole text: no HTML parsing, no sentence
 * splitting, no year inference. What the extractor adds costs at least this, so this is its ceiling.
 */
function chronoPass(articles: readonly CorpusArticle[]): () => number {
  // Prepared outside the timed pass: the ceiling is chrono's own cost, not tag stripping's.
  const inputs = articles.map((article) => ({
    text: stripTags(article.html),
    instant: new Date(article.publishedAt),
  }));
  return () => {
    let dates = 0;
    for (const { text, instant } of inputs)
      dates += chrono.strict.parse(text, { instant, timezone: 'UTC' }).length;
    return dates;
  };
}

/**
 * The verdict uses the median, but says so when the rounds straddle the target: on a busy machine a
 * bare "met" or "NOT met" near the line would flip from run to run without the code changing.
 */
function targetCell(articles: number, timing: Timing): string {
  const rates = timing.passNs.map((ns) => perSecond(articles, ns));
  const verdict = perSecond(articles, timing.medianPassNs) >= TARGET_ARTICLES_PER_SECOND ? 'met' : 'NOT met';
  const slowest = Math.min(...rates);
  const fastest = Math.max(...rates);
  if (slowest >= TARGET_ARTICLES_PER_SECOND || fastest < TARGET_ARTICLES_PER_SECOND) return verdict;
  return `${verdict}, borderline (rounds ${count(slowest)}–${count(fastest)}/s)`;
}

function rows(
  articles: readonly CorpusArticle[],
  htmlBytes: number,
  extraction: Timing,
  enriched: Timing,
  ceiling: Timing,
): Row[] {
  const extractionRate = perSecond(articles.length, extraction.medianPassNs);
  const ceilingRate = perSecond(articles.length, ceiling.medianPassNs);
  const row = (side: string, timing: Timing, rate: number, found: string, target: string): Row => ({
    side,
    articles: count(articles.length),
    'html bytes': count(htmlBytes),
    rounds: timing.passNs.length,
    'median pass': duration(timing.medianPassNs),
    spread: `${(spread(timing.passNs) * 100).toFixed(1)}%`,
    'articles/s': count(rate),
    found,
    'vs chrono': ratio(rate, ceilingRate),
    [`target ≥ ${TARGET_ARTICLES_PER_SECOND}/s`]: target,
  });
  return [
    row(
      'extractEvents',
      extraction,
      extractionRate,
      `${count(extraction.found)} events`,
      targetCell(articles.length, extraction),
    ),
    row(
      'extractEvents + entities (eventsOf)',
      enriched,
      perSecond(articles.length, enriched.medianPassNs),
      `${count(enriched.found)} events`,
      '— (enrichment: compromise NER)',
    ),
    row('chrono.strict.parse (ceiling)', ceiling, ceilingRate, `${count(ceiling.found)} dates`, '—'),
  ];
}

const fileName = (file: FileOutcome) => file.source.split('/').pop() ?? file.source;

function corpusNotes(root: string, articles: number, files: readonly FileOutcome[]): string[] {
  const by = (status: FileOutcome['status']) => files.filter((file) => file.status === status);
  const names = (list: FileOutcome[]) => list.map(fileName).join(', ') || 'none';
  const picks = files.filter((file) => BENCHMARK_PICKS.includes(file.source));
  const duplicates = files.reduce((sum, file) => sum + file.duplicates, 0);
  return [
    `corpus: ${root}; ${count(articles)} articles from ${by('used').length} feeds (per-file counts in bench.json); benchmark picks: ${picks.map((file) => `${fileName(file)} ${file.articles}`).join(', ')}`,
    `left out, podcast feeds (show notes, not news): ${names(by('podcast'))}`,
    `left out, not a feed: ${names(by('not a feed'))}; no article bodies: ${names(by('no bodies'))}`,
    `${duplicates} entries repeating an earlier body counted once (files wholly repeated: ${names(by('duplicate'))})`,
  ];
}

function methodNotes(extraction: Timing, ceiling: Timing): string[] {
  const roundMs = Math.round(DEFAULT_ROUNDS.minMsPerSide / DEFAULT_ROUNDS.minRounds);
  return [
    `one core: main thread, no workers; warm-up ≥ ${DEFAULT_ROUNDS.warmupMs} ms per side, then ${extraction.passNs.length} rounds alternating which side goes first; figures are the median pass; spread = (slowest − fastest) / median`,
    `passes per round: extractEvents ${extraction.passesPerRound}, chrono ${ceiling.passesPerRound} (a fast side repeats its pass so each round lasts ≥ ${roundMs} ms)`,
    "extractEvents gets html, publishedAt, title and the feed's declared language; chrono gets each article as one tag-stripped text (prepared outside the timed loop), English strict mode",
  ];
}

async function run(): Promise<SectionResult> {
  const title = 'Extraction throughput (real news feeds, one core)';
  const root = corpusRoot();
  if (!corpusExists(root)) {
    return {
      title,
      rows: [],
      notes: [],
      skipped: `corpus not found at ${root} (set DATELINE_CORPUS to override)`,
    };
  }
  const { articles, files } = await loadNewsCorpus(root);
  const htmlBytes = articles.reduce((sum, article) => sum + Buffer.byteLength(article.html), 0);
  const [extraction, enriched, ceiling] = compareInterleaved([
    { name: 'extractEvents', pass: extractionPass(articles) },
    { name: 'eventsOf', pass: extractionPass(articles, eventsOf) },
    { name: 'chrono', pass: chronoPass(articles) },
  ]) as [Timing, Timing, Timing];
  const extractionRate = perSecond(articles.length, extraction.medianPassNs);
  return {
    title,
    rows: rows(articles, htmlBytes, extraction, enriched, ceiling),
    notes: [...corpusNotes(root, articles.length, files), ...methodNotes(extraction, ceiling)],
    data: {
      corpus: root,
      articles: articles.length,
      htmlBytes,
      htmlSize: bytes(htmlBytes),
      targetArticlesPerSecond: TARGET_ARTICLES_PER_SECOND,
      targetMet: extractionRate >= TARGET_ARTICLES_PER_SECOND,
      extraction: { ...extraction, articlesPerSecond: extractionRate },
      enriched: { ...enriched, articlesPerSecond: perSecond(articles.length, enriched.medianPassNs) },
      chrono: { ...ceiling, articlesPerSecond: perSecond(articles.length, ceiling.medianPassNs) },
      files,
    },
  };
}

export const extractionSection: Section = { name: 'extraction', run };
