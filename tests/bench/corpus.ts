import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { trimHtml } from '../../lib/articles/index.ts';
import { parseFeed } from '../../lib/feeds/parse.ts';
import { decodeBody } from '../../lib/http/charset.ts';

/** The repository root, found from this file so the bench runs the same from any working directory. */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The shared feed corpus lives beside the repository (../shared), never inside it: the project must
 * run without it, so every section that uses it skips when it is absent. DATELINE_CORPUS overrides.
 */
export function corpusRoot(): string {
  const override = process.env.DATELINE_CORPUS;
  return override ? resolve(override) : resolve(REPO_ROOT, '../shared/corpus/feeds');
}

export function corpusExists(root: string): boolean {
  return existsSync(root);
}

/** Folders the corpus MANIFEST lists as real-world captures (the rest are parser edge cases). */
export const REAL_WORLD_FOLDERS = [
  'rss-parser/test/input',
  'feedjira/spec/sample_feeds',
  'miniflux/internal/reader/parser/testdata',
];

/** The MANIFEST's "Benchmark picks": the largest real news feeds. A bench without them is invalid. */
export const BENCHMARK_PICKS = [
  'feedjira/spec/sample_feeds/TechCrunch.xml',
  'rss-parser/test/input/guardian.rss',
  'miniflux/internal/reader/parser/testdata/encoding_ISO-8859-1.xml',
];

/**
 * Production dates an undated entry when it first sees it; a fixed instant instead keeps the year
 * inference, and so the events found, identical from run to run.
 */
const UNDATED_PUBLISHED_AT = '2025-01-01T00:00:00.000Z';

export interface CorpusArticle {
  /** Corpus-relative path of the feed file. */
  source: string;
  title: string;
  html: string;
  publishedAt: string;
  /** The feed's declared language, standing in for the `language` ops would set in feeds.yaml. */
  language?: string;
  /** The UTC offset the entry's date was written in, as the poller passes it on. */
  utcOffsetMinutes?: number;
}

/** What became of one feed file, for the notes and bench.json. */
export interface FileOutcome {
  source: string;
  fileBytes: number;
  status: 'used' | 'podcast' | 'not a feed' | 'no bodies' | 'duplicate';
  articles: number;
  duplicates: number;
}

export interface NewsCorpus {
  articles: CorpusArticle[];
  files: FileOutcome[];
}

/**
 * Podcast feeds declare the iTunes namespace; their items are episode show notes, not news, and one
 * of them (giantbomb, 730 short items) would otherwise be half of all articles and flatter the rate.
 */
function isPodcast(xml: string): boolean {
  return /xmlns:itunes\s*=/i.test(xml);
}

function feedFiles(root: string): string[] {
  return REAL_WORLD_FOLDERS.flatMap((folder) =>
    existsSync(join(root, folder))
      ? readdirSync(join(root, folder))
          .sort()
          .map((name) => `${folder}/${name}`)
      : [],
  );
}

/**
 * Articles the way the worker receives them: bytes → decodeBody → parseFeed (the poller's path),
 * html capped like articleFromEntry does. Entries without a body carry nothing to extract and are
 * left out; a body seen before (the same blog captured as RSS and Atom) is counted once.
 */
async function loadFile(root: string, source: string, seen: Set<string>) {
  const bytes = readFileSync(join(root, source));
  const outcome: FileOutcome = {
    source,
    fileBytes: bytes.length,
    status: 'used',
    articles: 0,
    duplicates: 0,
  };
  const xml = decodeBody(bytes);
  if (isPodcast(xml)) return { outcome: { ...outcome, status: 'podcast' as const }, articles: [] };
  let parsed: Awaited<ReturnType<typeof parseFeed>>;
  try {
    parsed = await parseFeed(xml);
  } catch {
    return { outcome: { ...outcome, status: 'not a feed' as const }, articles: [] };
  }
  const { entries, language } = parsed;
  const articles: CorpusArticle[] = [];
  for (const entry of entries) {
    const { html } = trimHtml(entry.html);
    if (!html) continue;
    if (seen.has(html)) {
      outcome.duplicates++;
      continue;
    }
    seen.add(html);
    articles.push({
      source,
      title: entry.title,
      html,
      publishedAt: entry.publishedAt ?? UNDATED_PUBLISHED_AT,
      language,
      ...(entry.publishedAt && entry.utcOffsetMinutes !== undefined
        ? { utcOffsetMinutes: entry.utcOffsetMinutes }
        : {}),
    });
  }
  outcome.articles = articles.length;
  if (articles.length === 0) outcome.status = outcome.duplicates > 0 ? 'duplicate' : 'no bodies';
  return { outcome, articles };
}

/** Every news article body in the corpus's real-world folders; throws if a benchmark pick is unusable. */
export async function loadNewsCorpus(root: string): Promise<NewsCorpus> {
  const seen = new Set<string>();
  const corpus: NewsCorpus = { articles: [], files: [] };
  for (const source of feedFiles(root)) {
    const { outcome, articles } = await loadFile(root, source, seen);
    corpus.files.push(outcome);
    corpus.articles.push(...articles);
  }
  for (const pick of BENCHMARK_PICKS) {
    const outcome = corpus.files.find((file) => file.source === pick);
    if (!outcome || outcome.articles === 0) {
      throw new Error(
        `benchmark pick ${pick} is missing or gave no articles (${outcome?.status ?? 'absent'})`,
      );
    }
  }
  return corpus;
}
