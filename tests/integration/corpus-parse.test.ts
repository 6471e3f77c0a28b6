import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { FeedParseError, type ParsedFeed, parseFeed } from '../../lib/feeds/index.ts';
import { decodeBody } from '../../lib/http/index.ts';
import { describeWithShared, sharedPath } from '../support/shared.ts';

/**
 * Robustness of decode → repair → parse over every file of the shared feed corpus (see its
 * MANIFEST.md): each one parses or fails with a typed FeedParseError, never anything else, never a
 * hang. The real-world captures must all parse, and the feedparser well-formed and entity cases
 * nearly all.
 */
const corpus = resolve(process.env.DATELINE_CORPUS ?? sharedPath('corpus/feeds'));

const REAL_WORLD = [
  'rss-parser/test/input',
  'feedjira/spec/sample_feeds',
  'miniflux/internal/reader/parser/testdata',
];
/** Captures the MANIFEST documents as not being feeds. */
const NOT_FEEDS = new Map([['rss-parser/test/input/unrecognized.rss', 'not-a-feed']]);
const THRESHOLDS: Array<[string, number]> = [
  ['feedparser/tests/wellformed', 0.98],
  ['feedparser/tests/entities', 0.98],
];

interface Outcome {
  file: string;
  group: string;
  feed?: ParsedFeed;
  /** A FeedParseError's reason, or "CRASH <name>: <message>" for anything else. */
  error?: string;
  ms: number;
  head: string;
}

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (!entry.name.endsWith('.md')) yield path;
  }
}

/** feedparser/tests/<kind> for feedparser's cases, the folder for the others. */
function groupOf(file: string): string {
  const parts = file.split('/');
  return parts[0] === 'feedparser' ? parts.slice(0, 3).join('/') : parts.slice(0, -1).join('/');
}

/** feedparser's http cases carry their fake response headers in the leading comment. */
function fakeContentType(head: string): string | undefined {
  return head.match(/^Header:\s+Content-type:(.*)$/im)?.[1]?.trim();
}

async function outcomeOf(path: string): Promise<Outcome> {
  const file = relative(corpus, path);
  const bytes = readFileSync(path);
  const head = bytes.subarray(0, 2048).toString('latin1');
  const started = performance.now();
  const outcome: Outcome = { file, group: groupOf(file), head, ms: 0 };
  try {
    outcome.feed = await parseFeed(decodeBody(bytes, fakeContentType(head)));
  } catch (error) {
    outcome.error =
      error instanceof FeedParseError
        ? `${error.reason}: ${error.message}`
        : `CRASH ${(error as Error).name}: ${(error as Error).message}`;
  }
  outcome.ms = performance.now() - started;
  return outcome;
}

/** Python string literal body → string: the escapes feedparser's Expect lines use. */
function pythonString(literal: string): string {
  return literal.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, code: string) =>
    code.length > 1
      ? String.fromCodePoint(Number.parseInt(code.slice(1), 16))
      : (({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[code] ?? code),
  );
}

