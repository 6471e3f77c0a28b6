import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import * as z from 'zod';

const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

/** One gold event: what a careful editor would put on the timeline, identified by a quote fragment. */
export const GoldEventSchema = z.object({
  date: isoDate,
  endDate: isoDate.optional(),
  scheduled: z.boolean().optional(),
  kind: z.enum(['dated', 'report']).default('dated'),
  quote: z.string().min(1),
  /** The real-world event it refers to, in multi-outlet sets (tests/fixtures/dedup). */
  cluster: z.string().optional(),
});
export type GoldEvent = z.infer<typeof GoldEventSchema>;

/** A labelled article, in the format of tests/fixtures/extraction/README.md. */
export const LabelledArticleSchema = z.object({
  id: z.string().min(1),
  style: z.string().default('unknown'),
  language: z.string().default('en'),
  title: z.string().default(''),
  publishedAt: z.string(),
  /** The article's address; the sets give it as a `# url:` comment on the file's first line. */
  url: z.string().optional(),
  html: z.string(),
  events: z.array(GoldEventSchema),
});
export type LabelledArticle = z.infer<typeof LabelledArticleSchema>;

/** Every *.yaml in a folder; a file that does not fit the format is an error naming the file. */
export function loadLabelledSet(dir: string): LabelledArticle[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      const url = /^#\s*url:\s*(\S+)/m.exec(text)?.[1];
      const result = LabelledArticleSchema.safeParse({ url, ...parse(text) });
      if (!result.success)
        throw new Error(
          `${name}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      return result.data;
    });
}
