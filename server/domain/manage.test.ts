import { describe, expect, it } from 'vitest';
import { demoTenant } from '../tenants';
import { manageLink } from './manage';
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
});
