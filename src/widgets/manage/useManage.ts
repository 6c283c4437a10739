import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { CancelResponse, ManageView, RescheduleResponse } from '../../contract';
import { asTeppanError, type TeppanError } from '../../core';
import { queryKeys, useTeppan } from '../../query';
import { type ManageApi, manageApi } from './api';

/** The manage link's calls, on the page's HTTP client. */
export function useManageApi(): ManageApi {
  const { http } = useTeppan();
  return useMemo(() => manageApi(http), [http]);
}

/** The booking a manage token opens, and what may be done with it. A GET: opening the link changes nothing. */
export function useManageView(api: ManageApi, token: string) {
  const { scope } = useTeppan();
  return useQuery<ManageView, TeppanError>({
    queryKey: queryKeys.manage(scope, token),
    queryFn: ({ signal }) => api.view(token, { signal }),
    // What may be done depends on the clock (the policy's windows): read afresh on every visit.
    staleTime: 0,
  });
}

/** One kind of change: sent on the visitor's confirmation, its progress and failure for the step to show. */
export interface Change<V, R> {
  /** Sends it; rejects with the TeppanError it also keeps in `error`. */
  run: (vars: V) => Promise<R>;
  pending: boolean;
  error: TeppanError | null;
  /** Forgets the failure (the visitor left the step). */
  reset: () => void;
}

/**
 * A change sent once per call, then `after` (the caches it touched, read again) before it resolves. Plain state,
 * not TanStack's mutations: those would put their observer into the runtime every widget loads, for this one.
 */
function useChange<V, R>(send: (vars: V) => Promise<R>, after: () => Promise<unknown>): Change<V, R> {
  const [state, setState] = useState<{ pending: boolean; error: TeppanError | null }>({ pending: false, error: null });
  const run = useCallback(
    async (vars: V) => {
      setState({ pending: true, error: null });
      try {
        const result = await send(vars);
        await after();
        setState({ pending: false, error: null });
        return result;
      } catch (e) {
        const error = asTeppanError(e);
        setState({ pending: false, error });
        throw error;
      }
    },
    [send, after],
  );
  const reset = useCallback(() => setState({ pending: false, error: null }), []);
  return { run, reset, ...state };
}

/**
 * The two changes a manage link makes, each sent with the Idempotency-Key of the confirmation the visitor gave
 * (see ./manageReducer.ts): the HTTP client's retries and the visitor's "Try again" repeat it, and the server
 * answers a repeat with the first result, so a change is made, and a deposit refunded, once.
 */
export function useManageChanges(api: ManageApi, token: string) {
  const { scope } = useTeppan();
  const client = useQueryClient();
  // Seatings were freed and taken; the link's own view (what may be done now) is read again.
  const refresh = useCallback(
    () =>
      Promise.all([
        client.invalidateQueries({ queryKey: [...queryKeys.all(scope), 'availability'] }),
        client.invalidateQueries({ queryKey: queryKeys.manage(scope, token) }),
      ]),
    [client, scope, token],
  );
  const reschedule = useChange<{ slotId: string; key: string }, RescheduleResponse>(
    useCallback(({ slotId, key }) => api.reschedule(token, { slotId }, { idempotencyKey: key }), [api, token]),
    refresh,
  );
  const cancel = useChange<{ reason: string; key: string }, CancelResponse>(
    useCallback(({ reason, key }) => api.cancel(token, reason.trim() ? { reason: reason.trim() } : {}, { idempotencyKey: key }), [api, token]),
    refresh,
  );
  return { reschedule, cancel, refresh };
}
