import { describe, expect, it } from 'vitest';
import { errorFromProblem, TeppanError } from './errors';

const problem = (status: number, detail: string, errors?: { field: string; detail: string }[]) => ({
  type: 'https://teppan.dev/problems/x',
  title: 'Title',
  status,
  detail,
  errors: errors?.map((e) => ({ ...e, pointer: `/${e.field}` })),
});

describe('errorFromProblem', () => {
  it('keeps the server’s words for what the visitor entered, field by field', () => {
    const e = errorFromProblem(
      422,
      problem(422, '2 fields are invalid', [
        { field: 'zip', detail: 'Enter a 5-digit ZIP code.' },
        { field: 'adults', detail: 'Cannot be negative.' },
      ]),
      1,
    );
    expect(e).toMatchObject({ kind: 'validation', status: 422, retryable: false, userMessage: '2 fields are invalid' });
    expect(e.fieldErrors).toEqual({ zip: 'Enter a 5-digit ZIP code.', adults: 'Cannot be negative.' });
    expect(errorFromProblem(409, problem(409, 'Sorry, that seating was just taken.'), 1).userMessage).toBe('Sorry, that seating was just taken.');
  });

  it('shows visitors its own words where the server’s are meant for developers', () => {
    expect(errorFromProblem(401, problem(401, 'Send your key as “Authorization: Bearer pk_…”.'), 1).userMessage).toBe(
      new TeppanError({ kind: 'unauthorized' }).userMessage,
    );
    expect(errorFromProblem(500, problem(500, 'TypeError at line 3'), 1).userMessage).toBe('Something went wrong on our side. Please try again.');
    expect(errorFromProblem(429, problem(429, 'rate limit bucket 7'), 4)).toMatchObject({ kind: 'busy', retryable: true, attempts: 4 });
  });

  it('tells a request still in flight (409 idempotency-in-flight) from a conflict: not known yet, worth a retry, in our words', () => {
    const inFlight = { ...problem(409, 'A request with this Idempotency-Key is still being processed.'), code: 'idempotency-in-flight' };
    expect(errorFromProblem(409, inFlight, 4)).toMatchObject({
      kind: 'timeout',
      retryable: true,
      userMessage: new TeppanError({ kind: 'timeout' }).userMessage,
    });
    expect(errorFromProblem(409, { ...problem(409, 'Sorry, that seating was just taken.'), code: 'seating-full' }, 1).kind).toBe('conflict');
  });

  it('classifies statuses', () => {
    expect([400, 401, 403, 404, 408, 409, 422, 429, 500, 502, 503, 504].map((s) => errorFromProblem(s, undefined, 1).kind)).toEqual([
      'validation',
      'unauthorized',
      'forbidden',
      'not_found',
      'timeout',
      'conflict',
      'validation',
      'busy',
      'server',
      'server',
      'busy',
      'timeout',
    ]);
  });
});
