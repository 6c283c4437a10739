import { describe, expect, it } from 'vitest';
import { demoTenant, tenantConfig } from '../tenants';

describe('a tenant’s FAQ, checked at start', () => {
  it('accepts the demo tenant’s', () => {
    expect(demoTenant.faq?.entries.length).toBeGreaterThanOrEqual(12);
  });

  it.each([
    ['an unknown placeholder in an answer', { answer: 'It is {adultPrize}.' }, ['faq', 'entries', 0, 'answer']],
    ['the ZIP sentence outside a withZip answer', { answer: 'It is {zipTravel}.' }, ['faq', 'entries', 0, 'answer']],
    ['an action that does not exist', { actions: ['call'] }, ['faq', 'entries', 0, 'actions', 0]],
    ['no phrasings', { asks: [] }, ['faq', 'entries', 0, 'asks']],
  ])('refuses %s, naming where', (_, change, path) => {
    const faq = demoTenant.faq ?? expect.fail('the demo tenant has an FAQ');
    const [first, ...rest] = faq.entries;
    const broken = { ...demoTenant, faq: { ...faq, entries: [{ ...first, ...change }, ...rest] } };
    const result = tenantConfig.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toContainEqual(path);
  });

  it('refuses two entries with one id', () => {
    const faq = demoTenant.faq ?? expect.fail('the demo tenant has an FAQ');
    const result = tenantConfig.safeParse({ ...demoTenant, faq: { ...faq, entries: [...faq.entries, faq.entries[0]] } });
    expect(result.error?.issues.map((i) => i.message)).toContain('FAQ entry ids must be unique.');
  });
});
