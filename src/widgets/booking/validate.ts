import type { core } from 'zod/mini';
import { address, bookingNotes, customer } from '../../contract';
import { type FieldProblems, issueProblem } from '../words';
import type { BookingDraft, Step } from './draft';

/** Which step shows a field: server errors are routed back to where the visitor can fix them. */
export function stepOfField(field: string): Step {
  if (field === 'slotId') return 0;
  if (field.startsWith('address.') || field === 'notes') return 1;
  if (field.startsWith('customer.')) return 2;
  return 3;
}

function add(errors: FieldProblems, issues: readonly core.$ZodIssue[], group: string) {
  for (const issue of issues) errors[[group, ...issue.path.map(String)].join('.')] ??= issueProblem(issue);
}

/** The same schemas, and so the same rules, as the server's validation; each problem a code the form words. */
export function validateStep(step: Step, draft: BookingDraft, quoteZip: string): FieldProblems {
  const errors: FieldProblems = {};
  if (step === 0 && !draft.slotId) errors.slotId = { code: 'required' };
  if (step === 1) {
    const r = address.safeParse(draft.address);
    if (!r.success) add(errors, r.error.issues, 'address');
    if (!errors['address.zip'] && draft.address.zip.trim() !== quoteZip) errors['address.zip'] = { code: 'mismatch', params: { zip: quoteZip } };
    const notes = bookingNotes.safeParse(draft.notes);
    if (!notes.success) for (const issue of notes.error.issues) errors.notes ??= issueProblem(issue);
  }
  if (step === 2) {
    const r = customer.safeParse(draft.customer);
    if (!r.success) add(errors, r.error.issues, 'customer');
  }
  return errors;
}
