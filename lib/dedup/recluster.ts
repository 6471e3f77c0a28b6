import type { Posting } from './posting.ts';
import { type EventRepository, neighbourhoodRanges, settle } from './settle.ts';

/** What re-clustering needs besides the dedup port: every posting, a bounded page at a time. */
export interface PostingPages {
  /** Up to `limit` postings whose sort key comes after `after` (from the first when undefined), in order. */
  postingsAfter(after: string | undefined, limit: number): Promise<Posting[]>;
  /** How many postings are filed: the progress bar's whole. */
  countPostings(): Promise<number>;
}

/** Where a re-clustering stopped, kept in the table so a killed run continues there. */
export interface ReclusterProgress {
  /** The sort key after the last block settled; undefined when no run is under way. */
  load(): Promise<string | undefined>;
  /** Saves the cursor; undefined clears it (the run finished). */
  save(cursor: string | undefined): Promise<void>;
}

export interface ReclusterStatus {
  /** Blocks (months) settled by this call. */
  blocks: number;
  /** Postings in those blocks. */
  postings: number;
  /** Postings filed in the whole table (counted once, at the start of the call). */
  total: number;
  /** Events written and ids retired by this call: 0 and 0 when the events already matched the rules. */
  written: number;
  retired: number;
  /** The sort key after the last block settled; undefined once every block is. */
  cursor: string | undefined;
  done: boolean;
}

export interface ReclusterOptions {
  /** Start from the first posting, ignoring a saved cursor. */
  restart?: boolean;
  /** Postings read a page (bounded reads, however large the table). */
  pageSize?: number;
  /** Stop after this many blocks, the cursor saved: a Lambda invocation's slice. */
  maxBlocks?: number;
  /** Stop before the next block once this says so (a Lambda's remaining time), the cursor saved. */
  enough?(): boolean;
  /** Called after each block is settled and its cursor saved. */
  onProgress?(status: ReclusterStatus): void | Promise<void>;
}

/** The blocks a page of postings falls in (settle's own: a month, or a year's entries), in order, each once. */
async function nextBlocks(pages: PostingPages, after: string | undefined, pageSize: number) {
  return neighbourhoodRanges(await pages.postingsAfter(after, pageSize));
}

/**
 * Rebuilds every event from the stored accounts with the current rules: walks the postings in
 * sort-key order and settles each block (a month, or a year's own entries) once, as a worker does for a new
 * account. Settling writes only what differs, so a second run writes nothing; the cursor is saved
 * after each block, so a killed run resumes at the block it was in. Readers keep reading
 * throughout: every write is the same conditional write a worker makes.
 */
export async function reclusterAll(
  repo: EventRepository & PostingPages,
  progress: ReclusterProgress,
  options: ReclusterOptions = {},
): Promise<ReclusterStatus> {
  const pageSize = options.pageSize ?? 100;
  const start = options.restart ? undefined : await progress.load();
  const status: ReclusterStatus = {
    blocks: 0,
    postings: 0,
    total: await repo.countPostings(),
    written: 0,
    retired: 0,
    cursor: start,
    done: false,
  };
  for (;;) {
    const blocks = await nextBlocks(repo, status.cursor, pageSize);
    if (!blocks.length) break;
    for (const block of blocks) {
      if (status.blocks >= (options.maxBlocks ?? Number.POSITIVE_INFINITY) || options.enough?.())
        return status;
      // The whole block, however many postings it holds, counted for the progress bar.
      const seeds = await repo.postingsIn([block]);
      const settled = await settle(repo, seeds, `recluster ${block.lower}`);
      Object.assign(status, {
        blocks: status.blocks + 1,
        postings: status.postings + seeds.length,
        written: status.written + settled.written,
        retired: status.retired + settled.retired,
        cursor: block.upper,
      });
      await progress.save(status.cursor);
      await options.onProgress?.(status);
    }
  }
  await progress.save(undefined);
  return { ...status, cursor: undefined, done: true };
}
