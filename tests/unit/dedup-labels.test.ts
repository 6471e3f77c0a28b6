import { describe, expect, it } from 'vitest';
import { labelledAccounts } from '../eval/dedup.ts';
import type { LabelledArticle } from '../eval/labelled-set.ts';

// Monday 11 November 2024: the lead reports Sunday's vote and books the runoff in one sentence.
const article: LabelledArticle = {
  id: 'harbour-first-round',
  style: 'wire',
  language: 'en',
  title: 'Ortiz tops harbour ward vote, faces Varga in runoff',
  publishedAt: '2024-11-11T06:00:00Z',
  html: '<p>Lena Ortiz won the most votes in the harbour ward election on Sunday and will face Marek Varga in a runoff on 24 November, near-complete results showed.</p><p>Turnout was 48%, the ward office said.</p>',
  events: [
    { date: '2024-11-11', kind: 'report', quote: 'Lena Ortiz won the most votes', cluster: 'first-round' },
    { date: '2024-11-10', kind: 'dated', quote: 'harbour ward election on Sunday', cluster: 'first-round' },
    {
      date: '2024-11-24',
      kind: 'dated',
      quote: 'in a runoff on 24 November',
      cluster: 'runoff',
      scheduled: true,
    },
  ],
};

describe('labelling the accounts of the self-written dedup set', () => {
  it('gives an account of a sentence that tells two events to the gold event of its own date', () => {
    const labelled = labelledAccounts([article]);
    const runoff = labelled.filter((a) => a.account.date === '2024-11-24');
    expect(runoff.length).toBeGreaterThan(0);
    expect(runoff.map((a) => a.cluster)).toEqual(runoff.map(() => 'runoff'));
  });
});
