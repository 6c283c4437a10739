import { HttpResponse, http } from 'msw';
import { createApp } from './app';
import { CUT_AFTER_BYTES_HEADER, cutResponse, type FaultRule, KILL_CONNECTION_HEADER } from './chaos';
import { createMemoryStore } from './store/memory';
import type { Store } from './store/types';

export interface MswOptions {
  /** Serve `/__chaos` too, for stories and tests of faults. */
  chaos?: boolean;
  /** Faults armed from the start, e.g. `{ path: '/api/v1/catalog', status: 500, times: 1 }`. */
  faults?: FaultRule[];
  now?: () => number;
  /**
   * A path the API answers under instead of the origin's root (`/stories/a` answers `/stories/a/api/v1/…`).
   * One page can then hold several reference APIs that share nothing, neither store nor armed faults: a
   * Storybook docs page renders every story of a widget at once, each against its own.
   */
  base?: string;
  /**
   * The store to answer from (a fresh memory store when omitted): a story or test that mints a manage link needs
   * its secret (`manageToken(store.secret, …)`), as the confirmation email does.
   */
  store?: Store;
}

/**
 * MSW handlers that answer with the reference API itself (in-memory store), so
 * Storybook and component tests exercise the same routes, rules and errors as
 * the Node server. Call once per story or test for a fresh store.
 */
/** How long a cut body's bytes have to reach the page before the cut (see `answer`). */
const CUT_DELIVERY_MS = 500;

export function referenceApiHandlers({ chaos = true, faults, now, base = '', store = createMemoryStore() }: MswOptions = {}) {
  // In-process: the page itself is the caller, so `/__chaos` is open to it as to a loopback peer; and no rate
  // limits, which would protect nothing inside the visitor's own page.
  // The page's own origin: a manage link in a message leads to this site's /manage.html.
  const siteOrigin = () => globalThis.location?.origin ?? 'http://localhost';
  const app = createApp({ store, chaos, faults, now, inProcess: true, rateLimits: false, siteOrigin });
  const answer = async ({ request }: { request: Request }) => {
    const response = await app.fetch(base ? await withoutBase(request, base) : request);
    if (response.headers.has(KILL_CONNECTION_HEADER)) return HttpResponse.error();
    // No socket to drop in the browser: the body errors after its bytes, which fetch reports as a network error.
    // Not at once: the body is read on its way through MSW's service worker, not by the page, and an error
    // discards whatever the page has not read yet. A network that drops a connection has delivered what came
    // before the drop; the pause lets a busy page take those bytes first.
    if (response.headers.has(CUT_AFTER_BYTES_HEADER)) {
      return cutResponse(response, (body) => setTimeout(() => body.error(new TypeError('Failed to fetch')), CUT_DELIVERY_MS));
    }
    return response;
  };
  return [http.all(`*${base}/api/v1/*`, answer), http.all(`*${base}/__chaos`, answer), http.all(`*${base}/__chaos/*`, answer)];
}

/** The request as the API sees it at its root: the paths its routes and its faults name. */
async function withoutBase(request: Request, base: string): Promise<Request> {
  const url = new URL(request.url);
  url.pathname = url.pathname.slice(url.pathname.indexOf(`${base}/`) + base.length);
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
  return new Request(url, { method: request.method, headers: request.headers, body, signal: request.signal });
}
