// How the load bench's visitors call the API: as the SDK does (retries with the same Idempotency-Key,
// waiting as the server asks), through a balancer that sends each retry to the next instance.
import { backoffDelay, DEFAULT_RETRY_POLICY, parseRetryAfter } from '../../src/core/http/retry-policy';

export type Kind = 'read' | 'quote' | 'book' | 'pay';

/** One attempt: what it was, how long it took, when it ended (`performance.now()`), its status (0: no answer). */
export interface Sample {
  kind: Kind;
  ms: number;
  endedAt: number;
  status: number;
}

/** A request given up on: it never got an answer that was not "try again". */
export interface GivenUp {
  kind: Kind;
  path: string;
  /** The last attempt's outcome: a status and problem code, or why no answer came. */
  last: string;
}

/**
 * The retries stop this long after the first attempt: past the SDK's own budget, long enough for a
 * claim left by a dead instance to be taken over by a retry elsewhere.
 */
export const GIVE_UP_MS = 60_000;
/** An attempt with no answer by then is abandoned (and retried): a killed instance's sockets must not hang a visitor. */
const ATTEMPT_TIMEOUT_MS = 30_000;

/** Thrown when a visit would start a new call past the run's cutoff: the visit stops where it is. */
export class PhaseOver extends Error {}

/** One configuration's run: its instances, and what every call saw. */
export class Run {
  readonly samples: Sample[] = [];
  readonly givenUp: GivenUp[] = [];
  /** Why attempts got no answer, counted. */
  readonly noAnswer = new Map<string, number>();
  /** Keyed writes in flight on each instance now. */
  readonly keyedInFlight: number[];
  /** Instances found with no one listening: the balancer sends nothing more there. */
  readonly down = new Set<number>();
  /** How the bookings were finally answered (status and problem code), counted. */
  readonly bookAnswers = new Map<string, number>();
  retries = 0;
  /** The longest a call waited for its key's first request to finish (409 `idempotency-in-flight`, then an answer). */
  longestClaimWaitMs = 0;

  constructor(
    readonly urls: string[],
    /** `performance.now()` after which no call starts (retries of a call already started still do). */
    readonly cutoff: number,
  ) {
    this.keyedInFlight = urls.map(() => 0);
  }
}

/** A visitor: its own address, and the instance the balancer sends it to (another once that one stops answering). */
export interface Visitor {
  id: number;
  address: string;
  instance: number;
}

export interface Answer<T> {
  /** The final status; 0 when given up. */
  status: number;
  body?: T;
  /** The problem's `code` on a 4xx or 5xx. */
  code?: string;
}

interface Attempt {
  status: number;
  body?: unknown;
  code?: string;
  retryAfterMs?: number;
  /** Why no answer came (status 0). */
  why?: string;
}

const count = (counts: Map<string, number>, what: string) => counts.set(what, (counts.get(what) ?? 0) + 1);

async function attempt(run: Run, kind: Kind, url: string, path: string, address: string, init: RequestInit): Promise<Attempt> {
  const started = performance.now();
  let result: Attempt;
  try {
    const res = await fetch(`${url}/api/v1${path}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), 'x-forwarded-for': address },
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    // The body read whole, as a page would.
    const body = (await res.json().catch(() => undefined)) as { code?: string } | undefined;
    result = { status: res.status, body, code: res.status >= 400 ? body?.code : undefined, retryAfterMs: parseRetryAfter(res.headers.get('retry-after')) };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error as Error).name;
    count(run.noAnswer, `${kind}: ${why}`);
    result = { status: 0, why };
  }
  const endedAt = performance.now();
  run.samples.push({ kind, ms: endedAt - started, endedAt, status: result.status });
  return result;
}

/** The instance after `at` that is not known to be down (`at` itself when it is the only one left). */
function nextUp(run: Run, at: number): number {
  for (let step = 1; step <= run.urls.length; step++) {
    const next = (at + step) % run.urls.length;
    if (!run.down.has(next)) return next;
  }
  return at;
}

/** Worth another attempt with the same key: no answer, busy, rate limited, or the key's first request still running. */
const retryable = ({ status, code }: Attempt) =>
  status === 0 || status === 429 || status === 502 || status === 503 || status === 504 || code === 'idempotency-in-flight';

/**
 * One call, retried until it gets an answer that is not "try again" or `GIVE_UP_MS` pass. Every POST
 * the bench sends carries an Idempotency-Key, so each may be repeated, as the SDK repeats it. A retry
 * goes to the next instance, after the server's Retry-After or the SDK's backoff; one that found no
 * one listening goes at once, and that instance gets nothing more, as a balancer's health check does.
 */
export async function request<T>(
  run: Run,
  visitor: Visitor,
  kind: Kind,
  path: string,
  init: RequestInit = {},
  instance = visitor.instance,
): Promise<Answer<T>> {
  if (performance.now() >= run.cutoff) throw new PhaseOver();
  const keyed = new Headers(init.headers).has('idempotency-key');
  const started = performance.now();
  let at = run.down.has(instance) ? nextUp(run, instance) : instance;
  let waitedForClaim = false;
  for (let retry = 1; ; retry++) {
    if (keyed) run.keyedInFlight[at] = (run.keyedInFlight[at] ?? 0) + 1;
    const result = await attempt(run, kind, run.urls[at] as string, path, visitor.address, init);
    if (keyed) run.keyedInFlight[at] = (run.keyedInFlight[at] ?? 1) - 1;
    if (!retryable(result)) {
      if (waitedForClaim) run.longestClaimWaitMs = Math.max(run.longestClaimWaitMs, performance.now() - started);
      if (kind === 'book') count(run.bookAnswers, `${result.status}${result.code ? ` ${result.code}` : ''}`);
      return { status: result.status, body: result.body as T, code: result.code };
    }
    waitedForClaim ||= result.code === 'idempotency-in-flight';
    const wait = result.why === 'ECONNREFUSED' ? 0 : Math.max(backoffDelay(retry, DEFAULT_RETRY_POLICY), result.retryAfterMs ?? 0);
    if (performance.now() + wait - started > GIVE_UP_MS) {
      run.givenUp.push({ kind, path, last: result.status ? `${result.status} ${result.code ?? ''}`.trim() : `no answer (${result.why})` });
      if (kind === 'book') count(run.bookAnswers, 'given up');
      return { status: 0 };
    }
    run.retries++;
    if (result.why === 'ECONNREFUSED') run.down.add(at);
    at = nextUp(run, at);
    if (run.down.has(visitor.instance)) visitor.instance = at;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
