import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTeppan } from './context';
import { queryKeys } from './keys';

/**
 * The funnel's hand-offs on one page, through the shared query cache: the
 * quote calculator publishes the quote a visitor chose to book, the booking
 * form the booking it created. Widgets never import each other.
 */
export type HandoffKind = 'quote' | 'booking';

export function useHandoff(kind: HandoffKind): [id: string | null, publish: (id: string | null) => void] {
  const { scope } = useTeppan();
  const client = useQueryClient();
  const key = queryKeys.handoff(scope, kind);
  const { data } = useQuery({
    queryKey: key,
    queryFn: () => null as string | null,
    enabled: false,
    initialData: null,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
  const publish = useCallback((id: string | null) => client.setQueryData(queryKeys.handoff(scope, kind), id), [client, scope, kind]);
  return [data ?? null, publish];
}
