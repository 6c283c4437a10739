import type { TeppanError, Translate } from '../../core';

import { wordFailure } from '../failureMessages';
import type { ManageMessages } from './messages/en';

type T = Translate<ManageMessages>;

/** What the visitor is told of a failure: the server's refusals by their code, anything else by its kind. */
export function wordError(t: T, error: TeppanError, policyDays: number): string {
  switch (error.problem?.code) {
    case 'manage-link-invalid':
      return t('problem.manage-link-invalid');
    case 'seating-full':
      return t('problem.seating-full');
    case 'too-late-to-reschedule':
      return t('problem.too-late-to-reschedule', { days: policyDays });
    case 'too-late-to-cancel':
      return t('problem.too-late-to-cancel');
    case 'booking-cancelled':
      return t('problem.booking-cancelled');
  }
  if (error.kind === 'validation') return t('problem.validation');
  // Every 404 of a manage link is the one problem; one without its body (a proxy's) says the same.
  if (error.kind === 'not_found') return t('problem.manage-link-invalid');
  return wordFailure(t, error);
}

/** The failure as ErrorNotice shows it: the visitor's words, and "Try again" only where a retry can work. */
export const worded = (t: T, error: TeppanError, policyDays: number) => ({ userMessage: wordError(t, error, policyDays), retryable: error.retryable });
