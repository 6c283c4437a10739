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

/** The RFC 9457 body of a problem, also sent inside a stream (a chat reply's `error` event). */
export function problemBody(init: ProblemInit, instance?: string): ProblemDetails {
  return {
    type: `${TYPE_BASE}${init.code}`,
    title: init.title,
    status: init.status,
    code: init.code,
    ...(init.detail ? { detail: init.detail } : {}),
    ...(instance ? { instance } : {}),
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

/** A 422 with one message per field; `detail` summarises them for clients that show one line. */
export function validationProblem(errors: FieldError[], detail?: string): Problem {
  const first = errors[0];
  return new Problem({
    status: 422,
    code: 'validation',
    title: 'Some fields are invalid',
    detail: detail ?? (errors.length === 1 && first ? `${first.field}: ${first.detail}` : `${errors.length} fields are invalid; see errors.`),
    errors,
  });
}
