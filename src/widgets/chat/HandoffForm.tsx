import { type FormEvent, useLayoutEffect, useRef } from 'react';
import { fieldErrorsOf, leadRequest } from '../../contract';
import { Button, ErrorNotice, TextAreaField, TextField } from '../../ui';
import type { LeadValues } from './store';
import type { LeadForm } from './useLead';

export interface HandoffFormProps {
  /** The lead in progress, kept on this device (useLead). */
  lead: LeadForm;
  conversationId: string | null;
  onDone: () => void;
}

/** "Talk to a person": name, email or phone, the question; sent once, then a confirmation. */
export function HandoffForm({ lead, conversationId, onDone }: HandoffFormProps) {
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
    error: errors[field],
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
    const checked = leadRequest.safeParse(body, { reportInput: true });
    if (!checked.success) {
      const found: Record<string, string> = {};
      for (const f of fieldErrorsOf(checked.error.issues)) found[f.field] ??= f.detail;
      setFieldErrors(found);
      formRef.current?.querySelector<HTMLElement>(`[data-field="${Object.keys(found)[0]}"]`)?.focus();
      return;
    }
    void lead.send(body);
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
      {sending.status === 'failed' ? <ErrorNotice error={sending.error} onRetry={locked ? () => void lead.send() : undefined} /> : null}
      <p className="teppan-field__hint" role="status">
        {sending.status === 'offline' ? 'You’re offline. Your message to the team is saved on this device and will be sent when you’re back online.' : ''}
      </p>
      <div className="teppan-chat__handoff-actions">
        <Button variant="secondary" onClick={onDone}>
          Back
        </Button>
        <Button type="submit" busy={sending.status === 'sending'}>
          Send to the team
        </Button>
      </div>
    </form>
  );
}
