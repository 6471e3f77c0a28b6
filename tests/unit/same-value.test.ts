import { describe, expect, it } from 'vitest';
import { sameValue } from '../../lib/dedup/plan.ts';

describe('sameValue: a stored item against a fresh derivation', () => {
  it('ignores key order and keys set to undefined, at any depth', () => {
    const stored = { id: 'e1', sources: [{ site: 'a.example', quote: 'Q' }], topics: ['port'] };
    const derived = {
      topics: ['port'],
      sources: [{ quote: 'Q', site: 'a.example', note: undefined }],
      id: 'e1',
    };
    expect(sameValue(stored, derived)).toBe(true);
  });

  it('tells apart what JSON tells apart', () => {
    const event = { id: 'e1', count: 2, sources: [{ site: 'a.example' }, { site: 'b.example' }] };
    expect(sameValue(event, { ...event, count: 3 })).toBe(false);
    expect(sameValue(event, { ...event, count: '2' })).toBe(false);
    expect(sameValue(event, { ...event, sources: [...event.sources].reverse() })).toBe(false);
    expect(sameValue(event, { ...event, sources: [{ site: 'a.example' }] })).toBe(false);
    expect(sameValue(event, { ...event, extra: null })).toBe(false);
    expect(sameValue({ list: [] }, { list: {} })).toBe(false);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue({ constructor: Object }, { other: Object })).toBe(false);
  });
});
