import type { ProblemDetails } from '../contract';

/**
 * What went wrong, in terms a widget can act on:
 * - `network`: no answer at all (offline, DNS, connection reset)
 * - `timeout`: the server did not answer in time, on every attempt or within the call's budget
 * - `busy`: the server asked us to wait (429/503) longer than the caller can bear, or kept refusing
 * - `validation`: the server refused the input (400/422); see `fieldErrors`
 * - `conflict`: the resource changed meanwhile (409), e.g. a seating filled up
 * - `not_found`, `unauthorized`, `forbidden`: 404, 401, 403
 * - `server`: the server failed (5xx)
 * - `bad_response`: the server answered with something that breaks the contract
 * - `aborted`: the caller cancelled (a widget unmounted, a newer query superseded this one)
 */
export type TeppanErrorKind =
  | 'network'
  | 'timeout'
  | 'busy'
  | 'validation'
  | 'conflict'
  | 'not_found'
  | 'unauthorized'
  | 'forbidden'
  | 'server'
  | 'bad_response'
  | 'aborted';

export interface TeppanErrorInit {
  kind: TeppanErrorKind;
  /** HTTP status, when the server answered. */
  status?: number;
  /** A sentence a visitor understands; safe to show as text. */
  userMessage?: string;
  /** Messages per field, keyed by dotted path (`customer.email`). */
  fieldErrors?: Record<string, string>;
  problem?: ProblemDetails;
  /** How many HTTP attempts the call made. */
  attempts?: number;
  cause?: unknown;
}

/** Each kind's message when the server gave none for the visitor: English, and the source of the widgets' words for them (src/widgets/failureMessages.ts). */
export const DEFAULT_MESSAGES: Readonly<Record<TeppanErrorKind, string>> = {
  network: 'We couldn’t reach the server. Check your connection and try again.',
  timeout: 'The server took too long to answer. Please try again.',
  busy: 'We’re busy right now. Please try again shortly.',
  validation: 'Some details need your attention.',
  conflict: 'Something changed while you were deciding. Please review and try again.',
  not_found: 'We couldn’t find that. It may have expired.',
  unauthorized: 'This widget isn’t set up correctly: its key was refused.',
  forbidden: 'This widget isn’t allowed to do that.',
  server: 'Something went wrong on our side. Please try again.',
  bad_response: 'We received an unexpected answer from the server. Please try again later.',
  aborted: 'The request was cancelled.',
};

/** Kinds whose problem `detail` the server writes for the visitor. */
const VISITOR_WORDED: ReadonlySet<TeppanErrorKind> = new Set(['validation', 'conflict', 'not_found']);

/** Kinds where trying the same thing again later can succeed. */
const RETRYABLE: ReadonlySet<TeppanErrorKind> = new Set(['network', 'timeout', 'busy', 'server', 'bad_response']);

/** The one error type every SDK call rejects with. */
export class TeppanError extends Error {
  override readonly name = 'TeppanError';
  readonly kind: TeppanErrorKind;
  readonly status: number | undefined;
  readonly userMessage: string;
  readonly fieldErrors: Readonly<Record<string, string>>;
  /** Whether offering "Try again" to the visitor can help. */
  readonly retryable: boolean;
  readonly problem: ProblemDetails | undefined;
  readonly attempts: number;

  constructor(init: TeppanErrorInit) {
    const userMessage = init.userMessage ?? DEFAULT_MESSAGES[init.kind];
    super(userMessage, { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.userMessage = userMessage;
    this.fieldErrors = init.fieldErrors ?? {};
    this.retryable = RETRYABLE.has(init.kind);
    this.problem = init.problem;
    this.attempts = init.attempts ?? 1;
  }
}

export function isTeppanError(value: unknown): value is TeppanError {
  return value instanceof TeppanError;
}

/** Anything thrown, as a TeppanError: ours as it is, anything else an unexpected answer (its cause kept). */
export function asTeppanError(error: unknown): TeppanError {
  return isTeppanError(error) ? error : new TeppanError({ kind: 'bad_response', cause: error });
}

export function kindForStatus(status: number): TeppanErrorKind {
  if (status === 400 || status === 422) return 'validation';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 408) return 'timeout';
  if (status === 429 || status === 503) return 'busy';
  if (status === 504) return 'timeout';
  if (status >= 500) return 'server';
  return 'bad_response';
}

/**
 * 409s that mean "not yet" rather than a conflict: the first request with this
 * key (or for this chat message) is still being handled. Whether it will
 * succeed is not known, as after a timeout; the server's words for it are
 * meant for developers.
 */
const STILL_IN_FLIGHT: ReadonlySet<string> = new Set(['idempotency-in-flight', 'message-in-flight']);

const REFUSALS: ReadonlySet<TeppanErrorKind> = new Set(['validation', 'conflict', 'not_found', 'unauthorized', 'forbidden']);

/**
 * The server refused the request and certainly kept nothing: the visitor
 * changes something and sends anew. (A request still in flight is a `timeout`,
 * never a refusal: its outcome is not known yet.)
 */
export const isRefusal = (error: TeppanError): boolean => REFUSALS.has(error.kind);

/** Turns a problem document into a `TeppanError`; the server's words win where it gave them. */
export function errorFromProblem(status: number, problem: ProblemDetails | undefined, attempts: number): TeppanError {
  const kind = status === 409 && STILL_IN_FLIGHT.has(problem?.code ?? '') ? 'timeout' : kindForStatus(status);
  const fieldErrors: Record<string, string> = {};
  for (const e of problem?.errors ?? []) fieldErrors[e.field] ??= e.detail;
  // The server words refusals of what the visitor entered for the visitor; other
  // details (a refused key, an internal error) are for developers, so the visitor gets ours.
  const userMessage = VISITOR_WORDED.has(kind) ? (problem?.detail ?? problem?.title) : undefined;
  return new TeppanError({ kind, status, userMessage, fieldErrors, problem, attempts, cause: problem });
}
