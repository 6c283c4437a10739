import type { QueryClient } from '@tanstack/react-query';
import type { TeppanConfig } from './context';
import { queryKeys } from './keys';

/** Starts the catalog read now (no-op when cached), so it loads alongside the widget's code, not after it. */
export function prefetchCatalog(client: QueryClient, { api, scope }: Pick<TeppanConfig, 'api' | 'scope'>): void {
  void client.prefetchQuery({ queryKey: queryKeys.catalog(scope), queryFn: ({ signal }) => api.catalog({ signal }), staleTime: 5 * 60_000 });
}
