import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import * as z from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const point = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/);

/** One article as the outlet published it (`articles.jsonl`, one per line). */
export const CoverageArticleSchema = z.object({
  id: z.string().min(1),
  outlet: z.string(),
  url: z.url(),
  title: z.string(),
  published: day,
  published_estimated: z.boolean(),
  text: z.string().min(1),
});
export type CoverageArticle = z.infer<typeof CoverageArticleSchema>;

/** One place an article dates a gold event; `date_as_reported` is a day, a month or a range `A/B`. */
export const GoldMentionSchema = z.object({
  article_id: z.string(),
  quote: z.string().min(1),
  date_as_reported: z.string().regex(/^\d{4}-\d{2}(-\d{2})?(\/\d{4}-\d{2}(-\d{2})?)?$/),
  resolved_relative: z.boolean(),
  flags: z.array(z.string()).default([]),
});
export type GoldMention = z.infer<typeof GoldMentionSchema>;

/** One real-world development, with every mention of it in the set. */
export const CoverageEventSchema = z.object({
  event_id: z.string().min(1),
  date: point,
  date_end: point.optional(),
  date_precision: z.enum(['day', 'month']),
  alt_dates: z.array(point).default([]),
  summary: z.string(),
  mentions: z.array(GoldMentionSchema).min(1),
});
export type CoverageEvent = z.infer<typeof CoverageEventSchema>;

/** A date expression that is not an event (a byline, a plan, a year): aligning with it costs nothing. */
export const DistractorSchema = z.object({
  article_id: z.string(),
  quote: z.string().min(1),
  reason: z.string(),
});
export type Distractor = z.infer<typeof DistractorSchema>;

export interface CoverageSet {
  name: string;
  dir: string;
  articles: CoverageArticle[];
  events: CoverageEvent[];
  distractors: Distractor[];
}

function parsed<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw new Error(`${where}: ${issues}`);
}

const readJson = (dir: string, name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8'));

/**
 * A folder in the coverage format (../shared/corpus/coverage/README.md): every line and record is
 * checked, and a mention naming an article that is not in the folder is an error, not a silent miss.
 */
export function loadCoverageSet(folder: string): CoverageSet {
  const dir = resolve(folder);
  const articles = readFileSync(join(dir, 'articles.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => parsed(CoverageArticleSchema, JSON.parse(line), `articles.jsonl line ${i + 1}`));
  const events = parsed(z.array(CoverageEventSchema), readJson(dir, 'gold-events.json'), 'gold-events.json');
  const distractors = parsed(
    z.array(DistractorSchema),
    readJson(dir, 'gold-distractors.json'),
    'gold-distractors.json',
  );
  const ids = new Set(articles.map((a) => a.id));
  const cited = [...events.flatMap((e) => e.mentions), ...distractors].map((m) => m.article_id);
  const unknown = cited.find((id) => !ids.has(id));
  if (unknown) throw new Error(`${dir}: a gold quote names article ${unknown}, which articles.jsonl lacks`);
  return { name: basename(dir), dir, articles, events, distractors };
}
