import { BudgetExceededError } from '../budget/index.ts';
import { verbatimSplit } from './verbatim.ts';

/** What reading one feed document may cost before the feed is marked unhealthy for it. */
export interface ParseBudget {
  /** Checked between the parse's steps. */
  timeMs: number;
  /** Elements in the document, CDATA and comments not counted. */
  maxElements: number;
  /** Elements open at once, as a forgiving XML reader keeps them open. */
  maxDepth: number;
  /** Closing tags that close nothing, each weighted by how many elements are open when it comes. */
  maxUnmatchedWork: number;
}

/**
 * A 100,000-item feed is about 600,000 elements and parses in about 7 s; a 10 MB document of `<a/>`
 * would be 2.5 million. Real feeds nest a few dozen deep; thousands deep is hostile: the lenient
 * reader's cost grows with the square of the depth (200,000 levels took 20 s) and rss-parser
 * recurses per level. The lenient reader also searches every open element for each closing tag
 * that closes nothing (`<title><![CDATA[x]]></b>` repeated 20,000 times: 13 s); 100 million such
 * steps take under a second. 30 s leaves the poller (120 s) room for the feed's other work.
 */
export const PARSE_BUDGET: ParseBudget = {
  timeMs: 30_000,
  maxElements: 1_000_000,
  maxDepth: 5_000,
  maxUnmatchedWork: 100_000_000,
};

const TAG = /<(\/)?([A-Za-z_][^\s<>/]*)[^<>]*?(\/)?>/g;

/**
 * The elements open as an XML reader that forgives (htmlparser2, the lenient fallback) keeps them:
 * a closing tag closes the innermost open element of its name and any left open inside it, and a
 * closing tag whose name is not open closes nothing. Amortised constant time per tag.
 */
class OpenElements {
  private readonly names: string[] = [];
  private readonly counts = new Map<string, number>();

  get depth(): number {
    return this.names.length;
  }

  open(name: string): void {
    this.names.push(name);
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  /** false when no element of that name is open. */
  close(name: string): boolean {
    if (!this.counts.get(name)) return false;
    for (let popped = this.names.pop(); popped !== undefined; popped = this.names.pop()) {
      this.counts.set(popped, (this.counts.get(popped) ?? 1) - 1);
      if (popped === name) break;
    }
    return true;
  }
}

const over = (detail: string) => new BudgetExceededError('feed-parse', detail);

/** Throws BudgetExceededError for a document larger, deeper or more tangled than the budget allows. */
export function assertWithinBudget(doc: string, budget: ParseBudget): void {
  const open = new OpenElements();
  let elements = 0;
  let unmatchedWork = 0;
  for (const [i, part] of verbatimSplit(doc).entries()) {
    if (i % 2 === 1) continue;
    for (const [, closing, name = '', selfClosing] of part.matchAll(TAG)) {
      if (closing) {
        if (!open.close(name)) unmatchedWork += open.depth;
        if (unmatchedWork > budget.maxUnmatchedWork)
          throw over(`more than ${budget.maxUnmatchedWork} steps of closing tags that close nothing`);
        continue;
      }
      if (++elements > budget.maxElements) throw over(`more than ${budget.maxElements} elements`);
      if (selfClosing) continue;
      open.open(name);
      if (open.depth > budget.maxDepth) throw over(`elements nested more than ${budget.maxDepth} deep`);
    }
  }
}
