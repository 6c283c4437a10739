import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTenantRegistry, demoTenant } from './index';
import { loadTenantsFile } from './load';

const dir = mkdtempSync(join(tmpdir(), 'teppan-tenants-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, data: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data));
  return path;
};
const shop = { ...demoTenant, id: 'shop', publishableKeys: ['pk_test_shop'], secretKeys: ['sk_test_shop'] };

describe('TEPPAN_TENANTS', () => {
  it('reads an array of tenants shaped like demo.json', () => {
    const stripe = { ...shop, catalog: { ...shop.catalog, payments: { provider: 'stripe', publishableKey: 'pk_test_shop_stripe' } } };
    expect(loadTenantsFile(file('ok.json', [stripe])).map((t) => t.id)).toEqual(['shop']);
  });

  it('stops at start on a broken file, naming the field', () => {
    expect(() => loadTenantsFile(file('broken.json', '[{'))).toThrow(/cannot read .* as JSON/);
    expect(() => loadTenantsFile(file('bad-key.json', [{ ...shop, publishableKeys: ['sk_live_oops'] }]))).toThrow(
      /0\.publishableKeys\.0: Publishable keys look like pk_/,
    );
    const secretInCatalog = { ...shop, catalog: { ...shop.catalog, payments: { provider: 'stripe', publishableKey: 'sk_live_oops' } } };
    expect(() => loadTenantsFile(file('secret.json', [secretInCatalog]))).toThrow(/0\.catalog: A Stripe tenant needs its Stripe publishable key/);
    expect(() => loadTenantsFile(file('price.json', [{ ...shop, catalog: { ...shop.catalog, depositCents: -1 } }]))).toThrow(/0\.catalog\.depositCents/);
  });

  it('refuses two tenants with one id or one key', () => {
    expect(() => createTenantRegistry([demoTenant, { ...shop, id: 'demo' }])).toThrow(/Two tenants have the id demo/);
    expect(() => createTenantRegistry([demoTenant, { ...shop, publishableKeys: ['pk_test_demo'] }])).toThrow(/belongs to two tenants/);
  });
});
