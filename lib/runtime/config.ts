import * as z from 'zod';
import { TABLE_NAME } from '../store/table.ts';

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((value) => value === 'true' || value === '1');

/** The environment every function reads: one schema, validated once per cold start. */
export const RuntimeConfigSchema = z.object({
  TABLE_NAME: z.string().min(1).default(TABLE_NAME),
  ARTICLES_QUEUE_URL: z.string().url().optional(),
  /** Where the worker sends a message it cannot decode, with its reason, instead of retrying it. */
  ARTICLES_DLQ_URL: z.string().url().optional(),
  FEEDS_QUEUE_URL: z.string().url().optional(),
  FEEDS_CONFIG: z.string().min(1).default('infra/feeds.yaml'),
  ALLOW_PRIVATE_NETWORK: flag,
  /** Local only: AWS reads the key from Secrets Manager (CURSOR_SECRET_ARN) at cold start. */
  CURSOR_SECRET: z.string().min(16).default('dateline-local-cursor-secret'),
  CURSOR_SECRET_ARN: z.string().startsWith('arn:').optional(),
  /** The public origin for absolute links, when it is fixed (a custom domain). */
  PUBLIC_URL: z.string().url().optional(),
  /** Served behind the CloudFront function of infra/cdk/edge (set by the stack). */
  BEHIND_EDGE: flag,
});
export type RuntimeConfig = z.infer<typeof RuntimeConfigSchema>;

export function readRuntimeConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const result = RuntimeConfigSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid environment: ${problems.join('; ')}`);
  }
  return result.data;
}
