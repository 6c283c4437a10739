import { type Catalog, catalog } from '../../src/contract';
import demo from './demo.json' with { type: 'json' };

export interface Tenant {
  id: string;
  publishableKeys: string[];
  secretKeys: string[];
  /** Origins allowed to call with this tenant's keys; `*` matches any port. */
  allowedOrigins: string[];
  catalog: Catalog;
}

export type KeyKind = 'publishable' | 'secret';

export interface TenantRegistry {
  byKey(key: string): { tenant: Tenant; kind: KeyKind } | undefined;
  /** Whether any tenant allows this origin (for preflights, which carry no key). */
  anyAllows(origin: string): boolean;
}

export function originAllowed(tenant: Tenant, origin: string): boolean {
  return tenant.allowedOrigins.some((pattern) => {
    if (!pattern.endsWith(':*')) return pattern === origin;
    const base = pattern.slice(0, -2);
    return origin === base || (origin.startsWith(`${base}:`) && /^\d+$/.test(origin.slice(base.length + 1)));
  });
}

export function createTenantRegistry(tenants: Tenant[]): TenantRegistry {
  const keys = new Map<string, { tenant: Tenant; kind: KeyKind }>();
  for (const tenant of tenants) {
    // Seed data is validated like any input: a broken catalog fails at start, not mid-quote.
    catalog.parse(tenant.catalog);
    for (const k of tenant.publishableKeys) keys.set(k, { tenant, kind: 'publishable' });
    for (const k of tenant.secretKeys) keys.set(k, { tenant, kind: 'secret' });
  }
  return {
    byKey: (key) => keys.get(key),
    anyAllows: (origin) => tenants.some((t) => originAllowed(t, origin)),
  };
}

export const demoTenant = demo as Tenant;
