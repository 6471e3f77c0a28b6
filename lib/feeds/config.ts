import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { canonicalUrl } from '../articles/index.ts';
import { LANGUAGE_TAG } from './language.ts';

const DURATION = /^(\d+)\s*(s|m|h|d)$/;
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** "10m" → 600000. Feeds are never polled more often than once a minute. */
export function parseDuration(text: string): number {
  const match = DURATION.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a duration like 30s, 10m, 2h or 1d`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

const duration = z.string().refine((text) => DURATION.test(text.trim()), {
  message: 'must be a duration like 30s, 10m, 2h or 1d',
});

const fullTextMode = z.enum(['auto', 'always', 'never']);

const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });

export const FeedSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a slug of a-z, 0-9 and -'),
  name: z.string().trim().min(1),
  url: httpUrl,
  topics: z.array(z.string().trim().toLowerCase().min(1)).default([]),
  language: z.string().regex(LANGUAGE_TAG, 'must be a BCP 47 tag like en or uk-UA').optional(),
  pollEvery: duration.optional(),
  fullText: fullTextMode.optional(),
  enabled: z.boolean().default(true),
});

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

/** A feed with its defaults applied: what the rest of Dateline works with, and what a poll job carries. */
export const ResolvedFeedSchema = FeedSchema.omit({ pollEvery: true, fullText: true }).extend({
  pollEveryMs: z.number().int().positive(),
  /** Whether ops set pollEvery for this feed; if not, its observed rhythm may. */
  pollEveryConfigured: z.boolean(),
  fullText: fullTextMode,
});
export type Feed = z.infer<typeof ResolvedFeedSchema>;

export class FeedsConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source} is not a valid feeds file:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
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
    throw new FeedsConfigError(source, [`not valid YAML: ${(error as Error).message}`]);
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
    throw new FeedsConfigError(path, [`cannot be read: ${(error as Error).message}`]);
  }
  return parseFeedsFile(text, path);
}
