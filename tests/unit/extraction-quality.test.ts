import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractEvents } from '../../lib/extraction/index.ts';
import { extractionFigures, readBaseline } from '../eval/baseline.ts';
import { evaluateExtraction } from '../eval/extraction.ts';
import { expectAtLeastFloors } from '../eval/gates.ts';
import { describeWithShared, sharedPath } from '../support/shared.ts';

describe('extraction quality on the labelled set (tests/fixtures/extraction)', () => {
  const { total, articles } = evaluateExtraction();

  it('scores at least its floors in tests/eval/baseline.json: precision, recall, F1, dates, scheduled', () => {
    expect(articles).toBeGreaterThanOrEqual(30);
    expectAtLeastFloors(extractionFigures(total), readBaseline().extraction, 'extraction');
  });

  it('meets the product targets: F1 ≥ 0.90, date accuracy ≥ 0.97', () => {
    expect(total.f1).toBeGreaterThanOrEqual(0.9);
    expect(total.dateAccuracy).toBeGreaterThanOrEqual(0.97);
  });
});

const SEED = sharedPath('seed/north-korean-troops-article.txt');

/** The seed as a feed carries it: its bullet lines as a list, the rest as paragraphs. */
function seedHtml(text: string): { title: string; html: string } {
  const [title = '', ...lines] = text.split('\n').map((line) => line.trim());
  const html = lines
    .filter(Boolean)
    .map((line) => (line.startsWith('•') ? `<ul><li>${line.slice(1).trim()}</li></ul>` : `<p>${line}</p>`))
    .join('');
  return { title, html };
}

describeWithShared(SEED, 'the seed article (../shared/seed, when present)', () => {
  it('yields exactly its six dated events with the right dates, plus one report event', () => {
    const { title, html } = seedHtml(readFileSync(SEED, 'utf8'));
    const events = extractEvents({ title, html, publishedAt: '2024-10-13T10:00:00Z' });
    expect(events.filter((e) => e.kind === 'dated').map((e) => e.date)).toEqual([
      '2024-06-18',
      '2024-10-04',
      '2024-10-08',
      '2024-10-08',
      '2024-10-03',
      '2024-10-11',
    ]);
    expect(events.filter((e) => e.kind === 'report')).toEqual([
      expect.objectContaining({
        date: '2024-10-13',
        summary: 'Zelenskyy warns: North Korean troops join Russia’s war in Ukraine',
      }),
    ]);
  });
});
