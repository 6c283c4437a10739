import { type ChangeEvent, type FocusEvent, type FormEvent, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Payment } from '../../contract';
import { digitsOf, type TeppanApi } from '../../core';
import { TextField } from '../../ui';
import { fieldWords } from '../words';
import { AuthenticationDialog } from './AuthenticationDialog';
import { type CardField, type CardValues, caretAfterFormat, checkCard, emptyCard, FORMATS, parseExpiry } from './cardInput';
import { isBusy } from './depositReducer';
import type { PaymentWords } from './messages/en';
import { PayActions, PaymentAlert } from './PayActions';
import type { Deposit } from './useDeposit';

export interface TestCardFormProps {
  words: PaymentWords;
  api: TeppanApi;
  deposit: Deposit;
  /** The deposit, formatted, and who takes it: for the authentication step's words. */
  amount: string;
  merchant: string;
}

const FIELD_ORDER: CardField[] = ['number', 'expiry', 'cvc', 'postalCode'];

/**
 * The test provider's card form: four labelled fields, formatted as typed,
 * checked beside each field; the card goes to the reference server's test
 * provider, which takes only well-known test numbers and keeps brand and last 4.
 */
export function TestCardForm({ words, api, deposit, amount, merchant }: TestCardFormProps) {
  const { t } = words;
  const { state, fieldErrors, edited } = deposit;
  const [values, setValues] = useState<CardValues>(emptyCard);
  const [touched, setTouched] = useState<ReadonlySet<CardField>>(new Set());
  const formRef = useRef<HTMLFormElement>(null);
  const caret = useRef<{ el: HTMLInputElement; at: number } | null>(null);
  const locked = isBusy(state);

  const local = checkCard(values, Date.now());
  const errorFor = (field: CardField) => {
    const problem = fieldErrors[field] ?? (touched.has(field) ? local[field] : undefined);
    return problem && fieldWords(words, field, problem);
  };
  const focus = useCallback((field: CardField) => formRef.current?.querySelector<HTMLInputElement>(`[data-field="${field}"]`)?.focus(), []);

  // Formatting rewrites the value: put the caret back after the same digits.
  useLayoutEffect(() => {
    if (!caret.current) return;
    const { el, at } = caret.current;
    caret.current = null;
    // Only while the visitor is in the field (in the embed, focus shows on the shadow root, not the document).
    if ((el.getRootNode() as Document | ShadowRoot).activeElement === el) el.setSelectionRange(at, at);
  });

  // A decline keeps everything typed and takes the visitor to the card number.
  useEffect(() => {
    if (state.step === 'declined') focus('number');
  }, [state.step, focus]);

  const bind = (field: CardField) => ({
    label: t(`label.${field}`),
    value: values[field],
    'data-field': field,
    readOnly: locked,
    error: errorFor(field),
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const typed = e.target.value;
      const formatted = FORMATS[field](typed);
      caret.current = { el: e.target, at: caretAfterFormat(typed, e.target.selectionStart ?? typed.length, formatted) };
      setValues((v) => ({ ...v, [field]: formatted }));
      // The server's message for this field is about what was there before.
      edited(field);
    },
    onBlur: (e: FocusEvent<HTMLInputElement>) => {
      // On the way to "Pay deposit", the submit checks every field at once; a message appearing now would move the button from under the click.
      if (e.relatedTarget instanceof HTMLButtonElement && e.relatedTarget.type === 'submit') return;
      setTouched((t) => (t.has(field) ? t : new Set(t).add(field)));
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    if (locked) return;
    const errors = checkCard(values, Date.now());
    const first = FIELD_ORDER.find((f) => errors[f]);
    if (first) {
      setTouched(new Set(FIELD_ORDER));
      focus(first);
      return;
    }
    const expiry = parseExpiry(values.expiry);
    if (!expiry) return;
    const card = { number: digitsOf(values.number), expMonth: expiry.month, expYear: expiry.year, cvc: values.cvc, postalCode: values.postalCode.trim() };
    void deposit.pay((payment: Payment, idempotencyKey: string) => api.confirmPayment(payment.id, { card }, { idempotencyKey }));
  }

  // Server refusals land on their fields: take the visitor to the first.
  useEffect(() => {
    const first = FIELD_ORDER.find((f) => fieldErrors[f]);
    if (first) focus(first);
  }, [fieldErrors, focus]);

  return (
    <form className="teppan-payment__form" ref={formRef} noValidate onSubmit={submit}>
      <PaymentAlert deposit={deposit} words={words} />
      <TextField inputMode="numeric" autoComplete="cc-number" placeholder="1234 1234 1234 1234" {...bind('number')} required />
      <div className="teppan-field-row teppan-payment__pair">
        <TextField inputMode="numeric" autoComplete="cc-exp" placeholder={t('placeholder.expiry')} {...bind('expiry')} required />
        <TextField inputMode="numeric" autoComplete="cc-csc" placeholder={t('placeholder.cvc')} {...bind('cvc')} required />
      </div>
      <TextField autoComplete="postal-code" {...bind('postalCode')} required />
      <p className="teppan-field__hint">{t('testMode')}</p>
      <PayActions deposit={deposit} words={words} />
      {state.step === 'authenticating' ? (
        <AuthenticationDialog
          words={words}
          amount={amount}
          merchant={merchant}
          busy={state.answering}
          onAnswer={(answer) => void deposit.authenticate(answer)}
        />
      ) : null}
    </form>
  );
}
