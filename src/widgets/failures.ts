import type { TeppanError } from '../core';

/**
 * A failure that is not the visitor's input, by its kind, in English: every widget's catalog spreads these
 * in (`...failures`), so each says a failure the same way and words it from the kind, never from the
 * server's English. Their Spanish is ./failures.es.ts.
 */
export const failures = {
  'error.network': 'We couldn’t reach the server. Check your connection and try again.',
  'error.timeout': 'The server took too long to answer. Please try again.',
  'error.busy': 'We’re busy right now. Please try again shortly.',
  'error.server': 'Something went wrong on our side. Please try again.',
  'error.unauthorized': 'This widget isn’t set up correctly: its key was refused.',
  'error.forbidden': 'This widget isn’t allowed to do that.',
  'error.bad_response': 'We received an unexpected answer from the server. Please try again later.',
  'error.other': 'Something went wrong. Please try again.',
} as const;

type FailureKey = keyof typeof failures;

/** A failure in the visitor's language, by its kind: `t` is any widget's translator (its catalog holds `failures`). */
export function wordFailure(t: (key: FailureKey) => string, error: Pick<TeppanError, 'kind'>): string {
  switch (error.kind) {
    case 'network':
    case 'timeout':
    case 'busy':
    case 'server':
    case 'unauthorized':
    case 'forbidden':
    case 'bad_response':
      return t(`error.${error.kind}`);
    default:
      return t('error.other');
  }
}
