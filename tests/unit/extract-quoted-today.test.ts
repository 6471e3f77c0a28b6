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

describe('a quoted remark on how things stand "today"', () => {
  const speech = (remark: string) =>
    extractEvents({
      html: `<p>The harbour master on Tuesday admitted delays in clearing the wrecked pier after the storm.</p><p>${remark}</p>`,
      publishedAt: TUESDAY,
      title: 'Harbour master admits pier delays',
    });

  it('is one more sentence of the speech the article reports that day, not an event of its own', () => {
    const events = speech('"The first night was hard, but today the channel is open again," he said.');
    expect(events.map((event) => `${event.kind} ${event.date}`)).toEqual(['report 2025-03-04']);
    expect(events[0]?.evidence).toContain(
      '"The first night was hard, but today the channel is open again," he said.',
    );
  });

  it('stays an event when the quoted clause tells an act', () => {
    const acts = [
      '"We towed two trawlers out of the channel today," he said.',
      '"We are reopening the channel today," he said.',
    ];
    for (const act of acts)
      expect(speech(act).map((event) => `${event.kind} ${event.date}`)).toEqual([
        'dated 2025-03-04',
        'report 2025-03-04',
      ]);
  });
});
