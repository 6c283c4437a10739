import { type Catalog, catalog } from '../../src/contract';
import { z } from '../../src/contract/zod';
import { type FaqConfig, faqConfig } from '../chat/faq';
import demo from './demo.json' with { type: 'json' };

export interface Tenant {
  id: string;
  publishableKeys: string[];
  secretKeys: string[];
  /** Origins allowed to call with this tenant's keys; `*` matches any port. */
  allowedOrigins: string[];
  catalog: Catalog;
  /** What the chat answers from; without it, the chat offers a person for every question. */
  faq?: FaqConfig;
  /** Where the business's notices go (a new booking, a lead); without it, none are sent. */
  notifyEmail?: string;
  /** The business's own page hosting `<teppan-manage>`, where manage links lead in every language; without it, the demo site's `/manage.html` (`/es/manage.html` for a Spanish booking). */
  manageUrl?: string;
  /** Hours before an event that the customer is reminded of it, one reminder each; `DEFAULT_REMINDERS` without it, none when empty. */
  reminders?: number[];
}

/** A reminder two days before the event, unless a tenant says otherwise. */
export const DEFAULT_REMINDERS = [48];

/** A tenant as configured (demo.json, or a TEPPAN_TENANTS file): checked at start, not mid-request. */
export const tenantConfig = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Use lowercase letters, digits and dashes.')),
  publishableKeys: z.array(z.string().check(z.regex(/^pk_\w{4,}$/, 'Publishable keys look like pk_…'))).check(z.minLength(1)),
  secretKeys: z.array(z.string().check(z.regex(/^sk_\w{4,}$/, 'Secret keys look like sk_…'))),
  allowedOrigins: z.array(z.string().check(z.regex(/^https?:\/\/[^/\s]+$/, 'An origin: scheme and host, optionally :port or :*, no path.'))),
  catalog: catalog.check(
    z.refine(
      (c) => c.payments.provider !== 'stripe' || /^pk_(test|live)_\w+$/.test(c.payments.publishableKey),
      'A Stripe tenant needs its Stripe publishable key (pk_test_… or pk_live_…); secret keys never belong in a catalog.',
    ),
  ),
  // Tenant-level, not in the catalog: the catalog is public, the FAQ's ranking data is not the visitor's business.
  faq: z.optional(faqConfig),
  // Tenant-level too: where the business's own mail goes is not the visitor's business either.
  notifyEmail: z.optional(z.email('An email address for the business’s notices.')),
  manageUrl: z.optional(z.string().check(z.regex(/^https?:\/\/[^\s?#]+$/, 'A page’s address: http(s)://host/path, no query; the link adds ?token=…'))),
  reminders: z.optional(
    z
      .array(z.int('Hours before the event, a whole number.').check(z.gte(1), z.lte(30 * 24)))
      .check(z.refine((hours) => new Set(hours).size === hours.length, 'Each reminder once.')),
  ),
});

export type KeyKind = 'publishable' | 'secret';

export interface TenantRegistry {
  byKey(key: string): { tenant: Tenant; kind: KeyKind } | undefined;
  byId(id: string): Tenant | undefined;
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
  const ids = new Map<string, Tenant>();
  for (const tenant of tenants) {
    // Seed data is validated like any input: a broken catalog fails at start, not mid-quote.
    tenantConfig.parse(tenant);
    if (ids.has(tenant.id)) throw new Error(`Two tenants have the id ${tenant.id}.`);
    ids.set(tenant.id, tenant);
    const add = (k: string, kind: KeyKind) => {
      if (keys.has(k)) throw new Error(`The key ${k.slice(0, 8)}… belongs to two tenants.`);
      keys.set(k, { tenant, kind });
    };
    for (const k of tenant.publishableKeys) add(k, 'publishable');
    for (const k of tenant.secretKeys) add(k, 'secret');
  }
  return {
    byKey: (key) => keys.get(key),
    byId: (id) => ids.get(id),
    anyAllows: (origin) => tenants.some((t) => originAllowed(t, origin)),
  };
}

/** Checked when the server starts, like any tenant: a broken FAQ template fails here, not in a chat. */
export const demoTenant: Tenant = tenantConfig.parse(demo);
