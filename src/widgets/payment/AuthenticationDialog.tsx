import { useEffect, useId, useRef } from 'react';
import { Button, useStableCallback } from '../../ui';
import { rich } from '../rich';
import type { PaymentWords } from './messages/en';

export interface AuthenticationDialogProps {
  words: PaymentWords;
  amount: string;
  merchant: string;
  /** The answer is on its way: both buttons wait. */
  busy: boolean;
  onAnswer: (answer: 'approve' | 'cancel') => void;
}

/**
 * The test provider's stand-in for a bank's 3-D Secure page: a modal dialog
 * (the browser's own: focus trapped inside, Escape cancels, focus returns
 * where it was), labelled and described for screen readers.
 */
export function AuthenticationDialog({ words, amount, merchant, busy, onAnswer }: AuthenticationDialogProps) {
  const { t, word } = words;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();
  const answer = useStableCallback(onAnswer);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    // The answer most visitors give; Tab reaches Cancel, Escape cancels.
    dialog.querySelector<HTMLElement>('[data-default]')?.focus();
    // Escape: the visitor backs out, which is a cancelled authentication.
    const cancel = (e: Event) => {
      e.preventDefault();
      answer('cancel');
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      dialog.close();
    };
  }, [answer]);

  return (
    <dialog ref={ref} className="teppan-dialog" aria-labelledby={titleId} aria-describedby={textId} part="dialog">
      <h3 className="teppan-heading" id={titleId}>
        {t('auth.title')}
      </h3>
      <p id={textId}>{rich(word, 'auth.text', { amount: <strong>{amount}</strong>, merchant })}</p>
      <div className="teppan-dialog__actions">
        <Button variant="secondary" busy={busy} onClick={() => onAnswer('cancel')}>
          {t('auth.cancel')}
        </Button>
        <Button busy={busy} onClick={() => onAnswer('approve')} data-default>
          {t('auth.approve')}
        </Button>
      </div>
    </dialog>
  );
}
