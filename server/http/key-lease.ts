import { randomId } from '../../src/core/ids';
import type { IdempotencyBegin, Store, StoredResponse } from '../store/types';

/**
 * How long a claim on a key stays its request's without a heartbeat: a key
 * whose instance died is free again at most this long after the last beat.
 */
export const LEASE_MS = 15_000;
/** The running request renews its lease this often: two beats may be missed (a slow database) before it could be taken over. */
export const HEARTBEAT_MS = 5_000;

/** A claim this request holds: settled once, and kept alive by a heartbeat until then. */
export interface HeldKey {
  /** Keeps the response, replayed to every later request with the key. */
  finish(response: StoredResponse): Promise<void>;
  /** Frees the key: nothing was created. */
  release(): Promise<void>;
}

export type KeyClaim = Exclude<IdempotencyBegin, { state: 'started' }> | { state: 'started'; held: HeldKey; inherited: boolean };

/**
 * Claims `key` in `scope` under a lease on the wall clock (`clock`), and
 * while the claim is held renews it every `HEARTBEAT_MS`, so a request that
 * runs long (a streamed reply) is never taken over while it lives, and one
 * whose process died is, `LEASE_MS` after its last beat.
 */
export async function claimKey(store: Store, scope: string, key: string, fingerprint: string, clock: () => number): Promise<KeyClaim> {
  const token = randomId();
  const claim = await store.beginIdempotent(scope, key, fingerprint, clock(), { token, until: clock() + LEASE_MS });
  if (claim.state !== 'started') return claim;
  const lost = (what: string) => console.warn(`[teppan] idempotency key ${key} (${scope}) was taken over before its request could ${what}`);
  const heartbeat = setInterval(() => {
    store.renewIdempotent(scope, key, { token, until: clock() + LEASE_MS }).then(
      (renewed) => {
        if (renewed) return;
        clearInterval(heartbeat);
        lost('renew it');
      },
      // The database unreachable for a beat: the next one tries again, and the lease still has two beats in hand.
      (error: unknown) => console.error(`[teppan] could not renew idempotency key ${key}: ${String(error)}`),
    );
  }, HEARTBEAT_MS);
  // A request still running must not keep a stopping process alive for its heartbeat.
  heartbeat.unref?.();
  let settled = false;
  const settle = async (write: () => Promise<boolean>, what: string) => {
    if (settled) return;
    settled = true;
    clearInterval(heartbeat);
    if (!(await write())) lost(what);
  };
  return {
    state: 'started',
    inherited: claim.inherited === true,
    held: {
      finish: (response) => settle(() => store.finishIdempotent(scope, key, token, response), 'keep its response'),
      release: () => settle(() => store.releaseIdempotent(scope, key, token), 'free it'),
    },
  };
}
