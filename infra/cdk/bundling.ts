import { join } from 'node:path';

const CDK_DIR = import.meta.dirname;

/**
 * Modules a dependency imports when it loads but that no function calls, each replaced in the bundles
 * by infra/cdk/not-run.cjs, which throws if called after all:
 * - `sanitize-html` (with postcss, its own htmlparser2 and entities: ~290 KB of the worker): sbd
 *   requires it at load and calls it only for its `sanitize` and `allowed_tags` options, which
 *   lib/extraction/sentences.ts does not set;
 * - `cssomnom/parse` (194 KB of the worker): linkedom parses a `<style>` element's CSS only when its
 *   `sheet` is read, which neither Readability nor lib/articles does.
 */
export const NOT_RUN = ['sanitize-html', 'cssomnom/parse'] as const;

/** The import paths a function's bundle resolves elsewhere: the modules above, and `yaml` where the feeds file is JSON. */
export function bundleAliases(options: { feedsAsJson: boolean }): Record<string, string> {
  const notRun = join(CDK_DIR, 'not-run.cjs');
  return {
    ...Object.fromEntries(NOT_RUN.map((name) => [name, notRun])),
    ...(options.feedsAsJson ? { yaml: join(CDK_DIR, 'yaml-as-json.ts') } : {}),
  };
}
