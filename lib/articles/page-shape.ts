import { Parser } from 'htmlparser2';
import { BudgetExceededError } from '../budget/index.ts';

/** How large and how deep an article page may be for Readability to be run on it at all. */
export interface PageCaps {
  maxElements: number;
  maxDepth: number;
}

/**
 * Real article pages hold a few thousand elements, rarely 20,000, nested a few dozen deep. Readability
 * on linkedom costs far more than linear in depth (2,000 nested <div>s: 16 s; 400: 2 s), so a page past
 * either cap is refused before it is parsed; the worker thread's deadline bounds whatever passes.
 */
export const PAGE_CAPS: PageCaps = { maxElements: 50_000, maxDepth: 256 };

/**
 * Throws BudgetExceededError for a page with more elements, or nested deeper, than `caps`: one
 * streaming pass of the same HTML parser linkedom builds its DOM with (void elements and implied
 * ends as it reads them), stopped at the first excess.
 */
export function assertPageWithinCaps(html: string, caps: PageCaps = PAGE_CAPS): void {
  let depth = 0;
  let elements = 0;
  const parser = new Parser({
    onopentag() {
      if (++elements > caps.maxElements)
        throw new BudgetExceededError('full-text', `page has more than ${caps.maxElements} elements`);
      if (++depth > caps.maxDepth)
        throw new BudgetExceededError('full-text', `page nested more than ${caps.maxDepth} deep`);
    },
    onclosetag() {
      depth = Math.max(0, depth - 1);
    },
  });
  parser.end(html);
}
