import { QueryClient } from '@tanstack/react-query';
import { isTeppanError } from '../core';

/**
 * A QueryClient for Teppan widgets. TanStack's own retry stays off: the HTTP
 * client already retries what is safe to retry, and 3 × 3 attempts would be 16.
 */
export function createTeppanQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: false,
        staleTime: 60_000,
        // A widget on a marketing page should not refetch just because the visitor switched tabs.
        refetchOnWindowFocus: false,
        // A refused key is a setup mistake no widget can work around: straight to the error boundary.
        throwOnError: (error) => isTeppanError(error) && (error.kind === 'unauthorized' || error.kind === 'forbidden'),
      },
      mutations: { retry: false },
    },
  });
}

let pageClient: QueryClient | undefined;

/** The page's one shared QueryClient, made on first use (never at import time). */
export function pageQueryClient(): QueryClient {
  pageClient ??= createTeppanQueryClient();
  return pageClient;
}
