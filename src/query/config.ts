import { createHttpClient, createTeppanApi, type LogHook, type RetryPolicy } from '../core';
import type { TeppanConfig } from './context';

export interface TeppanOptions {
  /** The tenant's publishable key (`pk_live_…` or `pk_test_…`). Safe to ship in page source. */
  publishableKey: string;
  /** Origin of the Teppan API; the page's own origin when empty. */
  apiBase?: string;
  /** The widgets' language (BCP 47), or `auto`; unset, the page's `<html lang>`, else English. */
  locale?: string;
  /** Receives timing entries and diagnostics; nothing is logged without it. */
  onLog?: LogHook;
  retry?: Partial<RetryPolicy>;
}

/** What widgets need from the page: one HTTP client (one axios instance), its API, and settings. */
export function createTeppanConfig({ publishableKey, apiBase = '', locale, onLog, retry }: TeppanOptions): TeppanConfig {
  const http = createHttpClient({ apiBase, publishableKey, onLog, retry });
  return { api: createTeppanApi(http), http, scope: `${apiBase}|${publishableKey}`, locale, onLog };
}
