import { type FormEvent, useLayoutEffect, useRef } from 'react';
import type { Translate } from '../../core';
import { Button, ErrorNotice, TextAreaField, TextField } from '../../ui';
import { wordFailure } from '../failureMessages';
import { type ChatMessages, type ChatWords, chatEn } from './messages/en';
import { type LeadProblem, leadProblems } from './problems';
import type { LeadValues } from './store';
import type { LeadForm } from './useLead';

export interface HandoffFormProps {
  t: Translate<ChatWords>;
  /** The chat speaks English: a field's problem is said in the contract's own words. */
  english: boolean;
  /** The lead in progress, kept on this device (useLead). */
  lead: LeadForm;
  conversationId: string | null;
  onDone: () => void;
}

type FieldKey = Extract<keyof ChatMessages, `field.${string}`>;
const isFieldKey = (key: string): key is FieldKey => key.startsWith('field.') && key in chatEn;

/**
 * A field's problem in the visitor's language: in English, the contract's own words for it (the rule the server
 * checks too); in another, by its code (./problems.ts, or the server's), and a code it does not know is "check this field".
 */
function wordField(t: Translate<ChatWords>, english: boolean, problem: LeadProblem | undefined): string | undefined {
  if (problem === undefined) return undefined;
  if (english && problem.english) return problem.english;
  const key = `field.${problem.code}`;
  return t(isFieldKey(key) ? key : 'field.invalid');
}

/** "Talk to a person": name, email or phone, the question; sent once, then a confirmation. */
export function HandoffForm({ t, english, lead, conversationId, onDone }: HandoffFormProps) {
  const { draft, sent, sending, fieldErrors: errors, setFieldErrors } = lead;
  const { values } = draft;
  // What was sent and not yet answered is sent again as it was: the fields hold it meanwhile.
  const locked = draft.pending !== null;
  const formRef = useRef<HTMLFormElement>(null);
  const thanks = useRef<HTMLParagraphElement>(null);
  // Opening the form puts the visitor in its first field; sending it, on the thanks.
  useLayoutEffect(() => {
    if (sent) thanks.current?.focus();
    else formRef.current?.querySelector<HTMLElement>('[data-field="name"]')?.focus();
  }, [sent]);

  const bind = (field: keyof LeadValues) => ({
    value: values[field],
    error: wordField(t, english, errors[field]),
    readOnly: locked,
    'data-field': field,
    onChange: (e: { target: { value: string } }) => lead.change(field, e.target.value),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    if (sending.status === 'sending') return;
    if (locked) {
      void lead.send();
      return;
    }
    const body = {
      name: values.name,
      question: values.question,
      ...(values.email.trim() ? { email: values.email } : {}),
      ...(values.phone.trim() ? { phone: values.phone } : {}),
      ...(conversationId ? { conversationId } : {}),
    };
    const found = leadProblems(body);
    if (found) {
      setFieldErrors(found);
      formRef.current?.querySelector<HTMLElement>(`[data-field="${Object.keys(found)[0]}"]`)?.focus();
      return;
    }
    void lead.send(body);
  }

  if (sent) {
    return (
      <div className="teppan-chat__handoff">
        <p ref={thanks} tabIndex={-1} className="teppan-chat__thanks">
          {sent.email
            ? t('handoff.thanksEmail', { name: sent.name, email: sent.email })
            : t('handoff.thanksPhone', { name: sent.name, phone: sent.phone ?? '' })}
        </p>
        <Button variant="secondary" onClick={onDone}>
          {t('handoff.backToChat')}
        </Button>
      </div>
    );
  }
  return (
    <form className="teppan-chat__handoff" ref={formRef} noValidate onSubmit={submit} aria-label={t('talkToPerson')}>
      <p className="teppan-field__hint">{t('handoff.hint')}</p>
      <TextField label={t('handoff.name')} autoComplete="name" {...bind('name')} required />
      <TextField label={t('handoff.email')} type="email" autoComplete="email" {...bind('email')} />
      <TextField label={t('handoff.phone')} type="tel" autoComplete="tel" {...bind('phone')} />
      <TextAreaField label={t('handoff.question')} rows={3} {...bind('question')} required />
      {sending.status === 'failed' ? (
        <ErrorNotice
          error={{ userMessage: sending.error.status === 429 ? t('handoff.limited') : wordFailure(t, sending.error), retryable: sending.error.retryable }}
          onRetry={locked ? () => void lead.send() : undefined}
          retryLabel={t('tryAgain')}
        />
      ) : null}
      <p className="teppan-field__hint" role="status">
        {sending.status === 'offline' ? t('handoff.offline') : ''}
      </p>
      <div className="teppan-chat__handoff-actions">
        <Button variant="secondary" onClick={onDone}>
          {t('handoff.back')}
        </Button>
        <Button type="submit" busy={sending.status === 'sending'}>
          {t('handoff.send')}
        </Button>
      </div>
    </form>
  );
}
