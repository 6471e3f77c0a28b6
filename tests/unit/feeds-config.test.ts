import { describe, expect, it } from 'vitest';
import { FeedsConfigError, parseDuration, parseFeedsFile } from '../../lib/feeds/index.ts';

function problemsOf(text: string): string[] {
  try {
    parseFeedsFile(text, 'infra/feeds.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(FeedsConfigError);
    return (error as FeedsConfigError).problems;
  }
  throw new Error('expected parseFeedsFile to reject the file');
}

describe('parseFeedsFile: a valid file', () => {
  const feeds = parseFeedsFile(`
defaults:
  pollEvery: 10m
  fullText: auto

feeds:
  - id: east-wire
    name: East Wire
    url: https://east-wire.example.com/feed/
    topics: [Ukraine, RUSSIA]
    language: en

  - id: world-desk
    name: World Desk
    url: http://world-desk.example.org/atom.xml
    pollEvery: 2h
    fullText: never
    enabled: false
`);

  it('reads every feed', () => {
    expect(feeds.map((feed) => feed.id)).toEqual(['east-wire', 'world-desk']);
  });

  it('applies the defaults where a feed says nothing', () => {
    expect(feeds[0]).toEqual({
      id: 'east-wire',
      name: 'East Wire',
      url: 'https://east-wire.example.com/feed/',
      topics: ['ukraine', 'russia'],
      language: 'en',
      enabled: true,
      pollEveryMs: 600_000,
      pollEveryConfigured: false,
      fullText: 'auto',
    });
  });

  it("lets a feed's own settings override the defaults", () => {
    expect(feeds[1]).toMatchObject({
      pollEveryMs: 7_200_000,
      pollEveryConfigured: true,
      fullText: 'never',
      enabled: false,
      topics: [],
    });
  });

  it('defaults to 10m and auto when the file has no defaults section', () => {
    const [feed] = parseFeedsFile(`
feeds:
  - id: solo
    name: Solo
    url: https://solo.example.com/rss
`);
    expect(feed).toMatchObject({ pollEveryMs: 600_000, fullText: 'auto', enabled: true, topics: [] });
  });

  it('uses the file defaults for feeds without their own', () => {
    const [feed] = parseFeedsFile(`
defaults:
  pollEvery: 30m
  fullText: always
feeds:
  - id: solo
    name: Solo
    url: https://solo.example.com/rss
`);
    expect(feed).toMatchObject({ pollEveryMs: 1_800_000, fullText: 'always' });
  });

  it('accepts an empty feed list', () => {
    expect(parseFeedsFile('feeds: []\n')).toEqual([]);
  });
});

describe('parseFeedsFile: errors name the feed and the field', () => {
  const feed = (lines: string) => `feeds:\n  - ${lines.trim().split('\n').join('\n    ')}\n`;

  it('reports a bad url by feed id and field', () => {
    const problems = problemsOf(
      feed('id: east-wire\nname: East Wire\nurl: ftp://east-wire.example.com/feed'),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('"east-wire"');
    expect(problems[0]).toContain('"url"');
  });

  it('reports a url that is not a URL at all', () => {
    const problems = problemsOf(feed('id: east-wire\nname: East Wire\nurl: not a url'));
    expect(problems.join('\n')).toMatch(/"east-wire".*"url"/);
  });

  it('reports an id that is not a slug, naming it and the field', () => {
    const problems = problemsOf(feed('id: East_Wire\nname: East Wire\nurl: https://example.com/feed'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('"East_Wire"');
    expect(problems[0]).toContain('"id"');
  });

  it('reports a bad pollEvery by feed id and field', () => {
    const problems = problemsOf(
      feed('id: east-wire\nname: East Wire\nurl: https://example.com/feed\npollEvery: often'),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('"east-wire"');
    expect(problems[0]).toContain('"pollEvery"');
  });

  it('reports a missing name by feed id and field', () => {
    const problems = problemsOf(feed('id: east-wire\nurl: https://example.com/feed'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('"east-wire"');
    expect(problems[0]).toContain('"name"');
  });

  it('reports a blank name', () => {
    const problems = problemsOf(feed('id: east-wire\nname: "   "\nurl: https://example.com/feed'));
    expect(problems.join('\n')).toMatch(/"east-wire".*"name"/);
  });

  it('names the entry by its index when the id is missing', () => {
    const problems = problemsOf(`
feeds:
  - id: first
    name: First
    url: https://first.example.com/feed
  - name: Nameless
    url: https://second.example.com/feed
`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('feeds[1]');
    expect(problems[0]).toContain('"id"');
  });

  it('reports every problem at once, not only the first', () => {
    const problems = problemsOf(`
feeds:
  - id: one
    url: https://one.example.com/feed
  - id: two
    name: Two
    url: gopher://two.example.com
`);
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toContain('"one"');
    expect(problems.join('\n')).toContain('"two"');
  });

  it('reports a duplicate id, pointing at the first occurrence', () => {
    const problems = problemsOf(`
feeds:
  - id: east-wire
    name: East Wire
    url: https://east-wire.example.com/feed
  - id: world-desk
    name: World Desk
    url: https://world-desk.example.com/feed
  - id: east-wire
    name: East Wire again
    url: https://east-wire.example.com/other-feed
`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('"east-wire"');
    expect(problems[0]).toContain('feeds[2]');
    expect(problems[0]).toContain('feeds[0]');
  });

  it('rejects invalid YAML with a FeedsConfigError naming the source', () => {
    let caught: unknown;
    try {
      parseFeedsFile('feeds:\n  - id: a\n   name: [unclosed\n', 'custom/feeds.yaml');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FeedsConfigError);
    expect((caught as FeedsConfigError).message).toContain('custom/feeds.yaml');
    expect((caught as FeedsConfigError).problems[0]).toMatch(/YAML/);
  });

  it('rejects a file without a feeds list', () => {
    expect(() => parseFeedsFile('')).toThrow(FeedsConfigError);
    expect(() => parseFeedsFile('defaults:\n  pollEvery: 10m\n')).toThrow(FeedsConfigError);
  });

  it('rejects a bad default pollEvery', () => {
    const problems = problemsOf('defaults:\n  pollEvery: soon\nfeeds: []\n');
    expect(problems.join('\n')).toContain('pollEvery');
  });

  it('rejects an unknown fullText mode and a malformed language tag', () => {
    const problems = problemsOf(
      feed(
        'id: east-wire\nname: East Wire\nurl: https://example.com/feed\nfullText: sometimes\nlanguage: english!',
      ),
    );
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toContain('"fullText"');
    expect(problems.join('\n')).toContain('"language"');
  });
});

describe('parseDuration', () => {
  it('reads seconds, minutes, hours and days as milliseconds', () => {
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('10m')).toBe(600_000);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(parseDuration('1d')).toBe(86_400_000);
  });

  it('tolerates surrounding whitespace and a space before the unit', () => {
    expect(parseDuration(' 15m ')).toBe(900_000);
    expect(parseDuration('15 m')).toBe(900_000);
  });

  it('rejects anything else', () => {
    for (const text of ['10', 'm', '10w', '1.5h', '-5m', '10 minutes', '']) {
      expect(() => parseDuration(text), text).toThrow();
    }
  });
});
