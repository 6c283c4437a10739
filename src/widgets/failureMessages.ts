import { DEFAULT_MESSAGES, type TeppanError, type Translate } from '../core';

/**
 * A failure that is not the visitor's input, worded by its kind (not by the server's English `detail`): the words
 * every widget shares. Each widget spreads them into its catalog; its other languages spread ./failureMessages.es.ts.
 */
export const failureEn = {
  tryAgain: 'Try again',
  // The error's own English words, not a second copy of them.
  'error.network': DEFAULT_MESSAGES.network,
  'error.timeout': DEFAULT_MESSAGES.timeout,
  'error.busy': DEFAULT_MESSAGES.busy,
  'error.server': DEFAULT_MESSAGES.server,
  'error.unauthorized': DEFAULT_MESSAGES.unauthorized,
  'error.forbidden': DEFAULT_MESSAGES.forbidden,
  'error.bad_response': DEFAULT_MESSAGES.bad_response,
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
