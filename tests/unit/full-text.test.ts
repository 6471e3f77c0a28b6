import { describe, expect, it } from 'vitest';
import { mainContent, needsPage, TEASER_WORDS } from '../../lib/articles/index.ts';
import { extractEvents } from '../../lib/extraction/index.ts';
import { portsArticle } from '../fixtures/black-sea.ts';
import { articlePage } from '../fixtures/pages.ts';

const words = (n: number) => `<p>${Array.from({ length: n }, (_, i) => `word${i}`).join(' ')}</p>`;

describe('needsPage', () => {
  it('reads the page for a teaser under auto, never for full text, always or never as configured', () => {
    expect(needsPage({ fullText: 'auto', html: words(TEASER_WORDS - 1) })).toBe(true);
    expect(needsPage({ fullText: 'auto', html: words(TEASER_WORDS + 10) })).toBe(false);
    expect(needsPage({ fullText: 'always', html: words(500) })).toBe(true);
    expect(needsPage({ fullText: 'never', html: words(3) })).toBe(false);
  });
});

describe('mainContent (Readability on linkedom)', () => {
  const page = articlePage(portsArticle.title, portsArticle.html);
  const content =
    mainContent(page, 'https://harbour-news.example.org/2024/10/15/black-sea-ports-hit-again/') ?? '';

  it('keeps the story with its paragraphs and list items', () => {
    expect(content).toContain('<li>2 July: Russian drones struck the port of Izmail');
    expect(content).toContain('air defences around the ports would be doubled');
  });

  it('drops navigation, share buttons, related links and the footer', () => {
    expect(content).toContain('air defences around the ports would be doubled');
    for (const furniture of [
      'Share on Facebook',
      'Port workers strike on 3 October',
      '© 2024 Harbour News',
      'Business',
    ]) {
      expect(page).toContain(furniture);
      expect(content).not.toContain(furniture);
    }
  });

  it('gives the same dated events as the full feed text', () => {
    const dates = (html: string) =>
      extractEvents({ html, publishedAt: portsArticle.pubDate })
        .filter((e) => e.kind === 'dated')
        .map((e) => e.date);
    expect(dates(portsArticle.html).length).toBeGreaterThan(1);
    expect(dates(content)).toEqual(dates(portsArticle.html));
  });

  it('finds nothing on a page without an article', () => {
    expect(
      mainContent('<html><body><nav><a href="/">Home</a></nav></body></html>', 'https://x.example/'),
    ).toBeUndefined();
  });
});
