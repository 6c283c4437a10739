import { useQuery } from '@tanstack/react-query';
import type { Quote, QuoteInput } from '../../contract';
import { newIdempotencyKey, type TeppanError } from '../../core';
import { queryKeys, useTeppan } from '../../query';
import { useDebounced } from '../../ui';

export interface ServerQuote {
  /** The server's quote for exactly what is on screen, if it has arrived. */
  quote: Quote | undefined;
  /** Why the server refused or failed for what is on screen. */
  error: TeppanError | null;
  /** A quote for what is on screen is being fetched (or about to be, once typing settles). */
  pending: boolean;
  retry: () => void;
}

/**
 * The authoritative quote for the inputs, once typing settles. Each set of
 * inputs is cached, so going back to earlier choices costs no request, and a
 * request for inputs already left behind is cancelled.
 */
export function useServerQuote(input: QuoteInput | undefined): ServerQuote {
  const { api, scope } = useTeppan();
  const settled = useDebounced(input, 350);
  const query = useQuery<Quote, TeppanError>({
    queryKey: queryKeys.quoteFor(scope, settled ?? null),
    // A key per request makes the POST safe to retry; the same inputs are served from the cache anyway.
    queryFn: ({ signal }) => api.createQuote(settled as QuoteInput, { idempotencyKey: newIdempotencyKey(), signal }),
    enabled: settled !== undefined,
    staleTime: 5 * 60_000,
  });
  const current = input !== undefined && JSON.stringify(settled) === JSON.stringify(input);
  return {
    quote: current ? query.data : undefined,
    error: current ? query.error : null,
    pending: input !== undefined && (!current || query.isFetching),
    retry: () => void query.refetch(),
  };
}
