import { address, bookingNotes, customer, fieldErrorsOf, zipMismatchMessage } from '../../contract';
import type { BookingDraft, Step } from './draft';

export type FieldErrors = Record<string, string>;

/** Which step shows a field: server errors are routed back to where the visitor can fix them. */
export function stepOfField(field: string): Step {
  if (field === 'slotId') return 0;
  if (field.startsWith('address.') || field === 'notes') return 1;
  if (field.startsWith('customer.')) return 2;
  return 3;
}

/** The same schemas, and so the same words, as the server's validation. */
export function validateStep(step: Step, draft: BookingDraft, quoteZip: string): FieldErrors {
  const errors: FieldErrors = {};
  const add = (list: { field: string; detail: string }[]) => {
    for (const e of list) errors[e.field] ??= e.detail;
  };
  if (step === 0 && !draft.slotId) errors.slotId = 'Choose a seating.';
  if (step === 1) {
    const r = address.safeParse(draft.address, { reportInput: true });
    if (!r.success) add(fieldErrorsOf(r.error.issues, ['address']));
    if (!errors['address.zip'] && draft.address.zip.trim() !== quoteZip) {
      errors['address.zip'] = zipMismatchMessage(quoteZip);
    }
    const notes = bookingNotes.safeParse(draft.notes, { reportInput: true });
    if (!notes.success) add(fieldErrorsOf(notes.error.issues, ['notes']));
  }
  if (step === 2) {
    const r = customer.safeParse(draft.customer, { reportInput: true });
    if (!r.success) add(fieldErrorsOf(r.error.issues, ['customer']));
  }
  return errors;
}
