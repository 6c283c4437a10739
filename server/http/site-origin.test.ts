import { describe, expect, it } from 'vitest';
import { siteOriginFromEnv } from './site-origin';

describe('TEPPAN_SITE_URL', () => {
  it('is an origin, or nothing', () => {
    expect(siteOriginFromEnv({})).toBeUndefined();
    expect(siteOriginFromEnv({ TEPPAN_SITE_URL: '' })).toBeUndefined();
    expect(siteOriginFromEnv({ TEPPAN_SITE_URL: 'https://Bookings.Example.com/' })).toBe('https://bookings.example.com');
    expect(siteOriginFromEnv({ TEPPAN_SITE_URL: 'http://localhost:8080' })).toBe('http://localhost:8080');
  });

  it('stops the start for anything a link could not be made on', () => {
    for (const bad of ['bookings.example.com', 'ftp://example.com', 'https://example.com/book/', 'https://example.com/?a=1', 'https://u:p@example.com']) {
      expect(() => siteOriginFromEnv({ TEPPAN_SITE_URL: bad }), bad).toThrow(/TEPPAN_SITE_URL/);
    }
  });
});
