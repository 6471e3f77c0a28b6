import { describe, expect, it } from 'vitest';
import { extractEvents, isTextDated } from '../../lib/extraction/index.ts';

// Tuesday 4 March 2025, noon UTC.
const TUESDAY = '2025-03-04T12:00:00Z';

describe('"today" in a quotation that runs past its sentence', () => {
  it('is the day the sentence gives the words, told once', () => {
    const events = extractEvents({
      html: '<p>On October 2, 2023, the museum director posted a photo of the new wing, writing, "Today we opened our doors. Come and see it."</p>',
      publishedAt: TUESDAY,
      title: 'Museum wing marks its first anniversary',
    });
    expect(events.filter(isTextDated).map((event) => event.date)).toEqual(['2023-10-02']);
  });
});
