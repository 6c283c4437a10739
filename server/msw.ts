import { HttpResponse, http } from 'msw';
import { createApp } from './app';
import { type FaultRule, KILL_CONNECTION_HEADER } from './chaos';
import { createMemoryStore } from './store/memory';

export interface MswOptions {
  /** Serve `/__chaos` too, for stories and tests of faults. */
  chaos?: boolean;
  /** Faults armed from the start, e.g. `{ path: '/api/v1/catalog', status: 500, times: 1 }`. */
  faults?: FaultRule[];
  now?: () => number;
}

/**
 * MSW handlers that answer with the reference API itself (in-memory store), so
 * Storybook and component tests exercise the same routes, rules and errors as
 * the Node server. Call once per story or test for a fresh store.
 */
export function referenceApiHandlers({ chaos = true, faults, now }: MswOptions = {}) {
  const app = createApp({ store: createMemoryStore(), chaos, faults, now });
  const answer = async ({ request }: { request: Request }) => {
    const response = await app.fetch(request);
    return response.headers.has(KILL_CONNECTION_HEADER) ? HttpResponse.error() : response;
  };
  return [http.all('*/api/v1/*', answer), http.all('*/__chaos', answer), http.all('*/__chaos/*', answer)];
}
