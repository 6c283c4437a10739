import { useEffect, useRef } from 'react';
import { Button } from '../../ui';
import { declineMessage } from './declines';
import { isBusy } from './depositReducer';
import type { Deposit } from './useDeposit';

/**
 * Why the last attempt did not pay, at the top of the form, announced. While
 * the outcome is unknown it says so and offers "Check again", never "Pay".
 */
export function PaymentAlert({ deposit }: { deposit: Deposit }) {
  const { state } = deposit;
  const box = useRef<HTMLDivElement>(null);
  // "Pay deposit" just disappeared from under the visitor's focus: hand it to "Check again".
  useEffect(() => {
    if (state.step === 'unsettled') box.current?.querySelector('button')?.focus();
  }, [state.step]);
  let message: string | undefined;
  if (state.step === 'declined') message = declineMessage(state.payment.declineCode);
  else if (state.step === 'failed') message = `${state.error.userMessage} Nothing was charged.`;
  else if (state.step === 'unsettled') {
    message = 'We couldn’t check whether your payment went through. Please don’t pay again yet: check again in a moment.';
  } else if (state.step === 'ready' && state.notice) message = state.notice;
  if (!message) return null;
  return (
    <div className="teppan-payment__alert" role="alert" part="error" ref={box}>
      <p>{message}</p>
      {state.step === 'unsettled' ? (
        <Button variant="secondary" onClick={deposit.retry}>
          Check again
        </Button>
      ) : null}
    </div>
  );
}

const STATUS: Partial<Record<Deposit['state']['step'], string>> = {
  paying: 'Paying your deposit…',
  checking: 'Checking your payment…',
  authenticating: 'Waiting for your bank’s approval…',
  paid: 'Deposit paid. Loading your receipt…',
};

/** What is happening now, announced politely, and the one button that pays. */
export function PayActions({ deposit }: { deposit: Deposit }) {
  const { step } = deposit.state;
  return (
    <div className="teppan-payment__actions">
      <p className="teppan-payment__status" role="status">
        {STATUS[step] ?? ''}
      </p>
      {step === 'unsettled' ? null : (
        <Button type="submit" busy={isBusy(deposit.state)}>
          Pay deposit
        </Button>
      )}
    </div>
  );
}
