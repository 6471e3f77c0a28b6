/**
 * The logging the domain needs; Powertools' Logger satisfies it, and so does a test's recorder. An
 * error goes in as a value (`log.error('poll failed', { feedId, error })`), never pasted into the
 * message: Powertools then prints its name, message, stack and `cause` chain.
 */
export interface Log {
  info(message: string, ...extra: Array<Record<string, unknown>>): void;
  warn(message: string, ...extra: Array<Record<string, unknown>>): void;
  error(message: string, ...extra: Array<Record<string, unknown>>): void;
}
