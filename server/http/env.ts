import type { KeyKind, Tenant } from '../tenants';
import type { IdempotencyClaim } from './idempotency';

/** Per-request values set by middleware. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** The visitor's network address, for rate limits and loopback-only routes ('unknown' when the transport has none). */
    clientAddress: string;
    tenant: Tenant;
    keyKind: KeyKind;
    /** Delay armed by chaos, applied after an idempotency key is claimed. */
    chaosDelayMs: number;
    /** Set by `idempotent` once a request has claimed its key. */
    idempotency: IdempotencyClaim | undefined;
  };
}
