import type { TeppanError, Translate } from '../core';

/**
 * A failure that is not the visitor's input, worded by its kind (not by the server's English `detail`): the words
 * every widget shares. Each widget spreads them into its catalog; its other languages spread ./failureMessages.es.ts.
 */
export const failureEn = {
  tryAgain: 'Try again',
  'error.network': 'We couldn’t reach the server. Check your connection and try again.',
  'error.timeout': 'The server took too long to answer. Please try again.',
  'error.busy': 'We’re busy right now. Please try again shortly.',
  'error.server': 'Something went wrong on our side. Please try again.',
  'error.unauthorized': 'This widget isn’t set up correctly: its key was refused.',
  'error.forbidden': 'This widget isn’t allowed to do that.',
  'error.bad_response': 'We received an unexpected answer from the server. Please try again later.',
  'error.other': 'Something went wrong. Please try again.',
} as const;

export type FailureMessages = typeof failureEn;

/** A failure that is not the visitor's input, by its kind. */
export function wordFailure(t: Translate<FailureMessages>, error: TeppanError): string {
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
