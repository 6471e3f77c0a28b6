import { describe, expect, it } from 'vitest';
import { progressBar, progressLine } from '../../infra/local/progress-bar.ts';
import type { ReclusterStatus } from '../../lib/dedup/index.ts';

const at = (postings: number, total = 40): ReclusterStatus => ({
  blocks: postings,
  postings,
  total,
  written: 2,
  retired: 1,
  cursor: undefined,
  done: false,
});

function recorder(isTTY: boolean) {
  const written: string[] = [];
  return { out: { isTTY, write: (text: string) => written.push(text) }, written };
}

describe('the re-clustering progress bar', () => {
  it('shows the share of accounts settled, with what was written', () => {
    expect(progressLine(at(10))).toBe(
      `[${'#'.repeat(8)}${'.'.repeat(22)}]  25%  10/40 accounts  2 written  1 retired`,
    );
    expect(progressLine(at(0, 0))).toMatch(/^\[#{30}\] 100%/);
  });

  it('prints a line per tenth in a log, however many blocks pass', () => {
    const { out, written } = recorder(false);
    const bar = progressBar(out);
    for (let n = 1; n <= 40; n++) bar.update(at(n));
    // The first block opens the log at 2%; then one line as each tenth is crossed.
    expect(written.map((line) => line.match(/(\d+)%/)?.[1])).toEqual([
      '2',
      '10',
      '20',
      '30',
      '40',
      '50',
      '60',
      '70',
      '80',
      '90',
      '100',
    ]);
    expect(written.every((line) => line.endsWith('\n'))).toBe(true);
  });

  it('redraws one line on a terminal, ending it when done', () => {
    const { out, written } = recorder(true);
    const bar = progressBar(out);
    for (let n = 1; n <= 4; n++) bar.update(at(n, 4));
    bar.finish({ ...at(4, 4), done: true });
    expect(written).toHaveLength(5);
    expect(written.slice(0, 4).every((line) => line.startsWith('\r') && !line.includes('\n'))).toBe(true);
    expect(written.at(-1)).toMatch(/^\r\[#{30}\] 100% .*\n$/);
  });
});
