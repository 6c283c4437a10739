import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { type Catalog, catalog as catalogSchema } from '../contract';
import type { TeppanError } from '../core';
import type { TeppanConfig } from './context';
import { queryKeys } from './keys';

/**
 * The one catalog query every widget shares. `early` is a response already
 * requested (the embed loader asks for it alongside the code): used once if it
 * is valid, else the retrying client asks properly.
 */
export function catalogQuery({ api, scope }: Pick<TeppanConfig, 'api' | 'scope'>, early?: Promise<Response>) {
  let pending = early;
  return queryOptions<Catalog, TeppanError>({
    queryKey: queryKeys.catalog(scope),
    queryFn: async ({ signal }) => {
      const response = pending;
      pending = undefined;
      if (response) {
        try {
          const res = await response;
          const parsed = res.ok ? catalogSchema.safeParse(await res.json()) : undefined;
          if (parsed?.success) return parsed.data;
        } catch {
          // Fall through to the retrying client.
        }
      }
      return api.catalog({ signal });
    },
    staleTime: 5 * 60_000,
  });
}

/**
 * Starts the catalog read now (no-op when cached, joined when under way), so it loads alongside a widget's code,
 * not after it. Settles, never rejecting, once the catalog is in the cache or its read failed.
 */
export function prefetchCatalog(client: QueryClient, config: Pick<TeppanConfig, 'api' | 'scope'>, early?: Promise<Response>): Promise<void> {
  return client.prefetchQuery(catalogQuery(config, early));
}
