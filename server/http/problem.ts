import type { FieldError, ProblemDetails } from '../../src/contract';

const TYPE_BASE = 'https://teppan.dev/problems/';

export interface ProblemInit {
  status: number;
  /** Short slug for `type` and `code`, e.g. `validation`. */
  code: string;
  title: string;
  detail?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
  /** RFC 9457 extension members, e.g. the `bookingId` a conflict is about. */
  extensions?: Record<string, string>;
}

/** Thrown anywhere in a handler; `onError` turns it into an RFC 9457 response. */
export class Problem extends Error {
  constructor(readonly init: ProblemInit) {
    super(init.detail ?? init.title);
  }
}

const MAX_INSTANCE = 512;

/** The RFC 9457 body of a problem, also sent inside a stream (a chat reply's `error` event). */
export function problemBody(init: ProblemInit, instance?: string): ProblemDetails {
  return {
    type: `${TYPE_BASE}${init.code}`,
    title: init.title,
    status: init.status,
    code: init.code,
    ...(init.detail ? { detail: init.detail } : {}),
    // The request's path, unless it is too long to be worth echoing (bodies stay small).
    ...(instance && instance.length <= MAX_INSTANCE ? { instance } : {}),
    ...(init.errors?.length ? { errors: init.errors } : {}),
    ...init.extensions,
  };
}

export function problemResponse(init: ProblemInit, instance?: string): Response {
  return new Response(JSON.stringify(problemBody(init, instance)), {
    status: init.status,
    headers: { 'Content-Type': 'application/problem+json', ...init.headers },
  });
}

/** At most this many field errors in a 422: a body of thousands of bad fields must not get a bigger answer. */
const MAX_FIELD_ERRORS = 20;
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * A 422 with one message per field (the first MAX_FIELD_ERRORS, each clipped, so
 * a huge key is never echoed whole); `detail` summarises them, with the total,
 * for clients that show one line.
 */
export function validationProblem(errors: FieldError[], detail?: string): Problem {
  const shown = errors.slice(0, MAX_FIELD_ERRORS).map((e) => ({ ...e, field: clip(e.field, 100), pointer: clip(e.pointer, 100), detail: clip(e.detail, 200) }));
  const summary =
    errors.length === 1 && shown[0]
      ? `${shown[0].field}: ${shown[0].detail}`
      : errors.length > shown.length
        ? `${errors.length} fields are invalid; errors lists the first ${shown.length}.`
        : `${errors.length} fields are invalid; see errors.`;
  return new Problem({ status: 422, code: 'validation', title: 'Some fields are invalid', detail: detail ?? summary, errors: shown });
}

/** No route at this path (404), or none for this method (405, with `Allow`). */
export function noRouteProblem(method: string, path: string, allow: string[] = []): Problem {
  const where = `${method} ${clip(path, 200)}`;
  return allow.length
    ? new Problem({
        status: 405,
        code: 'method-not-allowed',
        title: 'Method not allowed',
        detail: `${where}: use ${allow.join(', ')}.`,
        headers: { Allow: allow.join(', ') },
      })
    : new Problem({ status: 404, code: 'not-found', title: 'Not found', detail: `There is no route ${where}.` });
}
