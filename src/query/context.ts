import { createContext, useContext } from 'react';
import type { HttpClient, LogHook, TeppanApi } from '../core';

export interface TeppanConfig {
  api: TeppanApi;
  /** The same client under the API, for a widget's own calls (the chat's, kept in its chunk). */
  http: HttpClient;
  /** Distinguishes cache entries of different tenants or API bases on one page. */
  scope: string;
  /** The provider's or the loader's (`data-locale`) language, or `auto`; a widget resolves its own (src/widgets/useMessages.ts). */
  locale: string | undefined;
  onLog: LogHook | undefined;
}

export const TeppanContext = createContext<TeppanConfig | null>(null);

/** The configuration of the nearest `TeppanProvider`. */
export function useTeppan(): TeppanConfig {
  const config = useContext(TeppanContext);
  if (!config) {
    throw new Error('Teppan widgets must be rendered inside <TeppanProvider publishableKey="pk_…">. Wrap your widgets in it.');
  }
  return config;
}
