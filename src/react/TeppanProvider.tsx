import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useMemo } from 'react';
import type { LogHook, RetryPolicy } from '../core';
import { createTeppanConfig, pageQueryClient, TeppanContext } from '../query';
import { useStableCallback } from '../ui';
import { WidgetSlotsContext } from '../widgets/slots';
import { WIDGET_SLOTS } from './widgets';

export interface TeppanProviderProps {
  /** The tenant's publishable key (`pk_live_…` or `pk_test_…`). Safe to ship in page source. */
  publishableKey: string;
  /**
   * Origin of the Teppan API, e.g. `https://api.example.com`. Defaults to the
   * page's own origin, where the reference server serves it under `/api/v1`.
   */
  apiBase?: string;
  /**
   * The QueryClient the widgets cache in. Defaults to the page's shared Teppan
   * client (TanStack retry off, because the HTTP layer already retries).
   */
  queryClient?: QueryClient;
  /**
   * The widgets' language (BCP 47: `es`, `es-MX`), or `auto` for the visitor's browser; a widget's own `locale`
   * prop wins. Unset, the page's `<html lang>` decides, else English.
   */
  locale?: string;
  /** Receives one timing entry per API call and diagnostics such as quote mismatches. Off when omitted. */
  onLog?: LogHook;
  /** Overrides of the retry policy (retries, backoff, longest acceptable Retry-After). */
  retry?: Partial<RetryPolicy>;
  children: ReactNode;
}

/** Supplies the API client, cache and settings to every Teppan widget below it. */
export function TeppanProvider({ publishableKey, apiBase = '', queryClient, locale, onLog, retry, children }: TeppanProviderProps) {
  // The latest hook without rebuilding the client each time an inline function changes.
  const log = useStableCallback(onLog);
  const retryKey = JSON.stringify(retry ?? {});

  const config = useMemo(
    () => createTeppanConfig({ publishableKey, apiBase, locale, onLog: log, retry: JSON.parse(retryKey) }),
    [apiBase, publishableKey, locale, retryKey, log],
  );

  return (
    <QueryClientProvider client={queryClient ?? pageQueryClient()}>
      <TeppanContext.Provider value={config}>
        <WidgetSlotsContext.Provider value={WIDGET_SLOTS}>{children}</WidgetSlotsContext.Provider>
      </TeppanContext.Provider>
    </QueryClientProvider>
  );
}
