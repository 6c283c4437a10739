import { describe, expect, it } from 'vitest';
import { linkParts } from './MessageText';

describe('links in a chat message', () => {
  it('makes https: URLs and the site’s own paths links, leaving sentence punctuation outside', () => {
    expect(linkParts('Book at /book.html, or read https://example.com/faq?a=1.')).toEqual([
      { text: 'Book at ' },
      { text: '/book.html', href: '/book.html', external: false },
      { text: ', or read ' },
      { text: 'https://example.com/faq?a=1', href: 'https://example.com/faq?a=1', external: true },
      { text: '.' },
    ]);
  });

  it('never links other schemes, fractions or markup', () => {
    for (const text of [
      'javascript:alert(1)',
      'http://insecure.example',
      'data:text/html,<b>x</b>',
      '1/2 price',
      'and/or',
      '<a href="https://x.y">z</a>'.replace('https', 'ftp'),
    ]) {
      expect(
        linkParts(text).every((p) => !('href' in p)),
        text,
      ).toBe(true);
    }
  });
});
