import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../store/memory';
import { demoTenant } from '../tenants';
import { manageLink, manageLinks } from './manage';
import { bookingIdOf } from './manage-token';

const SECRET = 'c'.repeat(64);

describe('manage links', () => {
  it('lead to the demo site’s manage page, or the tenant’s own, with a token that opens to the booking', async () => {
    const demo = new URL(await manageLink(SECRET, demoTenant, 'bk_1234', 'http://localhost:8787'));
    expect(`${demo.origin}${demo.pathname}`).toBe('http://localhost:8787/manage.html');
    expect(await bookingIdOf(SECRET, 'demo', demo.searchParams.get('token') ?? '')).toBe('bk_1234');

    const own = new URL(await manageLink(SECRET, { ...demoTenant, manageUrl: 'https://hibachi.example/my-booking' }, 'bk_1234', 'http://localhost:8787'));
    expect(`${own.origin}${own.pathname}`).toBe('https://hibachi.example/my-booking');
    expect(await bookingIdOf(SECRET, 'demo', own.searchParams.get('token') ?? '')).toBe('bk_1234');
  });

  it('lead a Spanish booking to the Spanish manage page and an English one to the English page; a tenant’s own page serves every language', async () => {
    const path = async (tenant: typeof demoTenant, locale?: 'en' | 'es') => {
      const url = new URL(await manageLink(SECRET, tenant, 'bk_1234', 'http://localhost:8787', locale));
      expect(await bookingIdOf(SECRET, 'demo', url.searchParams.get('token') ?? '')).toBe('bk_1234');
      return `${url.origin}${url.pathname}${url.search.replace(/=.*/, '=…')}`;
    };
    expect(await path(demoTenant, 'es')).toBe('http://localhost:8787/es/manage.html?token=…');
    expect(await path(demoTenant, 'en')).toBe('http://localhost:8787/manage.html?token=…');
    expect(await path(demoTenant)).toBe('http://localhost:8787/manage.html?token=…');
    const own = { ...demoTenant, manageUrl: 'https://hibachi.example/my-booking' };
    expect(await path(own, 'es')).toBe('https://hibachi.example/my-booking?token=…');

    // As the server makes them for mail: from the booking, by its stored language.
    const store = createMemoryStore();
    const links = manageLinks(store, () => 'https://bookings.example.com');
    const spanish = new URL(await links(demoTenant, { id: 'bk_1234', locale: 'es' }));
    expect(spanish.pathname).toBe('/es/manage.html');
    expect(await bookingIdOf(store.secret, 'demo', spanish.searchParams.get('token') ?? '')).toBe('bk_1234');
    expect(new URL(await links(demoTenant, { id: 'bk_1234' })).pathname).toBe('/manage.html');
  });
});
