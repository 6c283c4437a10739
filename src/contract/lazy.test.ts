import { describe, expect, it, vi } from 'vitest';

/** Every zod builder the contract calls, counted: `z.object(…)`, `z.string()`, `z.regex(…)` and the rest. */
const built = vi.hoisted(() => ({ count: 0 }));
vi.mock('./zod', async (original) => {
  const { z } = await original<typeof import('./zod')>();
  const counted = new Proxy(z, {
    get(target, key) {
      const value = Reflect.get(target, key);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        built.count++;
        return value(...args);
      };
    },
  });
  return { z: counted };
});

describe('the contract', () => {
  it('builds no schema when it is imported, and one when it is first read: a page pays only for what it reads', async () => {
    const contract = await import('./index');
    expect(built.count).toBe(0);

    expect(contract.cents.safeParse(1250).success).toBe(true);
    const forCents = built.count;
    expect(forCents).toBeGreaterThan(0);
    // Built once: reading it again builds nothing more.
    expect(contract.cents.safeParse(-1).success).toBe(false);
    expect(built.count).toBe(forCents);
  });

  it('reads the same as a schema built at once: nesting, extending, checks and JSON Schema', async () => {
    const { adminBooking, leadRequest, quoteRequest } = await import('./index');
    const { z } = await import('./zod');
    expect(leadRequest.safeParse({ name: 'Ann', question: 'Rain plan?' }).error?.issues[0]?.message).toBe(
      'Give an email or a phone number so the team can answer.',
    );
    expect(quoteRequest.parse({ adults: 10, eventDate: '2027-03-14', zip: '90012' })).toMatchObject({ children: 0, upgrades: {}, addOns: {} });
    expect(z.toJSONSchema(adminBooking, { unrepresentable: 'any' })).toMatchObject({
      type: 'object',
      properties: { customer: { type: 'object' }, payments: { type: 'array' }, totalCents: { type: 'integer', minimum: 0 } },
    });
  });
});
