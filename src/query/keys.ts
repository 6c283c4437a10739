import type { AvailabilityQuery } from '../contract';

/**
 * Query keys, scoped by API base and key so two tenants on one page never share
 * cache entries. Every widget asks for the catalog through `catalog(scope)`.
 */
export const queryKeys = {
  all: (scope: string) => ['teppan', scope] as const,
  catalog: (scope: string) => ['teppan', scope, 'catalog'] as const,
  quote: (scope: string, id: string) => ['teppan', scope, 'quote', id] as const,
  availability: (scope: string, q: AvailabilityQuery) => ['teppan', scope, 'availability', q.from, q.to, q.guests ?? 1] as const,
  booking: (scope: string, id: string) => ['teppan', scope, 'booking', id] as const,
  payment: (scope: string, id: string) => ['teppan', scope, 'payment', id] as const,
  /** What a manage link's token opens. */
  manage: (scope: string, token: string) => ['teppan', scope, 'manage', token] as const,
  /** A server quote for one set of inputs, so going back to the same inputs costs no request. */
  quoteFor: (scope: string, input: unknown) => ['teppan', scope, 'quote-for', input] as const,
};
