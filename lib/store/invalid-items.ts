import type * as z from 'zod';

/** The item families a store validates on the way out of the table. */
export type ItemKind =
  | 'feed-state'
  | 'host-limit'
  | 'event'
  | 'posting'
  | 'tombstone'
  | 'article'
  | 'correction';

/**
 * Where a store reports a stored item that failed its read schema. The item is skipped (or, for a
 * feed state, started over), never fatal for the others: one bad item once turned every listing
 * covering it, and every scheduler run, into an error. The Lambda wiring logs it and counts it in
 * the `InvalidStoredItems` metric.
 */
export interface InvalidItems {
  report(kind: ItemKind, key: string, error: Error): void;
}

/** Without wiring (scripts, tests): a line on stderr, so a skipped item is never silent. */
export const invalidItemsToStderr: InvalidItems = {
  report(kind, key, error) {
    console.error(`skipped an invalid ${kind} item (${key}): ${error.message}`);
  },
};

/** The item parsed by `schema`, or undefined once reported as invalid. */
export function validItem<T>(
  schema: z.ZodType<T>,
  value: unknown,
  kind: ItemKind,
  key: string,
  invalid: InvalidItems,
): T | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  invalid.report(kind, key, result.error);
  return undefined;
}

/**
 * Refuses to write what could not be read back: a value out of its schema's range stored once would
 * fail every later read of it.
 */
export function assertStorable<T>(schema: z.ZodType<T>, value: T, kind: ItemKind): void {
  const result = schema.safeParse(value);
  if (result.success) return;
  const issues = result.error.issues.map((issue) => `${issue.path.join('.') || kind}: ${issue.message}`);
  throw new Error(`refusing to store a ${kind} item that would not read back: ${issues.join('; ')}`, {
    cause: result.error,
  });
}
