import { useEffect, useRef } from 'react';
import { Button } from '../../ui';
import { failureWords } from '../words';
import { declineMessage } from './declines';
import { isBusy } from './depositReducer';
import type { PaymentWords } from './messages/en';
import type { Deposit } from './useDeposit';

/**
 * Why the last attempt did not pay, at the top of the form, announced. While
 * the outcome is unknown it says so and offers "Check again", never "Pay".
 */
export function PaymentAlert({ deposit, words }: { deposit: Deposit; words: PaymentWords }) {
  const { state } = deposit;
  const { t } = words;
  const box = useRef<HTMLDivElement>(null);
  // "Pay deposit" just disappeared from under the visitor's focus: hand it to "Check again".
  useEffect(() => {
    if (state.step === 'unsettled') box.current?.querySelector('button')?.focus();
  }, [state.step]);
  let message: string | undefined;
  if (state.step === 'declined') message = declineMessage(words, state.payment.declineCode);
  else if (state.step === 'failed') message = t('notCharged', { failure: failureWords(words, state.error) });
  else if (state.step === 'unsettled') message = t('unsettled');
  else if (state.step === 'ready' && state.notice) message = t(`notice.${state.notice}`);
  if (!message) return null;
  return (
    <div className="teppan-payment__alert" role="alert" part="error" ref={box}>
      <p>{message}</p>
      {state.step === 'unsettled' ? (
        <Button variant="secondary" onClick={deposit.retry}>
          {t('checkAgain')}
        </Button>
      ) : null}
    </div>
  );
}

/** The steps that say what is happening now (`status.<step>`). */
const STATUS = new Set<Deposit['state']['step']>(['paying', 'checking', 'authenticating', 'paid']);

/** What is happening now, announced politely, and the one button that pays. */
export function PayActions({ deposit, words }: { deposit: Deposit; words: PaymentWords }) {
  const { step } = deposit.state;
  const { t, word } = words;
  return (
    <div className="teppan-payment__actions">
      <p className="teppan-payment__status" role="status">
        {STATUS.has(step) ? word(`status.${step}`) : ''}
      </p>
      {step === 'unsettled' ? null : (
        <Button type="submit" busy={isBusy(deposit.state)}>
          {t('pay')}
        </Button>
      )}
    </div>
  );
}
