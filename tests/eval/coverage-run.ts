import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PublicEvent } from '../../lib/timeline/index.ts';
import { run } from '../support/cli.ts';
import { FeedServer } from '../support/feed-server.ts';
import { type FixtureItem, rss } from '../support/rss.ts';
import type { SystemEntry } from './coverage-align.ts';
import type { CoverageArticle, CoverageSet } from './coverage-set.ts';
import { readTimeline, withServedTimeline } from './coverage-timeline.ts';

const MAIN = 'infra/local/main.ts';

/**
 * One outlet's site: the articles published under one host form one feed, as a real site's feed. The
 * feed declares no language, as many do not: Dateline then reads it as English, which is how the
 * figures in the sets' README were measured.
 */
interface Site {
  id: string;
  name: string;
  articles: CoverageArticle[];
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The stored text as a feed's full-text HTML: each line its own paragraph. */
export function htmlOf(text: string): string {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('\n');
}

export function sitesOf(articles: CoverageArticle[]): Site[] {
  const sites = new Map<string, Site>();
  for (const article of articles) {
    const id = new URL(article.url).hostname.replace(/^www\./, '').replace(/[^a-z0-9]+/g, '-');
    const site = sites.get(id) ?? { id, name: article.outlet, articles: [] };
    site.articles.push(article);
    sites.set(id, site);
  }
  return [...sites.values()];
}

/**
 * The article as its outlet's feed carries it. The set gives a calendar day only: noon UTC keeps that
 * day in every newsroom from UTC−11 to UTC+11.
 */
function itemOf(article: CoverageArticle): FixtureItem {
  return {
    title: article.title,
    link: article.url,
    pubDate: `${article.published}T12:00:00Z`,
    html: htmlOf(article.text),
  };
}

function feedsYaml(sites: Site[], server: FeedServer): string {
  const entries = sites.map((site) =>
    [
      `  - id: ${site.id}`,
      `    name: ${JSON.stringify(site.name)}`,
      `    url: ${JSON.stringify(server.url(`/${site.id}.xml`))}`,
      // The text is the whole stored excerpt; the live page (off the loopback) is not part of the set.
      '    fullText: never',
    ].join('\n'),
  );
  return `feeds:\n${entries.join('\n')}\n`;
}

/** Which article a source is: its address, else (a link the poller rewrote) its feed and headline. */
function articleOf(sites: Site[], source: PublicEvent['sources'][number]): string {
  const site = sites.find((s) => s.id === source.feedId);
  const candidates = site?.articles ?? [];
  const found =
    candidates.find((a) => a.url === source.url) ??
    candidates.find((a) => a.title === source.title) ??
    (candidates.length === 1 ? candidates[0] : undefined);
  if (!found) throw new Error(`a source (${source.feedId}, ${source.url}) matches no article of the set`);
  return found.id;
}

export interface PipelineRun {
  entries: SystemEntry[];
  /** The --once summary line, which says how many articles were processed. */
  summary: string;
}

/**
 * The real pipeline over a coverage set: each site's articles served as one RSS feed on a loopback
 * HTTP server, `npm start -- --once` in a scratch data folder, then `npm start` serving that data and
 * GET /timeline read to its end. Throws unless every article was processed.
 */
export async function runPipelineOn(set: CoverageSet): Promise<PipelineRun> {
  const sites = sitesOf(set.articles);
  const dir = mkdtempSync(join(tmpdir(), 'dateline-coverage-'));
  const feedsPath = join(dir, 'feeds.yaml');
  const common = ['--feeds', feedsPath, '--data-dir', join(dir, 'data')];
  const server = await new FeedServer().start();
  try {
    for (const site of sites) server.serve(`/${site.id}.xml`, rss(site.name, site.articles.map(itemOf)));
    writeFileSync(feedsPath, feedsYaml(sites, server));
    const once = await run(MAIN, ['--once', ...common, '--allow-private-network']);
    const summary = /once: .*/.exec(once.output)?.[0] ?? '';
    const processed = Number(/processed (\d+) article/.exec(summary)?.[1]);
    if (once.code !== 0 || processed !== set.articles.length)
      throw new Error(
        `npm start -- --once did not process all ${set.articles.length} articles:\n${once.output}`,
      );
    await server.stop();
    const events = await withServedTimeline(MAIN, common, readTimeline);
    const entries = events.map((event) => ({
      ...event,
      // Every sentence a source gives for the event is a system mention: its quote and its evidence.
      mentions: event.sources.flatMap((source) =>
        [source.quote, ...(source.evidence ?? [])].map((text) => ({
          articleId: articleOf(sites, source),
          text,
        })),
      ),
    }));
    return { entries, summary };
  } finally {
    await server.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