describeWithShared(corpus, `feed corpus (${corpus})`, () => {
  const outcomes: Outcome[] = [];
  const unhandled: unknown[] = [];
  let elapsed = 0;

  beforeAll(async () => {
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const started = performance.now();
    try {
      for (const path of files(corpus)) outcomes.push(await outcomeOf(path));
      // Anything a parse left behind would surface by now.
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    elapsed = performance.now() - started;

    const table: Record<string, Record<string, number>> = {};
    for (const { group, feed, error } of outcomes) {
      const row = table[group] ?? { files: 0, parsed: 0, lenient: 0 };
      table[group] = row;
      row.files = (row.files ?? 0) + 1;
      if (feed) {
        row.parsed = (row.parsed ?? 0) + 1;
        if (feed.lenient) row.lenient = (row.lenient ?? 0) + 1;
      } else {
        const reason = (error ?? '').split(':')[0] as string;
        row[reason] = (row[reason] ?? 0) + 1;
      }
    }
    console.log(`corpus: ${outcomes.length} files in ${Math.round(elapsed)} ms`);
    console.table(table);
    const notParsed = outcomes.filter((o) => o.error).map((o) => `  ${o.file} — ${o.error}`);
    console.log(`not parsed (${notParsed.length}):\n${notParsed.join('\n')}`);
    const lenient = outcomes.filter((o) => o.feed?.lenient).map((o) => `  ${o.file}`);
    console.log(`parsed by the lenient fallback (${lenient.length}):\n${lenient.join('\n')}`);
  }, 120_000);

  it('finds the corpus', () => {
    expect(outcomes.length).toBeGreaterThan(2_000);
  });

  it('ends every file in a feed or a typed FeedParseError: no crash, no unhandled rejection', () => {
    expect(outcomes.filter((o) => o.error?.startsWith('CRASH')).map((o) => `${o.file}: ${o.error}`)).toEqual(
      [],
    );
    expect(unhandled).toEqual([]);
  });

  it('takes well under a minute, and no file hangs', () => {
    expect(elapsed).toBeLessThan(30_000);
    const slowest = outcomes.reduce((a, b) => (b.ms > a.ms ? b : a));
    expect(slowest.ms, slowest.file).toBeLessThan(2_000);
  });

  it('parses every real-world capture, with its entries, except the documented non-feeds', () => {
    const real = outcomes.filter((o) => REAL_WORLD.some((folder) => o.file.startsWith(`${folder}/`)));
    expect(real.length).toBeGreaterThan(70);
    const problems: string[] = [];
    for (const { file, feed, error } of real) {
      const expected = NOT_FEEDS.get(file);
      if (expected) {
        if (!error?.startsWith(`${expected}:`))
          problems.push(`${file}: expected ${expected}, got ${error ?? 'a feed'}`);
      } else if (!feed) problems.push(`${file}: ${error}`);
      else if (feed.entries.length === 0) problems.push(`${file}: parsed with no entries`);
    }
    expect(problems).toEqual([]);
  });

  for (const [folder, share] of THRESHOLDS) {
    it(`parses at least ${share * 100}% of ${folder}`, () => {
      const cases = outcomes.filter((o) => o.file.startsWith(`${folder}/`));
      expect(cases.length).toBeGreaterThan(200);
      const parsed = cases.filter((o) => o.feed).length;
      console.log(
        `${folder}: ${parsed}/${cases.length} parsed (${((100 * parsed) / cases.length).toFixed(1)}%)`,
      );
      expect(parsed / cases.length).toBeGreaterThanOrEqual(share);
    });
  }

  it("reads each HTML entity as the character feedparser's expectation names", () => {
    const checked: string[] = [];
    const wrong: string[] = [];
    for (const { file, feed, head } of outcomes.filter((o) => o.group === 'feedparser/tests/entities')) {
      const expect_ = head.match(/^Expect:\s*(feed|entries\[0\])\['title'\] == u?(['"])(.*)\2\s*$/m);
      if (!expect_) continue;
      const want = pythonString(expect_[3] as string);
      const got = expect_[1] === 'feed' ? feed?.title : feed?.entries[0]?.title;
      checked.push(file);
      if (got !== want) wrong.push(`  ${file}: want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
    }
    console.log(
      `entity titles: ${checked.length - wrong.length}/${checked.length} as expected\n${wrong.join('\n')}`,
    );
    expect(checked.length).toBeGreaterThan(200);
    expect(wrong.length / checked.length).toBeLessThanOrEqual(0.02);
  });

  it('decodes the legacy-charset captures without replacement characters', () => {
    const miniflux = outcomes.filter((o) => o.file.startsWith('miniflux/'));
    expect(miniflux.length).toBeGreaterThan(10);
    for (const { file, feed } of miniflux) {
      expect(feed, file).toBeDefined();
      const text = [feed?.title, ...(feed?.entries ?? []).map((e) => e.title)].join(' ');
      expect(text, file).not.toContain('\uFFFD');
    }
    const byName = (name: string) => miniflux.find((o) => o.file.endsWith(name))?.feed;
    expect(byName('parser/testdata/encoding_WINDOWS-1251.xml')?.entries[0]?.title).toMatch(/^Цитата/);
    expect(
      byName('parser/testdata/encoding_ISO-8859-1.xml')
        ?.entries.map((e) => e.title)
        .join(' '),
    ).toMatch(/[äöüÄÖÜß]/);
    expect(byName('encoding/testdata/koi8r.xml')?.title).toBe('Пример RSS ленты');
  });
});
