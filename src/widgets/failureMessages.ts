import { DEFAULT_MESSAGES, type TeppanError, type Translate } from '../core';
import type { Texts } from './specs';

/**
 * "Try again" in every language, inline: the notice of a widget whose code did not load says it too
 * (src/react/messages.ts), before any language's chunk could arrive.
 */
export const TRY_AGAIN: Texts = { en: 'Try again', es: 'Intentar de nuevo' };

/**
 * A failure that is not the visitor's input, worded by its kind (not by the server's English `detail`), and the
 * "Try again" that goes with it: the words every widget shares, said once. The widgets' shared catalog
 * (./sharedMessages.ts) spreads them, as a widget's own catalog may; other languages spread ./failureMessages.es.ts.
 */
export const failureEn = {
  tryAgain: TRY_AGAIN.en,
  // The error's own English words (core's TeppanError), not a second copy of them.
  'error.network': DEFAULT_MESSAGES.network,
  'error.timeout': DEFAULT_MESSAGES.timeout,
  'error.busy': DEFAULT_MESSAGES.busy,
  'error.validation': DEFAULT_MESSAGES.validation,
  'error.conflict': DEFAULT_MESSAGES.conflict,
  'error.not_found': DEFAULT_MESSAGES.not_found,
  'error.unauthorized': DEFAULT_MESSAGES.unauthorized,
  'error.forbidden': DEFAULT_MESSAGES.forbidden,
  'error.server': DEFAULT_MESSAGES.server,
  'error.bad_response': DEFAULT_MESSAGES.bad_response,
  'error.aborted': DEFAULT_MESSAGES.aborted,
} as const;

export type FailureMessages = typeof failureEn;

/** A failure that is not the visitor's input, by its kind. */
export function wordFailure(t: Translate<FailureMessages>, error: Pick<TeppanError, 'kind'>): string {
  return t(`error.${error.kind}`);
}
