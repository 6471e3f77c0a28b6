import type { ReclusterStatus } from '../../lib/dedup/index.ts';

const WIDTH = 30;

/** `[#######.......]  45%  123/456 accounts  7 written  1 retired` */
export function progressLine({ postings, total, written, retired }: ReclusterStatus): string {
  const fraction = total ? Math.min(postings / total, 1) : 1;
  const filled = Math.round(fraction * WIDTH);
  const percent = String(Math.floor(fraction * 100)).padStart(3);
  return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${percent}%  ${postings}/${total} accounts  ${written} written  ${retired} retired`;
}

interface Terminal {
  isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * Progress on stderr: on a terminal one line redrawn in place; in a log (not a TTY) a line each
 * time another tenth is done, so a CI log is not flooded. A resumed run counts the accounts it
 * settles itself against the whole table, so it ends short of 100% until the final line.
 */
export function progressBar(out: Terminal) {
  let lastTenth = -1;
  return {
    update(status: ReclusterStatus) {
      if (out.isTTY) {
        out.write(`\r${progressLine(status)}`);
        return;
      }
      const tenth = status.total ? Math.floor((status.postings / status.total) * 10) : 10;
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      out.write(`${progressLine(status)}\n`);
    },
    finish(status: ReclusterStatus) {
      out.write(`${out.isTTY ? '\r' : ''}${progressLine(status)}\n`);
    },
  };
}
