import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import * as z from 'zod';
import { canonicalUrl } from '../articles/index.ts';
import { duration, type Feed, FeedSchema, fullTextMode, parseDuration } from './feed.ts';

// The feed's own shape lives in feed.ts, which a poll job decodes without loading the YAML parser.
export { type Feed, FeedSchema, parseDuration, ResolvedFeedSchema } from './feed.ts';

const DefaultsSchema = z.object({
  pollEvery: duration.default('10m'),
  fullText: fullTextMode.default('auto'),
});

export const FeedsFileSchema = z.object({
  defaults: DefaultsSchema.default({ pollEvery: '10m', fullText: 'auto' }),
  feeds: z.array(FeedSchema),
});

/**
 * Duplicate ids and URLs, found on the raw entries so they are reported together with every other
 * problem rather than only once the rest of the file is valid.
 */
function duplicateProblems(raw: unknown): string[] {
  const feeds = (raw as { feeds?: unknown })?.feeds;
  if (!Array.isArray(feeds)) return [];
  const problems: string[] = [];
  for (const field of ['id', 'url'] as const) {
    const first = new Map<string, number>();
    feeds.forEach((entry, index) => {
      const value = (entry as Record<string, unknown> | null)?.[field];
      if (typeof value !== 'string') return;
      const key = field === 'url' ? (canonicalUrl(value) ?? value) : value;
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, index);
      else problems.push(`${who(entry, index)}: field "${field}": duplicates feeds[${earlier}] (${value})`);
    });
  }
  return problems;
}

function who(entry: unknown, index: number): string {
  const id = (entry as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? `feed "${id}" (feeds[${index}])` : `feeds[${index}]`;
}

export class FeedsConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
    options?: ErrorOptions,
  ) {
    super(`${source} is not a valid feeds file:\n${problems.map((p) => `  - ${p}`).join('\n')}`, options);
    this.name = 'FeedsConfigError';
  }
}

/** Names the problem the way ops read the file: by feed id where there is one, else by index. */
function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const [top, index, ...field] = issue.path;
  if (top === 'feeds' && typeof index === 'number') {
    const entry = (raw as { feeds?: unknown[] }).feeds?.[index];
    const where = field.length ? `field "${field.join('.')}":` : 'entry';
    return `${who(entry, index)}: ${where} ${issue.message}`;
  }
  return `${issue.path.join('.') || 'file'}: ${issue.message}`;
}

export function parseFeedsFile(text: string, source = 'feeds file'): Feed[] {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new FeedsConfigError(source, [`not valid YAML: ${(error as Error).message}`], { cause: error });
  }
  const result = FeedsFileSchema.safeParse(raw ?? {});
  const problems = [
    ...(result.success ? [] : result.error.issues.map((issue) => describeIssue(issue, raw))),
    ...duplicateProblems(raw),
  ];
  if (!result.success || problems.length) throw new FeedsConfigError(source, problems);
  const { defaults, feeds } = result.data;
  return feeds.map(({ pollEvery, fullText, ...feed }) => ({
    ...feed,
    pollEveryMs: parseDuration(pollEvery ?? defaults.pollEvery),
    pollEveryConfigured: pollEvery !== undefined,
    fullText: fullText ?? defaults.fullText,
  }));
}

export function loadFeedsFile(path: string): Feed[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new FeedsConfigError(path, [`cannot be read: ${(error as Error).message}`], { cause: error });
  }
  return parseFeedsFile(text, path);
}
