import type { KeyKind, Tenant } from '../tenants';

/** Per-request values set by middleware. */
export interface AppEnv {
  Variables: {
    requestId: string;
    tenant: Tenant;
    keyKind: KeyKind;
    /** Delay armed by chaos, applied after an idempotency key is claimed. */
    chaosDelayMs: number;
  };
}
