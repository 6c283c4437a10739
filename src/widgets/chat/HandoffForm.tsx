import { type FormEvent, useLayoutEffect, useRef, useState } from 'react';
import { fieldErrorsOf, type Lead, leadRequest } from '../../contract';
import { isTeppanError, newIdempotencyKey, TeppanError } from '../../core';
import { Button, ErrorNotice, TextAreaField, TextField } from '../../ui';
import type { ChatApi } from './api';

export interface HandoffFormProps {
  api: ChatApi;
  /** What the visitor asked last: the team sees the question without asking again. */
  question: string;
  conversationId: string | null;
  onDone: () => void;
  onError: (error: TeppanError) => void;
}

type Values = { name: string; email: string; phone: string; question: string };
const FIELDS: ReadonlySet<string> = new Set<keyof Values>(['name', 'email', 'phone', 'question']);

/** "Talk to a person": name, email or phone, the question; sent once, then a confirmation. */
export function HandoffForm({ api, question, conversationId, onDone, onError }: HandoffFormProps) {
  const [values, setValues] = useState<Values>({ name: '', email: '', phone: '', question });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<TeppanError | null>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<Lead | null>(null);
  // One key for this form's intent: a double click, a retry or a lost answer never leaves two leads.
  const [key] = useState(newIdempotencyKey);
  const formRef = useRef<HTMLFormElement>(null);
  const thanks = useRef<HTMLParagraphElement>(null);
  // Opening the form puts the visitor in its first field; sending it, on the thanks.
  useLayoutEffect(() => {
    if (sent) thanks.current?.focus();
    else formRef.current?.querySelector<HTMLElement>('[data-field="name"]')?.focus();
  }, [sent]);

  const bind = (field: keyof Values) => ({
    value: values[field],
    error: errors[field],
    'data-field': field,
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value })),
  });

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (sending) return;
    const body = {
      name: values.name,
      question: values.question,
      ...(values.email.trim() ? { email: values.email } : {}),
      ...(values.phone.trim() ? { phone: values.phone } : {}),
      ...(conversationId ? { conversationId } : {}),
    };
    const checked = leadRequest.safeParse(body, { reportInput: true });
    if (!checked.success) {
      const found: Record<string, string> = {};
      for (const f of fieldErrorsOf(checked.error.issues)) found[f.field] ??= f.detail;
      setErrors(found);
      formRef.current?.querySelector<HTMLElement>(`[data-field="${Object.keys(found)[0]}"]`)?.focus();
      return;
    }
    setErrors({});
    setFailure(null);
    setSending(true);
    try {
      setSent(await api.createLead(body, { idempotencyKey: key }));
    } catch (cause) {
      const error = isTeppanError(cause) ? cause : new TeppanError({ kind: 'bad_response', cause });
      // Refusals of what is on screen go to their fields; anything else is said above the buttons.
      const shown = Object.keys(error.fieldErrors).filter((f) => FIELDS.has(f));
      if (error.kind === 'validation' && shown.length > 0) setErrors({ ...error.fieldErrors });
      else {
        setFailure(error);
        onError(error);
      }
    } finally {
      setSending(false);
    }
  }

  if (sent) {
    const how = sent.email ? `by email at ${sent.email}` : `by phone at ${sent.phone}`;
    return (
      <div className="teppan-chat__handoff">
        <p ref={thanks} tabIndex={-1} className="teppan-chat__thanks">
          Thanks, {sent.name}. The team has your question and will get back to you {how}.
        </p>
        <Button variant="secondary" onClick={onDone}>
          Back to the chat
        </Button>
      </div>
    );
  }
  return (
    <form className="teppan-chat__handoff" ref={formRef} noValidate onSubmit={submit} aria-label="Talk to a person">
      <p className="teppan-field__hint">Leave your details and a person from the team will answer. An email or a phone number is enough.</p>
      <TextField label="Name" autoComplete="name" {...bind('name')} required />
      <TextField label="Email" type="email" autoComplete="email" {...bind('email')} />
      <TextField label="Phone" type="tel" autoComplete="tel" {...bind('phone')} />
      <TextAreaField label="Your question" rows={3} {...bind('question')} required />
      {failure ? <ErrorNotice error={failure} onRetry={() => void submit()} /> : null}
      <div className="teppan-chat__handoff-actions">
        <Button variant="secondary" onClick={onDone}>
          Back
        </Button>
        <Button type="submit" busy={sending}>
          Send to the team
        </Button>
      </div>
    </form>
  );
}
