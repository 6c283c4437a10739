/**
 * The store's database cannot be reached (down, restarting, out of
 * connections, or too slow to answer within the pool's limits): a request
 * that needs it is answered 503 with Retry-After, never left hanging, and
 * the instance carries on, so it recovers by itself when the database is back.
 */
export class StoreUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailable';
  }
}

/** Node's errors for a peer that cannot be reached or went away. */
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
/**
 * PostgreSQL's SQLSTATEs that say the server, not the request, is the trouble:
 * class 08 (connection exception), 53300 too many connections, 57P01–57P03
 * (shut down, crashed, starting up), and 57014 a statement cancelled by its
 * timeout (a database too slow to answer is as good as down to the visitor).
 */
const SERVER_STATES = /^(08\w{3}|53300|57P0[123]|57014)$/;
/** node-postgres's own words for a connection it could not get or lost (it gives them no code). */
const POOL_MESSAGES =
  /timeout exceeded when trying to connect|Query read timeout|Connection terminated|connection timeout|Client has encountered a connection error|Connection ended unexpectedly/i;

/** Whether `error` (or what caused it) means the database is unavailable, rather than the request being wrong. */
export function isStoreUnavailable(error: unknown, depth = 0): boolean {
  if (error instanceof StoreUnavailable) return true;
  if (!(error instanceof Error) || depth > 3) return false;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  if (code && (NETWORK.has(code) || SERVER_STATES.test(code))) return true;
  if (POOL_MESSAGES.test(error.message)) return true;
  // An AggregateError (a connect tried on IPv4 and IPv6) is down when each of its attempts was.
  if (error instanceof AggregateError && error.errors.length > 0 && error.errors.every((e) => isStoreUnavailable(e, depth + 1))) return true;
  return isStoreUnavailable(error.cause, depth + 1);
}
