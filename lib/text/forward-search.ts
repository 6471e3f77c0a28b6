/** Where a match starts and where it ends (exclusive). */
export interface Found {
  index: number;
  end: number;
}

/**
 * The first match of a pattern at or after a position, for scans that only move forward. An answer
 * is reused while the scan has not passed it, so a document costs one search per match instead of
 * one per question: asking for the `-->` after each of 10,000 unclosed `<!--` searched to the end
 * of the document 10,000 times.
 *
 * @example
 * const close = new ForwardSearch(doc, '-->');
 * close.from(open + 4); // the same answer, found once, for every opener before it
 */
export class ForwardSearch {
  private asked = -1;
  private answer: Found | undefined;
  private readonly regex: RegExp | undefined;

  constructor(
    private readonly text: string,
    private readonly pattern: string | RegExp,
  ) {
    this.regex =
      typeof pattern === 'string'
        ? undefined
        : new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  }

  /** The first match starting at or after `at`, or undefined when there is none. */
  from(at: number): Found | undefined {
    const known = this.asked >= 0 && at >= this.asked && (!this.answer || at <= this.answer.index);
    if (!known) {
      this.asked = at;
      this.answer = this.search(at);
    }
    return this.answer;
  }

  private search(at: number): Found | undefined {
    if (!this.regex) {
      const index = this.text.indexOf(this.pattern as string, at);
      return index < 0 ? undefined : { index, end: index + (this.pattern as string).length };
    }
    this.regex.lastIndex = at;
    const match = this.regex.exec(this.text);
    return match ? { index: match.index, end: match.index + match[0].length } : undefined;
  }
}
